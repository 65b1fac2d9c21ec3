"""ReviewController: the open document, its form, the current slot, and the review intents.

Intents (``accept()``, ``reject()``, ``correct(text)``, ``take(...)``, ``accept_all(...)``)
compute :class:`~curator.core.ports.SlotChange` values with :mod:`curator.core.review`,
write them through :meth:`apply` (the one sink: ``store.apply`` commits immediately) and
push an undo command whose ``undo()``/``redo()`` call the same sink. Views only call
intents and listen to the signals.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from curator.core import review
from curator.core.model import DocStatus, Status
from curator.core.review import Form, Slot
from curator.qt.commands import DocumentStatusCommand, SlotChangesCommand

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QUndoStack

    from curator.core.model import CuratedValue, Document, Suggestion
    from curator.core.ports import EvidenceStore, HistoryKind, SlotChange
    from curator.core.schema import Schema


class ReviewController(QObject):
    document_opened = Signal(str)  # document id; the form was rebuilt
    form_changed = Signal(object)  # frozenset of changed slot keys, or None (new structure)
    current_changed = Signal(int)  # index into form.slots, -1 when the form is empty
    suggestion_changed = Signal(str)  # document id whose decisions were stored
    status_changed = Signal(str, object)  # document id, DocStatus
    message_posted = Signal(str)  # one line for the user (status bar / form message strip)
    warning_posted = Signal(str)  # the same, to be noticed: a decision made elsewhere replaced,
    # or a suggestion accepted as printed that breaks a check of its group

    def __init__(
        self,
        store: EvidenceStore,
        schema: Schema,
        curator: str,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.schema, self.curator, self.undo_stack = store, schema, curator, undo_stack
        self.document: Document | None = None
        self.form = Form("", ())
        self.current = -1
        self._suggestions: list[Suggestion] = []
        self._curated: dict[tuple[str, int], CuratedValue] = {}
        self._extra: set[tuple[str, int]] = set()

    # -- reading -------------------------------------------------------------------
    @property
    def current_slot(self) -> Slot | None:
        return self.form.slots[self.current] if 0 <= self.current < len(self.form.slots) else None

    def open_document(self, document_id: str, focus: tuple[str, int] | None = None) -> None:
        self.document = self.store.document(document_id)
        self._suggestions = self.store.suggestions(document_id)
        self._curated = {(c.field, c.row): c for c in self.store.curated(document_id)}
        self._extra = set()
        self.form = self._build()
        index = self.form.index_of(*focus) if focus else None
        if index is None:
            index = self.form.next_open(-1)
        self.current = index if index is not None else (0 if self.form.slots else -1)
        self.document_opened.emit(document_id)
        self.form_changed.emit(None)
        self.current_changed.emit(self.current)

    def reload(self) -> None:
        """Re-read the open document (new suggestions arrived from a background job)."""
        if self.document is not None:
            slot = self.current_slot
            keep = slot is not None and slot.status is not None
            self.open_document(self.document.id, slot.key if slot and keep else None)

    def _build(self) -> Form:
        doc_id = self.document.id if self.document else ""
        return review.build_form(
            self.schema, doc_id, self._suggestions, self._curated.values(), self._extra
        )

    # -- navigation ----------------------------------------------------------------
    def set_current(self, index: int) -> None:
        if index != self.current and 0 <= index < len(self.form.slots):
            self.current = index
            self.current_changed.emit(index)

    def step(self, delta: int) -> None:
        if self.form.slots:
            self.set_current(max(0, min(len(self.form.slots) - 1, self.current + delta)))

    def skip(self) -> None:
        nxt = self.form.next_open(self.current)
        if nxt is None or nxt == self.current:
            self.message_posted.emit("No other open suggestion in this document")
        self.set_current(nxt if nxt is not None else self.current)

    # -- intents -------------------------------------------------------------------
    def accept(self) -> None:
        slot = self.current_slot
        if slot is None or slot.suggestion is None:
            self.message_posted.emit("Nothing suggested to accept here")
            return
        if slot.status is Status.ACCEPTED:  # no second history entry for the same verdict
            nxt = self.form.next_open(self.current)
            self.set_current(nxt if nxt is not None else self.current)
            return
        self._decide([review.accept(slot, self._doc_id, self.curator)], f"Accept {slot.spec.label}")

    def reject(self) -> None:
        slot = self.current_slot
        if slot is None or (slot.suggestion is None and slot.curated is None):
            self.message_posted.emit("Nothing to reject here")
            return
        if slot.curated is not None and slot.curated.status is Status.REJECTED:
            self.message_posted.emit(f"{slot.spec.label} is already rejected")
            return
        self._decide([review.reject(slot, self._doc_id, self.curator)], f"Reject {slot.spec.label}")

    def correct(self, text: str, index: int | None = None) -> None:
        """Set a slot to typed text.

        Raises InvalidValueError (nothing stored) when the text does not fit the field.
        """
        slot = self.form.slots[self.current if index is None else index]
        change = review.correct(
            slot, self._doc_id, text, self.curator, form=self.form, schema=self.schema
        )
        kept = slot.curated is not None and slot.curated.status is not Status.REJECTED
        if kept and change.after and change.after.value == slot.value:
            return  # unchanged: no history entry, no undo step
        self.set_current(self.form.index_of(*slot.key) or 0)
        self._decide([change], f"Correct {slot.spec.label}")

    def validate(self, index: int, text: str) -> None:
        """Raise InvalidValueError if ``text`` cannot be stored in slot ``index``: the type,
        the format and the group's checks against the row (nothing is stored)."""
        review.correct(
            self.form.slots[index], self._doc_id, text, self.curator,
            form=self.form, schema=self.schema,
        )  # fmt: skip

    @property
    def current_warning(self) -> str | None:
        """A check the current slot's value breaks (an accepted suggestion), or None."""
        slot = self.current_slot
        return review.slot_warning(self.schema, self.form, slot) if slot is not None else None

    def take(self, start: int, end: int, text: str) -> None:
        """Assign document text (a selection) to the current slot, or to a new row of its
        table when the slot already holds a value. Raises InvalidValueError."""
        slot = self.current_slot
        if slot is None or self.document is None:
            return
        lead = len(text) - len(text.lstrip())
        text = " ".join(text.split())
        if not text:
            self.message_posted.emit("Select some text in the document first")
            return
        start += lead
        end = start + len(self.document.text[start:end].strip())
        holds = slot.curated is not None and slot.curated.status is not Status.REJECTED
        if holds and (slot.spec.several or self.schema.group(slot.spec.group).repeated):
            row = review.next_row(self.form, slot.spec.group)
            slot = Slot(slot.spec, row, None, (), None)
            self._extra.add(slot.key)
        change = review.correct(
            slot, self._doc_id, text, self.curator, (start, end), form=self.form, schema=self.schema
        )
        self._decide([change], f"Take {slot.spec.label}", advance=False, focus=slot.key)

    def accept_all(self, threshold: float) -> int:
        changes = review.accept_all(self.form, threshold, self.curator)
        if not changes:
            self.message_posted.emit(f"No open suggestion at or above {threshold:.2f}")
            return 0
        self._decide(changes, f"Accept {len(changes)} suggestions ≥ {threshold:.2f}")
        return len(changes)

    def add_row(self, group: str | None = None) -> None:
        """Open an empty row in ``group`` (a repeated group), or after the current slot's
        table row or list item."""
        slot = self.current_slot
        if group is not None:
            spec = self.schema.group(group).fields[0]
        elif slot is not None:
            spec = slot.spec
        else:
            return
        repeated = self.schema.group(spec.group).repeated
        if not (repeated or spec.several):
            self.message_posted.emit(f"{spec.label} takes a single value")
            return
        rows = [s.row for s in self.form.slots if s.spec.key == spec.key]
        key = (spec.key, review.next_row(self.form, spec.group) if repeated else max(rows) + 1)
        self._extra.add(key)
        self._rebuild(focus=key)

    def remove_row(self) -> None:
        slot = self.current_slot
        if slot is None:
            return
        repeated = self.schema.group(slot.spec.group).repeated
        if not (repeated or slot.spec.several):
            self.message_posted.emit("Only rows of tables and list items can be removed")
            return
        group = slot.spec.group
        fields = {s.key for s in self.form.slots if s.row == slot.row and s.spec.group == group}
        if not repeated:
            fields = {slot.key}
        changes = [
            review.reject(s, self._doc_id, self.curator)
            for s in self.form.slots
            if s.key in fields and (s.is_open or (s.curated and s.status is not Status.REJECTED))
        ]
        self._extra -= fields
        if changes:
            self._decide(changes, f"Remove {slot.spec.group} row {slot.row + 1}", advance=False)
        else:
            self._rebuild(focus=None)

    def mark_done(self) -> None:
        if self.document is None:
            return
        before = self.document.status
        if before is DocStatus.DONE:
            return
        doc = self.document
        self.undo_stack.push(DocumentStatusCommand(self, doc.id, before, DocStatus.DONE, doc.title))

    # -- the sink ------------------------------------------------------------------
    def apply(
        self,
        changes: Sequence[SlotChange],
        focus: tuple[str, int] | None = None,
        notify: bool = True,
        kind: HistoryKind = "decision",
    ) -> list[SlotChange]:
        """Store ``changes`` (one transaction) and show them; opens their document if needed.

        Returns the changes as applied (``before`` as the database held it). A slot that
        another window or process changed meanwhile gets a notice (``notify=False``: the
        caller posts :meth:`notices` itself, after moving on).
        """
        if not changes:
            return []
        doc_id = changes[0].document_id
        applied = list(self.store.apply(changes, self.curator, kind=kind))
        if self.document is None or self.document.id != doc_id:
            self.open_document(doc_id, focus or (changes[0].field, changes[0].row))
        else:
            for change in applied:
                key = (change.field, change.row)
                if change.after is None:
                    self._curated.pop(key, None)
                else:
                    self._curated[key] = change.after
            self._rebuild(focus, changed=frozenset((c.field, c.row) for c in changes))
        self.suggestion_changed.emit(doc_id)
        if notify:
            self.notices(changes, applied)
        return applied

    def notices(self, intended: Sequence[SlotChange], applied: Sequence[SlotChange]) -> None:
        """Tell the curator about every decision made elsewhere that theirs replaced."""
        for notice in review.overridden(self.schema, intended, applied):
            self.warning_posted.emit(notice)

    def refresh(self) -> None:
        """Re-read the open document from the store (another window or process wrote),
        keeping the current field and any rows the curator opened."""
        if self.document is None:
            return
        slot = self.current_slot
        document = self.store.document(self.document.id)
        suggestions = self.store.suggestions(document.id)
        curated = {(c.field, c.row): c for c in self.store.curated(document.id)}
        if (document, suggestions, curated) == (self.document, self._suggestions, self._curated):
            return  # nothing new for this document (e.g. the change was this window's own)
        before = self.document.status
        self.document, self._suggestions, self._curated = document, suggestions, curated
        self._rebuild(slot.key if slot else None)
        if document.status is not before:
            self.status_changed.emit(document.id, document.status)

    def set_status(self, document_id: str, status: DocStatus) -> None:
        self.store.set_document_status(document_id, status, self.curator)
        if self.document is not None and self.document.id == document_id:
            self.document = replace(self.document, status=status)
        self.status_changed.emit(document_id, status)

    # -- helpers -------------------------------------------------------------------
    @property
    def _doc_id(self) -> str:
        return self.document.id if self.document else ""

    def _decide(
        self,
        changes: list[SlotChange],
        text: str,
        advance: bool = True,
        focus: tuple[str, int] | None = None,
    ) -> None:
        slot = self.current_slot
        here = focus or (slot.key if slot else None)
        try:
            applied = self.apply(changes, here, notify=False)
        except Exception as exc:  # a store error (busy, read-only...): nothing was committed
            self.message_posted.emit(f"Not saved: {exc}")
            return
        # The command keeps the real before: undo restores what the database held.
        self.undo_stack.push(SlotChangesCommand(self, applied, text, here, applied=True))
        if advance:
            nxt = self.form.next_open(self.current)
            if nxt is not None:
                self.set_current(nxt)
        self.notices(changes, applied)
        self._warn(applied)

    def _warn(self, applied: Sequence[SlotChange]) -> None:
        """Accepted suggestions are kept as printed, even when they break a check: say so."""
        for change in applied:
            if change.after is None or change.after.status is not Status.ACCEPTED:
                continue
            index = self.form.index_of(change.field, change.row)
            slot = self.form.slots[index] if index is not None else None
            warning = review.slot_warning(self.schema, self.form, slot) if slot else None
            if warning:
                self.warning_posted.emit(f"Accepted as printed, but {warning}")

    def _rebuild(
        self, focus: tuple[str, int] | None, changed: frozenset[tuple[str, int]] | None = None
    ) -> None:
        old_keys = [s.key for s in self.form.slots]
        self.form = self._build()
        same = changed is not None and old_keys == [s.key for s in self.form.slots]
        self.form_changed.emit(changed if same else None)
        index = self.form.index_of(*focus) if focus else None
        if index is None:
            index = min(self.current, len(self.form.slots) - 1)
        if index != self.current or not same:
            self.current = index
            self.current_changed.emit(index)
