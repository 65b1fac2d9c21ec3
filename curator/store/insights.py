"""The aggregates the plots read (InsightSource), as queries inside one read session.

Each function takes a Session and returns core dataclasses (see :mod:`curator.core.insights`
for what the numbers mean). Rule counts and the gaps between decisions are kept current
by the writes (:mod:`curator.store.derived`); what is left to do here is read them, and
the other sums come from covering indexes, so a 20,000-document project answers in tens
of milliseconds (tests/benchmarks/bench_insights.py).

The hours are counted on the text SQLite keeps for a datetime (``YYYY-MM-DD
HH:MM:SS.ffffff``, naive UTC; see :class:`~curator.store.rows.UtcDateTime`).
"""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, select, text, true

from curator.core.insights import OutcomeRow, ProgressInsight, RuleMiss, RuleStats
from curator.core.model import DocStatus, Progress, Status
from curator.store.derived import verdict_sql
from curator.store.rows import (
    CONTEXT_ITEMS,
    OUTCOME_CELLS,
    CuratedValueRow,
    DocumentRow,
    DocumentTimeRow,
    HistoryRow,
    RuleCountRow,
    SuggestionRow,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from sqlalchemy import Select
    from sqlalchemy.orm import Session

OUTCOMES = "outcomes."
#: Documents per IN (...) list.
_CHUNK = 500
#: Above this many changed documents OutcomeRows reads all again (fewer statements).
REREAD_ALL = 2_000


# -- progress -----------------------------------------------------------------------------
def progress(session: Session) -> Progress:
    """Document counts by status and open slots (from the covering status index)."""
    d = DocumentRow
    statement = select(
        d.status, func.count(), func.coalesce(func.sum(d.open_suggestions), 0)
    ).group_by(d.status)
    rows = session.execute(statement).all()
    counts = {status: count for status, count, _ in rows}
    return Progress(
        total=sum(counts.values()),
        done=counts.get(str(DocStatus.DONE), 0),
        in_progress=counts.get(str(DocStatus.IN_PROGRESS), 0),
        open_suggestions=sum(int(open_) for _, _, open_ in rows),
    )


def progress_insight(session: Session) -> ProgressInsight:
    return ProgressInsight(
        progress(session), decisions_per_hour(session), seconds_per_document(session)
    )


# One index seek per hour with decisions (ix_history_kind_at): from the first decision,
# the next hour is the hour of the first decision at or after the end of the current one.
_HOURS = text(
    """
    WITH RECURSIVE hours(start) AS (
        SELECT substr(min(at), 1, 13) FROM history WHERE kind = :kind
        UNION ALL
        SELECT (
            SELECT substr(at, 1, 13) FROM history
            WHERE kind = :kind AND at >= strftime('%Y-%m-%d %H', start || '\\:00', '+1 hour')
            ORDER BY at LIMIT 1
        )
        FROM hours WHERE start IS NOT NULL
    )
    SELECT start, (
        SELECT count(*) FROM history
        WHERE kind = :kind AND at >= start
            AND at < strftime('%Y-%m-%d %H', start || '\\:00', '+1 hour')
    )
    FROM hours WHERE start IS NOT NULL
    """
)


def decisions_per_hour(session: Session) -> tuple[tuple[datetime, int], ...]:
    """(start of the UTC hour, decisions) for each hour with decisions, oldest first."""
    rows = session.connection().execute(_HOURS, {"kind": "decision"})
    return tuple(
        (datetime.fromisoformat(f"{start}:00").replace(tzinfo=UTC), count)  # not strptime: 100x
        for start, count in rows
    )


def seconds_per_document(session: Session) -> tuple[float, ...]:
    """:func:`core.insights.time_spent` per document, as the writes keep it."""
    spent = session.connection().execute(select(DocumentTimeRow.spent_us)).scalars()
    return tuple(micros / 1_000_000 for micros in spent)


# -- rules --------------------------------------------------------------------------------
def rule_stats(session: Session) -> list[RuleStats]:
    r = RuleCountRow
    statement = select(r.rule, r.made, r.accepted, r.corrected, r.rejected).where(r.made > 0)
    return [RuleStats(*row) for row in session.connection().execute(statement)]


def rule_misses(session: Session, rule: str) -> list[RuleMiss]:
    s, c, d = SuggestionRow, CuratedValueRow, DocumentRow
    verdict = verdict_sql(c.status, c.value, s.value)
    statement = (
        select(
            s.document_id,
            d.title,
            s.field,
            s.row,
            verdict.label("verdict"),
            s.value.label("suggested"),
            c.value.label("kept"),
            s.start,
            s.end,
            c.curator,
            c.decided_at,
        )
        .join(c, and_(c.document_id == s.document_id, c.field == s.field, c.row == s.row))
        .join(d, d.id == s.document_id)
        .where(s.rule == rule, verdict.in_(("corrected", "rejected")))
        .order_by(c.decided_at.desc(), s.id.desc())
    )
    return [
        RuleMiss(
            rule=rule,
            document_id=r.document_id,
            title=r.title,
            field=r.field,
            row=r.row,
            verdict=Status(str(r.verdict)),
            suggested=r.suggested,
            kept=r.kept,
            start=r.start,
            end=r.end,
            curator=r.curator,
            decided_at=r.decided_at,
        )
        for r in session.connection().execute(statement)
    ]


# -- outcomes -----------------------------------------------------------------------------
def outcome_rows(
    session: Session, documents: Collection[str] | None = None
) -> dict[str, list[OutcomeRow]]:
    """The outcomes rows with a decided cell, by document (all, or of ``documents``).

    The cells come grouped from SQL (one JSON object a row), read from a partial index
    that holds just the decided outcomes cells; the interventions and conditions likewise.
    """
    if documents is not None:
        found: dict[str, list[OutcomeRow]] = {}
        ids = sorted(documents)
        for start in range(0, len(ids), _CHUNK):
            found.update(_outcome_rows(session, ids[start : start + _CHUNK]))
        return found
    return _outcome_rows(session, None)


def _outcome_rows(session: Session, documents: list[str] | None) -> dict[str, list[OutcomeRow]]:
    c, d = CuratedValueRow, DocumentRow
    some = c.document_id.in_(documents) if documents is not None else true()
    key = func.substr(c.field, len(OUTCOMES) + 1)
    grouped = (
        select(c.document_id, c.row, func.json_group_object(key, func.coalesce(c.value, "")))
        .where(text(OUTCOME_CELLS), some)  # the partial index's terms, written out
        .group_by(c.document_id, c.row)
        .subquery()
    )
    document_id, row, cells = grouped.c
    statement = select(document_id, row, d.title, cells).join(d, d.id == document_id)
    items = select(c.document_id, c.field, c.value).where(text(CONTEXT_ITEMS), some)
    connection = session.connection()
    context: dict[tuple[str, str], list[str]] = {}
    for item in connection.execute(items.order_by(c.document_id, c.field, c.row)).all():
        context.setdefault((item.document_id, item.field), []).append(item.value or "")
    rows = connection.execute(statement).all()
    # One JSON array for all rows: one call into the decoder instead of one per row.
    all_cells = json.loads("[" + ",".join(by_key for _, _, _, by_key in rows) + "]")
    found: dict[str, list[OutcomeRow]] = {}
    for (doc, number, title, _), by_key in zip(rows, all_cells, strict=True):
        found.setdefault(doc, []).append(
            OutcomeRow(
                doc,
                title,
                number,
                MappingProxyType(by_key),  # shared between callers: read-only
                tuple(context.get((doc, "intervention"), ())),
                tuple(context.get((doc, "condition"), ())),
            )
        )
    return found


#: (id, document id, time) of the last history row and of the last suggestion row.
_Last = tuple[tuple[int, str, datetime] | None, tuple[int, str, datetime] | None]


class OutcomeRows:
    """:func:`outcome_rows` of one store, kept between calls and brought up to date.

    Making 20,000 rows takes a few hundred ms (mostly the Python objects); a decision
    changes the rows of one document. Every write that can change a document's outcomes
    rows, their context or its title adds a history row (a slot change) or a title
    suggestion row, with a larger id than any before (what change_marker() relies on
    too). So each read asks which documents the rows added since the last read belong
    to, and reads just those again. When the last rows seen are no longer there as they
    were (a backup was restored under this store), or too many documents changed, all
    is read again. Thread-safe; one read transaction a call, like the other reads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rows: dict[str, list[OutcomeRow]] = {}
        self._seen: _Last | None = None

    def read(self, session: Session) -> list[OutcomeRow]:
        with self._lock:
            last = _last_rows(session)
            changed = self._changed(session) if self._seen is not None else None
            if changed is None or len(changed) > REREAD_ALL:
                self._rows = outcome_rows(session)
            elif changed:
                fresh = outcome_rows(session, changed)
                for document_id in changed:
                    self._rows.pop(document_id, None)
                self._rows.update(fresh)
            self._seen = last
            return [row for rows in self._rows.values() for row in rows]

    def _changed(self, session: Session) -> set[str] | None:
        """Documents written since the last read; None when the last rows seen are gone."""
        assert self._seen is not None
        h, s = HistoryRow, SuggestionRow
        seen_history, seen_suggestion = self._seen
        if seen_history is not None:
            there = select(h.id, h.document_id, h.at).where(h.id == seen_history[0])
            if _stamp(session, there) != seen_history:
                return None
        if seen_suggestion is not None:
            there = select(s.id, s.document_id, s.created_at).where(s.id == seen_suggestion[0])
            if _stamp(session, there) != seen_suggestion:
                return None
        after_history = seen_history[0] if seen_history is not None else 0
        after_suggestion = seen_suggestion[0] if seen_suggestion is not None else 0
        changed = set(session.scalars(select(h.document_id).where(h.id > after_history)))
        titles = select(s.document_id).where(s.id > after_suggestion, s.field == "title")
        changed.update(session.scalars(titles))
        return changed


def _last_rows(session: Session) -> _Last:
    h, s = HistoryRow, SuggestionRow
    history = select(h.id, h.document_id, h.at).order_by(h.id.desc()).limit(1)
    suggestion = select(s.id, s.document_id, s.created_at).order_by(s.id.desc()).limit(1)
    return _stamp(session, history), _stamp(session, suggestion)


def _stamp(
    session: Session, statement: Select[int, str, datetime]
) -> tuple[int, str, datetime] | None:
    row = session.execute(statement).one_or_none()
    return (row[0], row[1], row[2]) if row is not None else None
