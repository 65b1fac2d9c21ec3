"""Insight benchmark: the four InsightSource calls on a 20,000-document database.

Run: ``.venv/bin/python tests/benchmarks/bench_insights.py [--db PATH] [--docs N]
[--decisions N] [--check]``. Prints numbers; asserts nothing. (Not collected by pytest:
no ``test_`` prefix.) Prints, in milliseconds:

- each call of a store that has answered it before: median and min of 7, and the
  median CPU time of this process (less disturbed by other processes on the machine);
- ``outcome_rows()`` as the first call of a store just opened (nothing kept yet);
- on a scratch copy: one decision or its undo, and the three calls a refresh after it
  makes.

``--check`` compares what the writes keep (time per document, rule counts) with a
recount. The database is built once by :func:`build_insight_db` (20-60 s) and reused
when the file exists; other benchmarks import that function. It is meant to look like a
real project after two months: four curators deciding in working sessions with pauses
and breaks, about 40 rules of varying quality (some slots suggested by two rules),
values accepted, corrected, rejected or typed, a few changes of mind and undos, and
about one curated outcomes row per document (ratios with their 95% CI, proportions with
a comparator value, a few other measures).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from curator.core.insights import time_spent
from curator.core.model import Status
from curator.core.ports import SlotChange
from curator.core.review import display, inverse
from curator.store import SqlStore, insights
from curator.store.derived import rebuild
from tests.benchmarks.bench_store import WORDS as STORE_WORDS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from curator.core.model import Scalar

Row = dict[str, Any]  # column -> value, for executemany
DEFAULT_DB = Path(tempfile.gettempdir()) / "curator-bench-insights-{documents}-{decisions}.sqlite"
CURATORS = ("ana", "ben", "chen", "dana")
START = datetime(2026, 9, 1, 7, 0, tzinfo=UTC)
WORDS = [*STORE_WORDS, "patients"]  # the store benchmark's words, one more
DRUGS = ("aspirin", "metoprolol", "warfarin", "apixaban", "atorvastatin", "insulin", "placebo")
CONDITIONS = ("stroke", "hypertension", "atrial fibrillation", "diabetes", "heart failure")
OUTCOMES = ("mortality", "stroke", "major bleeding", "hospitalisation", "remission", "MI")
DESIGNS = ("randomized controlled trial", "cohort study", "case-control study")

# field -> [(rule, probability that its suggestion is right)]; about 40 rules in all.
RULES: dict[str, list[tuple[str, float]]] = {
    "title": [("title.first_line", 0.9), ("title.heading", 0.75)],
    "journal": [("journal.header", 0.8)],
    "year": [("year.published", 0.95), ("year.copyright", 0.7)],
    "doi": [("doi.pattern", 0.98)],
    "pmid": [("pmid.pattern", 0.97)],
    "study_design": [("design.rct", 0.9), ("design.cohort", 0.75), ("design.keywords", 0.5)],
    "follow_up_months": [("fu.months", 0.9), ("fu.years", 0.8)],
    "condition": [("condition.lexicon", 0.85), ("condition.participants", 0.65)],
    "age": [("age.mean", 0.9), ("age.median", 0.7)],
    "n_total": [
        ("n.total.randomized", 0.9),
        ("n.total.enrolled", 0.75),
        ("n.total.sum", 0.5),
    ],
    "n_female": [("n.female.count", 0.85), ("n.female.percent", 0.6)],
    "intervention": [
        ("drug.lexicon", 0.92),
        ("drug.pattern", 0.6),
        ("procedure.lexicon", 0.7),
    ],
    "comparator": [("cmp.placebo", 0.95), ("cmp.versus", 0.7)],
    "outcomes.outcome": [("outcome.primary", 0.7), ("outcome.phrase", 0.55)],
    "outcomes.measure": [("measure.ratio", 0.93), ("measure.percent", 0.7)],
    "outcomes.value": [("estimate.paren", 0.85), ("estimate.colon", 0.75)],
    "outcomes.ci_low": [("ci.bracket", 0.9), ("ci.to", 0.8), ("ci.dash", 0.6)],
    "outcomes.ci_high": [("ci.bracket", 0.9), ("ci.to", 0.8), ("ci.dash", 0.6)],
    "outcomes.comparator_value": [("pct.versus", 0.6)],
    "outcomes.p_value": [("p.value", 0.92), ("p.less", 0.85)],
    "outcomes.timepoint": [("timepoint.at", 0.7)],
}
#: single-valued field -> chance that a document has a suggestion for it
SUGGESTED = {
    "title": 0.6,
    "journal": 0.6,
    "pmid": 0.6,
    "follow_up_months": 0.6,
    "age": 0.6,
    "n_female": 0.6,
    "year": 0.5,
    "doi": 0.25,
    "study_design": 0.3,
    "n_total": 0.6,
    "intervention": 0.7,
    "condition": 0.45,
    "comparator": 0.3,
}
#: chance that a curated outcome cell was suggested
OUTCOME_SUGGESTED = 0.22


@dataclass
class Slot:
    field: str
    row: int
    truth: Scalar
    suggestions: list[tuple[int, str, Scalar, float]] = dataclasses.field(default_factory=list)


def build_insight_db(
    path: str | Path, documents: int = 20_000, decisions: int = 200_000, *, seed: int = 1
) -> Path:
    """The benchmark database at ``path``, built (20-60 s) unless a file is there already
    (then only migrated to head, whatever sizes it was built with).

    ``decisions``: history rows of kind "decision" (undo rows and document-status rows
    come on top); the curated values are the last decision of each slot. The rows are
    inserted in bulk, then the derived counts are computed as the migration does
    (``store.derived.rebuild``); no ANALYZE, as the app never runs it. Built in a
    scratch file beside ``path`` and renamed at the end: a build cut short leaves no
    half database behind.
    """
    path = Path(path)
    if path.exists():
        SqlStore.open(path, keep_backups=0).close()  # migrate an older build to head
        return path
    scratch = path.with_name(path.name + ".building")
    for stale in path.parent.glob(scratch.name + "*"):
        stale.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    SqlStore.open(scratch, keep_backups=0).close()  # the schema, at head
    tables = _generate(documents, decisions, random.Random(seed))
    connection = sqlite3.connect(scratch)
    try:
        connection.execute("PRAGMA synchronous = OFF")
        with connection:
            for table, rows in tables.items():
                if rows:
                    names = list(rows[0])
                    columns = ", ".join(f'"{name}"' for name in names)
                    marks = ", ".join(f":{name}" for name in names)
                    insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
                    connection.executemany(insert, rows)
    finally:
        connection.close()
    engine = create_engine(f"sqlite:///{scratch}")
    try:
        with Session(engine) as session, session.begin():
            rebuild(session)  # what the writes keep current: rule counts, time per document
        with engine.connect() as done:
            done.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    scratch.replace(path)
    return path


def _generate(documents: int, decisions: int, rng: random.Random) -> dict[str, list[Row]]:
    """Rows for every table, in insertion order (documents first)."""
    docs: list[Row] = []
    suggestions: list[Row] = []
    plans: list[tuple[str, list[Slot]]] = []
    created = _utc(START - timedelta(days=1))
    for index in range(documents):
        doc_id = hashlib.sha256(f"bench-document-{index}".encode()).hexdigest()
        title = " ".join(rng.choices(WORDS, k=7)).capitalize() + f" {index}"
        slots = _truth(rng, title)
        for slot in slots:
            _suggest(rng, slot, len(suggestions) + 1)
            for sid, rule, value, confidence in slot.suggestions:
                suggestions.append(
                    {
                        "id": sid, "document_id": doc_id, "field": slot.field,
                        "row": slot.row, "value": display(value),
                        "normalized": json.dumps(value), "text": display(value),
                        "start": 10 * sid % 900, "end": 10 * sid % 900 + 6, "rule": rule,
                        "confidence": confidence, "extractor_version": "bench-1",
                        "created_at": created,
                    }
                )  # fmt: skip
        docs.append(
            {
                "id": doc_id, "seq": index + 1, "title": title, "title_key": title.casefold(),
                "file_title": title, "status": "new", "open_suggestions": 0,
                "extracted_version": "bench-1", "imported_at": created,
                "source_path": f"/abstracts/{index}.txt",
                "text": title + ". " + " ".join(rng.choices(WORDS, k=180)),
            }
        )  # fmt: skip
        plans.append((doc_id, slots))
    rng.shuffle(plans)
    curated, history, touched = _decide(plans, decisions, rng)
    for doc in docs:
        doc["status"] = touched.get(doc["id"], "new")
    decided_slots = {(c["document_id"], c["field"], c["row"]) for c in curated}
    open_slots: dict[str, set[tuple[str, int]]] = {}
    for s in suggestions:
        if (s["document_id"], s["field"], s["row"]) not in decided_slots:
            open_slots.setdefault(s["document_id"], set()).add((s["field"], s["row"]))
    for doc in docs:
        doc["open_suggestions"] = len(open_slots.get(doc["id"], ()))
    history.sort(key=lambda h: h["at"])
    return {
        "documents": docs,
        "suggestions": suggestions,
        "curated_values": curated,
        "history": history,
    }


def _truth(rng: random.Random, title: str) -> list[Slot]:
    """The values a careful curator would record for one document."""
    slots = [
        Slot("title", 0, title),
        Slot("year", 0, rng.randint(1995, 2025)),
        Slot("study_design", 0, rng.choice(DESIGNS)),
        Slot("n_total", 0, rng.randint(20, 3000)),
        Slot("intervention", 0, rng.choice(DRUGS[:-1])),
        Slot("condition", 0, rng.choice(CONDITIONS)),
        Slot("comparator", 0, "placebo"),
    ]
    if rng.random() < 0.25:
        slots.append(Slot("doi", 0, f"10.1000/bench.{rng.randint(1, 10**6)}"))
    optional: dict[str, Scalar] = {
        "journal": rng.choice(("Lancet", "BMJ", "JAMA", "N Engl J Med", "Stroke")),
        "pmid": str(rng.randint(10**7, 4 * 10**7)),
        "follow_up_months": float(rng.choice((6, 12, 18, 24, 36))),
        "age": round(rng.uniform(30, 80), 1),
        "n_female": rng.randint(5, 900),
    }
    slots.extend(Slot(key, 0, value) for key, value in optional.items() if rng.random() < 0.4)
    if rng.random() < 0.3:
        slots.append(Slot("intervention", 1, rng.choice(DRUGS[:-1])))
    rows = min(3, int(rng.expovariate(1 / 1.4) + 0.5) + (rng.random() < 0.3))
    for row in range(rows):
        slots.extend(_outcome_row(rng, row))
    return slots


def _outcome_row(rng: random.Random, row: int) -> list[Slot]:
    cells: dict[str, Scalar] = {"outcome": rng.choice(OUTCOMES)}
    kind = rng.random()
    if kind < 0.75:
        cells["measure"] = rng.choice(("hazard ratio", "odds ratio", "risk ratio"))
        value = math.exp(rng.gauss(-0.15, 0.35))
        se = rng.uniform(0.05, 0.45)
        cells["value"] = round(value, 2)
        if rng.random() < 0.9:
            cells["ci_low"] = round(value * math.exp(-1.96 * se), 2)
            cells["ci_high"] = round(value * math.exp(1.96 * se), 2)
    elif kind < 0.9:
        cells["measure"] = "proportion"
        cells["value"] = round(rng.uniform(5, 95), 1)
        if rng.random() < 0.7:
            cells["comparator_value"] = round(rng.uniform(5, 95), 1)
    else:
        cells["measure"] = rng.choice(("mean", "median", "difference"))
        cells["value"] = round(rng.uniform(-20, 80), 1)
    if rng.random() < 0.5:
        cells["p_value"] = rng.choice(("0.03", "0.001", "<0.001", "0.21", "0.048"))
    if rng.random() < 0.4:
        cells["timepoint"] = f"{rng.choice((6, 12, 24, 36))} months"
    return [Slot(f"outcomes.{key}", row, value) for key, value in cells.items()]


def _suggest(rng: random.Random, slot: Slot, next_id: int) -> None:
    """Zero, one or two rules suggest a value for the slot, right or wrong."""
    if slot.field.startswith("outcomes."):
        chance = OUTCOME_SUGGESTED
    else:  # a second intervention is suggested half as often as the first
        chance = SUGGESTED.get(slot.field, 0.0) * (1.0 if slot.row == 0 else 0.5)
    if rng.random() >= chance:
        return
    rules = RULES[slot.field]
    picked = rng.sample(rules, k=2 if len(rules) > 1 and rng.random() < 0.2 else 1)
    for rule, right in picked:
        value = slot.truth if rng.random() < right else _wrong(rng, slot.truth)
        confidence = round(rng.uniform(0.4, 0.99), 2)
        slot.suggestions.append((next_id, rule, value, confidence))
        next_id += 1
    slot.suggestions.sort(key=lambda s: -s[3])


def _wrong(rng: random.Random, truth: Scalar) -> Scalar:
    if isinstance(truth, int) and not isinstance(truth, bool):
        return truth + rng.choice((-10, -1, 1, 100))
    if isinstance(truth, float):
        return round(truth * rng.choice((0.5, 1.1, 10.0)), 2)
    return str(truth).split(" ")[0] + " et al"


def _decide(
    plans: list[tuple[str, list[Slot]]], decisions: int, rng: random.Random
) -> tuple[list[Row], list[Row], dict[str, str]]:
    """Curators work through the documents until ``decisions`` decisions are made.

    Returns the curated values, the history rows and each touched document's status.
    """
    clocks = {name: _clock(rng, index) for index, name in enumerate(CURATORS)}
    curated: list[Row] = []
    history: list[Row] = []
    status: dict[str, str] = {}
    made = 0
    for position, (doc_id, slots) in enumerate(plans):
        if made >= decisions:
            break
        curator = CURATORS[position % len(CURATORS)]
        clock = clocks[curator]
        finish = rng.random() < 0.8
        first = True
        for slot in slots:
            if made >= decisions:
                break
            if not slot.suggestions and rng.random() < 0.2:
                continue  # not recorded
            if not finish and rng.random() < 0.5:
                continue
            at = next(clock)
            if first:
                status[doc_id] = "in progress"
                history.append(_status_row(doc_id, "new", "in progress", curator, at))
                first = False
            final = _verdict(rng, doc_id, slot, curator, at)
            before: Row | None = None
            hasty = _verdict(rng, doc_id, slot, curator, at, hasty=True)
            changed = (hasty["status"], hasty["value"]) != (final["status"], final["value"])
            if changed and rng.random() < 0.04 and made + 2 < decisions:  # a change of mind
                before = hasty
                history.append(_history_row(doc_id, slot, None, before, "decision", at))
                made += 1
                if rng.random() < 0.3:  # ... undone at once
                    at = next(clock)
                    history.append(_history_row(doc_id, slot, before, None, "undo", at))
                    before = None
                at = next(clock)
                final["decided_at"] = _utc(at)
            history.append(_history_row(doc_id, slot, before, final, "decision", at))
            made += 1
            curated.append(final)
        if not first and finish and made < decisions:
            status[doc_id] = "done"
            at = next(clock)
            history.append(_status_row(doc_id, "in progress", "done", curator, at))
    return curated, history, status


def _verdict(
    rng: random.Random, doc_id: str, slot: Slot, curator: str, at: datetime, *, hasty: bool = False
) -> Row:
    """The curated value a curator records for the slot (``hasty``: a first, wrong take)."""
    top = slot.suggestions[0] if slot.suggestions else None
    truth = slot.truth
    if hasty:
        truth = top[2] if top is not None else _wrong(rng, truth)
    span: tuple[int | None, int | None] = (None, None)
    sid: int | None = None
    if top is None:
        status, value = "manual", truth
    else:
        sid, span = top[0], (10 * top[0] % 900, 10 * top[0] % 900 + 6)
        if top[2] == truth:
            status, value = "accepted", truth
        elif rng.random() < 0.75:
            status, value = "corrected", truth
        else:
            status, value = "rejected", None
    return {
        "document_id": doc_id, "field": slot.field, "row": slot.row, "status": status,
        "value": None if value is None else display(value),
        "normalized": None if value is None else json.dumps(value),
        "suggestion_id": sid, "start": span[0], "end": span[1], "curator": curator,
        "decided_at": _utc(at),
    }  # fmt: skip


def _history_row(
    doc_id: str, slot: Slot, before: Row | None, after: Row | None, kind: str, at: datetime
) -> Row:
    decided = after or before or {}
    return {
        "kind": kind, "document_id": doc_id, "field": slot.field, "row": slot.row,
        "old_status": before["status"] if before else None,
        "old_value": before["value"] if before else None,
        "new_status": after["status"] if after else None,
        "new_value": after["value"] if after else None,
        "suggestion_id": decided.get("suggestion_id"), "curator": decided["curator"],
        "at": _utc(at),
    }  # fmt: skip


def _status_row(doc_id: str, old: str, new: str, curator: str, at: datetime) -> Row:
    return {
        "kind": "document-status", "document_id": doc_id, "field": None, "row": None,
        "old_status": old, "old_value": None, "new_status": new, "new_value": None,
        "suggestion_id": None, "curator": curator, "at": _utc(at),
    }  # fmt: skip


def _clock(rng: random.Random, offset: int) -> Iterator[datetime]:
    """A curator's decision times: weekday sessions of 1.5-3 h, seconds to minutes apart."""
    day = START + timedelta(minutes=37 * offset)
    while True:
        if day.weekday() < 5:
            for session_start in (rng.uniform(0.5, 2.0), rng.uniform(5.5, 7.0)):
                at = day + timedelta(hours=session_start)
                end = at + timedelta(hours=rng.uniform(1.5, 3.0))
                while at < end:
                    yield at
                    pause = rng.random() < 0.01
                    gap = rng.uniform(120, 540) if pause else rng.lognormvariate(2.1, 0.6)
                    at += timedelta(seconds=gap)
        day += timedelta(days=1)


