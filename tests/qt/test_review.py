"""Reviewing through the real window: actions and keys, store as the record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from curator.core.model import DocStatus, Status
from tests.qt.conftest import go_to

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore


def curated(store: SqlStore, doc_id: str) -> dict[tuple[str, int], tuple[Status, str | None]]:
    return {(c.field, c.row): (c.status, c.value) for c in store.curated(doc_id)}


def editor(window: MainWindow) -> QLineEdit:
    found = window.form.findChild(QLineEdit, "slotEditor")
    assert found is not None
    assert found.isVisible()
    return found


def test_window_opens_first_document_at_first_open_suggestion(window: MainWindow) -> None:
    assert window.review.document is not None
    assert window.review.document.id == "doc-a"
    slot = window.review.current_slot
    assert slot is not None
    assert slot.is_open
    assert window.viewer.toPlainText().startswith("Azathioprine in Rasmussen")


def test_accept_by_key_then_undo(qtbot: QtBot, shown: MainWindow, store: SqlStore) -> None:
    go_to(shown, "n_total")
    shown.form.focus_current()
    with qtbot.waitSignal(shown.review.suggestion_changed, timeout=1000):
        qtbot.keyClick(shown.form.current_table(), Qt.Key.Key_A)
    assert curated(store, "doc-a")[("n_total", 0)] == (Status.ACCEPTED, "53")
    row = shown.documents.model.row_of("doc-a")
    assert shown.documents.model.info(row).status is DocStatus.IN_PROGRESS  # type: ignore[union-attr]
    # the keyboard moved on to the next open suggestion
    assert shown.review.current_slot is not None
    assert shown.review.current_slot.is_open
    shown.action("edit.undo").trigger()
    assert ("n_total", 0) not in curated(store, "doc-a")
    assert shown.review.current_slot is not None
    assert shown.review.current_slot.key == ("n_total", 0)
    shown.action("edit.redo").trigger()
    assert curated(store, "doc-a")[("n_total", 0)] == (Status.ACCEPTED, "53")
    # the history keeps all three, the undo marked as one
    steps = [(h.kind, h.old_status, h.new_status) for h in store.history("doc-a")]
    assert steps == [
        ("decision", None, Status.ACCEPTED),
        ("undo", Status.ACCEPTED, None),
        ("decision", None, Status.ACCEPTED),
    ]


def test_reject_by_action(window: MainWindow, store: SqlStore) -> None:
    go_to(window, "intervention")
    window.action("review.reject").trigger()
    assert curated(store, "doc-a")[("intervention", 0)] == (Status.REJECTED, None)
    model = window.form.models[3]  # intervention group
    texts = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert "✗ rejected" in texts


def test_correct_with_a_valid_value(qtbot: QtBot, shown: MainWindow, store: SqlStore) -> None:
    go_to(shown, "n_total")
    shown.action("review.correct").trigger()
    box = editor(shown)
    assert box.text() == "53"
    box.clear()
    qtbot.keyClicks(box, "54")
    with qtbot.waitSignal(shown.review.suggestion_changed, timeout=1000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert curated(store, "doc-a")[("n_total", 0)] == (Status.CORRECTED, "54")
    assert not shown.form.editing


def test_correct_with_an_invalid_value_keeps_the_editor(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    go_to(shown, "n_total")
    shown.action("review.correct").trigger()
    box = editor(shown)
    box.clear()
    qtbot.keyClicks(box, "fifty")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert shown.form.editing
    assert editor(shown).text() == "fifty"
    assert "not a whole number" in shown.detail.message.text()
    assert ("n_total", 0) not in curated(store, "doc-a")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.form.editing)
    assert ("n_total", 0) not in curated(store, "doc-a")


def test_enter_key_opens_the_editor_and_escape_cancels(qtbot: QtBot, shown: MainWindow) -> None:
    go_to(shown, "n_total")
    shown.form.focus_current()
    qtbot.keyClick(shown.form.current_table(), Qt.Key.Key_Return)
    box = editor(shown)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.form.editing)


def test_skip_leaves_the_suggestion_open(window: MainWindow, store: SqlStore) -> None:
    first = window.review.current
    window.action("review.skip").trigger()
    assert window.review.current != first
    assert window.review.form.slots[first].is_open
    assert curated(store, "doc-a") == {}


def test_accept_all_is_one_undo_step(window: MainWindow, store: SqlStore) -> None:
    window.action("review.accept_all").trigger()
    decided = curated(store, "doc-a")
    assert set(decided) == {("n_total", 0), ("study_design", 0), ("outcomes.measure", 0)}
    assert all(status is Status.ACCEPTED for status, _ in decided.values())
    assert window.undo_stack.count() == 1
    assert "0.90" in window.action("review.accept_all").text()
    window.action("edit.undo").trigger()
    assert curated(store, "doc-a") == {}


def test_undo_in_another_document_opens_it_at_that_field(
    window: MainWindow, store: SqlStore
) -> None:
    go_to(window, "study_design")
    window.action("review.accept").trigger()
    following = window.documents.neighbour("doc-a", 1)
    window.action("nav.next_document").trigger()
    assert window.review.document is not None
    assert window.review.document.id == following
    assert following != "doc-a"
    window.action("edit.undo").trigger()
    assert window.review.document.id == "doc-a"
    assert window.documents.current_id() == "doc-a"
    assert window.review.current_slot is not None
    assert window.review.current_slot.key == ("study_design", 0)
    assert curated(store, "doc-a") == {}


def test_take_selected_text_into_the_current_field(window: MainWindow, store: SqlStore) -> None:
    text = window.viewer.toPlainText()
    start = text.index("2019")
    window.viewer.select_span(start, start + 4)
    go_to(window, "year")
    window.action("review.take").trigger()
    value = store.curated("doc-a")[0]
    assert (value.field, value.status, value.value) == ("year", Status.MANUAL, "2019")
    assert (value.start, value.end) == (start, start + 4)


def test_take_into_a_table_with_a_value_adds_a_row(window: MainWindow, store: SqlStore) -> None:
    go_to(window, "adverse_events.event")
    window.action("review.accept").trigger()
    text = window.viewer.toPlainText()
    start = text.index("Hazard")
    window.viewer.select_span(start, start + len("Hazard ratio"))
    go_to(window, "adverse_events.event")
    window.action("review.take").trigger()
    decided = curated(store, "doc-a")
    assert decided[("adverse_events.event", 0)] == (Status.ACCEPTED, "pancytopenia")
    assert decided[("adverse_events.event", 1)] == (Status.MANUAL, "Hazard ratio")
    assert window.form.models[6].rowCount() == 2


def test_take_an_invalid_value_shows_a_message(window: MainWindow, store: SqlStore) -> None:
    text = window.viewer.toPlainText()
    start = text.index("Rasmussen")
    window.viewer.select_span(start, start + 9)
    go_to(window, "year")
    window.action("review.take").trigger()
    assert "not a whole number" in window.detail.message.text()
    assert curated(store, "doc-a") == {}


def test_mark_done_goes_to_the_next_document_not_done(window: MainWindow, store: SqlStore) -> None:
    following = window.documents.next_not_done("doc-a")
    window.action("doc.mark_done").trigger()
    assert store.document("doc-a").status is DocStatus.DONE
    assert window.review.document is not None
    assert window.review.document.id == following
    row = window.documents.model.row_of("doc-a")
    assert window.documents.model.info(row).status is DocStatus.DONE  # type: ignore[union-attr]
    window.action("edit.undo").trigger()
    assert store.document("doc-a").status is DocStatus.NEW
    assert window.review.document.id == "doc-a"


def test_add_and_remove_a_table_row(window: MainWindow, store: SqlStore) -> None:
    go_to(window, "outcomes.value")
    window.action("review.add_row").trigger()
    slot = window.review.current_slot
    assert slot is not None
    assert slot.key == ("outcomes.value", 1)
    assert slot.status is None
    window.action("review.remove_row").trigger()
    assert window.review.form.rows("outcomes") == [0]
    go_to(window, "outcomes.value")
    window.action("review.remove_row").trigger()
    decided = curated(store, "doc-a")
    assert decided[("outcomes.value", 0)] == (Status.REJECTED, None)
    assert decided[("outcomes.measure", 0)] == (Status.REJECTED, None)
    assert window.undo_stack.count() == 1


def test_accepting_an_accepted_value_adds_no_step(window: MainWindow, store: SqlStore) -> None:
    go_to(window, "n_total")
    window.action("review.accept").trigger()
    go_to(window, "n_total")
    window.action("review.accept").trigger()
    assert window.undo_stack.count() == 1
    assert len([h for h in store.history("doc-a") if h.field == "n_total"]) == 1


def test_a_store_error_on_undo_is_reported_not_raised(
    window: MainWindow, store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_to(window, "n_total")
    window.action("review.accept").trigger()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "apply", broken)
    window.action("edit.undo").trigger()
    assert "disk full" in window.detail.message.text()
    monkeypatch.undo()
    assert curated(store, "doc-a")[("n_total", 0)] == (Status.ACCEPTED, "53")
