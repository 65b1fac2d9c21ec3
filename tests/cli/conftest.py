"""CLI fixtures: never the user's database; ``run`` calls ``main`` with captured output."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from curator.cli import main

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def no_default_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the user's database: $CURATOR_DB points into the test's folder."""
    monkeypatch.setenv("CURATOR_DB", str(tmp_path / "env.sqlite"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``curator ARGV...`` in-process: (exit status, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