def _utc(at: datetime) -> str:
    """As the store keeps a datetime on SQLite: naive UTC text with microseconds."""
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def timed(call: Callable[[], object], repeat: int = 7) -> tuple[float, float, float]:
    """(median, min, median CPU time) in milliseconds of ``repeat`` calls.

    The CPU time of this process is less disturbed by other processes on the machine."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), min(times), statistics.median(cpu)


def check(store: SqlStore, path: Path) -> None:
    """What the writes keep (time per document, rule counts) against a recount."""
    events = [(e.curator, e.document_id, e.at) for e in store.history() if e.kind == "decision"]
    expected = sorted(time_spent(events).values())
    got = sorted(store.progress_insight().seconds_per_document)
    worst = max((abs(a - b) for a, b in zip(expected, got, strict=True)), default=0.0)
    print(f"  check: time per document = core.insights.time_spent (largest difference {worst} s)")
    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session, session.begin():
            kept = sorted(store.rule_stats(), key=lambda s: s.rule)
            rebuild(session)
            recounted = sorted(insights.rule_stats(session), key=lambda s: s.rule)
            session.rollback()
    finally:
        engine.dispose()
    print(f"  check: rule counts = a recount from the rows: {kept == recounted}")


def after_a_decision(path: Path) -> None:
    """On a scratch copy: correct an outcomes cell and undo it, refreshing after each."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "copy.sqlite"
        shutil.copyfile(path, copy)
        with SqlStore.open(copy, keep_backups=0) as store:
            rows = store.outcome_rows()  # the first read of this store
            target = next(r for r in rows[len(rows) // 2 :] if "value" in r.cells)
            (cell,) = (
                c
                for c in store.curated(target.document_id)
                if c.field == "outcomes.value" and c.row == target.row
            )
            wrong = replace(cell, status=Status.CORRECTED, value="9.99", normalized=9.99)
            change = SlotChange(cell.document_id, cell.field, cell.row, cell, wrong)
            writes, refreshes = [], []
            for _ in range(7):
                for step, kind in ((change, "decision"), (inverse(change), "undo")):
                    start = time.perf_counter()
                    store.apply([step], "bench", kind=kind)  # type: ignore[arg-type]
                    writes.append((time.perf_counter() - start) * 1000)
                    start = time.perf_counter()
                    store.progress_insight(), store.rule_stats(), store.outcome_rows()
                    refreshes.append((time.perf_counter() - start) * 1000)
        print(
            f"apply one decision or undo (ms): median {statistics.median(writes):.1f}; then "
            f"progress_insight + rule_stats + outcome_rows (ms): "
            f"median {statistics.median(refreshes):.1f}"
        )


def first_outcome_rows(path: Path) -> None:
    """outcome_rows() on a store just opened (nothing kept yet), three times."""
    times = []
    for _ in range(3):
        with SqlStore.open(path, keep_backups=0) as store:
            start = time.perf_counter()
            store.outcome_rows()
            times.append((time.perf_counter() - start) * 1000)
    print(f"outcome_rows(), first call of a store (ms): median {statistics.median(times):.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--decisions", type=int, default=200_000)
    parser.add_argument("--check", action="store_true", help="compare with a recount")
    args = parser.parse_args()
    path = args.db or Path(str(DEFAULT_DB).format(documents=args.docs, decisions=args.decisions))
    start = time.perf_counter()
    existed = path.exists()
    build_insight_db(path, args.docs, args.decisions)
    verb = "reused" if existed else "built"
    print(f"{verb} {path} in {time.perf_counter() - start:.1f} s")
    with sqlite3.connect(path) as connection:
        for table in ("documents", "suggestions", "curated_values", "history"):
            (count,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            print(f"  {table}: {count:,} rows")
    connection.close()
    print(f"  size: {path.stat().st_size / 1e6:.0f} MB")
    with SqlStore.open(path, keep_backups=0) as store:
        insight = store.progress_insight()
        stats = store.rule_stats()
        worst = min(stats, key=lambda s: s.acceptance if s.acceptance is not None else 2.0)
        rows = store.outcome_rows()
        print(
            f"  {insight.decisions:,} decisions in {len(insight.decisions_per_hour)} hours, "
            f"{len(insight.seconds_per_document):,} documents timed, {len(stats)} rules, "
            f"{len(rows):,} outcome rows; worst rule {worst.rule} "
            f"({len(store.rule_misses(worst.rule)):,} misses)"
        )
        if args.check:
            check(store, path)
        calls: dict[str, Callable[[], object]] = {
            "progress_insight()": store.progress_insight,
            "rule_stats()": store.rule_stats,
            f"rule_misses({worst.rule!r})": lambda: store.rule_misses(worst.rule),
            "outcome_rows()": store.outcome_rows,
        }
        for name, call in calls.items():
            median, least, cpu = timed(call)
            print(f"{name} (ms): median {median:.1f}, min {least:.1f}, CPU median {cpu:.1f}")
    first_outcome_rows(path)
    after_a_decision(path)


if __name__ == "__main__":
    main()
