"""The forest view draws what the outcome rows hold: checked against the data, not pixels.

Each test reads back what the items were given (ErrorBarItem and ScatterPlotItem data,
the axis labels, the tooltip) and compares it with the stored text of the cells.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from curator.core.insights import OutcomeRow, evidence
from curator.core.model import CuratedValue, Status
from curator.core.ports import SlotChange
from curator.qt.plots.forest_items import ratio_text
from curator.qt.plots.forest_panel import EMPTY, ForestPanel
from curator.qt.plots.plot_panel import OpenTarget

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    import pyqtgraph as pg
    from pytestqt.qtbot import QtBot

    from curator.store import SqlStore

AZA = (("azathioprine",), ("Rasmussen encephalitis",))
IVIG = (("intravenous immunoglobulin",), ("NMOSD",))


def outcome(
    document_id: str,
    title: str,
    row: int,
    group: tuple[tuple[str, ...], tuple[str, ...]] = AZA,
    **cells: str,
) -> OutcomeRow:
    return OutcomeRow(document_id, title, row, cells, *group)


ROWS = (
    outcome("doc-b", "IVIG in NMOSD", 0, IVIG, outcome="relapse", measure="hazard ratio",
            value="0.5", ci_low="0.2", ci_high="0.9", p_value="<0.001"),
    outcome("doc-a", "Azathioprine in Rasmussen syndrome", 1, outcome="hemiparesis",
            measure="odds ratio", value="1.70", ci_low="0.60", ci_high="4.8"),
    outcome("doc-a", "Azathioprine in Rasmussen syndrome", 0, outcome="time to EPC",
            measure="hazard ratio", value="0.295", ci_low="0.108", ci_high="0.807",
            p_value="0.017"),
    outcome("doc-c", "Case series", 0, IVIG, outcome="death", measure="risk ratio",
            value="0.8"),
    outcome("doc-d", "Odd cohort", 0, IVIG, outcome="stroke", measure="odds ratio",
            value="0", ci_low="0", ci_high="1.2"),
    outcome("doc-b", "IVIG in NMOSD", 1, IVIG, outcome="relapse at 12 months",
            measure="proportion", value="42", comparator_value="67", p_value="0.04"),
    outcome("doc-a", "Azathioprine in Rasmussen syndrome", 2, outcome="seizure free",
            measure="proportion", value="71.5", comparator_value="48"),
    outcome("doc-e", "Means only", 0, outcome="EDSS", measure="mean", value="3.1"),
)  # fmt: skip


class FakeInsights:
    """An InsightSource holding outcome rows (the other questions are not asked here)."""

    def __init__(self, rows: Sequence[OutcomeRow]) -> None:
        self.rows = list(rows)

    def outcome_rows(self) -> list[OutcomeRow]:
        return list(self.rows)


@pytest.fixture
def panel(qtbot: QtBot) -> ForestPanel:
    panel = ForestPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    return panel


@pytest.fixture
def shown(qtbot: QtBot, panel: ForestPanel) -> ForestPanel:
    panel.show_data(ForestPanel.fetch(FakeInsights(ROWS)))
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def points_xy(item: pg.ScatterPlotItem) -> tuple[np.ndarray, np.ndarray]:
    x, y = item.getData()
    return np.asarray(x), np.asarray(y)


def ci_bounds(panel: ForestPanel) -> list[tuple[float, float, float]]:
    """(value, low, high) per drawn row, read back from the items (log10 undone)."""
    opts = panel.forest_bars.opts
    x, _ = points_xy(panel.forest_points)
    assert np.allclose(opts["x"], x)  # the bars are centred on the estimates
    low, high = opts["x"] - opts["left"], opts["x"] + opts["right"]
    return [(10**v, 10**lo, 10**hi) for v, lo, hi in zip(x, low, high, strict=True)]


def stored(row: OutcomeRow, *keys: str) -> tuple[float, ...]:
    return tuple(float(row.cells[key]) for key in keys)


def view_point(panel: ForestPanel, plot: pg.PlotItem, x: float, y: float) -> QPoint:
    """Where the data point (x, y) of ``plot`` is on the graphics view's viewport."""
    scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
    return panel.ui.graphics.mapFromScene(scene)


