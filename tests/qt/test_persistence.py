"""Decisions, layout and the last document survive closing and reopening."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curator.core.model import Status
from curator.store import SqlStore

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QSettings

    from curator.qt.main_window import MainWindow


def test_decisions_and_session_persist_after_reopening(
    make_window: Callable[[SqlStore], MainWindow],
    store: SqlStore,
    db_path: Path,
    settings: QSettings,
) -> None:
    first = make_window(store)
    first.action("review.accept_all").trigger()
    first.action("nav.next_document").trigger()
    opened = first.review.document
    assert opened is not None
    first.ui.mainSplitter.setSizes([200, 700, 500])
    sizes = first.ui.mainSplitter.sizes()
    first.close()
    store.close()

    reopened = SqlStore.open(db_path)
    try:
        second = make_window(reopened)
        assert second.review.document is not None
        assert second.review.document.id == opened.id
        assert second.ui.mainSplitter.sizes() == sizes
        second.open_document("doc-a")
        states = {s.key: s.status for s in second.review.form.slots if s.status}
        assert states[("n_total", 0)] is Status.ACCEPTED
        assert states[("intervention", 0)] is Status.SUGGESTED
        model = second.documents.model
        assert model.info(model.row_of("doc-a")).status.value == "in progress"  # type: ignore[arg-type, union-attr]
        assert settings.value("session/last_document") == "doc-a"
    finally:
        second.close()
        reopened.close()
