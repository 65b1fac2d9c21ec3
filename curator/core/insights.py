"""What the plots show: plain data read from the store, and the arithmetic on it.

The store answers three questions in bulk (see :class:`~curator.core.ports.InsightSource`):
how far the review is (:class:`ProgressInsight`), how each extractor rule fares with
the curators (:class:`RuleStats`, :class:`RuleMiss`), and what the curated outcome rows
say (:class:`OutcomeRow`). The functions here turn those into what a view draws: decision
counts per hour or day, forest-plot rows and paired proportions. Standard library only.

Numbers are evidence: an :class:`OutcomeRow` keeps the text the curator accepted for
every cell (``cells``); the floats drawn are parsed from that text and never shown in its
place, and a row that cannot be drawn is returned with the reason, not dropped.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from curator.core.model import Progress, Status

#: Measures drawn in the forest plot (on a log scale, reference line at 1).
RATIO_MEASURES = ("hazard ratio", "odds ratio", "risk ratio")
#: The measure whose rows with a comparator value are drawn as paired points.
PROPORTION = "proportion"
#: A pause longer than this between two decisions is a break, not time spent.
IDLE = timedelta(minutes=10)

Unit = Literal["hour", "day"]


# -- progress -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ProgressInsight:
    """How far the review is.

    ``decisions_per_hour``: (start of the UTC hour, decisions made in it) for every hour
    with at least one decision (history rows of kind "decision"; undos are not work done),
    oldest first. ``seconds_per_document``: time spent on each document that has decisions
    (see :func:`time_spent`), one number per document, in no particular order.
    """

    progress: Progress
    decisions_per_hour: tuple[tuple[datetime, int], ...]
    seconds_per_document: tuple[float, ...]

    @property
    def decisions(self) -> int:
        return sum(count for _, count in self.decisions_per_hour)


def time_spent(
    events: Iterable[tuple[str, str, datetime]], idle: timedelta = IDLE
) -> dict[str, float]:
    """Seconds spent per document from ``(curator, document_id, at)`` decision events.

    Each curator's decisions are taken in time order; the gap before a decision counts
    for that decision's document, unless it is longer than ``idle`` (a break). A
    document whose only decisions each follow a break gets 0 seconds.
    """
    by_curator: dict[str, list[tuple[datetime, str]]] = {}
    for curator, document_id, at in events:
        by_curator.setdefault(curator, []).append((at, document_id))
    spent: dict[str, float] = {}
    for timeline in by_curator.values():
        timeline.sort()
        previous: datetime | None = None
        for at, document_id in timeline:
            gap = (at - previous).total_seconds() if previous is not None else math.inf
            spent[document_id] = spent.get(document_id, 0.0) + (
                gap if gap <= idle.total_seconds() else 0.0
            )
            previous = at
    return spent


def decision_series(
    per_hour: Sequence[tuple[datetime, int]], unit: Unit | None = None
) -> tuple[Unit, list[tuple[datetime, int]]]:
    """Decision counts per hour or per local day, with the empty buckets in between.

    ``per_hour`` is :attr:`ProgressInsight.decisions_per_hour` (aware UTC hour starts,
    oldest first). ``unit=None`` chooses hours when the decisions span at most two days,
    else days. Bucket starts come back as aware local datetimes.
    """
    if not per_hour:
        return (unit or "hour", [])
    first, last = per_hour[0][0], per_hour[-1][0]
    chosen: Unit = unit or ("hour" if last - first <= timedelta(days=2) else "day")
    series: list[tuple[datetime, int]] = []
    if chosen == "hour":
        hours = dict(per_hour)
        while first <= last:
            series.append((first.astimezone(), hours.get(first, 0)))
            first += timedelta(hours=1)
        return chosen, series
    days: Counter[date] = Counter()
    for start, count in per_hour:
        days[start.astimezone().date()] += count
    day, last_day = min(days), max(days)
    while day <= last_day:
        midnight = datetime(day.year, day.month, day.day).astimezone()  # local midnight
        series.append((midnight, days.get(day, 0)))
        day += timedelta(days=1)
    return chosen, series


# -- rules --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RuleStats:
    """How one rule's suggestions fared.

    Each stored suggestion is judged by the current decision on its slot: *accepted*
    when the slot holds the suggested value (accepted, or corrected/typed to the same
    value), *rejected* when the slot was rejected, *corrected* when the slot holds
    another value; *open* while the slot is undecided.
    """

    rule: str
    made: int
    accepted: int
    corrected: int
    rejected: int

    @property
    def decided(self) -> int:
        return self.accepted + self.corrected + self.rejected

    @property
    def open(self) -> int:
        return self.made - self.decided

    @property
    def acceptance(self) -> float | None:
        """Accepted / decided: an estimate of the rule's precision (None: nothing decided)."""
        return self.accepted / self.decided if self.decided else None


