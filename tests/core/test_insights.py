"""core.insights: time per document, the decision series, rule order and the forest rows."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

import pytest

from curator.core.insights import (
    IDLE,
    OutcomeRow,
    ProgressInsight,
    RuleStats,
    by_acceptance,
    decision_series,
    evidence,
    time_spent,
)
from curator.core.model import Progress

if TYPE_CHECKING:
    from collections.abc import Iterator

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


# -- time_spent ---------------------------------------------------------------------------
def test_gap_before_a_decision_counts_for_its_document() -> None:
    events = [("ana", "d1", at(0)), ("ana", "d1", at(30)), ("ana", "d2", at(75))]
    assert time_spent(events) == {"d1": 30.0, "d2": 45.0}


def test_first_decision_and_decisions_after_a_break_count_nothing() -> None:
    events = [
        ("ana", "d1", at(0)),
        ("ana", "d2", at(11 * 60)),  # after a break
        ("ana", "d2", at(11 * 60 + 20)),
        ("ana", "d3", at(40 * 60)),  # after a break: d3 has decisions but no time
    ]
    assert time_spent(events) == {"d1": 0.0, "d2": 20.0, "d3": 0.0}


def test_a_pause_of_exactly_idle_is_work_and_idle_can_be_chosen() -> None:
    events = [("ana", "d1", at(0)), ("ana", "d2", at(IDLE.total_seconds()))]
    assert time_spent(events)["d2"] == IDLE.total_seconds()
    assert time_spent(events, idle=timedelta(minutes=5))["d2"] == 0.0


def test_each_curator_has_a_timeline_of_their_own_in_time_order() -> None:
    events = [  # given out of order, and interleaved
        ("ben", "d2", at(50)),
        ("ana", "d1", at(60)),
        ("ana", "d1", at(0)),
        ("ben", "d1", at(10)),
        ("ben", "d2", at(20)),
    ]
    # ana: d1@0, d1@60 -> d1 +60; ben: d1@10, d2@20 (+10), d2@50 (+30)
    assert time_spent(events) == {"d1": 60.0, "d2": 40.0}


def test_decisions_at_the_same_moment_are_taken_in_document_order() -> None:
    events = [("ana", "d0", at(0)), ("ana", "d2", at(40)), ("ana", "d1", at(40))]
    assert time_spent(events) == {"d0": 0.0, "d1": 40.0, "d2": 0.0}


def test_microseconds_are_kept() -> None:
    events = [("ana", "d1", at(0)), ("ana", "d1", at(0.000001))]
    assert time_spent(events) == {"d1": 0.000001}


# -- decision_series ----------------------------------------------------------------------
@pytest.fixture
def berlin() -> Iterator[None]:
    """Local time is Europe/Berlin (UTC+1 in November) for the test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        yield
    time.tzset()


def hour(day: int, h: int) -> datetime:
    return datetime(2026, 11, day, h, tzinfo=UTC)


def test_empty_series() -> None:
    assert decision_series([]) == ("hour", [])
    assert decision_series([], "day") == ("day", [])


def test_hours_within_two_days_with_empty_hours_filled(berlin: None) -> None:
    unit, series = decision_series([(hour(23, 9), 5), (hour(23, 12), 2)])
    assert unit == "hour"
    assert [count for _, count in series] == [5, 0, 0, 2]
    starts = [start for start, _ in series]
    assert starts[0] == hour(23, 9)  # the same instant ...
    assert starts[0].utcoffset() == timedelta(hours=1)  # ... shown in local time
    assert starts[0].hour == 10
    assert all(b - a == timedelta(hours=1) for a, b in pairwise(starts))


def test_exactly_two_days_is_still_hours() -> None:
    unit, series = decision_series([(hour(21, 9), 1), (hour(23, 9), 1)])
    assert unit == "hour"
    assert len(series) == 49


def test_longer_spans_are_local_days_with_empty_days_filled(berlin: None) -> None:
    per_hour = [
        (hour(20, 22), 3),  # 23:00 in Berlin: 20 November
        (hour(20, 23), 4),  # midnight in Berlin: 21 November
        (hour(21, 8), 1),
        (hour(24, 10), 2),
    ]
    unit, series = decision_series(per_hour)
    assert unit == "day"
    days = [(start.date().isoformat(), count) for start, count in series]
    assert days == [
        ("2026-11-20", 3),
        ("2026-11-21", 5),
        ("2026-11-22", 0),
        ("2026-11-23", 0),
        ("2026-11-24", 2),
    ]
    midnight = series[0][0]
    assert (midnight.hour, midnight.minute, midnight.utcoffset()) == (0, 0, timedelta(hours=1))


def test_unit_can_be_chosen() -> None:
    per_hour = [(hour(23, 9), 5), (hour(23, 12), 2)]
    unit, series = decision_series(per_hour, "day")
    assert unit == "day"
    assert sum(count for _, count in series) == 7
    unit, series = decision_series([(hour(1, 9), 1), (hour(23, 9), 1)], "hour")
    assert unit == "hour"
    assert len(series) == 22 * 24 + 1


def test_progress_insight_counts_decisions() -> None:
    insight = ProgressInsight(Progress(3, 1, 1, 4), ((hour(23, 9), 5), (hour(23, 12), 2)), ())
    assert insight.decisions == 7


# -- rules --------------------------------------------------------------------------------
def test_rule_stats_numbers() -> None:
    stats = RuleStats("r", made=10, accepted=6, corrected=1, rejected=1)
    assert (stats.decided, stats.open, stats.acceptance) == (8, 2, 0.75)
    assert RuleStats("r", 3, 0, 0, 0).acceptance is None


