"""Typed values are checked against the schema before anything is stored: the type, the
p value format, and the group's checks (CI low ≤ value ≤ CI high in an outcomes row).
An invalid value keeps the editor open with the text and an inline message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from curator.core.model import Status
from tests.qt.conftest import go_to

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore


def stored(store: SqlStore, field: str) -> tuple[Status, str | None] | None:
    found = [(c.status, c.value) for c in store.curated("doc-a") if c.field == field]
    return found[0] if found else None


def type_into(qtbot: QtBot, window: MainWindow, field: str, text: str) -> QLineEdit:
    go_to(window, field)
    window.action("review.correct").trigger()
    box = window.form.findChild(QLineEdit, "slotEditor")
    assert box is not None
    assert box.isVisible()
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    return box


def test_a_ci_bound_above_the_estimate_is_refused_inline_then_fixed(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    go_to(shown, "outcomes.value")
    shown.action("review.accept").trigger()  # 0.295
    box = type_into(qtbot, shown, "outcomes.ci_low", "0.5")
    assert shown.form.editing
    assert box.text() == "0.5"  # the typed text stays until fixed or cancelled
    assert box.property("invalid") is True
    message = shown.detail.message.text()
    assert "95% CI low 0.5 is above Value 0.295" in message
    assert stored(store, "outcomes.ci_low") is None
    box.clear()
    qtbot.keyClicks(box, "0.2")
    with qtbot.waitSignal(shown.review.suggestion_changed, timeout=1000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert stored(store, "outcomes.ci_low") == (Status.CORRECTED, "0.2")


def test_a_p_value_is_checked_and_normalized(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    box = type_into(qtbot, shown, "outcomes.p_value", "1.5")
    assert shown.form.editing
    assert "is not a p value" in shown.detail.message.text()
    assert stored(store, "outcomes.p_value") is None
    box.clear()
    qtbot.keyClicks(box, "p < .001")
    with qtbot.waitSignal(shown.review.suggestion_changed, timeout=1000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert stored(store, "outcomes.p_value") == (Status.MANUAL, "<0.001")


def test_escape_cancels_an_invalid_value(qtbot: QtBot, shown: MainWindow, store: SqlStore) -> None:
    box = type_into(qtbot, shown, "outcomes.p_value", "abc")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.form.editing)
    assert stored(store, "outcomes.p_value") is None


def test_accepting_a_suggestion_that_breaks_the_ci_order_keeps_it_with_a_warning(
    qtbot: QtBot, window: MainWindow, store: SqlStore
) -> None:
    window.review.correct("0.05", index=window.review.form.index_of("outcomes.value", 0))
    go_to(window, "outcomes.ci_low")
    window.action("review.accept").trigger()  # 0.108 as printed, above 0.05
    assert stored(store, "outcomes.ci_low") == (Status.ACCEPTED, "0.108")
    warning = "95% CI low 0.108 is above Value 0.05; expected 95% CI low ≤ Value ≤ 95% CI high"
    assert window.detail.message.text() == f"⚠ Accepted as printed, but {warning}"
    go_to(window, "n_total")
    go_to(window, "outcomes.ci_low")  # back on it: the panel still says so
    assert window.detail.message.text() == f"⚠ {warning}"
    assert window.detail.message.property("warning") is True


def test_take_is_checked_too(window: MainWindow, store: SqlStore) -> None:
    go_to(window, "outcomes.value")
    window.action("review.accept").trigger()
    text = window.viewer.toPlainText()
    start = text.index("0.807")  # the upper bound, taken as the lower one by mistake
    window.viewer.select_span(start, start + 5)
    go_to(window, "outcomes.ci_low")
    window.action("review.take").trigger()
    assert "is above Value 0.295" in window.detail.message.text()
    assert stored(store, "outcomes.ci_low") is None