def by_acceptance(stats: Iterable[RuleStats]) -> list[RuleStats]:
    """Rules worst first (lowest acceptance, then most decided); undecided rules last."""
    return sorted(
        stats,
        key=lambda s: (s.acceptance is None, s.acceptance or 0.0, -s.decided, s.rule),
    )


@dataclass(frozen=True, slots=True)
class RuleMiss:
    """A suggestion of a rule that the curator corrected or rejected.

    ``start``/``end`` is the suggestion's span in the document text; ``kept`` is the
    slot's current value (None when rejected).
    """

    rule: str
    document_id: str
    title: str
    field: str
    row: int
    verdict: Status
    suggested: str
    kept: str | None
    start: int
    end: int
    curator: str
    decided_at: datetime


# -- outcomes -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class OutcomeRow:
    """One curated row of the outcomes table with its document's context.

    ``cells``: field key within the group ("value", "ci_low", "measure", ...) -> the
    decided value's display text (accepted, corrected or typed; rejected and open slots
    are absent). ``interventions`` and ``conditions``: the document's decided values of
    those fields, in row order.
    """

    document_id: str
    title: str
    row: int
    cells: Mapping[str, str] = field(default_factory=dict)
    interventions: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()

    def text(self, key: str) -> str:
        return self.cells.get(key, "")

    def number(self, key: str) -> float | None:
        """The cell as a float when it is a finite number, else None."""
        try:
            value = float(self.cells[key])
        except (KeyError, ValueError):
            return None
        return value if math.isfinite(value) else None

    @property
    def group(self) -> str:
        """The forest-plot group: interventions and conditions."""
        what = " + ".join(self.interventions) or "(no intervention)"
        where = ", ".join(self.conditions) or "(no condition)"
        return f"{what} — {where}"

    @property
    def label(self) -> str:
        outcome = self.text("outcome") or f"outcome row {self.row + 1}"
        return f"{self.title} — {outcome}"


@dataclass(frozen=True, slots=True)
class ForestRow:
    """A ratio estimate with its 95% CI, drawable on a log scale (all three > 0)."""

    source: OutcomeRow
    value: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True, slots=True)
class PairedRow:
    """A proportion and its comparator's ("42% vs 67%")."""

    source: OutcomeRow
    value: float
    comparator: float


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the forest view draws, and the rows it could not draw, with the reason."""

    forest: tuple[ForestRow, ...]
    paired: tuple[PairedRow, ...]
    not_drawn: tuple[tuple[OutcomeRow, str], ...]


def evidence(rows: Iterable[OutcomeRow]) -> Evidence:
    """Sort outcome rows into forest rows (ratio measures) and paired proportions.

    Forest rows are ordered by group (interventions, conditions), then document title,
    then row. Rows of other measures are not part of either panel and are not reported;
    ratio and proportion rows that cannot be drawn are, with the reason.
    """
    forest: list[ForestRow] = []
    paired: list[PairedRow] = []
    not_drawn: list[tuple[OutcomeRow, str]] = []
    for row in rows:
        measure = row.text("measure")
        if measure in RATIO_MEASURES:
            drawn = _forest_row(row)
            if isinstance(drawn, str):
                not_drawn.append((row, drawn))
            else:
                forest.append(drawn)
        elif measure == PROPORTION and "comparator_value" in row.cells:
            value, comparator = row.number("value"), row.number("comparator_value")
            if value is None or comparator is None:
                not_drawn.append((row, "value or comparator value is not a number"))
                continue
            paired.append(PairedRow(row, value, comparator))

    def order(row: OutcomeRow) -> tuple[str, str, str, int]:
        return (row.group.casefold(), row.title.casefold(), row.document_id, row.row)

    forest.sort(key=lambda f: order(f.source))
    paired.sort(key=lambda p: order(p.source))
    not_drawn.sort(key=lambda item: order(item[0]))
    return Evidence(tuple(forest), tuple(paired), tuple(not_drawn))


def _forest_row(row: OutcomeRow) -> ForestRow | str:
    """The drawable row, or why it cannot be drawn."""
    value, low, high = (row.number(key) for key in ("value", "ci_low", "ci_high"))
    if value is None:
        return "no numeric value"
    if low is None or high is None:
        return "no 95% CI" if low is None and high is None else "an incomplete 95% CI"
    if min(value, low, high) <= 0:
        return "a value or bound ≤ 0 cannot be drawn on a log scale"
    return ForestRow(row, value, low, high)
