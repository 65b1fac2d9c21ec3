"""The document text: open suggestions underlined, the current evidence highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

from curator.core.model import NewDocument

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore


def spans(window: MainWindow) -> set[tuple[int, int]]:
    return {
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.viewer.extraSelections()
    }


def test_open_suggestions_and_the_current_span_are_marked(qtbot: QtBot, window: MainWindow) -> None:
    form = window.review.form
    opened = {s.span for s in form.slots if s.is_open and s.span}
    qtbot.waitUntil(lambda: opened <= spans(window))
    index = form.index_of("n_total", 0)
    assert index is not None
    window.review.set_current(index)
    current = form.slots[index].span
    qtbot.waitUntil(lambda: window.viewer._current == current)
    window.action("review.accept").trigger()
    qtbot.waitUntil(lambda: current in window.viewer._decided)


def test_the_current_span_is_scrolled_into_view(
    qtbot: QtBot, make_window: object, store: SqlStore, schema: object, source: object
) -> None:
    from curator.core import jobs

    long_text = "Filler line.\n" * 400 + "We followed 77 patients in a retrospective cohort."
    store.add_documents([NewDocument("doc-long", "Long", "long.txt", long_text)])
    jobs.extract_documents(store, source, schema, ["doc-long"])  # type: ignore[arg-type]
    window = make_window(store)  # type: ignore[operator]
    window.show()
    qtbot.waitExposed(window)
    window.open_document("doc-long")
    index = window.review.form.index_of("n_total", 0)
    window.review.set_current(index)
    start = long_text.index("77")
    qtbot.waitUntil(lambda: window.viewer._current == (start, start + 2))
    cursor = QTextCursor(window.viewer.document())
    cursor.setPosition(start)
    assert window.viewer.viewport().rect().contains(window.viewer.cursorRect(cursor))
