"""Write helpers used inside one unit of work: slot changes, document status, open counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import exists, func, insert, select

from curator.core.model import DocStatus, Status
from curator.core.ports import AddResult, SlotChange
from curator.store import convert, derived
from curator.store.errors import UnknownDocumentError
from curator.store.rows import CuratedValueRow, DocumentRow, HistoryRow, SuggestionRow

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session

    from curator.core.model import NewDocument

_CHUNK = 500  # ids per IN (...) clause


def apply_change(
    session: Session,
    change: SlotChange,
    curator: str,
    kind: str,
    at: datetime,
    tally: derived.Tally,
) -> SlotChange:
    """Set the slot to ``change.after`` and log it against the value really stored; count
    what it changes in the derived numbers in ``tally`` (the caller writes it)."""
    key = (change.document_id, change.field, change.row)
    after = change.after
    if after is not None and (after.document_id, after.field, after.row) != key:
        raise ValueError(f"{change.field}[{change.row}]: value is for another slot")
    row = session.get(CuratedValueRow, key, with_for_update=True)
    before = convert.curated(row) if row is not None else None
    if before == after:
        return SlotChange(*key, before, after)
    if after is None:
        session.delete(row)
    elif row is None:
        session.add(CuratedValueRow(**convert.curated_fields(after)))
    else:
        for name, value in convert.curated_fields(after).items():
            setattr(row, name, value)
    session.flush()
    decided = after or before
    if kind == "decision":
        tally.decision_made(session, curator, change.document_id, at)
    session.add(
        HistoryRow(
            kind=kind, document_id=change.document_id, field=change.field, row=change.row,
            old_status=str(before.status) if before else None,
            old_value=before.value if before else None,
            new_status=str(after.status) if after else None,
            new_value=after.value if after else None,
            suggestion_id=decided.suggestion_id if decided else None,
            curator=curator, at=at,
        )
    )  # fmt: skip
    tally.slot_changed(key, before, after)
    return SlotChange(*key, before, after)


def count_open_slots(session: Session, document_id: str) -> int:
    """Slots (field, row) with at least one suggestion and no curated value."""
    s, c = SuggestionRow, CuratedValueRow
    decided = exists().where(c.document_id == s.document_id, c.field == s.field, c.row == s.row)
    slots = (
        select(s.field, s.row).where(s.document_id == document_id, ~decided).distinct().subquery()
    )
    session.flush()
    return session.scalar(select(func.count()).select_from(slots)) or 0


def get_document(session: Session, document_id: str) -> DocumentRow:
    document = session.get(DocumentRow, document_id)
    if document is None:
        raise UnknownDocumentError(document_id)
    return document


def set_status(
    session: Session, document: DocumentRow, status: DocStatus, curator: str, at: datetime
) -> None:
    """Change a document's status and log it (kind 'document-status'); no-op if unchanged."""
    if document.status == str(status):
        return
    session.add(
        HistoryRow(
            kind="document-status", document_id=document.id, field=None, row=None,
            old_status=document.status, old_value=None, new_status=str(status),
            new_value=None, suggestion_id=None, curator=curator, at=at,
        )
    )  # fmt: skip
    document.status = str(status)


def insert_documents(session: Session, incoming: list[NewDocument], at: datetime) -> AddResult:
    """Add the documents whose id is new; report the others as duplicates."""
    ids = list(dict.fromkeys(doc.id for doc in incoming))
    existing: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        existing.update(session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(chunk))))
    seq = session.scalar(select(func.coalesce(func.max(DocumentRow.seq), 0))) or 0
    added: list[str] = []
    duplicates: list[str] = []
    values: list[dict[str, object]] = []
    for doc in incoming:
        if doc.id in existing:
            duplicates.append(doc.id)
            continue
        existing.add(doc.id)
        added.append(doc.id)
        seq += 1
        values.append(
            {
                "id": doc.id, "seq": seq, "title": doc.title, "file_title": doc.title,
                "title_key": doc.title.casefold(), "source_path": doc.source_path,
                "text": doc.text, "status": str(DocStatus.NEW), "imported_at": at,
                "extracted_version": None, "open_suggestions": 0,
            }
        )  # fmt: skip
    if values:
        session.execute(insert(DocumentRow), values)
    return AddResult(tuple(added), tuple(duplicates))


#: A title suggestion this confident names the document in the list until the curator decides.
TITLE_CONFIDENCE = 0.7


def refresh_title(session: Session, document: DocumentRow) -> None:
    """Show the best title known: the curator's, else a confident suggestion, else the file's."""
    decided = session.get(CuratedValueRow, (document.id, "title", 0))
    title: str | None = None
    if decided is not None and Status(decided.status).exported:
        title = decided.value
    elif decided is None:
        s = SuggestionRow
        title = session.scalar(
            select(s.value)
            .where(s.document_id == document.id, s.field == "title", s.row == 0)
            .where(s.confidence >= TITLE_CONFIDENCE)
            .order_by(s.confidence.desc(), s.id)
            .limit(1)
        )
    title = (title or "").strip() or document.file_title or document.title
    if title != document.title:
        document.title, document.title_key = title, title.casefold()


def change_marker(session: Session) -> tuple[int, ...]:
    """(last history id, last suggestion id, document count): moves with every visible write."""
    row = session.execute(
        select(
            select(func.coalesce(func.max(HistoryRow.id), 0)).scalar_subquery(),
            select(func.coalesce(func.max(SuggestionRow.id), 0)).scalar_subquery(),
            select(func.count()).select_from(DocumentRow).scalar_subquery(),
        )
    ).one()
    return tuple(int(value) for value in row)
