"""Undo commands: every edit of the session is one of these on the QUndoStack.

Each keeps its before/after and hands them to the controller's sink; the database
(with its append-only history) stays the record, the stack is the session's convenience.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from curator.core.review import inverse

if TYPE_CHECKING:
    from collections.abc import Sequence

    from curator.core.model import DocStatus
    from curator.core.ports import HistoryKind, SlotChange
    from curator.qt.review_controller import ReviewController


class SlotChangesCommand(QUndoCommand):
    """One decision, or a bulk decision (accept all, remove row) as one undo step."""

    def __init__(
        self,
        sink: ReviewController,
        changes: Sequence[SlotChange],
        text: str,
        focus: tuple[str, int] | None = None,
        applied: bool = False,
    ) -> None:
        super().__init__(text)
        self._sink, self._changes, self._focus = sink, tuple(changes), focus
        self._skip_redo = applied  # the intent already stored it: the first redo is a no-op

    @property
    def changes(self) -> tuple[SlotChange, ...]:
        return self._changes

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(list(self._changes), "decision")

    def undo(self) -> None:
        self._apply([inverse(c) for c in reversed(self._changes)], "undo")

    def _apply(self, changes: list[SlotChange], kind: HistoryKind) -> None:
        try:
            self._sink.apply(changes, self._focus, kind=kind)
        except Exception as exc:  # a store error: nothing was written; say so, never crash
            self._sink.message_posted.emit(f"Not saved ({self.text()}): {exc}")


class DocumentStatusCommand(QUndoCommand):
    """A document's status (mark done)."""

    def __init__(
        self,
        sink: ReviewController,
        document_id: str,
        before: DocStatus,
        after: DocStatus,
        title: str,
    ) -> None:
        super().__init__(f"Mark “{title[:40]}” {after.value}")
        self._sink, self._id, self._before, self._after = sink, document_id, before, after

    def redo(self) -> None:
        self._sink.set_status(self._id, self._after)

    def undo(self) -> None:
        self._sink.set_status(self._id, self._before)
        doc = self._sink.document
        if doc is None or doc.id != self._id:
            self._sink.open_document(self._id)
