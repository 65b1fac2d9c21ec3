"""The progress and rule-quality views in the real window: what they draw is what the
database holds, they follow decisions live, and a rule's miss opens its document."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from curator.app import configure_plots
from curator.qt.plots.progress_panel import ProgressPanel
from curator.qt.plots.rule_quality_panel import RuleQualityPanel
from tests.qt.conftest import go_to

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore


def decide_on_doc_a(window: MainWindow) -> None:
    """Accept N total, reject the design, correct the intervention (all on doc-a)."""
    window.open_document("doc-a")
    go_to(window, "n_total")
    window.action("review.accept").trigger()
    go_to(window, "study_design")
    window.action("review.reject").trigger()
    go_to(window, "intervention")
    window.review.correct("mycophenolate")


def show_view(qtbot: QtBot, window: MainWindow, kind: str) -> object:
    window.insights.configure = configure_plots
    with qtbot.waitSignal(window.insights.refreshed, timeout=5000) as shown:
        window.action(f"view.{kind}").trigger()
    assert shown.args == [kind]
    return window.insights.panels[kind]


def bar_shares(panel: RuleQualityPanel, rule: str) -> dict[str, float]:
    row = [s.rule for s in panel.stats].index(rule)
    return {name: float(bar.opts["width"][row]) for name, bar in panel.bars.items()}


def test_rule_bars_are_the_decisions_in_the_database(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    decide_on_doc_a(shown)
    panel = show_view(qtbot, shown, "rules")
    assert isinstance(panel, RuleQualityPanel)
    by_rule = {s.rule: s for s in panel.stats}
    # the fake extractor found "followed N patients" in doc-a and doc-b: 2 made, 1 decided
    assert (by_rule["fake.n_total"].made, by_rule["fake.n_total"].accepted) == (2, 1)
    assert bar_shares(panel, "fake.n_total") == {"accepted": 1.0, "corrected": 0.0, "rejected": 0.0}
    assert bar_shares(panel, "fake.study_design")["rejected"] == 1.0
    assert bar_shares(panel, "fake.intervention")["corrected"] == 1.0
    assert panel.stats[-1].decided == 0  # rules nobody judged yet come last
    left = dict(panel.plot.getAxis("left")._tickLevels[0])
    assert left[[s.rule for s in panel.stats].index("fake.n_total")] == "fake.n_total"
    # the same numbers in the table a keyboard user reads
    table = {
        panel.rules_model.stats[r].rule: panel.rules_model.index(r, 3).data()
        for r in range(panel.rules_model.rowCount())
    }
    assert table["fake.n_total"] == "1"


def test_the_views_follow_decisions_live(qtbot: QtBot, shown: MainWindow) -> None:
    panel = show_view(qtbot, shown, "progress")
    assert isinstance(panel, ProgressPanel)
    assert list(panel.status_bars.opts["height"]) == [3.0, 0.0, 0.0]
    with qtbot.waitSignal(shown.insights.refreshed, timeout=5000):
        decide_on_doc_a(shown)
    assert list(panel.status_bars.opts["height"]) == [2.0, 1.0, 0.0]
    assert sum(panel.decision_bars.opts["height"]) == 3  # three decisions, in one hour
    assert panel.summary.text.count("3 decisions") == 1
    with qtbot.waitSignal(shown.insights.refreshed, timeout=5000):
        shown.action("edit.undo").trigger()
    assert sum(panel.decision_bars.opts["height"]) == 3  # an undo is not work done
    assert panel.data is not None
    assert panel.data.progress.open_suggestions == shown.store.progress().open_suggestions


def test_a_rules_miss_opens_the_document_at_the_field_with_the_span(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    decide_on_doc_a(shown)
    shown.open_document("doc-c")
    panel = show_view(qtbot, shown, "rules")
    assert isinstance(panel, RuleQualityPanel)
    with qtbot.waitSignal(panel.ui.missesTable.model().modelReset, timeout=5000):
        panel.select_rule("fake.study_design")
    qtbot.waitUntil(lambda: panel.misses_model.rowCount() == 1)
    miss = panel.misses_model.misses[0]
    assert (miss.document_id, miss.field, miss.verdict) == ("doc-a", "study_design", "rejected")
    table = panel.ui.missesTable
    table.setFocus()
    table.setCurrentIndex(panel.misses_model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert shown.review.document is not None
    assert shown.review.document.id == "doc-a"
    assert shown.review.current_slot is not None
    assert shown.review.current_slot.key == ("study_design", 0)
    suggestion = next(s for s in store.suggestions("doc-a") if s.field == "study_design")
    selected = shown.viewer.selection()
    assert selected is not None
    assert selected[:2] == (suggestion.start, suggestion.end)
    assert selected[2] == "retrospective cohort"


def test_a_rule_is_selected_by_clicking_its_bar(qtbot: QtBot, shown: MainWindow) -> None:
    decide_on_doc_a(shown)
    panel = show_view(qtbot, shown, "rules")
    assert isinstance(panel, RuleQualityPanel)
    row = [s.rule for s in panel.stats].index("fake.intervention")
    view = panel.ui.graphics
    scene_point = panel.plot.vb.mapViewToScene(pg_point(0.5, row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))
    qtbot.waitUntil(lambda: panel.selected == "fake.intervention")
    qtbot.waitUntil(lambda: panel.misses_model.rowCount() == 1)
    assert panel.misses_model.misses[0].kept == "mycophenolate"


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_export_from_the_context_menu(
    qtbot: QtBot, shown: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    decide_on_doc_a(shown)
    panel = show_view(qtbot, shown, "rules")
    assert isinstance(panel, RuleQualityPanel)
    qtbot.waitExposed(panel)
    target = tmp_path / f"rules{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu = panel.plot.getViewBox().menu
    action = next(a for a in menu.actions() if a.objectName() == f"plot.export_{suffix[1:]}")
    action.trigger()
    data = target.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
    else:
        text = "".join(ET.fromstring(data).itertext())
        assert "fake.n_total" in text


def pg_point(x: float, y: float) -> object:
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


LAZY = """
import sys
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from curator.core.schema import load_default_schema
from curator.qt.main_window import MainWindow
from curator.qt.task_runner import TaskRunner
from curator.store import SqlStore

