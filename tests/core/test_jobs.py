"""Jobs over the ports: import, extraction and export, on a fake source and the real store."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pytest

from curator.core.jobs import (
    BATCH,
    ImportStatus,
    export_store,
    extract_documents,
    import_documents,
)
from curator.core.model import Extracted, NewDocument
from curator.core.review import accept_all, build_form
from curator.ingest import read_paths
from curator.ingest.reader import ReadFailure, ReadOutcome, document_id

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from curator.core.schema import Schema
    from curator.store import SqlStore


class FakeSource:
    """Finds every "N patients" and proposes n_total, plus a drug and an outcome row."""

    version = "fake-1"

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, text: str) -> list[Extracted]:
        self.calls += 1
        out: list[Extracted] = []
        at = text.find(" patients")
        number = text[:at].split()[-1] if at > 0 else ""
        if number.isdigit():
            start = at - len(number)
            out.append(Extracted("n_total", int(number), number, start, at, "n.fake", 0.9))
        for drug in ("azathioprine", "IVIG"):
            where = text.find(drug)
            if where >= 0:
                end = where + len(drug)
                out.append(Extracted("intervention", drug, drug, where, end, "drug", 0.8))
        out.append(Extracted("outcomes.outcome", "relapse", text[:1], 0, 1, "o", 0.5, row=0))
        out.append(Extracted("not_in_schema", "x", text[:1], 0, 1, "zz", 0.5))
        return out

    def describe(self, rule_id: str) -> str:
        return rule_id


AZA, IVIG = "30 patients took azathioprine", "12 patients had IVIG"


def doc(text: str, path: str = "") -> ReadOutcome:
    return ReadOutcome(path or f"{text[:8]}.txt", NewDocument(document_id(text), text[:12],
                       path, text))  # fmt: skip


@pytest.fixture
def store(db_path: Path) -> Iterator[SqlStore]:
    from curator.store import SqlStore

    opened = SqlStore.open(db_path)
    yield opened
    opened.close()


def test_import_report_lines_in_order(store: SqlStore) -> None:
    first = import_documents(store, [doc(AZA)])
    assert first.summary() == "1 imported, 0 duplicate, 0 failed"
    bad = ReadOutcome("x.bin", None, ReadFailure.BINARY, "contains NUL bytes")
    seen: list[tuple[int, int]] = []
    report = import_documents(
        store,
        [doc(AZA, "again.txt"), bad, doc(IVIG, "n.txt"), doc(IVIG, "copy.txt")],
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert [(line.path, line.status) for line in report.lines] == [
        ("again.txt", ImportStatus.DUPLICATE),
        ("x.bin", ImportStatus.FAILED),
        ("n.txt", ImportStatus.IMPORTED),
        ("copy.txt", ImportStatus.DUPLICATE),
    ]
    assert report.lines[0].detail == "already in the database"
    assert report.lines[1].detail == "binary: contains NUL bytes"
    assert report.lines[3].detail == "same text as n.txt"
    assert report.imported_ids == (document_id(IVIG),)
    assert report.failed == 1
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert len(store.list_documents()) == 2


def test_import_in_batches_and_cancel(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("curator.core.jobs.BATCH", 3)
    docs = [doc(f"document number {i}") for i in range(8)]
    report = import_documents(store, iter(docs))
    assert report.count(ImportStatus.IMPORTED) == 8
    assert len(store.list_documents()) == 8
    more = [doc(f"other {i}") for i in range(5)]
    calls = iter(range(100))
    cancelled = import_documents(store, more, cancelled=lambda: next(calls) >= 2)
    assert len(cancelled.lines) == 2
    assert len(store.list_documents()) == 10
    assert BATCH >= 100


def test_extract_places_and_stores(store: SqlStore, schema: Schema) -> None:
    report = import_documents(store, [doc("30 patients took azathioprine and IVIG"),
                                      doc("no numbers here")])  # fmt: skip
    ids = list(report.imported_ids)
    source = FakeSource()
    seen: list[tuple[int, int]] = []
    stored = extract_documents(
        store, source, schema, ids, progress=lambda d, t: seen.append((d, t))
    )
    assert stored == 4 + 1  # n_total, 2 drugs, outcome row; 1 outcome row; unknown field dropped
    assert seen == [(1, 2), (2, 2)]
    rows = {(s.field, s.row): s for s in store.suggestions(ids[0])}
    assert set(rows) == {("n_total", 0), ("intervention", 0), ("intervention", 1),
                         ("outcomes.outcome", 0)}  # fmt: skip
    assert rows[("n_total", 0)].normalized == 30
    assert rows[("intervention", 1)].value == "IVIG"
    assert store.documents_needing_extraction(source.version) == []
    # a re-run adds nothing: exact repeats of stored suggestions are dropped
    assert extract_documents(store, source, schema, ids) == 0
    assert len(store.suggestions(ids[0])) == 4


def test_extract_cancelled_keeps_done_documents(store: SqlStore, schema: Schema) -> None:
    ids = list(import_documents(store, [doc(f"{i} patients") for i in range(1, 5)]).imported_ids)
    source = FakeSource()
    done = extract_documents(store, source, schema, ids, cancelled=lambda: source.calls >= 2)
    assert source.calls == 2
    assert done == 4
    assert len(store.documents_needing_extraction(source.version)) == 2


def test_export_store_end_to_end(store: SqlStore, schema: Schema, seeds_dir: Path,
                                 tmp_path: Path) -> None:  # fmt: skip
    report = import_documents(store, list(read_paths([seeds_dir])))
    ids = list(report.imported_ids)
    extract_documents(store, FakeSource(), schema, ids)
    summary = export_store(store, schema, tmp_path / "csv")
    assert summary.rows("documents.csv") == 5
    assert summary.rows("provenance.csv") == 0  # nothing decided yet
    with_open = export_store(store, schema, tmp_path / "csv2", include_suggestions=True)
    assert with_open.rows("provenance.csv") > 0
    assert with_open.rows("outcomes.csv") == 5
    form = build_form(schema, ids[0], store.suggestions(ids[0]), store.curated(ids[0]))
    changes = accept_all(form, 0.0, "ann")
    store.apply(changes, "ann")
    decided = export_store(store, schema, tmp_path / "csv")
    assert decided.rows("provenance.csv") == len(changes) == form.open_count > 0
    with (tmp_path / "csv" / "provenance.csv").open(encoding="utf-8", newline="") as handle:
        provenance = list(csv.DictReader(handle))
    assert provenance
    for row in provenance:
        assert (row["status"], row["curator"]) == ("accepted", "ann")
        assert row["rule"]
        assert row["suggestion_id"]
        assert float(row["confidence"]) > 0
