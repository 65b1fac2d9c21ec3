"""CSV export: cell-by-cell expectations on a small hand-built dataset."""

from __future__ import annotations

import csv
import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.core.export import (
    CODEBOOK_COLUMNS,
    PROVENANCE_COLUMNS,
    ExportError,
    neutralize,
    number_cell,
    write_export,
)
from curator.core.model import CuratedValue, DocStatus, Document, Status, Suggestion
from curator.core.schema import parse_schema

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.schema import Schema

AT = datetime(2026, 11, 23, 1, 2, 3, tzinfo=UTC)
TEXT_A = "Thirty patients received AZA and IVIG. HR 0.295 (95% CI 0.108-0.807). 2002."
A, B = "a" * 64, "b" * 64
DOCS = (
    Document(A, '=HYPERLINK("http://x")', "/data/a.txt", TEXT_A, DocStatus.DONE, AT),
    Document(B, 'Plain, "quoted"', "@home/b.txt", "Nothing.", DocStatus.NEW, AT),
)


def sug(id: int, field: str, row: int, value: str, start: int, end: int, conf: float,
        normalized: object = None) -> Suggestion:  # fmt: skip
    return Suggestion(id, A, field, row, value, normalized if normalized is not None else value,
                      start, end, f"rule.{field}", conf, "x1", TEXT_A[start:end])  # type: ignore[arg-type]  # fmt: skip


SUGGESTIONS = (
    sug(1, "n_total", 0, "30", 0, 6, 0.9, 30),
    sug(2, "intervention", 0, "azathioprine", 25, 28, 0.8),
    sug(3, "year", 0, "2002", 70, 74, 0.8, 2002),
    sug(4, "year", 0, "2003", 70, 74, 0.5, 2003),
    sug(5, "outcomes.ci_low", 0, "0.108", 56, 61, 0.7, 0.108),
    sug(6, "age", 0, "2 to 18", 0, 6, 0.4),
    sug(7, "outcomes.value", 0, "0.295", 42, 47, 0.95, 0.295),
)


def cur(field: str, row: int, status: Status, value: str | None, normalized: object,
        sid: int | None, span: tuple[int, int] | None) -> CuratedValue:  # fmt: skip
    start, end = span if span else (None, None)
    return CuratedValue(A, field, row, status, value, normalized, sid, start, end,  # type: ignore[arg-type]
                        "ann", AT)  # fmt: skip


