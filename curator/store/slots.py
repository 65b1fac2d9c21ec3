"""Writing one slot change, and counting a document's open slots (inside a transaction)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import exists, func, select

from curator.core.ports import SlotChange
from curator.store import convert
from curator.store.rows import CuratedValueRow, HistoryRow, SuggestionRow

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session


def apply_change(
    session: Session, change: SlotChange, curator: str, kind: str, at: datetime
) -> SlotChange:
    """Set the slot to ``change.after`` and log it against the value really stored."""
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
