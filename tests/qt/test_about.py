"""Help ▸ About: one version (pyproject.toml -> package metadata -> dialog and --version),
the database, the evidence schema and the extractor of the running window; the app icon."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QMenu

from curator import __version__, keymap
from curator.qt.about_dialog import APP_ICON, AboutDialog, AboutInfo

if TYPE_CHECKING:
    import pytest
    from pytestqt.qtbot import QtBot

    from curator.core.schema import Schema
    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def pyproject_version() -> str:
    return str(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])


def test_one_version_from_pyproject_to_the_package_and_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.qt.test_app import run_main

    assert version("evidence-curator") == pyproject_version() == __version__
    assert run_main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"Evidence Curator {pyproject_version()}"


def test_about_is_in_the_help_menu_and_the_shortcut_sheet(window: MainWindow) -> None:
    spec = keymap.by_id()["help.about"]
    menu = window.ui.menubar.findChild(QMenu, "menu.help")
    assert menu is not None
    assert window.action("help.about") in menu.actions()
    window.action("help.shortcuts").trigger()
    assert window.shortcut_sheet is not None
    assert spec.plain_text in window.shortcut_sheet.listed_actions()


def test_the_about_dialog_shows_version_database_schema_and_extractor(
    qtbot: QtBot, window: MainWindow, store: SqlStore, db_path: Path, schema: Schema
) -> None:
    window.action("help.about").trigger()
    dialog = window.about
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.text_of("about.version") == pyproject_version()
    assert dialog.text_of("about.database") == str(db_path.resolve()) == store.location
    assert dialog.text_of("about.schema") == f"{schema.name}, version {schema.version}"
    assert dialog.text_of("about.extractor") == "fake-1"  # the window's source (conftest)
    assert f"Evidence Curator {pyproject_version()}" in dialog.title.text()
    dialog.close()


def test_grab_the_about_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    """A picture as a user sees it (kept when $CURATOR_SHOTS names a folder)."""
    import os

    window.action("help.about").trigger()
    assert window.about is not None
    qtbot.waitExposed(window.about)
    folder = Path(os.environ.get("CURATOR_SHOTS") or tmp_path)
    assert window.about.grab().save(str(folder / "about.png"))
    window.about.close()


def test_the_real_extractor_version_is_shown(schema: Schema) -> None:
    from curator.extract import RULES_VERSION
    from curator.qt.startup import load_source

    info = AboutInfo.gather("/tmp/x.sqlite", schema, load_source())
    assert info.extractor == RULES_VERSION
    assert AboutInfo.gather("x", schema, None).extractor.startswith("not available")


class BrokenSource:
    @property
    def version(self) -> str:
        raise RuntimeError("rules/study.toml: bad rule")

    def extract(self, text: str) -> list[object]:
        raise AssertionError

    def describe(self, rule_id: str) -> str:
        return ""


def test_a_broken_extractor_is_named_not_fatal(qtbot: QtBot, schema: Schema) -> None:
    info = AboutInfo.gather("db.sqlite", schema, BrokenSource())  # type: ignore[arg-type]
    dialog = AboutDialog(info)
    qtbot.addWidget(dialog)
    assert dialog.text_of("about.extractor") == "not available (rules/study.toml: bad rule)"


def test_the_window_icon_is_the_app_icon(window: MainWindow) -> None:
    shown = window.windowIcon().pixmap(64, 64).toImage()
    expected = QIcon(APP_ICON).pixmap(64, 64).toImage()
    assert not shown.isNull()
    assert shown.convertToFormat(QImage.Format.Format_ARGB32) == expected.convertToFormat(
        QImage.Format.Format_ARGB32
    )


def test_the_application_names_its_desktop_entry_version_and_icon(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from curator.qt import startup

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    startup.identify(app)
    assert app.applicationVersion() == pyproject_version()
    assert app.desktopFileName() == startup.DESKTOP_ID
    desktop = Path(__file__).resolve().parents[2] / "packaging" / "linux"
    assert (desktop / f"{startup.DESKTOP_ID}.desktop").is_file()
    assert not app.windowIcon().isNull()
