"""DocumentView: the read-only text of the open document with its evidence spans.

Spans of open suggestions are underlined; the current field's evidence span is
highlighted and scrolled into view without moving the text cursor, so a selection made
for "Take" survives moving between fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

if TYPE_CHECKING:
    from collections.abc import Iterable

OPEN_UNDERLINE = QColor("#c77700")
CURRENT_BACKGROUND = QColor("#ffe08a")
DECIDED_BACKGROUND = QColor("#e4efe0")


class DocumentView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setAccessibleName("Document text")
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(10.0, font.pointSizeF() * 1.1))
        self.setFont(font)
        self.document().setDocumentMargin(10)
        self._open: tuple[tuple[int, int], ...] = ()
        self._decided: tuple[tuple[int, int], ...] = ()
        self._current: tuple[int, int] | None = None
        self._made: dict[tuple[str, int, int], QTextEdit.ExtraSelection] = {}

    def set_text(self, text: str) -> None:
        self._open, self._decided, self._current = (), (), None
        self._made.clear()
        self.setExtraSelections([])
        self.setPlainText(text)

    def selection(self) -> tuple[int, int, str] | None:
        """The selected span as ``(start, end, text)`` in document coordinates."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = self.toPlainText()[start:end]
        return (start, end, text)

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def set_spans(
        self,
        open_spans: Iterable[tuple[int, int]],
        decided_spans: Iterable[tuple[int, int]],
        current: tuple[int, int] | None,
    ) -> None:
        """Underline open suggestions, tint decided evidence, highlight ``current``."""
        open_t, decided_t = tuple(open_spans), tuple(decided_spans)
        if (open_t, decided_t, current) == (self._open, self._decided, self._current):
            return
        moved = current != self._current
        self._open, self._decided, self._current = open_t, decided_t, current
        selections = [self._made_selection("open", s) for s in open_t]
        selections += [self._made_selection("decided", s) for s in decided_t]
        if current is not None:
            selections.append(self._made_selection("current", current))
        self.setExtraSelections(selections)
        if moved and current is not None:
            self.reveal(current[0])

    def reveal(self, position: int) -> None:
        """Scroll so that ``position`` is visible (a third from the top), cursor untouched."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        rect = self.cursorRect(cursor)
        viewport = self.viewport().rect()
        if viewport.top() + 20 <= rect.top() and rect.bottom() <= viewport.bottom() - 20:
            return
        block = cursor.block()
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout else None
        first = block.firstLineNumber() + (line.lineNumber() if line and line.isValid() else 0)
        visible = max(1, viewport.height() // max(1, self.fontMetrics().lineSpacing()))
        self.verticalScrollBar().setValue(max(0, first - visible // 3))

    def _made_selection(self, kind: str, span: tuple[int, int]) -> QTextEdit.ExtraSelection:
        """One selection per (kind, span) and document: made once, reused on every repaint."""
        key = (kind, span[0], span[1])
        made = self._made.get(key)
        if made is None:
            if kind == "open":
                fmt = self._underline()
            else:
                decided = kind == "decided"
                fmt = self._tint(DECIDED_BACKGROUND if decided else CURRENT_BACKGROUND, not decided)
            made = self._made[key] = self._selection(span, fmt)
        return made

    def _selection(self, span: tuple[int, int], fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        limit = self.document().characterCount() - 1
        cursor.setPosition(min(span[0], limit))
        cursor.setPosition(min(span[1], limit), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    @staticmethod
    def _underline() -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(OPEN_UNDERLINE)
        return fmt

    @staticmethod
    def _tint(color: QColor, bold: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        if bold:
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor("#8a5a00"))
        return fmt