MANY = 'IVIG, "high"\ndose'
MANY = 'IVIG, "high"\ndose'
CURATED = (
    cur("n_total", 0, Status.ACCEPTED, "30", 30, 1, (0, 6)),
    cur("intervention", 0, Status.ACCEPTED, "azathioprine", "azathioprine", 2, (25, 28)),
    cur("intervention", 1, Status.MANUAL, MANY, MANY, None, (33, 37)),
    cur("condition", 0, Status.MANUAL, "-5 text", "-5 text", None, None),
    cur("age", 0, Status.REJECTED, None, None, 6, (0, 6)),
    cur("outcomes.value", 0, Status.CORRECTED, "-0.5", -0.5, 7, (42, 47)),
    cur("outcomes.p_value", 0, Status.MANUAL, "-0.5", "-0.5", None, None),
    cur("outcomes.outcome", 2, Status.MANUAL, "=cmd()", "=cmd()", None, None),
    cur("retired_field", 0, Status.MANUAL, "old", "old", None, None),
)


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def as_dicts(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def export(tmp_path: Path, schema: Schema, **options: bool) -> Path:
    out = tmp_path / "out"
    write_export(out, schema, DOCS, CURATED, SUGGESTIONS, **options)
    return out


def test_files_and_summary(tmp_path: Path, schema: Schema) -> None:
    summary = write_export(tmp_path, schema, DOCS, CURATED, SUGGESTIONS)
    names = ["documents.csv", "outcomes.csv", "adverse_events.csv", "grades.csv",
             "provenance.csv", "codebook.csv"]  # fmt: skip
    assert [f.name for f in summary.files] == names
    assert sorted(os.listdir(tmp_path)) == sorted(names)
    assert summary.rows("documents.csv") == 2
    assert summary.rows("outcomes.csv") == 2
    assert summary.rows("adverse_events.csv") == 0
    assert summary.rows("provenance.csv") == 7
    assert summary.rows("codebook.csv") == len(schema.fields)
    assert summary.skipped == 1  # the retired field


def test_documents_cells(tmp_path: Path, schema: Schema) -> None:
    rows = read(export(tmp_path, schema) / "documents.csv")
    single = [f.key for g in schema.groups if not g.repeated for f in g.fields]
    assert rows[0] == ["document_id", "document_title", "source_path", "document_status", *single]
    a = dict(zip(rows[0], rows[1], strict=True))
    assert a["document_id"] == A
    assert a["document_title"] == '\'=HYPERLINK("http://x")'
    assert a["source_path"] == "/data/a.txt"
    assert a["document_status"] == "done"
    assert a["n_total"] == "30"
    assert a["intervention"] == 'azathioprine; IVIG, "high"\ndose'
    assert a["condition"] == "'-5 text"
    assert a["age"] == ""  # rejected
    assert a["year"] == ""  # only suggested
    assert {k for k, v in a.items() if v} == {
        "document_id",
        "document_title",
        "source_path",
        "document_status",
        "n_total",
        "intervention",
        "condition",
    }
    b = dict(zip(rows[0], rows[2], strict=True))
    assert b["document_title"] == 'Plain, "quoted"'
    assert b["source_path"] == "'@home/b.txt"
    assert b["document_status"] == "new"
    assert all(v == "" for k, v in b.items() if k in single)


def test_group_tables(tmp_path: Path, schema: Schema) -> None:
    out = export(tmp_path, schema)
    rows = read(out / "outcomes.csv")
    names = [f.name for f in schema.group("outcomes").fields]
    assert rows[0] == ["document_id", "row", *names]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["row"] == "0"
    assert first["value"] == "-0.5"  # a number we formatted: not neutralized
    assert first["p_value"] == "'-0.5"  # text that looks like a formula: neutralized
    assert first["ci_low"] == ""  # only suggested
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["row"] == "2"
    assert second["outcome"] == "'=cmd()"
    assert read(out / "adverse_events.csv") == [["document_id", "row", "event", "n_patients",
                                                 "led_to_discontinuation"]]  # fmt: skip
    assert read(out / "grades.csv") == [["document_id", "row", "scheme", "domain", "grade"]]


def test_provenance_cells(tmp_path: Path, schema: Schema) -> None:
    out = export(tmp_path, schema)
    assert read(out / "provenance.csv")[0] == list(PROVENANCE_COLUMNS)
    rows = {(r["field"], r["row"]): r for r in as_dicts(out / "provenance.csv")}
    assert set(rows) == {("n_total", "0"), ("intervention", "0"), ("intervention", "1"),
                         ("condition", "0"), ("outcomes.value", "0"), ("outcomes.p_value", "0"),
                         ("outcomes.outcome", "2")}  # fmt: skip
    assert rows[("n_total", "0")] == {
        "document_id": A, "field": "n_total", "row": "0", "value": "30", "normalized": "30",
        "status": "accepted", "span_start": "0", "span_end": "6", "evidence_text": "Thirty",
        "rule": "rule.n_total", "suggestion_id": "1", "confidence": "0.9", "curator": "ann",
        "decided_at": "2026-11-23T01:02:03+00:00",
    }  # fmt: skip
    manual = rows[("intervention", "1")]
    assert manual["status"] == "manual"
    assert manual["evidence_text"] == "IVIG"
    assert (manual["rule"], manual["suggestion_id"], manual["confidence"]) == ("", "", "")
    corrected = rows[("outcomes.value", "0")]
    assert (corrected["value"], corrected["normalized"], corrected["status"]) == (
        "-0.5",
        "-0.5",
        "corrected",
    )
    assert corrected["evidence_text"] == "0.295"
    assert corrected["rule"] == "rule.outcomes.value"
    typed = rows[("condition", "0")]
    assert (typed["value"], typed["normalized"]) == ("'-5 text", "'-5 text")
    assert (typed["span_start"], typed["span_end"], typed["evidence_text"]) == ("", "", "")


def test_codebook(tmp_path: Path, schema: Schema) -> None:
    rows = as_dicts(export(tmp_path, schema) / "codebook.csv")
    assert read(tmp_path / "out" / "codebook.csv")[0] == list(CODEBOOK_COLUMNS)
    assert [r["field"] for r in rows] == [f.key for f in schema.fields]
    control = next(r for r in rows if r["field"] == "control")
    assert control == {
        "field": "control", "group": "study", "label": "Control", "type": "choice",
        "several": "no", "allowed_values": "concurrent | historical | self | none",
        "help": schema.field("control").help,
    }  # fmt: skip
    assert next(r for r in rows if r["field"] == "condition")["several"] == "yes"
    assert next(r for r in rows if r["field"] == "outcomes.ci_low")["group"] == "outcomes"


def test_include_suggestions(tmp_path: Path, schema: Schema) -> None:
    out = export(tmp_path, schema, include_suggestions=True)
    docs = as_dicts(out / "documents.csv")
    assert read(out / "documents.csv")[0][-1] == "suggested"
    assert docs[0]["year"] == "2002"  # the top-confidence suggestion of the slot
    assert docs[0]["age"] == ""  # rejected stays out
    assert docs[0]["suggested"] == "year"
    assert docs[0]["n_total"] == "30"
    assert docs[1]["suggested"] == ""
    outcomes = as_dicts(out / "outcomes.csv")
    assert outcomes[0]["ci_low"] == "0.108"
    assert outcomes[0]["suggested"] == "ci_low"
    assert outcomes[1]["suggested"] == ""
    prov = {(r["field"], r["row"]): r for r in as_dicts(out / "provenance.csv")}
    year = prov[("year", "0")]
    assert (year["status"], year["value"], year["normalized"], year["suggestion_id"]) == (
        "suggested",
        "2002",
        "2002",
        "3",
    )
    assert (year["curator"], year["decided_at"], year["evidence_text"]) == ("", "", "2002")
    assert ("age", "0") not in prov
    default = as_dicts(export(tmp_path / "d", schema) / "provenance.csv")
    assert ("year", "0") not in {(r["field"], r["row"]) for r in default}


def test_rfc4180_bytes_and_round_trip(tmp_path: Path, schema: Schema) -> None:
    out = export(tmp_path, schema)
    raw = (out / "documents.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3  # header + 2 rows; the newline inside a value is \n
    assert b'"\'=HYPERLINK(""http://x"")"' in raw
    assert b'"azathioprine; IVIG, ""high""\ndose"' in raw
    for name in ("documents.csv", "outcomes.csv", "provenance.csv", "codebook.csv"):
        rows = read(out / name)
        assert len({len(r) for r in rows}) == 1, name


def test_bom(tmp_path: Path, schema: Schema) -> None:
    out = export(tmp_path, schema, bom=True)
    for name in os.listdir(out):
        raw = (out / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        assert not raw[3:].startswith(b"\xef\xbb\xbf")
    with (out / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle))[0] == "document_id"


def test_numbers_are_never_rounded(tmp_path: Path, schema: Schema) -> None:
    value = cur("follow_up_months", 0, Status.MANUAL, "43.50000000000001", 43.50000000000001,
                None, None)  # fmt: skip
    write_export(tmp_path, schema, DOCS[:1], (value,))
    assert as_dicts(tmp_path / "documents.csv")[0]["follow_up_months"] == "43.50000000000001"
    assert as_dicts(tmp_path / "provenance.csv")[0]["normalized"] == "43.50000000000001"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-x", "'-x"), ("@sum", "'@sum"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("a=b", "a=b"), ("", ""), ("'q", "'q"), ("-0.5", "'-0.5")],
)  # fmt: skip
def test_neutralize(text: str, expected: str) -> None:
    assert neutralize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("-0.5", "-0.5"), ("+3", "+3"), ("1e-05", "1e-05"), ("-1+2", "'-1+2"), ("-inf", "'-inf"),
     ("=1", "'=1"), ("42", "42")],
)  # fmt: skip
def test_number_cell(text: str, expected: str) -> None:
    assert number_cell(text) == expected


