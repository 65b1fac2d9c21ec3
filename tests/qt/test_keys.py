"""The key wiring itself: each focus context gets the keys it should, and no others."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from curator.core.model import DocStatus, Status
from tests.qt.conftest import go_to

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore

K = Qt.Key


def key_of(window: MainWindow) -> tuple[str, int] | None:
    slot = window.review.current_slot
    return slot.key if slot else None


def doc_of(window: MainWindow) -> str | None:
    return window.review.document.id if window.review.document else None


def form_key(qtbot: QtBot, window: MainWindow, key: Qt.Key, mods: object = None) -> None:
    window.form.focus_current()
    table = window.form.current_table()
    assert table is not None
    if mods is None:
        qtbot.keyClick(table, key)
    else:
        qtbot.keyClick(table, key, mods)  # type: ignore[arg-type]


def test_j_k_and_down_up_move_between_fields(qtbot: QtBot, shown: MainWindow) -> None:
    start = shown.review.current
    form_key(qtbot, shown, K.Key_J)
    assert shown.review.current == start + 1
    form_key(qtbot, shown, K.Key_K)
    assert shown.review.current == start
    form_key(qtbot, shown, K.Key_Down)
    assert shown.review.current == start + 1
    form_key(qtbot, shown, K.Key_Up)
    assert shown.review.current == start


def test_down_in_the_document_list_moves_the_list_not_the_field(
    qtbot: QtBot, shown: MainWindow
) -> None:
    field = shown.review.current
    shown.documents.table.setFocus()
    qtbot.keyClick(shown.documents.table, K.Key_Down)
    assert doc_of(shown) == shown.documents.neighbour("doc-a", 1)
    assert shown.review.current != -1
    assert field is not None


def test_review_keys_decide(qtbot: QtBot, shown: MainWindow, store: SqlStore) -> None:
    go_to(shown, "n_total")
    form_key(qtbot, shown, K.Key_A)
    go_to(shown, "intervention")
    form_key(qtbot, shown, K.Key_X)
    decided = {(c.field, c.status) for c in store.curated("doc-a")}
    assert decided == {("n_total", Status.ACCEPTED), ("intervention", Status.REJECTED)}
    form_key(qtbot, shown, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {c.field for c in store.curated("doc-a")} == {"n_total"}
    form_key(
        qtbot,
        shown,
        K.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert {c.field for c in store.curated("doc-a")} == {"n_total", "intervention"}


def test_space_skips_and_shift_a_accepts_all(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    before = key_of(shown)
    form_key(qtbot, shown, K.Key_Space)
    assert key_of(shown) != before
    assert store.curated("doc-a") == []
    form_key(qtbot, shown, K.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert len(store.curated("doc-a")) == 3
    assert shown.undo_stack.count() == 1


def test_n_p_and_ctrl_enter_move_between_documents(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    second = shown.documents.neighbour("doc-a", 1)
    form_key(qtbot, shown, K.Key_N)
    assert doc_of(shown) == second
    form_key(qtbot, shown, K.Key_P)
    assert doc_of(shown) == "doc-a"
    form_key(qtbot, shown, K.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store.document("doc-a").status is DocStatus.DONE
    assert doc_of(shown) == second


def test_t_takes_the_selection_while_the_text_has_focus(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    text = shown.viewer.toPlainText()
    start = text.index("Neurology")
    go_to(shown, "journal")
    shown.viewer.setFocus()
    shown.viewer.select_span(start, start + len("Neurology"))
    qtbot.keyClick(shown.viewer, K.Key_J)  # moving the field keeps the selection
    qtbot.keyClick(shown.viewer, K.Key_K)
    assert shown.viewer.selection() is not None
    qtbot.keyClick(shown.viewer, K.Key_T)
    [value] = store.curated("doc-a")
    assert (value.field, value.value, value.status) == ("journal", "Neurology", Status.MANUAL)


def test_letters_type_into_the_search_box(qtbot: QtBot, shown: MainWindow, store: SqlStore) -> None:
    form_key(qtbot, shown, K.Key_Slash)
    search = shown.documents.search
    assert search.hasFocus()
    before = shown.review.current
    qtbot.keyClicks(search, "ax tjnp ")
    assert search.text() == "ax tjnp "
    assert store.curated("doc-a") == []
    assert shown.review.current == before
    assert doc_of(shown) == "doc-a"
    qtbot.keyClick(search, K.Key_Escape)
    assert search.text() == ""
    form_key(qtbot, shown, K.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert search.hasFocus()


def test_search_filters_the_list_with_full_text(qtbot: QtBot, shown: MainWindow) -> None:
    shown.action("view.search").trigger()
    qtbot.keyClicks(shown.documents.search, "immunoglobulin")
    qtbot.keyClick(shown.documents.search, K.Key_Return)
    assert shown.documents.model.rowCount() == 1
    assert shown.documents.table.hasFocus()
    assert doc_of(shown) == "doc-b"


def test_status_filter_shows_only_that_status(window: MainWindow) -> None:
    window.action("doc.mark_done").trigger()
    window.documents.status_filter.setCurrentIndex(3)  # Done
    assert window.documents.model.rowCount() == 1
    window.documents.status_filter.setCurrentIndex(1)  # New
    assert window.documents.model.rowCount() == 2


def test_letters_type_into_the_cell_editor(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    go_to(shown, "journal")
    form_key(qtbot, shown, K.Key_E)
    box = shown.form.findChild(QLineEdit, "slotEditor")
    assert box is not None
    qtbot.keyClicks(box, "Ann Neurol ajkxtnp")
    qtbot.keyClick(box, K.Key_Space)
    qtbot.keyClick(box, K.Key_Down)  # stays in the editor: not "next field"
    assert box.text() == "Ann Neurol ajkxtnp "
    assert shown.form.editing
    assert key_of(shown) == ("journal", 0)
    assert store.curated("doc-a") == []
    qtbot.keyClick(box, K.Key_Return)
    [value] = store.curated("doc-a")
    assert (value.field, value.value, value.status) == (
        "journal",
        "Ann Neurol ajkxtnp",
        Status.MANUAL,
    )
    assert shown.form.current_table() is not None
    assert shown.form.has_focus_inside()  # Enter returns the keyboard to the form


def test_f1_shows_the_shortcut_sheet(qtbot: QtBot, shown: MainWindow) -> None:
    form_key(qtbot, shown, K.Key_F1)
    assert shown.shortcut_sheet is not None
    qtbot.waitExposed(shown.shortcut_sheet)


def test_the_keyboard_starts_in_the_form(qtbot: QtBot, shown: MainWindow) -> None:
    qtbot.waitUntil(shown.form.has_focus_inside)
    qtbot.keyClick(shown.focusWidget(), K.Key_A)
    assert shown.undo_stack.count() == 1


def test_a_decision_under_a_status_filter_is_seen_by_the_next_filter(
    window: MainWindow,
) -> None:
    window.documents.status_filter.setCurrentIndex(1)  # New
    assert window.documents.model.rowCount() == 3
    window.action("review.accept").trigger()  # doc-a becomes "in progress"
    window.documents.status_filter.setCurrentIndex(2)  # In progress
    assert window.documents.model.rowCount() == 1
    assert window.documents.model.info(0).id == "doc-a"  # type: ignore[union-attr]
