"""The data that crosses layers: frozen, slotted dataclasses and enums.

A *slot* is one place in a document's evidence form, addressed by ``(field, row)``:

- ``field`` is a schema key ("n_total") for single-valued groups, or
  ``"<group>.<key>"`` ("outcomes.ci_low") for fields of repeated groups;
- ``row`` is 0 for single-valued fields, the item index for fields that allow
  several values ("intervention" row 0, row 1, ...), and the table row for
  repeated groups.

The extractor proposes :class:`Extracted` values; the store keeps them as immutable
:class:`Suggestion` rows; the curator's verdict on a slot is a :class:`CuratedValue`;
every change of a curated value is a :class:`HistoryEntry`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

#: A normalized value: what a number, a vocabulary term or a flag is once parsed.
Scalar = str | int | float | bool


class Status(StrEnum):
    """The state of one slot in the evidence form."""

    SUGGESTED = "suggested"  # an open suggestion, no decision yet
    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"
    MANUAL = "manual"  # typed or taken by the curator, no suggestion behind it

    @property
    def decided(self) -> bool:
        return self is not Status.SUGGESTED

    @property
    def exported(self) -> bool:
        """Decided values that carry a value into the evidence table."""
        return self in (Status.ACCEPTED, Status.CORRECTED, Status.MANUAL)


class DocStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in progress"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Extracted:
    """One value proposed by the extractor for a document (no database identity yet).

    ``value`` is normalized (int, float, vocabulary term); ``text`` is the surface
    text, always equal to ``document_text[start:end]``.
    """

    field: str
    value: Scalar
    text: str
    start: int
    end: int
    rule: str
    confidence: float
    row: int | None = None


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document read from a file, ready to store. ``id`` is the content hash."""

    id: str
    title: str
    source_path: str
    text: str


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A row of the document list."""

    id: str
    title: str
    status: DocStatus
    open_suggestions: int


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    source_path: str
    text: str
    status: DocStatus
    imported_at: datetime


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An immutable proposal stored for a slot (several may exist for one slot)."""

    id: int
    document_id: str
    field: str
    row: int
    value: str  # display text of the normalized value
    normalized: Scalar | None
    start: int
    end: int
    rule: str
    confidence: float
    extractor_version: str
    text: str = ""  # surface text: document_text[start:end]


@dataclass(frozen=True, slots=True)
class CuratedValue:
    """The curator's decision for one slot.

    For REJECTED, ``value`` is None. ``start``/``end`` is the evidence span (the
    accepted suggestion's, or a span the curator took from the text); None for a
    typed value.
    """

    document_id: str
    field: str
    row: int
    status: Status
    value: str | None
    normalized: Scalar | None
    suggestion_id: int | None
    start: int | None
    end: int | None
    curator: str
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One append-only record: a slot went from ``old`` to ``new`` (None = undecided)."""

    id: int
    document_id: str
    field: str
    row: int
    old_status: Status | None
    old_value: str | None
    new_status: Status | None
    new_value: str | None
    suggestion_id: int | None
    curator: str
    at: datetime
    kind: str = "decision"  # "decision", or "undo" when an undo put the old value back


@dataclass(frozen=True, slots=True)
class Progress:
    total: int
    done: int
    in_progress: int
    open_suggestions: int
