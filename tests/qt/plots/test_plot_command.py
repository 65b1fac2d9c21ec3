"""``curator plot``: every view to PNG and SVG from the database, headless."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from curator import cli
from curator.app import render_plot
from curator.core.model import CuratedValue, Status
from curator.core.ports import SlotChange

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.store import SqlStore

OUTCOME = {  # doc-a's first outcome row, as a curator typed it
    "outcomes.outcome": "time to epilepsia partialis continua",
    "outcomes.measure": "hazard ratio",
    "outcomes.value": "0.295",
    "outcomes.ci_low": "0.108",
    "outcomes.ci_high": "0.807",
    "intervention": "azathioprine",
}


def decide(store: SqlStore) -> None:
    at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    changes = []
    for field, value in OUTCOME.items():
        normalized: str | float = value if field in ("outcomes.outcome", "outcomes.measure",
                                                     "intervention") else float(value)  # fmt: skip
        after = CuratedValue("doc-a", field, 0, Status.MANUAL, value, normalized,
                             None, None, None, "tester", at)  # fmt: skip
        changes.append(SlotChange("doc-a", field, 0, None, after))
    store.apply(changes, "tester")


def test_the_forest_picture_says_what_it_could_not_draw(
    qtbot: QtBot, store: SqlStore, tmp_path: Path
) -> None:
    decide(store)
    at = datetime(2026, 11, 2, 9, 40, tzinfo=UTC)
    no_ci = [
        CuratedValue("doc-b", field, 0, Status.MANUAL, value, normalized, None, None, None,
                     "tester", at)
        for field, value, normalized in (("outcomes.measure", "odds ratio", "odds ratio"),
                                         ("outcomes.value", "1.4", 1.4))
    ]  # fmt: skip
    store.apply([SlotChange("doc-b", c.field, 0, None, c) for c in no_ci], "tester")
    out = render_plot("forest", store, tmp_path / "forest.svg", (1000, 600))
    text = svg_text(out)
    assert "1 outcome row not drawn" in text
    assert "no 95% CI" in text


def svg_text(path: Path) -> str:
    return " ".join(ET.parse(path).getroot().itertext())


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("forest", "Azathioprine in Rasmussen syndrome"),  # the row label: document — outcome
        ("rules", "fake.n_total"),
        ("progress", "3 documents"),
    ],
)
def test_every_view_to_svg_and_png(
    qtbot: QtBot,
    store: SqlStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    expected: str,
) -> None:
    decide(store)
    location = store.location
    for suffix in (".svg", ".png"):
        out = tmp_path / f"{kind}{suffix}"
        code = cli.main(
            ["plot", "--db", location, "--kind", kind, "--out", str(out)],
            plot_renderer=render_plot,
        )
        assert code == 0, capsys.readouterr().err
        assert f"wrote {out}" in capsys.readouterr().out
    assert expected in svg_text(tmp_path / f"{kind}.svg")
    assert (tmp_path / f"{kind}.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "rules", "--out", "x.jpg"], "must name a .png or .svg file"),
        (["--kind", "rules", "--out", "x.png", "--size", "big"], "expected WIDTHxHEIGHT"),
        (["--kind", "rules", "--out", "no/such/folder/x.png"], "no such folder"),
    ],
)
def test_bad_arguments_are_refused_in_one_line(
    store: SqlStore,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    code = cli.main(["plot", "--db", store.location, *args], plot_renderer=render_plot)
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert not list(tmp_path.glob("x.*"))


def test_a_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "none.sqlite"
    args = ["plot", "--db", str(db), "--kind", "forest", "--out", str(tmp_path / "f.png")]
    code = cli.main(args, plot_renderer=render_plot)
    assert code == 2
    assert "no database" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.slow
def test_curator_plot_runs_without_a_display(store: SqlStore, tmp_path: Path) -> None:
    decide(store)
    out = tmp_path / "forest.svg"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "curator", "plot", "--db", store.location, "--kind", "forest",
         "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Azathioprine in Rasmussen syndrome" in svg_text(out)
