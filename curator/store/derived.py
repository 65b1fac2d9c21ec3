"""Derived data the store keeps current in the transaction of every write.

The insights read these instead of recomputing them from the whole database on every
refresh (20,000 documents: joining 150,000 suggestions to their slots, or a window over
200,000 decisions, takes 0.3-0.8 s; reading these, a few ms):

- ``rule_counts``: per rule, the suggestions made and how the current decision on each
  one's slot judges it (:func:`verdict`, the semantics of core.insights.RuleStats);
- ``document_time``: per document, the microseconds curators spent on it as
  core.insights.time_spent counts them: each curator's decisions in time order (ties by
  document id, as it sorts), the gap before each for its document, unless over IDLE.

Each write collects its changes in a :class:`Tally` (new suggestions, slot changes,
decisions) and writes it before it commits; :func:`rebuild` recomputes both from scratch
(the migration that introduced them does the same).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy import (
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    select,
    tuple_,
    update,
)

from curator.core.insights import IDLE
from curator.core.model import Status
from curator.core.review import display
from curator.store.rows import (
    CuratedValueRow,
    DocumentTimeRow,
    HistoryRow,
    RuleCountRow,
    SuggestionRow,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import InstrumentedAttribute, Session

    from curator.core.model import CuratedValue, Extracted

Verdict = Literal["accepted", "corrected", "rejected"]
VERDICTS: tuple[Verdict, ...] = ("accepted", "corrected", "rejected")
_COUNTS = ("made", *VERDICTS)
EXPORTED = tuple(str(status) for status in Status if status.exported)
REJECTED = str(Status.REJECTED)
_MICROSECOND = timedelta(microseconds=1)
_CHUNK = 300  # documents per IN (...) list
_IDLE_US = IDLE // _MICROSECOND


# -- how a slot's decision judges a suggestion --------------------------------------------
def verdict(status: str | None, kept: str | None, suggested: str) -> Verdict | None:
    """Accepted when the slot holds the suggested value, rejected when the slot was
    rejected, corrected when it holds another value; None while undecided."""
    if status == REJECTED:
        return "rejected"
    if status in EXPORTED:
        return "accepted" if kept == suggested else "corrected"
    return None


def verdict_sql(
    status: InstrumentedAttribute[str],
    kept: InstrumentedAttribute[str | None],
    suggested: InstrumentedAttribute[str],
) -> ColumnElement[str | None]:
    """:func:`verdict` in SQL (NULL while undecided, and for a missing curated row)."""
    return case(
        (status == REJECTED, literal("rejected")),
        (status.in_(EXPORTED), case((kept == suggested, literal("accepted")), else_="corrected")),
        else_=None,
    )


_Decided = tuple[str | None, str | None]  # (status, value) of a slot; (None, None): open


@dataclass
class Tally:
    """What one unit of work changes in the derived counts; :meth:`write` adds it before
    the commit, with a few statements for a whole bulk decision."""

    rules: Counter[tuple[str, str]] = field(default_factory=Counter)  # (rule, column) -> n
    spent: Counter[str] = field(default_factory=Counter)  # document id -> microseconds
    slots: list[tuple[tuple[str, str, int], _Decided, _Decided]] = field(default_factory=list)
    placed: set[tuple[str, datetime, str]] = field(default_factory=set)  # decisions counted

    def suggestions_added(
        self, session: Session, document_id: str, placed: Iterable[Extracted]
    ) -> None:
        """Count suggestions just stored for a document (``row`` set), judged by any
        decision their slot already has (a re-extraction after curation)."""
        c = CuratedValueRow
        decided = {
            (field, row): (status, value)
            for field, row, status, value in session.execute(
                select(c.field, c.row, c.status, c.value).where(c.document_id == document_id)
            )
        }
        for item in placed:
            self.rules[(item.rule, "made")] += 1
            status, value = decided.get((item.field, item.row or 0), (None, None))
            judged = verdict(status, value, display(item.value))
            if judged is not None:
                self.rules[(item.rule, judged)] += 1

    def slot_changed(
        self, key: tuple[str, str, int], before: CuratedValue | None, after: CuratedValue | None
    ) -> None:
        """The slot's suggestions move from the verdict of ``before`` to that of ``after``
        (judged in :meth:`write`, for all slots at once)."""
        old: _Decided = (str(before.status), before.value) if before else (None, None)
        new: _Decided = (str(after.status), after.value) if after else (None, None)
        self.slots.append((key, old, new))

    def decision_made(self, session: Session, curator: str, document_id: str, at: datetime) -> None:
        """Count the time before a new decision (its history row not yet in the session).

        A curator's decisions are taken in (at, document_id) order, and the gap before
        each counts for its document unless longer than IDLE (core.insights.time_spent).
        When a decision of the same curator already follows the new one (another
        process's clock was behind), the gap before that one now starts at the new one.
        """
        if (curator, at, document_id) in self.placed:
            return  # right after one with the same time and document: no gap, no change
        self.placed.add((curator, at, document_id))
        h = HistoryRow
        mine = and_(h.kind == "decision", h.curator == curator)
        # Row values, not "at < x OR (at = x AND ...)": SQLite then seeks in
        # ix_history_timeline (kind, curator, at, document_id) instead of scanning every
        # decision of the curator (a bulk accept took 120 ms instead of 15 with 50,000).
        moment = tuple_(h.at, h.document_id)
        earlier = moment <= tuple_(literal(at, h.at.type), literal(document_id))
        later = moment > tuple_(literal(at, h.at.type), literal(document_id))
        before = select(h.at).where(mine, earlier).order_by(h.at.desc(), h.document_id.desc())
        after = select(h.at, h.document_id).where(mine, later).order_by(h.at, h.document_id)
        previous, next_at, next_document = session.execute(
            select(
                before.limit(1).scalar_subquery(),
                after.with_only_columns(h.at).limit(1).scalar_subquery(),
                after.with_only_columns(h.document_id).limit(1).scalar_subquery(),
            )
        ).one()
        self.spent[document_id] += _counted(at, previous)
        if next_at is not None:
            self.spent[next_document] += _counted(next_at, at) - _counted(next_at, previous)

    def write(self, session: Session) -> None:
        self._judge(session)
        r, t = RuleCountRow, DocumentTimeRow
        by_rule: dict[str, dict[str, int]] = {}
        for (rule, column), n in self.rules.items():
            if n:
                by_rule.setdefault(rule, dict.fromkeys(_COUNTS, 0))[column] += n
        _increment(session, r.rule, by_rule)
        _increment(session, t.document_id, {d: {"spent_us": n} for d, n in self.spent.items()})
        self.rules.clear()
        self.spent.clear()

    def _judge(self, session: Session) -> None:
        """The verdicts the changed slots' suggestions had and have now."""
        s = SuggestionRow
        keys = {key for key, _, _ in self.slots}
        documents = sorted({document_id for document_id, _, _ in keys})
        suggested: dict[tuple[str, str, int], list[tuple[str, str]]] = {}
        # By document (an index seek each; a row-value IN over (document, field, row)
        # made SQLite scan every suggestion), then the changed slots kept here.
        for start in range(0, len(documents), _CHUNK):
            chosen = s.document_id.in_(documents[start : start + _CHUNK])
            statement = select(s.document_id, s.field, s.row, s.rule, s.value).where(chosen)
            for document_id, name, row, rule, value in session.execute(statement):
                if (document_id, name, row) in keys:
                    suggested.setdefault((document_id, name, row), []).append((rule, value))
        for key, old, new in self.slots:
            for rule, value in suggested.get(key, ()):
                was, now = verdict(*old, value), verdict(*new, value)
                if was != now:
                    if was is not None:
                        self.rules[(rule, was)] -= 1
                    if now is not None:
                        self.rules[(rule, now)] += 1
        self.slots.clear()


def _increment(
    session: Session, key: InstrumentedAttribute[str], rows: Mapping[str, Mapping[str, int]]
) -> None:
    """Add the numbers in ``rows`` (key -> column -> n) to the key's row, or create it."""
    if not rows:
        return
    model = key.class_
    columns = next(iter(rows.values())).keys()
    add = update(model).where(key == bindparam("the_key"))
    add = add.values({name: getattr(model, name) + bindparam(name) for name in columns})
    values = [{"the_key": k, **numbers} for k, numbers in rows.items()]
    if session.connection().execute(add, values).rowcount == len(values):
        return  # every row was there: the usual case, one statement
    known = set(session.scalars(select(key).where(key.in_(rows))))
    new = [{key.key: k, **numbers} for k, numbers in rows.items() if k not in known]
    session.execute(insert(model), new)


def _counted(at: datetime, previous: datetime | None) -> int:
    """Microseconds of the gap before ``at`` that count as work."""
    if previous is None:
        return 0
    gap = (at - previous) // _MICROSECOND
    return gap if gap <= _IDLE_US else 0


# -- from scratch -------------------------------------------------------------------------
def rebuild(session: Session) -> None:
    """Recompute rule_counts and document_time from the stored rows."""
    s, c, r, h = SuggestionRow, CuratedValueRow, RuleCountRow, HistoryRow
    judged = verdict_sql(c.status, c.value, s.value)
    counts = (
        select(
            s.rule,
            func.count(),
            *(func.count(case((judged == name, 1))) for name in VERDICTS),
        )
        .outerjoin(c, and_(c.document_id == s.document_id, c.field == s.field, c.row == s.row))
        .group_by(s.rule)
    )
    session.execute(delete(r))
    session.execute(
        insert(r).from_select(["rule", "made", "accepted", "corrected", "rejected"], counts)
    )
    timeline = select(h.curator, h.document_id, h.at).where(h.kind == "decision")
    spent: Counter[str] = Counter()
    last: tuple[str, datetime] | None = None
    for curator, document_id, at in session.execute(
        timeline.order_by(h.curator, h.at, h.document_id)
    ):
        spent[document_id] += _counted(at, last[1] if last and last[0] == curator else None)
        last = (curator, at)
    session.execute(delete(DocumentTimeRow))
    if spent:
        rows = [{"document_id": d, "spent_us": n} for d, n in spent.items()]
        session.execute(insert(DocumentTimeRow), rows)