def main(app):  # the window dies with this frame, before the interpreter finalizes
    store = SqlStore.open(sys.argv[1], keep_backups=0)
    settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
    window = MainWindow(store, load_default_schema(), None, TaskRunner(), settings, "t")
    window.show()
    app.processEvents()
    print("before", "pyqtgraph" in sys.modules, "numpy" in sys.modules)
    window.action("view.progress").trigger()
    app.processEvents()
    print("after", "pyqtgraph" in sys.modules, flush=True)
    window.close()
    shiboken6.delete(window)  # as app.py does
    store.close()

main(QApplication([]))
"""


@pytest.mark.slow
def test_pyqtgraph_is_imported_only_when_a_view_is_shown(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    db, ini = tmp_path / "lazy.sqlite", tmp_path / "settings.ini"
    done = subprocess.run(
        [sys.executable, "-c", LAZY, str(db), str(ini)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "before False False" in done.stdout
    assert "after True" in done.stdout


def test_a_shown_view_is_shown_again_after_reopening(
    qtbot: QtBot, make_window: Callable[[SqlStore], MainWindow], store: SqlStore
) -> None:
    first = make_window(store)
    first.show()
    qtbot.waitExposed(first)
    first.action("view.forest").trigger()
    assert first.insights.docks["forest"].isVisible()
    first.close()
    second = make_window(store)
    second.show()
    qtbot.waitExposed(second)
    assert second.insights.docks["forest"].isVisible()
    assert not second.insights.docks["rules"].isVisible()
    second.action("view.forest").trigger()
    assert not second.insights.docks["forest"].isVisible()


def test_clicking_a_forest_estimate_opens_the_document_at_that_outcome_row(
    qtbot: QtBot, shown: MainWindow, store: SqlStore
) -> None:
    from datetime import UTC, datetime

    from PySide6.QtCore import QPointF

    from curator.core.model import CuratedValue, Status
    from curator.core.ports import SlotChange
    from curator.qt.plots.forest_panel import ForestPanel

    at = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
    cells = {
        "outcomes.measure": "hazard ratio",
        "outcomes.value": 0.5,
        "outcomes.ci_low": 0.2,
        "outcomes.ci_high": 0.9,
        "outcomes.outcome": "relapse",
    }
    store.apply(
        [SlotChange("doc-b", field, 1, None,
                    CuratedValue("doc-b", field, 1, Status.MANUAL, str(value), value,
                                 None, None, None, "tester", at))
         for field, value in cells.items()],
        "tester",
    )  # fmt: skip
    shown.open_document("doc-c")
    panel = show_view(qtbot, shown, "forest")
    assert isinstance(panel, ForestPanel)
    assert [
        (r.source.document_id, r.source.row, r.ci_low, r.ci_high) for r in panel.forest_rows
    ] == [("doc-b", 1, 0.2, 0.9)]
    x, y = panel.forest_points.getData()
    scene = panel.forest_plot.getViewBox().mapViewToScene(QPointF(float(x[0]), float(y[0])))
    view = panel.ui.graphics
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene))
    qtbot.waitUntil(
        lambda: shown.review.document is not None and shown.review.document.id == "doc-b"
    )
    assert shown.review.current_slot is not None
    assert shown.review.current_slot.key == ("outcomes.value", 1)


def test_decisions_per_hour_or_per_day_from_the_context_menu(qtbot: QtBot) -> None:
    from datetime import UTC, datetime

    from curator.core.insights import ProgressInsight
    from curator.core.model import Progress

    configure_plots()
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    hours = ((datetime(2026, 11, 2, 9, tzinfo=UTC), 5), (datetime(2026, 11, 5, 9, tzinfo=UTC), 7))
    panel.show_data(ProgressInsight(Progress(3, 1, 1, 4), hours, (60.0, 120.0)))
    assert panel.unit == "day"  # three days apart: per day by default
    assert list(panel.decision_bars.opts["height"]) == [5, 0, 0, 7]
    menu = panel.decision_plot.getViewBox().menu
    per_hour = next(a for a in menu.actions() if a.objectName() == "progress.per_hour")
    per_hour.trigger()
    assert panel.unit == "hour"
    heights = list(panel.decision_bars.opts["height"])
    assert len(heights) == 3 * 24 + 1
    assert (heights[0], heights[-1], sum(heights)) == (5, 7, 12)


def test_ctrl_4_puts_the_keyboard_in_the_rule_table_and_ctrl_2_brings_it_back(
    qtbot: QtBot, shown: MainWindow
) -> None:
    shown.insights.configure = configure_plots
    with qtbot.waitSignal(shown.insights.refreshed, timeout=5000):
        qtbot.keyClick(shown, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    panel = shown.insights.panels["rules"]
    assert isinstance(panel, RuleQualityPanel)
    qtbot.waitUntil(lambda: panel.ui.rulesTable.hasFocus())
    before = shown.review.current_slot
    qtbot.keyClick(panel.ui.rulesTable, Qt.Key.Key_Down)  # the table's key, not the form's
    assert shown.review.current_slot == before
    qtbot.keyClick(shown, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not panel.ui.rulesTable.hasFocus())


def test_the_rule_table_lists_rules_as_the_chart_does(qtbot: QtBot, shown: MainWindow) -> None:
    decide_on_doc_a(shown)
    panel = show_view(qtbot, shown, "rules")
    assert isinstance(panel, RuleQualityPanel)
    proxy = panel.rules_proxy
    in_table = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert in_table[-1] not in ("fake.n_total", "fake.study_design", "fake.intervention")
    assert set(in_table[:3]) == {"fake.n_total", "fake.study_design", "fake.intervention"}
