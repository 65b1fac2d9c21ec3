"""InsightSource on the store: progress and time spent, rule counts and misses, outcome rows.

The rule counts and the time per document are kept by the writes (store.derived); the
tests compare them with what core.insights and the RuleStats definition say about the
stored rows, after accepts, corrections, rejections, undos and re-extractions.
"""

from __future__ import annotations

import inspect
import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from alembic import command
from sqlalchemy.orm import Session

from curator.core.insights import RuleMiss, evidence, time_spent
from curator.core.model import CuratedValue, Extracted, Status
from curator.core.ports import InsightSource, SlotChange
from curator.core.review import accept, correct, inverse, place, reject
from curator.store import SqlStore, backup_database, restore_backup
from curator.store.database import open_engine
from curator.store.derived import rebuild
from curator.store.insights import rule_stats, seconds_per_document
from tests.store.conftest import migrating

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.review import Form, Slot
    from curator.core.schema import Schema

    from .conftest import FormOf

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class Clock:
    """The store's clock, set by the test (``apply`` stamps history rows with it)."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def set(self, seconds: float) -> None:
        self.now = T0 + timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr("curator.store.sql_store.now", fake)
    return fake


def slot_of(form: Form, field: str, row: int = 0) -> Slot:
    index = form.index_of(field, row)
    assert index is not None, (field, row)
    return form.slots[index]


def decide(
    store: SqlStore,
    form_of: FormOf,
    field: str,
    how: str,
    curator: str = "ann",
    at: datetime | None = None,
) -> None:
    """Accept, reject or correct (to the text in ``how``) a slot of d1."""
    slot = slot_of(form_of(store), field)
    if how == "accept":
        change = accept(slot, "d1", curator, at)
    elif how == "reject":
        change = reject(slot, "d1", curator, at)
    else:
        change = correct(slot, "d1", how, curator, at=at)
    store.apply([change], curator)


def stats(store: SqlStore) -> dict[str, tuple[int, int, int, int]]:
    return {s.rule: (s.made, s.accepted, s.corrected, s.rejected) for s in store.rule_stats()}


def expected_stats(store: SqlStore) -> dict[str, tuple[int, int, int, int]]:
    """RuleStats as its docstring defines them, from the stored suggestions and decisions."""
    decided = {(c.document_id, c.field, c.row): c for c in store.all_curated()}
    counts: dict[str, Counter[str]] = {}
    for s in store.all_suggestions():
        count = counts.setdefault(s.rule, Counter())
        count["made"] += 1
        c = decided.get((s.document_id, s.field, s.row))
        if c is None or not c.status.decided:
            continue
        if c.status is Status.REJECTED:
            count["rejected"] += 1
        elif c.value == s.value:
            count["accepted"] += 1
        else:
            count["corrected"] += 1
    return {
        rule: (c["made"], c["accepted"], c["corrected"], c["rejected"])
        for rule, c in counts.items()
    }


def expected_seconds(store: SqlStore) -> list[float]:
    events = [(e.curator, e.document_id, e.at) for e in store.history() if e.kind == "decision"]
    return sorted(time_spent(events).values())


# -- the port -----------------------------------------------------------------------------
def test_sql_store_has_the_insight_ports_signatures() -> None:
    """mypy checks the types (sql_store._implements_insights); this checks the names."""
    for name in [n for n in vars(InsightSource) if not n.startswith("_")]:
        want = inspect.signature(getattr(InsightSource, name)).parameters
        got = inspect.signature(getattr(SqlStore, name)).parameters
        assert list(got) == list(want), name


def test_empty_database(store: SqlStore) -> None:
    insight = store.progress_insight()
    assert insight.progress == store.progress()
    assert insight.decisions_per_hour == ()
    assert insight.seconds_per_document == ()
    assert store.rule_stats() == []
    assert store.rule_misses("n.total") == []
    assert store.outcome_rows() == []


# -- rule statistics ----------------------------------------------------------------------
def test_every_rule_with_suggestions_is_listed_all_open(filled: SqlStore) -> None:
    assert stats(filled) == {
        "n.total": (1, 0, 0, 0),
        "n.female": (1, 0, 0, 0),
        "fu.months": (1, 0, 0, 0),
        "drug": (1, 0, 0, 0),
        "cmp": (1, 0, 0, 0),
    }
    assert all(s.open == 1 and s.acceptance is None for s in filled.rule_stats())


def test_accept_correct_reject_and_correct_to_the_same_value(
    filled: SqlStore, form_of: FormOf
) -> None:
    decide(filled, form_of, "n_total", "accept")
    decide(filled, form_of, "n_female", "65")
    decide(filled, form_of, "comparator", "reject")
    decide(filled, form_of, "follow_up_months", "12")  # typed: the value suggested
    assert stats(filled) == {
        "n.total": (1, 1, 0, 0),
        "n.female": (1, 0, 1, 0),
        "fu.months": (1, 1, 0, 0),
        "drug": (1, 0, 0, 0),
        "cmp": (1, 0, 0, 1),
    }
    by_rule = {s.rule: s for s in filled.rule_stats()}
    assert by_rule["n.female"].acceptance == 0.0
    assert by_rule["drug"].open == 1
    assert stats(filled) == expected_stats(filled)


def test_a_changed_mind_and_undo_move_the_counts_back(filled: SqlStore, form_of: FormOf) -> None:
    done = []
    for how, expected in [
        ("accept", (1, 1, 0, 0)),
        ("121", (1, 0, 1, 0)),  # the curator changes their mind
        ("reject", (1, 0, 0, 1)),
    ]:
        slot = slot_of(form_of(filled), "n_total")
        if how == "accept":
            change = accept(slot, "d1", "ann")
        elif how == "reject":
            change = reject(slot, "d1", "ann")
        else:
            change = correct(slot, "d1", how, "ann")
        done.extend(filled.apply([change], "ann"))
        assert stats(filled)["n.total"] == expected
    for expected in [(1, 0, 1, 0), (1, 1, 0, 0), (1, 0, 0, 0)]:  # undo, undo, undo
        filled.apply([inverse(done.pop())], "ann", kind="undo")
        assert stats(filled)["n.total"] == expected
    assert stats(filled) == expected_stats(filled)


def test_undo_of_a_bulk_decision(filled: SqlStore, form_of: FormOf) -> None:
    form = form_of(filled)
    changes = [accept(slot, "d1", "ann") for slot in form.slots if slot.is_open]
    applied = filled.apply(changes, "ann")
    assert all(accepted == 1 for _, accepted, _, _ in stats(filled).values())
    filled.apply([inverse(change) for change in applied], "ann", kind="undo")
    assert all(counts[1:] == (0, 0, 0) for counts in stats(filled).values())


def test_every_suggestion_in_a_slot_is_judged_by_its_decision(
    filled: SqlStore, schema: Schema, form_of: FormOf
) -> None:
    more = [
        Extracted("n_total", 120, "120", 30, 33, "n.total.enrolled", 0.5),  # same value
        Extracted("n_total", 64, "64", 59, 61, "n.total.sum", 0.4),  # another value
    ]
    filled.add_suggestions("d1", place(schema, filled.suggestions("d1"), more), "v2")
    decide(filled, form_of, "n_total", "accept")  # the most confident one: 120
    assert stats(filled)["n.total"] == (1, 1, 0, 0)
    assert stats(filled)["n.total.enrolled"] == (1, 1, 0, 0)
    assert stats(filled)["n.total.sum"] == (1, 0, 1, 0)
    decide(filled, form_of, "n_total", "64")
    assert stats(filled)["n.total"] == (1, 0, 1, 0)
    assert stats(filled)["n.total.sum"] == (1, 1, 0, 0)
    assert stats(filled) == expected_stats(filled)


def test_suggestions_added_after_a_decision_are_judged_at_once(
    filled: SqlStore, schema: Schema, form_of: FormOf
) -> None:
    decide(filled, form_of, "n_total", "accept")
    decide(filled, form_of, "comparator", "reject")
    later = [
        Extracted("n_total", 120, "120", 30, 33, "n.total.v2", 0.9),
        Extracted("n_total", 12, "12", 98, 100, "n.total.v2", 0.3),
        Extracted("comparator", "placebo", "placebo", 15, 22, "cmp.v2", 0.9),
        Extracted("condition", "stroke", "stroke", 44, 50, "cond", 0.9),
    ]
    filled.add_suggestions("d1", place(schema, filled.suggestions("d1"), later), "v2")
    assert stats(filled)["n.total.v2"] == (2, 1, 1, 0)
    assert stats(filled)["cmp.v2"] == (1, 0, 0, 1)
    assert stats(filled)["cond"] == (1, 0, 0, 0)
    assert stats(filled) == expected_stats(filled)


def test_random_decisions_keep_the_counts_exact(
    filled: SqlStore, schema: Schema, form_of: FormOf, db_path: Path
) -> None:
    rng = random.Random(7)
    more = [
        Extracted("n_total", 64, "64", 59, 61, "n.total.sum", 0.4),
        Extracted("intervention", "placebo", "placebo", 15, 22, "drug", 0.3),
        Extracted("outcomes.value", 0.8, "0.8", 70, 73, "o.v", 0.7, row=0),
        Extracted("outcomes.value", 0.9, "0.9", 74, 77, "o.v", 0.6, row=1),
    ]
    filled.add_suggestions("d1", place(schema, filled.suggestions("d1"), more), "v2")
    applied: list[SlotChange] = []
    for _ in range(60):
        form = form_of(filled)
        slot = rng.choice([s for s in form.slots if s.suggestion is not None])
        how = rng.choice(["accept", "reject", "correct", "undo", "undo"])
        if how == "undo" and applied:
            filled.apply([inverse(applied.pop())], "ann", kind="undo")
            continue
        if how == "accept":
            change = accept(slot, "d1", "ann")
        elif how == "reject":
            change = reject(slot, "d1", "ann")
        else:
            text = slot.suggestion.value if rng.random() < 0.3 else "3"
            change = correct(slot, "d1", text, "ann")
        applied.extend(filled.apply([change], "ann"))
        assert stats(filled) == expected_stats(filled)
    with Session(open_engine(db_path)[0]) as session, session.begin():  # a recount agrees
        rebuild(session)
        assert sorted(rule_stats(session), key=lambda s: s.rule) == sorted(
            filled.rule_stats(), key=lambda s: s.rule
        )


# -- rule misses --------------------------------------------------------------------------
def test_misses_name_the_document_slot_span_and_decision(
    filled: SqlStore, form_of: FormOf, clock: Clock
) -> None:
    clock.set(0)
    decide(filled, form_of, "n_total", "accept", at=clock())
    decide(filled, form_of, "n_female", "65", curator="bob", at=clock())
    clock.set(60)
    decide(filled, form_of, "comparator", "reject", at=clock())
    assert filled.rule_misses("n.total") == []
    assert filled.rule_misses("no such rule") == []
    assert filled.rule_misses("n.female") == [
        RuleMiss(
            rule="n.female", document_id="d1", title="Aspirin trial", field="n_female", row=0,
            verdict=Status.CORRECTED, suggested="64", kept="65", start=59, end=61,
            curator="bob", decided_at=T0,
        )
    ]  # fmt: skip
    (rejected,) = filled.rule_misses("cmp")
    assert (rejected.verdict, rejected.suggested, rejected.kept) == (
        Status.REJECTED, "placebo", None,
    )  # fmt: skip
    assert (rejected.start, rejected.end, rejected.decided_at) == (
        15,
        22,
        T0 + timedelta(seconds=60),
    )


def test_misses_newest_decision_first_and_gone_when_undone(
    filled: SqlStore, schema: Schema, form_of: FormOf, make_doc: object, clock: Clock
) -> None:
    filled.add_documents([make_doc("d3", "Another trial")])  # type: ignore[operator]
    found = [Extracted("n_total", 99, "99", 0, 2, "n.total", 0.9)]
    filled.add_suggestions("d3", place(schema, [], found), "v1")
    clock.set(0)
    decide(filled, form_of, "n_total", "100", at=clock())
    clock.set(30)
    form = form_of(filled, "d3")
    undone = filled.apply([reject(slot_of(form, "n_total"), "d3", "ann", clock())], "ann")
    misses = filled.rule_misses("n.total")
    assert [(m.document_id, m.title, m.verdict) for m in misses] == [
        ("d3", "Another trial", Status.REJECTED),
        ("d1", "Aspirin trial", Status.CORRECTED),
    ]
    filled.apply([inverse(change) for change in undone], "ann", kind="undo")
    assert [m.document_id for m in filled.rule_misses("n.total")] == ["d1"]


# -- progress and time --------------------------------------------------------------------
@pytest.fixture
def three(store: SqlStore, schema: Schema, make_doc: object) -> SqlStore:
    """d1, d2, d3 with one n_total suggestion each."""
    store.add_documents([make_doc(d) for d in ("d1", "d2", "d3")])  # type: ignore[operator]
    for d in ("d1", "d2", "d3"):
        found = [Extracted("n_total", 120, "120", 30, 33, "n.total", 0.9)]
        store.add_suggestions(d, place(schema, [], found), "v1")
    return store


def n_total(store: SqlStore, document_id: str) -> CuratedValue | None:
    return next((c for c in store.curated(document_id) if c.field == "n_total"), None)


def touch(store: SqlStore, clock: Clock, seconds: float, curator: str, document_id: str) -> None:
    """One decision by ``curator`` on ``document_id`` at T0 + ``seconds``: n_total typed
    (a new value each time, so every call is a change)."""
    clock.set(seconds)
    current = n_total(store, document_id)
    value = str(int(current.value or 0) + 1) if current is not None else "1"
    after = CuratedValue(
        document_id, "n_total", 0, Status.MANUAL, value, int(value), None, None, None,
        curator, clock.now,
    )  # fmt: skip
    store.apply([SlotChange(document_id, "n_total", 0, current, after)], curator)


def test_time_per_document_pauses_breaks_curators_and_undo(three: SqlStore, clock: Clock) -> None:
    touch(three, clock, 0, "ann", "d1")  # ann's first decision: nothing before it
    touch(three, clock, 30, "ann", "d1")  # d1 +30
    touch(three, clock, 40, "bob", "d2")  # bob's first
    touch(three, clock, 75, "ann", "d2")  # d2 +45
    touch(three, clock, 75 + 11 * 60, "ann", "d3")  # after a break: d3 0
    clock.set(75 + 11 * 60 + 5)
    (current,) = three.curated("d3")
    three.apply([SlotChange("d3", "n_total", 0, current, None)], "ann", kind="undo")  # not work
    touch(three, clock, 75 + 11 * 60 + 20, "ann", "d3")  # d3 +20 (since ann's last decision)
    touch(three, clock, 100, "bob", "d2")  # d2 +60
    insight = three.progress_insight()
    assert sorted(insight.seconds_per_document) == [20.0, 30.0, 105.0]
    assert sorted(insight.seconds_per_document) == expected_seconds(three)
    assert insight.progress == three.progress()
    assert insight.progress.in_progress == 3


def test_time_when_a_clock_was_behind_and_decisions_share_a_moment(
    three: SqlStore, clock: Clock
) -> None:
    touch(three, clock, 0, "ann", "d1")
    touch(three, clock, 300, "ann", "d2")  # d2 +300
    touch(three, clock, 120, "ann", "d3")  # stamped earlier: d3 +120, and d2 now +180
    assert sorted(three.progress_insight().seconds_per_document) == [0.0, 120.0, 180.0]
    # one apply for two documents: one moment, taken in document order (d1 before d2)
    clock.set(330)
    changes = []
    for d in ("d2", "d1"):
        (current,) = three.curated(d)
        after = CuratedValue(d, "n_total", 0, Status.MANUAL, "7", 7, None, None, None, "ann", T0)
        changes.append(SlotChange(d, "n_total", 0, current, after))
    three.apply(changes, "ann")
    assert sorted(three.progress_insight().seconds_per_document) == [30.0, 120.0, 180.0]
    assert sorted(three.progress_insight().seconds_per_document) == expected_seconds(three)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_time_per_document_is_core_time_spent(
    three: SqlStore, clock: Clock, seed: int, db_path: Path
) -> None:
    """Random decisions: several curators, pauses and breaks, clocks behind, undos."""
    rng = random.Random(seed)
    moment = 0.0
    for _ in range(40):
        moment += rng.choice([0, 0.5, 7, 45, 300, 599, 601, 3600])
        when = moment - rng.choice([0, 0, 0, 0, 30, 900])  # now and then a clock behind
        document_id = rng.choice(["d1", "d2", "d3"])
        if rng.random() < 0.15 and three.curated(document_id):
            clock.set(when)
            (current,) = three.curated(document_id)
            change = SlotChange(document_id, "n_total", 0, current, None)
            three.apply([change], "ann", kind="undo")
            continue
        touch(three, clock, when, rng.choice(["ann", "bob", "cy"]), document_id)
        got = sorted(three.progress_insight().seconds_per_document)
        assert got == pytest.approx(expected_seconds(three), abs=1e-9)
    with Session(open_engine(db_path)[0]) as session, session.begin():  # a recount agrees
        rebuild(session)
        again = sorted(seconds_per_document(session))
        assert again == pytest.approx(expected_seconds(three), abs=1e-9)


def test_decisions_per_utc_hour_oldest_first(three: SqlStore, clock: Clock) -> None:
    touch(three, clock, 5 * 60, "ann", "d1")  # 09:05
    touch(three, clock, 55 * 60, "bob", "d2")  # 09:55
    touch(three, clock, 2 * 3600 + 59, "ann", "d3")  # 11:00:59
    touch(three, clock, 14 * 3600 + 59 * 60 + 59.999999, "ann", "d3")  # 23:59:59.999999
    touch(three, clock, 15 * 3600, "ann", "d1")  # 00:00 the next day
    touch(three, clock, 30 * 60, "cy", "d2")  # 09:30, written last (a clock behind)
    clock.set(56 * 60)
    (current,) = three.curated("d2")
    three.apply([SlotChange("d2", "n_total", 0, current, None)], "bob", kind="undo")
    assert three.progress_insight().decisions_per_hour == (
        (datetime(2026, 11, 23, 9, tzinfo=UTC), 3),
        (datetime(2026, 11, 23, 11, tzinfo=UTC), 1),
        (datetime(2026, 11, 23, 23, tzinfo=UTC), 1),
        (datetime(2026, 11, 24, 0, tzinfo=UTC), 1),
    )
    assert three.progress_insight().decisions == 6


def test_progress_insight_counts_bulk_decisions_and_status(
    filled: SqlStore, form_of: FormOf
) -> None:
    form = form_of(filled)
    filled.apply([accept(slot, "d1", "ann") for slot in form.slots if slot.is_open], "ann")
    insight = filled.progress_insight()
    assert insight.decisions == 5
    assert len(insight.decisions_per_hour) == 1
    assert insight.decisions_per_hour[0][0].tzinfo is UTC
    assert insight.seconds_per_document == (0.0,)  # one moment: no time between
    assert (insight.progress.total, insight.progress.in_progress) == (2, 1)
    assert insight.progress.open_suggestions == 0


# -- outcome rows -------------------------------------------------------------------------
OUTCOMES = [
    Extracted("outcomes.outcome", "mortality", "mortality", 60, 69, "o", 0.7, row=0),
    Extracted("outcomes.measure", "hazard ratio", "HR", 70, 72, "o.m", 0.7, row=0),
    Extracted("outcomes.value", 0.8, "0.8", 73, 76, "o.v", 0.7, row=0),
    Extracted("outcomes.ci_low", 0.6, "0.6", 77, 80, "o.l", 0.7, row=0),
    Extracted("outcomes.ci_high", 1.1, "1.1", 81, 84, "o.h", 0.7, row=0),
    Extracted("outcomes.measure", "proportion", "%", 85, 86, "o.m", 0.7, row=1),
    Extracted("outcomes.value", 42.0, "42", 87, 89, "o.v", 0.7, row=1),
    Extracted("outcomes.value", 7.0, "7", 90, 91, "o.v", 0.7, row=2),
]


@pytest.fixture
def outcomes(filled: SqlStore, schema: Schema, form_of: FormOf) -> SqlStore:
    """d1 with two curated outcomes rows (a hazard ratio; a proportion with comparator
    typed), a third row rejected, and its interventions and condition decided."""
    extra = [
        *OUTCOMES,
        Extracted("intervention", "clopidogrel", "clopidogrel", 90, 100, "drug", 0.9),
    ]
    filled.add_suggestions("d1", place(schema, filled.suggestions("d1"), extra), "v2")
    form = form_of(filled)
    changes = [
        accept(slot, "d1", "ann")
        for slot in form.slots
        if slot.is_open and slot.spec.group in ("outcomes", "intervention")
    ]
    changes[-1] = reject(slot_of(form, "outcomes.value", 2), "d1", "ann")
    changes.append(correct(slot_of(form, "outcomes.ci_low"), "d1", "0.55", "ann"))
    changes.append(correct(slot_of(form, "outcomes.comparator_value", 1), "d1", "67", "ann"))
    changes.append(correct(slot_of(form, "condition"), "d1", "stroke", "ann"))
    filled.apply(changes, "ann")
    # row 3: a p value typed, retyped and undone, then cleared
    typed = [typed_value("d1", text, "outcomes.p_value", 3) for text in ("0.01", "0.02")]
    filled.apply([SlotChange("d1", "outcomes.p_value", 3, None, typed[0])], "ann")
    undone = filled.apply([SlotChange("d1", "outcomes.p_value", 3, typed[0], typed[1])], "ann")
    filled.apply([inverse(c) for c in undone], "ann", kind="undo")
    filled.apply([SlotChange("d1", "outcomes.p_value", 3, typed[0], None)], "ann")
    return filled


def typed_value(
    document_id: str, text: str, field: str = "outcomes.value", row: int = 0
) -> CuratedValue:
    return CuratedValue(
        document_id, field, row, Status.MANUAL, text, text, None, None, None, "ann", T0
    )


def test_outcome_rows_with_cells_and_context(outcomes: SqlStore) -> None:
    rows = sorted(outcomes.outcome_rows(), key=lambda r: r.row)
    assert [(r.document_id, r.title, r.row) for r in rows] == [
        ("d1", "Aspirin trial", 0),
        ("d1", "Aspirin trial", 1),
    ]  # row 2: rejected; row 3: typed, then cleared by a rejection
    assert dict(rows[0].cells) == {
        "outcome": "mortality",
        "measure": "hazard ratio",
        "value": "0.8",
        "ci_low": "0.55",
        "ci_high": "1.1",
    }
    assert dict(rows[1].cells) == {
        "measure": "proportion",
        "value": "42.0",
        "comparator_value": "67.0",
    }
    assert rows[0].interventions == rows[1].interventions == ("aspirin", "clopidogrel")
    assert rows[0].conditions == ("stroke",)
    drawn = evidence(rows)
    assert [(f.value, f.ci_low, f.ci_high) for f in drawn.forest] == [(0.8, 0.55, 1.1)]
    assert [(p.value, p.comparator) for p in drawn.paired] == [(42.0, 67.0)]
    with pytest.raises(TypeError):
        rows[0].cells["value"] = "9"  # type: ignore[index]  # shared: read-only


def test_outcome_rows_without_decisions_or_outcomes_are_absent(
    filled: SqlStore, schema: Schema, form_of: FormOf
) -> None:
    filled.add_suggestions("d1", place(schema, filled.suggestions("d1"), OUTCOMES), "v2")
    decide(filled, form_of, "intervention", "accept")  # context alone is no outcome row
    assert filled.outcome_rows() == []


def test_outcome_rows_follow_every_write(
    outcomes: SqlStore, schema: Schema, form_of: FormOf, db_path: Path, make_doc: object
) -> None:
    outcomes.add_documents([make_doc("d2")])  # type: ignore[operator]
    outcomes.apply([SlotChange("d2", "outcomes.value", 0, None, typed_value("d2", "1.5"))], "ann")
    first = {(r.document_id, r.row): r for r in outcomes.outcome_rows()}
    assert set(first) == {("d1", 0), ("d1", 1), ("d2", 0)}
    again = {(r.document_id, r.row): r for r in outcomes.outcome_rows()}
    assert all(again[key] is first[key] for key in first)  # nothing written: kept
    with SqlStore.open(db_path) as other:  # another window, or another process
        title = [Extracted("title", "A confident title", "Aspirin", 0, 7, "title", 0.9)]
        other.add_suggestions("d1", place(schema, other.suggestions("d1"), title), "v3")
        assert {r.title for r in outcomes.outcome_rows() if r.document_id == "d1"} == {
            "A confident title"
        }
        form = form_of(other)
        other.apply([correct(slot_of(form, "outcomes.value"), "d1", "0.75", "bob")], "bob")
        other.apply([correct(slot_of(form, "title"), "d1", "Renamed", "bob")], "bob")
    rows = {(r.document_id, r.row): r for r in outcomes.outcome_rows()}
    assert rows["d1", 0].cells["value"] == "0.75"
    assert rows["d1", 0].title == rows["d1", 1].title == "Renamed"
    assert rows["d2", 0] is first["d2", 0]  # only the document written is read again
    decide(outcomes, form_of, "intervention", "reject")
    assert {r.row: r.interventions for r in outcomes.outcome_rows() if r.document_id == "d1"} == {
        0: ("clopidogrel",),
        1: ("clopidogrel",),
    }


@pytest.mark.parametrize(("chunk", "reread_all"), [(1, 2_000), (500, 0)])
def test_outcome_rows_of_many_changed_documents(
    outcomes: SqlStore,
    make_doc: object,
    monkeypatch: pytest.MonkeyPatch,
    chunk: int,
    reread_all: int,
) -> None:
    """Documents read again in several IN lists, or everything read again."""
    monkeypatch.setattr("curator.store.insights._CHUNK", chunk)
    monkeypatch.setattr("curator.store.insights.REREAD_ALL", reread_all)
    outcomes.add_documents([make_doc(d) for d in ("d2", "d3", "d4")])  # type: ignore[operator]
    assert len(outcomes.outcome_rows()) == 2
    changes = [
        SlotChange(d, "outcomes.value", 0, None, typed_value(d, value))
        for d, value in (("d2", "1.5"), ("d3", "2.5"), ("d4", "3.5"))
    ]
    outcomes.apply(changes, "ann")
    values = {(r.document_id, r.row): r.text("value") for r in outcomes.outcome_rows()}
    assert values == {
        ("d1", 0): "0.8",
        ("d1", 1): "42.0",
        ("d2", 0): "1.5",
        ("d3", 0): "2.5",
        ("d4", 0): "3.5",
    }


def test_outcome_rows_after_a_backup_is_restored_under_the_store(
    outcomes: SqlStore, form_of: FormOf, db_path: Path, tmp_path: Path, make_doc: object
) -> None:
    outcomes.add_documents([make_doc("d2")])  # type: ignore[operator]
    typed = typed_value("d2", "1.5")
    outcomes.apply([SlotChange("d2", "outcomes.value", 0, None, typed)], "ann")
    backup = backup_database(db_path, tmp_path / "backup.sqlite")
    outcomes.apply([SlotChange("d2", "outcomes.value", 0, typed, typed_value("d2", "2.5"))], "ann")
    assert {r.document_id: r.text("value") for r in outcomes.outcome_rows()}["d2"] == "2.5"
    restore_backup(backup, db_path)
    # later writes elsewhere take the history ids seen before the restore again
    for text in ("0.5", "0.6"):
        slot = slot_of(form_of(outcomes), "outcomes.value")
        outcomes.apply([correct(slot, "d1", text, "ann")], "ann")
    values = {(r.document_id, r.row): r.text("value") for r in outcomes.outcome_rows()}
    assert values == {("d1", 0): "0.6", ("d1", 1): "42.0", ("d2", 0): "1.5"}


# -- schema -------------------------------------------------------------------------------
def test_the_outcome_queries_read_the_partial_indexes(outcomes: SqlStore) -> None:
    from curator.store.rows import CONTEXT_ITEMS, OUTCOME_CELLS

    with outcomes._engine.connect() as connection:
        sql: dict[str, str] = dict(
            connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE name LIKE 'ix_curated_values_%'"
            ).all()
        )
        assert sql["ix_curated_values_outcomes"].endswith(f"WHERE {OUTCOME_CELLS}")
        assert sql["ix_curated_values_context"].endswith(f"WHERE {CONTEXT_ITEMS}")
        for where, index in ((OUTCOME_CELLS, "outcomes"), (CONTEXT_ITEMS, "context")):
            plan = connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN SELECT document_id, value FROM curated_values WHERE {where}"
            ).all()
            assert f"COVERING INDEX ix_curated_values_{index}" in str(plan)


def test_upgrade_fills_counts_and_times_from_the_rows(
    outcomes: SqlStore, three_more: None, db_path: Path
) -> None:
    """A database of the previous version gets what the writes would have kept."""
    rules, insight = stats(outcomes), outcomes.progress_insight()
    outcomes.close()
    with migrating(db_path) as (config, _connection):
        command.downgrade(config, "0002")
        command.upgrade(config, "head")
    with SqlStore.open(db_path) as reopened:
        assert stats(reopened) == rules
        again = reopened.progress_insight()
        assert sorted(again.seconds_per_document) == sorted(insight.seconds_per_document)
        assert sorted(again.seconds_per_document) == expected_seconds(reopened)
        assert again.decisions_per_hour == insight.decisions_per_hour


@pytest.fixture
def three_more(outcomes: SqlStore, clock: Clock, make_doc: object) -> None:
    """More decisions on d1, d5, d6 by two curators, with pauses and a break."""
    outcomes.add_documents([make_doc(d) for d in ("d5", "d6")])  # type: ignore[operator]
    for seconds, curator, document_id in [
        (0, "ann", "d5"), (20, "ann", "d6"), (25, "bob", "d5"), (2000, "ann", "d5"),
        (2050, "bob", "d6"), (2055, "bob", "d1"),
    ]:  # fmt: skip
        touch(outcomes, clock, seconds, curator, document_id)