# -- what is drawn ---------------------------------------------------------------------------
def test_fetch_reads_the_outcome_rows() -> None:
    assert ForestPanel.fetch(FakeInsights(ROWS)) == evidence(ROWS)


def test_rows_top_to_bottom_under_group_headers(shown: ForestPanel) -> None:
    rows = [row.source for row in shown.forest_rows]
    assert [(r.document_id, r.row) for r in rows] == [("doc-a", 0), ("doc-a", 1), ("doc-b", 0)]
    _, ys = points_xy(shown.forest_points)
    assert list(ys) == [1, 2, 4]  # a header above each group: rows 0 and 3
    assert shown.forest_plot.getViewBox().yInverted()  # the first row on top
    axis = shown.forest_axis
    assert [axis.label_at(y) for y in range(5)] == [
        "azathioprine — Rasmussen encephalitis",
        "Azathioprine in Rasmussen syndrome — time to EPC",
        "Azathioprine in Rasmussen syndrome — hemiparesis",
        "intravenous immunoglobulin — NMOSD",
        "IVIG in NMOSD — relapse",
    ]
    # the labels drawn (short enough not to be elided), all rows in view
    assert axis.tickStrings([float(y) for y in range(5)], 1.0, 1.0) == [
        axis.label_at(y) for y in range(5)
    ]
    low, high = sorted(shown.forest_plot.getViewBox().viewRange()[1])
    assert low < 0
    assert 4 < high < 5.5


def test_ci_bounds_per_row_equal_the_stored_values(shown: ForestPanel) -> None:
    drawn = ci_bounds(shown)
    expected = [stored(r.source, "value", "ci_low", "ci_high") for r in shown.forest_rows]
    assert drawn == [pytest.approx(e, rel=1e-12) for e in expected]
    assert expected[0] == (0.295, 0.108, 0.807)


def test_ratio_axis_is_a_log_axis_that_reads_ratios(shown: ForestPanel) -> None:
    axis = shown.forest_plot.getAxis("bottom")
    assert axis.logMode
    assert axis.tickStrings([-1.0, 0.0, 1.0, 2.0], 1.0, 1.0) == ["0.1", "1", "10", "100"]
    assert [ratio_text(r) for r in (0.2, 0.5, 2.0, 5.0)] == ["0.2", "0.5", "2", "5"]
    assert shown.reference_line.value() == 0.0  # log10(1)
    left, right = shown.forest_plot.getViewBox().viewRange()[0]
    assert left < math.log10(0.108)
    assert right > math.log10(4.8)


def test_rows_not_drawn_are_reported_with_the_reason(shown: ForestPanel) -> None:
    assert {(r.document_id, reason) for r, reason in shown.not_drawn} == {
        ("doc-c", "no 95% CI"),
        ("doc-d", "a value or bound ≤ 0 cannot be drawn on a log scale"),
    }
    text = shown.ui.notes.text()
    assert "3 ratio estimates in 2 groups; 2 paired proportions." in text
    assert "2 outcome rows not drawn: " in text
    assert "1 no 95% CI" in text
    assert "1 a value or bound ≤ 0" in text
    assert "Case series — death: no 95% CI" in shown.ui.notes.toolTip()
    drawn = {row.source.document_id for row in shown.forest_rows}
    assert not drawn & {"doc-c", "doc-d", "doc-e"}


