"""The composition root: options, refusals, and screenshot mode end to end."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from curator import app
from curator.qt import startup

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.qt.main_window import MainWindow


def run_main(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_info:
        app.main(argv)
    return int(exit_info.value.code or 0)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("Evidence Curator ")


def test_a_broken_schema_is_refused_naming_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = tmp_path / "schema.toml"
    schema.write_text(
        'version = 1\n[[groups]]\nkey = "g"\n[[groups.fields]]\nkey = "n"\ntype = "integer"\n'
    )
    assert run_main(["--schema", str(schema)]) == 2
    err = capsys.readouterr().err
    assert f"{schema}:5" in err
    assert "'n'" in err


def test_without_a_display_it_explains_how_to_proceed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    try:
        assert run_main([]) == 2
    finally:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    err = capsys.readouterr().err
    assert "xvfb-run -a" in err
    assert "--screenshot" in err


def test_seeds_are_found_next_to_the_package() -> None:
    seeds = startup.seeds_dir()
    assert seeds is not None
    assert any(seeds.glob("*.txt"))


@pytest.mark.slow
def test_screenshot_mode_writes_a_png_without_a_display(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("CURATOR_NAME", None)
    db = tmp_path / "first.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "curator", "--db", str(db), "--screenshot", str(shot)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000
    # first start imported the bundled seeds (and extracted them) into the empty database
    from curator.store import SqlStore

    with SqlStore.open(db) as store:
        assert store.progress().total == 5
        assert store.progress().open_suggestions > 0


def test_subcommands_go_to_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    from curator import cli

    assert "import" in cli.SUBCOMMANDS
    assert run_main(["import", "--help"]) == 0
    assert "usage" in capsys.readouterr().out.lower()


def test_the_curator_name_is_asked_once_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from curator.qt.curator_name_dialog import CuratorNameDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    asked: list[int] = []

    def ask(cls: object, parent: object = None, default: str = "") -> str:
        asked.append(1)
        return "Dr. Ada"

    monkeypatch.delenv("CURATOR_NAME", raising=False)
    monkeypatch.setattr(CuratorNameDialog, "ask", classmethod(ask))
    assert startup.curator_name(settings, screenshot=False) == "Dr. Ada"
    assert startup.curator_name(settings, screenshot=False) == "Dr. Ada"
    assert asked == [1]
    monkeypatch.setenv("CURATOR_NAME", "Env Name")
    assert startup.curator_name(settings, screenshot=False) == "Env Name"
    monkeypatch.delenv("CURATOR_NAME")
    fresh = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    assert startup.curator_name(fresh, screenshot=True)  # the OS user, never a dialog
    assert asked == [1]


class _AppStub:
    def __init__(self) -> None:
        self.code: int | None = None

    def exit(self, code: int) -> None:
        self.code = code


def test_screenshot_of_a_document(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    stub = _AppStub()
    shot = tmp_path / "doc-b.png"
    startup.screenshot_when_idle(stub, window, window.runner, str(shot), "doc-b")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: stub.code is not None)
    assert stub.code == 0
    assert window.review.document is not None
    assert window.review.document.id == "doc-b"
    assert shot.read_bytes()[:4] == b"\x89PNG"


def test_screenshot_of_an_unknown_document_exits_2(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stub = _AppStub()
    target = str(tmp_path / "x.png")
    startup.screenshot_when_idle(stub, window, window.runner, target, "nope")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: stub.code is not None)
    assert stub.code == 2
    assert "no document 'nope'" in capsys.readouterr().err
