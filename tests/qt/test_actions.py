"""Actions come from the keymap; generated files are up to date."""

from __future__ import annotations

import filecmp
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from curator import keymap
from curator.qt import build_resources
from curator.qt.actions import build_actions, sheet_rows

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.qt.main_window import MainWindow


def test_every_keymap_entry_is_one_named_action_with_its_keys(window: MainWindow) -> None:
    for spec in keymap.ACTIONS:
        found = window.findChildren(QAction, spec.id)
        assert len(found) == 1, spec.id
        action = found[0]
        assert action is window.action(spec.id)
        assert [k.toString() for k in action.shortcuts()] == [
            QKeySequence(k).toString() for k in spec.keys
        ]


def test_every_action_is_in_its_menu(window: MainWindow) -> None:
    for area, _title in keymap.MENUS:
        menu = window.findChild(QMenu, f"menu.{area}")
        assert menu is not None
        listed = {a.objectName() for a in menu.actions()}
        assert listed == {s.id for s in keymap.ACTIONS if s.area == area}


def test_the_shortcut_sheet_lists_every_action(qtbot: QtBot, window: MainWindow) -> None:
    window.action("help.shortcuts").trigger()
    sheet = window.shortcut_sheet
    assert sheet is not None
    qtbot.waitExposed(sheet)
    assert sorted(sheet.listed_actions()) == sorted(s.plain_text for s in keymap.ACTIONS)
    rows = {row[1]: row[2] for row in sheet_rows()}
    assert "Down (in the form)" in rows["Next field"]
    assert rows["Accept"] == "A"


def test_a_missing_handler_fails_loudly(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    handlers = {spec.id: (lambda: None) for spec in keymap.ACTIONS}
    del handlers["review.accept"]
    with pytest.raises(LookupError, match=r"review\.accept"):
        build_actions(widget, handlers)
    handlers["review.accept"] = lambda: None
    handlers["review.nothing"] = lambda: None
    with pytest.raises(LookupError, match=r"review\.nothing"):
        build_actions(widget, handlers)


def test_widgets_have_accessible_names(window: MainWindow) -> None:
    for widget in (
        window.documents.search, window.documents.status_filter, window.documents.table,
        window.viewer, window.form, window.detail, window.status.job_bar, *window.form.tables,
    ):  # fmt: skip
        assert widget.accessibleName(), widget.objectName()


def test_generated_files_match_their_sources(tmp_path: Path) -> None:
    fresh = build_resources.build(tmp_path)
    for path in fresh:
        committed = build_resources.GENERATED / path.name
        assert committed.exists(), f"{path.name}: run python -m curator.qt.build_resources"
        assert filecmp.cmp(path, committed, shallow=False), (
            f"{path.name} is stale: run python -m curator.qt.build_resources"
        )
