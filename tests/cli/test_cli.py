"""The CLI end to end, in-process: main([...]) with captured output."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

import pytest

from curator.cli import SUBCOMMANDS, build_parser, main
from tests.cli.conftest import run

if TYPE_CHECKING:
    from pathlib import Path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_subcommands_match_the_parser() -> None:
    parser = build_parser()
    choices = next(a.choices for a in parser._actions if a.dest == "command")
    assert set(choices) == SUBCOMMANDS  # type: ignore[arg-type]


def test_import_seeds_then_export(capsys: pytest.CaptureFixture[str], seeds_dir: Path,
                                  db_path: Path, tmp_path: Path) -> None:  # fmt: skip
    code, out, err = run(capsys, "import", str(seeds_dir), "--db", str(db_path))
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 6
    assert all(line.startswith("imported  ") for line in lines[:5])
    assert lines[5].startswith("5 imported, 0 duplicate, 0 failed; ")
    assert "suggestions from 5 documents" in lines[5]
    assert "extracting 5/5" in err
    assert "reading 5/5" in err

    code, out, _ = run(capsys, "import", str(seeds_dir / "000_1b3d00b94726208d.txt"),
                       "--db", str(db_path))  # fmt: skip
    assert code == 0
    assert out.startswith("duplicate ")
    assert "already in the database" in out
    assert "0 suggestions from 0 documents" in out

    outdir = tmp_path / "csv"
    code, out, _ = run(capsys, "export", "--db", str(db_path), "--out", str(outdir))
    assert code == 0
    assert "documents.csv" in out
    assert f"wrote 6 files to {outdir}" in out
    docs = rows(outdir / "documents.csv")
    assert len(docs) == 5
    assert {d["document_status"] for d in docs} == {"new"}
    assert all(d["n_total"] == "" for d in docs)  # nothing decided yet
    assert rows(outdir / "provenance.csv") == []

    code, out, _ = run(capsys, "export", "--db", str(db_path), "--out", str(outdir),
                       "--include-suggestions", "--bom")  # fmt: skip
    assert code == 0
    assert (outdir / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with (outdir / "provenance.csv").open(encoding="utf-8-sig", newline="") as handle:
        provenance = list(csv.DictReader(handle))
    assert provenance
    assert {p["status"] for p in provenance} == {"suggested"}

    code, out, err = run(capsys, "search", "--db", str(db_path), "azathioprine")
    assert code == 0
    assert "documents" in err
    assert out.strip()


def test_import_reports_failures_with_exit_1(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path, db_path: Path) -> None:  # fmt: skip
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Ten SPMS patients received azathioprine.", encoding="utf-8")
    (folder / "b.pdf").write_bytes(b"%PDF")
    (folder / "c.txt").write_bytes(b"x" * 3000)
    (folder / "d.txt").write_bytes(b"\x00\x01")
    code, out, _ = run(capsys, "import", str(folder), "--db", str(db_path), "--no-extract",
                       "--max-size", "0.002")  # fmt: skip
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"imported  {folder / 'a.txt'}"
    assert lines[1].startswith(f"failed    {folder / 'b.pdf'}  (unsupported type: '.pdf'")
    assert lines[2].startswith(f"failed    {folder / 'c.txt'}  (too large: ")
    assert lines[3].startswith(f"failed    {folder / 'd.txt'}  (binary: ")
    assert lines[4].startswith("1 imported, 0 duplicate, 3 failed (")
    assert "suggestions" not in lines[4]


def test_default_database_comes_from_the_environment(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:  # fmt: skip
    doc = tmp_path / "a.md"
    doc.write_text("# A title\n\nText.", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(doc), "--no-extract")
    assert code == 0
    assert str(tmp_path / "env.sqlite") in out
    assert (tmp_path / "env.sqlite").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "/no/such/path"], "no such file or folder: /no/such/path"),
        (["export", "--out", "x"], "no database at"),
        (["search", "x"], "no database at"),
        (["import", ".", "--max-size", "0"], "--max-size must be a positive number"),
    ],
)
def test_errors_are_one_line_with_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str],
                                         message: str) -> None:  # fmt: skip
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("curator: error: ")
    assert message in err
    assert err.count("\n") == 1


def test_bad_schema_and_bad_database(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     db_path: Path, seeds_dir: Path) -> None:  # fmt: skip
    assert run(capsys, "import", str(seeds_dir), "--db", str(db_path), "--no-extract")[0] == 0
    schema = tmp_path / "bad.toml"
    schema.write_text("version = 0\n", encoding="utf-8")
    code, _, err = run(capsys, "export", "--db", str(db_path), "--out", str(tmp_path / "o"),
                       "--schema", str(schema))  # fmt: skip
    assert code == 2
    assert err.startswith(f"curator: error: {schema}")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    code, _, err = run(capsys, "export", "--db", str(junk), "--out", str(tmp_path / "o"))
    assert code == 2
    assert err.startswith("curator: error: ")
    assert err.count("\n") == 1


def test_usage_errors_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "frobnicate")[0] == 2
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "import" in out
    assert run(capsys, "extract", "x.txt", "--jsonl", "--explain")[0] == 2


def test_extract_delegates_to_the_extractor(
    capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path
) -> None:
    path = str(seeds_dir / "001_b8d80b5535db7e9b.txt")
    code, out, _ = run(capsys, "extract", path, "--jsonl")
    assert code == 0
    record = json.loads(out.splitlines()[0])
    assert record["document"] == "001_b8d80b5535db7e9b"
    assert {"n_total", "n_female"} <= {f["field"] for f in record["fields"]}
    target = tmp_path / "explain.txt"
    code, out, _ = run(capsys, "extract", path, "--explain", "--out", str(target))
    assert code == 0
    assert out == ""
    assert target.read_text(encoding="utf-8").startswith("== 001_b8d80b5535db7e9b")
    bad_rules = tmp_path / "bad.toml"
    bad_rules.write_text("this is not toml [", encoding="utf-8")
    code, _, err = run(capsys, "extract", path, "--rules", str(bad_rules))
    assert code == 2
    assert err.count("\n") == 1


class ClosedPipe:
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_closed_pipe_ends_quietly(monkeypatch: pytest.MonkeyPatch, seeds_dir: Path,
                                  db_path: Path) -> None:  # fmt: skip
    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["import", str(seeds_dir), "--db", str(db_path), "--no-extract"]) == 0


def test_import_prints_one_line_per_file_with_its_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    files = {
        "a_good.txt": b"Ten SPMS patients received azathioprine.",
        "b_copy.md": b"Ten SPMS patients received azathioprine.",
        "c_binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "d_encoding.txt": "Müller".encode() + "Müller".encode("cp1252") + b"\x81\x8d",
        "e_empty.txt": b"",
        "f_large.txt": b"x" * 3000,
        "g_table.xlsx": b"PK\x03\x04",
        "h_page.html": b"<title>Page</title><script>alert(1)</script><p>Aspirin in 12 adults.</p>",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    code, out, _ = run(capsys, "import", str(folder), "--db", str(db_path), "--no-extract",
                       "--max-size", "0.002")  # fmt: skip
    assert code == 1
    lines = out.splitlines()
    expected = [
        ("imported ", "a_good.txt", ""),
        ("duplicate", "b_copy.md", "(same text as "),
        ("failed   ", "c_binary.txt", "(binary: "),
        ("failed   ", "d_encoding.txt", "(undecodable: "),
        ("failed   ", "e_empty.txt", "(empty: "),
        ("failed   ", "f_large.txt", "(too large: "),
        ("failed   ", "g_table.xlsx", "(unsupported type: '.xlsx'"),
        ("imported ", "h_page.html", ""),
    ]
    assert len(lines) == len(expected) + 1
    for line, (status, name, reason) in zip(lines, expected, strict=False):
        assert line.startswith(f"{status} {folder / name}"), line
        assert reason in line, line
    assert lines[-1].startswith("2 imported, 1 duplicate, 5 failed (")
    code, out, _ = run(capsys, "import", str(folder / "a_good.txt"), "--db", str(db_path),
                       "--no-extract")  # fmt: skip
    assert code == 0  # a duplicate is not a failure
    assert out.startswith(f"duplicate {folder / 'a_good.txt'}  (already in the database)")
    code, out, _ = run(capsys, "search", "alert", "--db", str(db_path))
    assert out == ""  # the script was dropped, not imported as text
