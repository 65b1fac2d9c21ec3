"""The seams between layers, as Protocols.

``store`` implements :class:`EvidenceStore`; ``extract`` implements
:class:`SuggestionSource`. The Qt layer and the jobs depend on these shapes only, so
either side can be developed and tested alone (a fake in a test, the real one in
``app.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from curator.core.insights import OutcomeRow, ProgressInsight, RuleMiss, RuleStats
    from curator.core.model import (
        CuratedValue,
        DocStatus,
        Document,
        DocumentInfo,
        Extracted,
        HistoryEntry,
        NewDocument,
        Progress,
        Suggestion,
    )


#: What a history row records: a decision, or the undo of one.
HistoryKind = Literal["decision", "undo"]


class SuggestionSource(Protocol):
    """The extractor as the rest of the app sees it: text in, suggestions out."""

    @property
    def version(self) -> str: ...

    def extract(self, text: str) -> list[Extracted]: ...

    def describe(self, rule_id: str) -> str: ...


@dataclass(frozen=True, slots=True)
class SlotChange:
    """One slot moving from ``before`` to ``after`` (None = no decision: open again)."""

    document_id: str
    field: str
    row: int
    before: CuratedValue | None
    after: CuratedValue | None


@dataclass(frozen=True, slots=True)
class AddResult:
    added: tuple[str, ...]  # ids of new documents
    duplicates: tuple[str, ...]  # ids already in the database (same content hash)


class InsightSource(Protocol):
    """What the plots read: aggregates over the whole database (see core.insights).

    Each call is one read transaction and safe to make from a worker thread.
    """

    def progress_insight(self) -> ProgressInsight: ...

    def rule_stats(self) -> list[RuleStats]:
        """One entry per rule that made at least one stored suggestion, in no order."""
        ...

    def rule_misses(self, rule: str) -> list[RuleMiss]:
        """The rule's suggestions that were corrected or rejected, newest decision first."""
        ...

    def outcome_rows(self) -> list[OutcomeRow]:
        """Every outcomes row with at least one decided (exported) value."""
        ...


class EvidenceStore(InsightSource, Protocol):
    """What the app needs from the database. Every write method commits before it returns.

    It answers the insight views' bulk reads too (:class:`InsightSource`).
    """

    @property
    def location(self) -> str: ...

    # documents
    def add_documents(self, docs: Iterable[NewDocument]) -> AddResult: ...

    def list_documents(
        self, status: DocStatus | None = None, query: str | None = None
    ) -> list[DocumentInfo]: ...

    def document(self, document_id: str) -> Document: ...

    def set_document_status(self, document_id: str, status: DocStatus, curator: str) -> None: ...

    def progress(self) -> Progress: ...

    def documents_needing_extraction(self, extractor_version: str) -> list[str]: ...

    # suggestions (immutable once stored)
    def add_suggestions(
        self, document_id: str, placed: Sequence[Extracted], extractor_version: str
    ) -> int: ...

    def suggestions(self, document_id: str) -> list[Suggestion]: ...

    # decisions
    def curated(self, document_id: str) -> list[CuratedValue]: ...

    def apply(
        self, changes: Sequence[SlotChange], curator: str, *, kind: HistoryKind = "decision"
    ) -> list[SlotChange]:
        """Apply in one transaction; history rows get ``kind`` ("decision" or "undo")."""
        ...

    def history(self, document_id: str | None = None) -> list[HistoryEntry]: ...

    # bulk reads for export
    def all_documents(self) -> Iterator[Document]: ...

    def all_curated(self) -> Iterator[CuratedValue]: ...

    def all_suggestions(self) -> Iterator[Suggestion]: ...

    # other windows and processes
    def change_marker(self) -> tuple[int, ...]:
        """A token that changes whenever anything a window shows changes (any process)."""
        ...

    def close(self) -> None: ...