def test_rules_worst_first_then_most_decided_undecided_last() -> None:
    stats = [
        RuleStats("never decided", 5, 0, 0, 0),
        RuleStats("good", 10, 9, 1, 0),
        RuleStats("bad, few", 4, 1, 1, 2),  # 0.25
        RuleStats("bad, many", 40, 10, 20, 10),  # 0.25, more decided
        RuleStats("also bad, few", 4, 1, 3, 0),  # 0.25: the name decides
        RuleStats("all wrong", 2, 0, 0, 2),
    ]
    assert [s.rule for s in by_acceptance(stats)] == [
        "all wrong",
        "bad, many",
        "also bad, few",
        "bad, few",
        "good",
        "never decided",
    ]


# -- outcomes -----------------------------------------------------------------------------
def outcome(
    title: str,
    *,
    row: int = 0,
    interventions: tuple[str, ...] = ("aspirin",),
    conditions: tuple[str, ...] = ("stroke",),
    cells: dict[str, str] | None = None,
    **more: str,
) -> OutcomeRow:
    return OutcomeRow(
        f"id-{title}", title, row, {**(cells or {}), **more}, interventions, conditions
    )


def test_outcome_row_text_numbers_group_and_label() -> None:
    row = outcome(
        "Trial A", row=1, interventions=("aspirin", "clopidogrel"), conditions=(),
        value="0.81", ci_low="nan",
    )  # fmt: skip
    assert row.text("value") == "0.81"
    assert row.text("measure") == ""
    assert row.number("value") == 0.81
    assert row.number("ci_low") is None  # not finite
    assert row.number("ci_high") is None
    assert outcome("B", value="inf").number("value") is None
    assert outcome("B", value="<0.001").number("value") is None
    assert row.group == "aspirin + clopidogrel — (no condition)"
    assert row.label == "Trial A — outcome row 2"
    assert outcome("B", interventions=(), outcome="mortality").label == "B — mortality"
    assert (
        outcome("B", interventions=(), conditions=()).group == "(no intervention) — (no condition)"
    )


def test_ratio_rows_are_drawn_with_the_numbers_parsed_from_the_cells() -> None:
    row = outcome("A", measure="hazard ratio", value="0.81", ci_low="0.6", ci_high="1.1")
    drawn = evidence([row])
    assert len(drawn.forest) == 1
    forest = drawn.forest[0]
    assert (forest.value, forest.ci_low, forest.ci_high) == (0.81, 0.6, 1.1)
    assert forest.source is row
    assert drawn.paired == ()
    assert drawn.not_drawn == ()


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"value": "NR", "ci_low": "0.6", "ci_high": "1.1"}, "no numeric value"),
        ({"ci_low": "0.6", "ci_high": "1.1"}, "no numeric value"),
        ({"value": "0.8"}, "no 95% CI"),
        ({"value": "0.8", "ci_low": "0.6"}, "an incomplete 95% CI"),
        ({"value": "0.8", "ci_low": "0.6", "ci_high": "x"}, "an incomplete 95% CI"),
        ({"value": "0", "ci_low": "0.6", "ci_high": "1.1"}, "≤ 0"),
        ({"value": "0.8", "ci_low": "-0.1", "ci_high": "1.1"}, "≤ 0"),
    ],
)
def test_ratio_rows_that_cannot_be_drawn_say_why(cells: dict[str, str], reason: str) -> None:
    row = outcome("A", measure="odds ratio", cells=cells)
    drawn = evidence([row])
    assert drawn.forest == ()
    ((source, why),) = drawn.not_drawn
    assert source is row
    assert reason in why


def test_proportions_with_a_comparator_are_paired() -> None:
    paired = outcome("A", measure="proportion", value="42", comparator_value="67")
    alone = outcome("B", measure="proportion", value="42")  # nothing to pair: not reported
    broken = outcome("C", measure="proportion", value="42%", comparator_value="67")
    other = outcome("D", measure="mean", value="5.1", ci_low="4", ci_high="6")  # no panel
    unmeasured = outcome("E", value="0.8", ci_low="0.6", ci_high="1.1")
    drawn = evidence([paired, alone, broken, other, unmeasured])
    assert [(p.source, p.value, p.comparator) for p in drawn.paired] == [(paired, 42.0, 67.0)]
    assert drawn.forest == ()
    assert drawn.not_drawn == ((broken, "value or comparator value is not a number"),)


def test_rows_are_ordered_by_group_then_title_then_document_then_row() -> None:
    ratio = {"measure": "risk ratio", "value": "0.8", "ci_low": "0.6", "ci_high": "1.1"}
    rows = [
        outcome("zeta", row=1, cells=ratio),
        outcome("Zeta", cells=ratio),
        outcome("alpha", interventions=("warfarin",), cells=ratio),
        outcome("Beta", cells=ratio),
        outcome("zeta", cells=ratio),
        outcome("Alpha", interventions=("Aspirin",), cells=ratio),
    ]
    drawn = evidence(rows)
    order = [
        (f.source.group, f.source.title, f.source.document_id, f.source.row) for f in drawn.forest
    ]
    assert order == [
        ("Aspirin — stroke", "Alpha", "id-Alpha", 0),
        ("aspirin — stroke", "Beta", "id-Beta", 0),
        ("aspirin — stroke", "Zeta", "id-Zeta", 0),
        ("aspirin — stroke", "zeta", "id-zeta", 0),
        ("aspirin — stroke", "zeta", "id-zeta", 1),
        ("warfarin — stroke", "alpha", "id-alpha", 0),
    ]
    broken = [
        outcome("b", measure="hazard ratio"),
        outcome("a", interventions=("z",), measure="hazard ratio"),
    ]
    assert [row.title for row, _ in evidence(broken).not_drawn] == ["b", "a"]
