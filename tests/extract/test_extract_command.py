"""`curator extract PATH... --jsonl|--explain` through command.run and python -m."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from curator.extract.command import run

if TYPE_CHECKING:
    from pathlib import Path

TEXT = (
    "Azathioprine in myasthenia gravis: a retrospective study\n\n"
    "We retrospectively analyzed 40 patients. Time to relapse (HR 0.50, 95% CI 0.30-0.80; "
    "p = 0.004)."
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("Nothing to see here.", encoding="utf-8")
    (tmp_path / "ignored.md").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_jsonl_one_object_per_document(folder: Path) -> None:
    out = io.StringIO()
    assert run([str(folder)], jsonl=True, explain=False, out=out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["document"] for d in lines] == ["a", "b"]
    fields = lines[0]["fields"]
    keys = {"field", "value", "text", "start", "end", "rule", "confidence"}
    assert all(keys <= set(f) for f in fields)
    for f in fields:
        assert TEXT[f["start"] : f["end"]] == f["text"]
        assert ("row" in f) == ("." in f["field"])
    hr = {f["field"]: f["value"] for f in fields if f["field"].startswith("outcomes.")}
    assert hr["outcomes.value"] == 0.5
    assert hr["outcomes.p_value"] == "0.004"
    assert any(f["field"] == "n_total" and f["value"] == 40 for f in fields)


def test_explain_shows_rule_descriptions_and_context(folder: Path) -> None:
    out = io.StringIO()
    assert run([str(folder / "a.txt")], jsonl=False, explain=True, out=out) == 0
    text = out.getvalue()
    assert "== a" in text
    assert "n_total = 40" in text
    assert "Retrospective analysis or chart review" in text
    assert "[[40]]" in text


def test_missing_path_is_exit_2_with_one_line(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert run([str(folder / "nope.txt")], jsonl=True, explain=False, out=out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "nope.txt" in err
    assert out.getvalue() == ""


def test_bad_rules_file_is_exit_2(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = folder / "bad.toml"
    bad.write_text("[[rules]]\nid = 'x'\n", encoding="utf-8")
    code = run([str(folder)], jsonl=True, explain=False, out=io.StringIO(), rule_files=[str(bad)])
    assert code == 2
    assert "bad.toml" in capsys.readouterr().err


def test_python_dash_m(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "curator.extract", str(folder / "a.txt"), "--jsonl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["document"] == "a"