def test_paired_points_equal_the_stored_values(shown: ForestPanel) -> None:
    rows = [row.source for row in shown.paired_rows]
    assert [(r.document_id, r.row) for r in rows] == [("doc-a", 2), ("doc-b", 1)]
    value_x, value_y = points_xy(shown.value_points)
    comparator_x, comparator_y = points_xy(shown.comparator_points)
    assert list(value_x) == [stored(r, "value")[0] for r in rows] == [71.5, 42.0]
    assert list(comparator_x) == [stored(r, "comparator_value")[0] for r in rows] == [48, 67]
    assert list(value_y) == list(comparator_y) == [1, 3]
    line_x, line_y = shown.paired_lines.getData()
    assert list(line_x) == [71.5, 48.0, 42.0, 67.0]  # each pair joined
    assert list(line_y) == [1, 1, 3, 3]
    axis = shown.paired_axis
    assert axis.label_at(1) == "Azathioprine in Rasmussen syndrome — seizure free"
    assert axis.label_at(2) == "intravenous immunoglobulin — NMOSD"
    assert shown.paired_plot.isVisible()


def test_long_labels_are_elided_in_the_axis_and_whole_in_the_tip(panel: ForestPanel) -> None:
    title = "A very long title of a multicentre retrospective cohort study of many patients"
    row = outcome("doc-l", title, 0, outcome="time to the first relapse after treatment",
                  measure="hazard ratio", value="0.4", ci_low="0.2", ci_high="0.8")  # fmt: skip
    panel.show_data(evidence([row]))
    axis = panel.forest_axis
    drawn = axis.tickStrings([1.0], 1.0, 1.0)[0]
    assert axis.label_at(1) == row.label
    assert "…" in drawn
    assert len(drawn) <= 64
    # both parts keep a share: "A very long title of a multicentre… — time to the fir…"
    assert drawn.startswith("A very long title of a multicentre")
    assert "… — time to the" in drawn
    tip = panel.forest_points.opts["tip"](x=0.0, y=1.0, data=0)  # what hovering shows
    assert f"{title}\nOutcome: time to the first relapse after treatment\n" in tip


def test_empty_state(panel: ForestPanel) -> None:
    panel.show_data(evidence([]))
    assert panel.empty_text.isVisible()
    assert panel.empty_text.toPlainText() == EMPTY
    assert panel.ui.notes.text() == f"{EMPTY}."
    assert panel.forest_rows == ()
    assert len(points_xy(panel.forest_points)[0]) == 0
    assert not panel.paired_plot.isVisible()
    panel.show_data(evidence(ROWS))
    assert not panel.empty_text.isVisible()


# -- hover and click -----------------------------------------------------------------------
def test_hover_shows_the_stored_text(qtbot: QtBot, shown: ForestPanel) -> None:
    view = shown.ui.graphics.viewport()
    x, y = points_xy(shown.forest_points)
    vb = shown.forest_plot.getViewBox()
    target = view_point(shown, shown.forest_plot, x[0], y[0])

    def hovered() -> None:
        qtbot.mouseMove(view, target + QPoint(1, 0))
        qtbot.mouseMove(view, target)
        assert vb.toolTip()

    qtbot.waitUntil(hovered, timeout=2000)
    tip = vb.toolTip()
    for text in ("Azathioprine in Rasmussen syndrome", "time to EPC", "hazard ratio 0.295",
                 "95% CI 0.108 to 0.807", "p value: 0.017",
                 "azathioprine — Rasmussen encephalitis"):  # fmt: skip
        assert text in tip
    assert "0.29499" not in tip  # the stored text, not a float written out again


def test_paired_tip_quotes_value_and_comparator(shown: ForestPanel) -> None:
    tip = shown.comparator_points.opts["tip"](x=67.0, y=3.0, data=1)
    assert "IVIG in NMOSD" in tip
    assert "relapse at 12 months" in tip
    assert "proportion 42 vs 67" in tip
    assert "p value: 0.04" in tip


