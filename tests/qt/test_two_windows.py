"""Two windows (or processes) on one database: each sees the other's decisions after a
refresh, and a decision that replaces one made elsewhere says so.

A second SqlStore on the same file stands for the other process (each has its own
connections, exactly as another process would).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from curator.core import review
from curator.core.model import DocStatus, Status
from curator.qt.change_watcher import INTERVAL_MS
from curator.store import DatabaseBusyError, SqlStore
from tests.qt.conftest import go_to

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.core.ports import SlotChange
    from curator.core.schema import Schema
    from curator.qt.main_window import MainWindow


@pytest.fixture
def other(store: SqlStore, db_path: Path) -> Iterator[SqlStore]:
    """The other process's store on the same file."""
    with SqlStore.open(db_path, keep_backups=0) as opened:
        yield opened


def decide_elsewhere(
    other: SqlStore, schema: Schema, field: str, text: str | None, who: str = "bob"
) -> SlotChange:
    """``who`` corrects (or, text None, accepts) ``field`` of doc-a in the other process."""
    form = review.build_form(schema, "doc-a", other.suggestions("doc-a"), other.curated("doc-a"))
    index = form.index_of(field, 0)
    assert index is not None
    slot = form.slots[index]
    if text is None:
        change = review.accept(slot, "doc-a", who)
    else:
        change = review.correct(slot, "doc-a", text, who)
    (applied,) = other.apply([change], who)
    return applied


def shown_slot(window: MainWindow, field: str) -> review.Slot:
    index = window.review.form.index_of(field, 0)
    assert index is not None
    return window.review.form.slots[index]


def test_the_window_polls_every_few_seconds(window: MainWindow) -> None:
    assert window.watcher.timer.isActive()
    assert window.watcher.timer.interval() == INTERVAL_MS == 3000


def test_a_decision_made_elsewhere_shows_after_a_refresh(
    window: MainWindow, other: SqlStore, schema: Schema
) -> None:
    go_to(window, "study_design")
    before = window.documents.model.info(window.documents.model.row_of("doc-a") or 0)
    assert before is not None
    assert before.status is DocStatus.NEW
    assert shown_slot(window, "n_total").is_open
    decide_elsewhere(other, schema, "n_total", "54")
    assert window.watcher.check()
    slot = shown_slot(window, "n_total")
    assert (slot.status, slot.value) == (Status.CORRECTED, "54")
    assert window.review.current_slot is not None
    assert window.review.current_slot.key == ("study_design", 0)  # the keyboard stays
    after = window.documents.model.info(window.documents.model.row_of("doc-a") or 0)
    assert after is not None
    assert after.status is DocStatus.IN_PROGRESS
    assert after.open_suggestions == before.open_suggestions - 1
    assert not window.watcher.check()  # nothing new: no second refresh


def test_activating_the_window_refreshes(
    qtbot: QtBot, shown: MainWindow, other: SqlStore, schema: Schema
) -> None:
    decide_elsewhere(other, schema, "n_total", None)
    QApplication.sendEvent(shown, QEvent(QEvent.Type.ActivationChange))
    assert shown_slot(shown, "n_total").status is Status.ACCEPTED


def test_an_open_editor_is_never_pulled_away(
    qtbot: QtBot, shown: MainWindow, other: SqlStore, schema: Schema
) -> None:
    go_to(shown, "study_design")
    shown.action("review.correct").trigger()
    box = shown.form.findChild(QLineEdit, "slotEditor")
    assert box is not None
    qtbot.keyClicks(box, "x")
    decide_elsewhere(other, schema, "n_total", "54")
    assert shown.watcher.check()
    assert shown.form.editing
    assert box.text().endswith("x")
    assert shown_slot(shown, "n_total").is_open  # not yet: the form waits for the editor
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shown_slot(shown, "n_total").status is Status.CORRECTED)


def test_replacing_a_decision_made_elsewhere_shows_a_notice_and_undo_restores_it(
    window: MainWindow, store: SqlStore, other: SqlStore, schema: Schema
) -> None:
    go_to(window, "n_total")
    decide_elsewhere(other, schema, "n_total", "60")  # the window still shows it open
    window.action("review.accept").trigger()
    notice = "N total: bob had set it to “60”; your value replaced it — both are in the history"
    assert window.detail.message.text() == f"⚠ {notice}"
    assert window.detail.message.property("warning") is True
    assert window.statusBar().currentMessage() == f"⚠ {notice}"
    assert [(h.curator, h.new_value) for h in store.history("doc-a") if h.field == "n_total"] == [
        ("bob", "60"),
        ("tester", "53"),
    ]
    window.action("edit.undo").trigger()  # back to what the database held: bob's value
    (value,) = [c for c in store.curated("doc-a") if c.field == "n_total"]
    assert (value.status, value.value, value.curator) == (Status.CORRECTED, "60", "bob")


def test_no_notice_without_a_conflict(window: MainWindow, store: SqlStore) -> None:
    go_to(window, "n_total")
    window.action("review.accept").trigger()
    assert "history" not in window.detail.message.text()
    assert "history" not in window.statusBar().currentMessage()


def test_a_busy_database_is_reported_and_nothing_is_pushed(
    window: MainWindow, store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    go_to(window, "n_total")

    def busy(*_args: object, **_kwargs: object) -> None:
        raise DatabaseBusyError(f"{store.location} is locked by another program; close it "
                                "or try again.")  # fmt: skip

    monkeypatch.setattr(store, "apply", busy)
    window.action("review.accept").trigger()
    assert "Not saved" in window.detail.message.text()
    assert "locked by another program" in window.detail.message.text()
    assert window.undo_stack.count() == 0
    assert shown_slot(window, "n_total").is_open
    monkeypatch.undo()
    assert store.curated("doc-a") == []
