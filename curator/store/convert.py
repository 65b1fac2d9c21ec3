"""Rows to core dataclasses: the only way data leaves the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from curator.core.model import (
    CuratedValue,
    DocStatus,
    Document,
    HistoryEntry,
    Status,
    Suggestion,
)

if TYPE_CHECKING:
    from curator.store.rows import CuratedValueRow, DocumentRow, HistoryRow, SuggestionRow


def document(row: DocumentRow) -> Document:
    return Document(
        row.id, row.title, row.source_path, row.text, DocStatus(row.status), row.imported_at
    )


def suggestion(row: SuggestionRow) -> Suggestion:
    return Suggestion(
        id=row.id,
        document_id=row.document_id,
        field=row.field,
        row=row.row,
        value=row.value,
        normalized=row.normalized,
        start=row.start,
        end=row.end,
        rule=row.rule,
        confidence=row.confidence,
        extractor_version=row.extractor_version,
        text=row.text,
    )


def curated(row: CuratedValueRow) -> CuratedValue:
    return CuratedValue(
        document_id=row.document_id,
        field=row.field,
        row=row.row,
        status=Status(row.status),
        value=row.value,
        normalized=row.normalized,
        suggestion_id=row.suggestion_id,
        start=row.start,
        end=row.end,
        curator=row.curator,
        decided_at=row.decided_at,
    )


def curated_fields(value: CuratedValue) -> dict[str, object]:
    """The column values of a CuratedValueRow holding ``value``."""
    return {
        "document_id": value.document_id,
        "field": value.field,
        "row": value.row,
        "status": str(value.status),
        "value": value.value,
        "normalized": value.normalized,
        "suggestion_id": value.suggestion_id,
        "start": value.start,
        "end": value.end,
        "curator": value.curator,
        "decided_at": value.decided_at,
    }


def history(row: HistoryRow) -> HistoryEntry:
    """A slot history row ('decision' or 'undo') as a core entry."""
    return HistoryEntry(
        id=row.id,
        document_id=row.document_id,
        field=row.field or "",
        row=row.row if row.row is not None else 0,
        old_status=Status(row.old_status) if row.old_status is not None else None,
        old_value=row.old_value,
        new_status=Status(row.new_status) if row.new_status is not None else None,
        new_value=row.new_value,
        suggestion_id=row.suggestion_id,
        curator=row.curator,
        at=row.at,
        kind=row.kind,
    )