@pytest.mark.parametrize(
    ("item", "index", "expected"),
    [
        ("forest_points", 1, OpenTarget("doc-a", "outcomes.value", 1)),
        ("forest_points", 2, OpenTarget("doc-b", "outcomes.value", 0)),
        ("value_points", 1, OpenTarget("doc-b", "outcomes.value", 1)),
        ("comparator_points", 0, OpenTarget("doc-a", "outcomes.comparator_value", 2)),
    ],
)
def test_clicking_a_point_opens_its_document_at_the_outcome_row(
    qtbot: QtBot, shown: ForestPanel, item: str, index: int, expected: OpenTarget
) -> None:
    points = getattr(shown, item)
    plot = shown.forest_plot if item == "forest_points" else shown.paired_plot
    x, y = points_xy(points)
    position = view_point(shown, plot, x[index], y[index])
    with qtbot.waitSignal(shown.open_requested, timeout=2000) as blocker:
        qtbot.mouseClick(shown.ui.graphics.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert blocker.args == [expected]


def test_clicking_beside_the_points_opens_nothing(qtbot: QtBot, shown: ForestPanel) -> None:
    x, y = points_xy(shown.forest_points)
    position = view_point(shown, shown.forest_plot, x[0], y[0]) + QPoint(0, 40)
    with qtbot.assertNotEmitted(shown.open_requested, wait=100):
        qtbot.mouseClick(shown.ui.graphics.viewport(), Qt.MouseButton.LeftButton, pos=position)


# -- refresh and export ----------------------------------------------------------------------
def test_show_data_again_reuses_the_items_with_new_data(shown: ForestPanel) -> None:
    items = (shown.forest_bars, shown.forest_points, shown.value_points,
             shown.comparator_points, shown.paired_lines, shown.reference_line)  # fmt: skip
    counts = (len(shown.forest_plot.items), len(shown.paired_plot.items))
    more = outcome("doc-f", "Another IVIG study", 0, IVIG, outcome="relapse",
                   measure="risk ratio", value="2.5", ci_low="1.5", ci_high="4.0")  # fmt: skip
    shown.show_data(evidence([*ROWS, more]))
    assert (shown.forest_bars, shown.forest_points, shown.value_points,
            shown.comparator_points, shown.paired_lines, shown.reference_line) == items  # fmt: skip
    assert (len(shown.forest_plot.items), len(shown.paired_plot.items)) == counts
    assert len(shown.forest_rows) == 4
    assert len(points_xy(shown.forest_points)[0]) == 4
    index = [row.source.document_id for row in shown.forest_rows].index("doc-f")
    assert index == 2  # "Another..." sorts before "IVIG..." in their group
    assert ci_bounds(shown)[index] == pytest.approx((2.5, 1.5, 4.0))
    assert shown.forest_axis.label_at(4) == "Another IVIG study — relapse"
    assert shown.forest_axis.label_at(5) == "IVIG in NMOSD — relapse"


def test_export_writes_png_and_svg(shown: ForestPanel, tmp_path: Path) -> None:
    png = shown.export(tmp_path / "forest.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = shown.export(tmp_path / "forest.svg")
    root = ET.parse(svg).getroot()
    text = " ".join("".join(element.itertext()) for element in root.iter())
    for label in ("IVIG in NMOSD — relapse", "azathioprine — Rasmussen encephalitis",
                  "Azathioprine in Rasmussen syndrome — seizure free"):  # fmt: skip
        assert label in text


# -- through the real store -------------------------------------------------------------------
def decide(store: SqlStore, document_id: str, cells: dict[tuple[str, int], str | None]) -> None:
    """Type the values into their slots (MANUAL); a slot with a suggestion of the same
    value is ACCEPTED from it instead; None REJECTS the slot."""
    at = datetime.now(UTC)
    offered = {(s.field, s.row, s.value): s for s in store.suggestions(document_id)}
    changes = []
    for (field, row), value in cells.items():
        s = offered.get((field, row, value))
        after = (
            CuratedValue(document_id, field, row, Status.REJECTED, None, None, None, None, None,
                         "tester", at) if value is None
            else CuratedValue(document_id, field, row, Status.ACCEPTED, value, s.normalized, s.id,
                              s.start, s.end, "tester", at) if s is not None
            else CuratedValue(document_id, field, row, Status.MANUAL, value, value, None, None,
                              None, "tester", at)
        )  # fmt: skip
        changes.append(SlotChange(document_id, field, row, None, after))
    store.apply(changes, "tester")


def test_the_plots_show_what_the_database_holds(
    qtbot: QtBot, panel: ForestPanel, store: SqlStore
) -> None:
    decide(store, "doc-a", {
        ("intervention", 0): "azathioprine", ("condition", 0): "Rasmussen encephalitis",
        ("outcomes.outcome", 0): "time to EPC", ("outcomes.measure", 0): "hazard ratio",
        ("outcomes.value", 0): "0.295", ("outcomes.ci_low", 0): "0.108",
        ("outcomes.ci_high", 0): "0.807", ("outcomes.p_value", 0): "0.017",
        ("outcomes.outcome", 1): "relapse", ("outcomes.measure", 1): "proportion",
        ("outcomes.value", 1): "42", ("outcomes.comparator_value", 1): "67",
    })  # fmt: skip
    decide(store, "doc-b", {
        ("intervention", 0): "intravenous immunoglobulin", ("condition", 0): "NMOSD",
        ("outcomes.outcome", 0): "relapse", ("outcomes.measure", 0): "hazard ratio",
        ("outcomes.value", 0): "0.5", ("outcomes.ci_low", 0): "0.2",
        ("outcomes.ci_high", 0): "0.9",
        ("outcomes.outcome", 1): "EDSS", ("outcomes.measure", 1): "odds ratio",
        ("outcomes.value", 1): "1.3",
    })  # fmt: skip
    decide(store, "doc-b", {("outcomes.p_value", 0): None})
    assert any(c.status is Status.ACCEPTED for c in store.curated("doc-a"))  # from a suggestion

    panel.show_data(ForestPanel.fetch(store))
    panel.show()
    qtbot.waitExposed(panel)

    def in_database(document_id: str, row: int) -> dict[str, str]:
        return {
            c.field.removeprefix("outcomes."): c.value or ""
            for c in store.curated(document_id)
            if c.row == row and c.field.startswith("outcomes.") and c.status.exported
        }

    drawn = [(r.source.document_id, r.source.row) for r in panel.forest_rows]
    assert drawn == [("doc-a", 0), ("doc-b", 0)]
    for (document_id, row), bounds, y in zip(
        drawn, ci_bounds(panel), points_xy(panel.forest_points)[1], strict=True
    ):
        cells = in_database(document_id, row)
        expected = tuple(float(cells[key]) for key in ("value", "ci_low", "ci_high"))
        assert bounds == pytest.approx(expected, rel=1e-12)
        title = store.document(document_id).title
        assert panel.forest_axis.label_at(y) == f"{title} — {cells['outcome']}"
    assert [panel.forest_axis.label_at(y) for y in (0, 2)] == [
        "azathioprine — Rasmussen encephalitis",
        "intravenous immunoglobulin — NMOSD",
    ]
    assert [(r.document_id, r.row, reason) for r, reason in panel.not_drawn] == [
        ("doc-b", 1, "no 95% CI")
    ]
    assert "1 outcome row not drawn: 1 no 95% CI." in panel.ui.notes.text()
    paired = in_database("doc-a", 1)
    assert list(points_xy(panel.value_points)[0]) == [float(paired["value"])]
    assert list(points_xy(panel.comparator_points)[0]) == [float(paired["comparator_value"])]

    tip = panel.forest_points.opts["tip"](x=0.0, y=3.0, data=1)
    assert "IVIG in NMOSD\nOutcome: relapse\nhazard ratio 0.5 (95% CI 0.2 to 0.9)" in tip
    assert "p value" not in tip  # rejected: not a value

    x, y = points_xy(panel.forest_points)
    position = view_point(panel, panel.forest_plot, x[1], y[1])
    with qtbot.waitSignal(panel.open_requested, timeout=2000) as blocker:
        qtbot.mouseClick(panel.ui.graphics.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert blocker.args == [OpenTarget("doc-b", "outcomes.value", 0)]