def test_failed_export_leaves_old_files_and_no_temp_files(tmp_path: Path, schema: Schema) -> None:
    write_export(tmp_path, schema, DOCS, CURATED, SUGGESTIONS)
    before = {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)}

    def broken() -> object:
        yield DOCS[1]
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_export(tmp_path, schema, broken(), (), ())  # type: ignore[arg-type]
    assert {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)} == before


def test_files_get_the_umask_permissions(tmp_path: Path, schema: Schema) -> None:
    old = os.umask(0o022)
    try:
        write_export(tmp_path, schema, DOCS, CURATED, SUGGESTIONS)
    finally:
        os.umask(old)
    assert {oct((tmp_path / n).stat().st_mode & 0o777) for n in os.listdir(tmp_path)} == {"0o644"}


def test_no_temp_files_after_success(tmp_path: Path, schema: Schema) -> None:
    write_export(tmp_path, schema, DOCS, CURATED, SUGGESTIONS, include_suggestions=True)
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".") or n.endswith(".tmp")]


def test_group_named_like_a_fixed_file_is_refused(tmp_path: Path) -> None:
    text = (
        'version = 1\n[[groups]]\nkey = "codebook"\nrepeated = true\n[[groups.fields]]\nkey = "x"\n'
    )
    with pytest.raises(ExportError, match="clashes"):
        write_export(tmp_path, parse_schema(text, "s.toml"), DOCS, (), ())


def test_column_named_like_the_marker_is_refused(tmp_path: Path) -> None:
    text = 'version = 1\n[[groups]]\nkey = "g"\n[[groups.fields]]\nkey = "suggested"\n'
    schema = parse_schema(text, "s.toml")
    write_export(tmp_path, schema, DOCS, (), ())  # fine without the marker column
    with pytest.raises(ExportError, match="suggested"):
        write_export(tmp_path, schema, DOCS, (), (), include_suggestions=True)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4))
def test_any_text_round_trips_through_csv_reader(tmp_path: Path, schema: Schema,
                                                 texts: list[str]) -> None:  # fmt: skip
    values = tuple(
        CuratedValue(A, "condition", row, Status.MANUAL, text, text, None, None, None, "ann", AT)
        for row, text in enumerate(texts)
    )
    write_export(tmp_path, schema, DOCS[:1], values)
    cells = [r["value"] for r in as_dicts(tmp_path / "provenance.csv")]
    assert cells == [neutralize(text) for text in texts]
    assert as_dicts(tmp_path / "documents.csv")[0]["condition"] == neutralize("; ".join(texts))
