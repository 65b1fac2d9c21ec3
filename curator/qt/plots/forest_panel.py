"""ForestPanel: the curated effect estimates, as a forest plot and paired proportions.

Top: hazard, odds and risk ratios with their 95% CI on a log scale, a reference line at
1, one row per outcome under a header per group (interventions — conditions), labelled
"document title — outcome". Below: proportions with a comparator value ("42% vs 67%") as
two points joined by a line. Hovering a point shows the stored text of its cells;
clicking it asks to open the document at that outcome row. The line under the plots
says which outcome rows could not be drawn, and why.

The items are built once; :meth:`ForestPanel.show_data` hands them new arrays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

from curator.core.insights import Evidence, ForestRow, OutcomeRow, PairedRow, evidence
from curator.qt._generated.ui_forest_panel import Ui_ForestPanel
from curator.qt.plots.forest_items import (
    Placement,
    RatioAxis,
    RowAxis,
    RowErrorBars,
    forest_tip,
    not_drawn_list,
    not_drawn_text,
    paired_tip,
    place,
    plural,
)
from curator.qt.plots.plot_panel import OpenTarget, PlotPanel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QWidget

    from curator.core.ports import InsightSource

EMPTY = "No curated hazard, odds or risk ratios yet"
INK, ACCENT, MUTED = "#1f4e8c", "#d9480f", "#8a94a3"
BAND = "#eef2f7"
#: Rows in view before the plot has a size; then as many as fit at a readable pitch
#: (ROW_PITCH line heights each). A longer list scrolls (drag, or the wheel zooms).
FIRST_ROWS = 24
ROW_PITCH = 1.7
#: The share of the panel's width the row labels may take.
LABEL_SHARE = 0.42
#: The most positions in view at once (zoomed out), so labels stay apart.
MOST_ROWS = 120
UNLIMITED = 16777215  # QWIDGETSIZE_MAX


class ForestPanel(PlotPanel):
    kind: ClassVar[str] = "forest"
    title: ClassVar[str] = "Forest plot"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ForestPanel()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        #: What is drawn, in y order (top to bottom), and what could not be.
        self.forest_rows: tuple[ForestRow, ...] = ()
        self.paired_rows: tuple[PairedRow, ...] = ()
        self.not_drawn: tuple[tuple[OutcomeRow, str], ...] = ()
        font = self.font()
        self._pitch = QFontMetricsF(font).height() * ROW_PITCH
        self._label_fit = 80.0  # the text width the labels need (set by show_data)
        self._sizes: dict[object, int] = {}  # plot -> positions it shows (rows and headers)
        layout = self.ui.graphics.ci
        self.forest_axis, self.paired_axis = RowAxis(font), RowAxis(font)
        self.forest_plot = layout.addPlot(
            row=0, col=0, axisItems={"left": self.forest_axis, "bottom": RatioAxis(font)}
        )
        self.paired_plot = layout.addPlot(row=1, col=0, axisItems={"left": self.paired_axis})
        self.paired_plot.getAxis("bottom").setStyle(maxTickLevel=1)
        layout.layout.setVerticalSpacing(14)
        self._build_forest()
        self._build_paired()
        for points in (self.forest_points, self.value_points, self.comparator_points):
            points.sigClicked.connect(self._on_points_clicked)
        for plot in (self.forest_plot, self.paired_plot):
            plot.setMouseEnabled(x=False, y=True)  # rows scroll; the scale stays put
            plot.hideButtons()
            plot.setMenuEnabled(False, True)  # no log/transform options: keep the view menu
            plot.invertY(True)  # the first row on top
            plot.showGrid(x=True, y=False, alpha=0.25)
            plot.getViewBox().sigResized.connect(lambda _vb, p=plot: self._fit_rows(p))
            self.add_export_menu(plot)
        self.show_data(Evidence((), (), ()))

    # -- items (created once) -----------------------------------------------------------
    def _build_forest(self) -> None:
        plot = self.forest_plot
        plot.setTitle("Hazard, odds and risk ratios with 95% CI")
        plot.setLabel("bottom", "ratio (log scale)")
        self.forest_bands = _bands()
        self.reference_line = pg.InfiniteLine(
            pos=0.0, angle=90, movable=False,
            pen=pg.mkPen(MUTED, width=1.5, style=Qt.PenStyle.DashLine),
        )  # fmt: skip
        self.forest_bars = RowErrorBars(
            x=np.zeros(0), y=np.zeros(0), left=np.zeros(0), right=np.zeros(0),
            beam=0.3, pen=pg.mkPen(INK, width=1.6),
        )  # fmt: skip
        self.forest_points = _points(symbol="s", brush=INK, tip=self._forest_tip)
        self.empty_text = pg.TextItem(EMPTY, color="#5f6b7a", anchor=(0.5, 0.5), fill="w")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.empty_text.setFont(font)
        self.empty_text.setZValue(10)  # above the reference line
        plot.addItem(self.forest_bands, ignoreBounds=True)
        for item in (self.reference_line, self.forest_bars, self.forest_points):
            plot.addItem(item)
        plot.addItem(self.empty_text, ignoreBounds=True)

    def _build_paired(self) -> None:
        plot = self.paired_plot
        plot.setTitle(
            f"Proportions: <span style='color:{INK}'>●</span> value vs "
            f"<span style='color:{ACCENT}'>○</span> comparator"
        )
        plot.setLabel("bottom", "proportion (as curated: 42 is 42%)")
        self.paired_bands = _bands()
        self.paired_lines = pg.PlotCurveItem(
            x=np.zeros(0), y=np.zeros(0), connect="pairs", pen=pg.mkPen("#b8c0cc", width=2)
        )
        self.value_points = _points(symbol="o", brush=INK, tip=self._paired_tip)
        self.comparator_points = _points(
            symbol="o", brush="w", pen=pg.mkPen(ACCENT, width=2), tip=self._paired_tip
        )
        plot.addItem(self.paired_bands, ignoreBounds=True)
        for item in (self.paired_lines, self.value_points, self.comparator_points):
            plot.addItem(item)

    def graphics(self) -> pg.GraphicsLayoutWidget:
        return self.ui.graphics

    # -- data ------------------------------------------------------------------------------
    @staticmethod
    def fetch(source: InsightSource) -> Evidence:
        return evidence(source.outcome_rows())

    def show_data(self, data: Evidence) -> None:
        self.forest_rows, self.paired_rows = data.forest, data.paired
        self.not_drawn = data.not_drawn
        forest = place([row.source for row in self.forest_rows])
        paired = place([row.source for row in self.paired_rows])
        self._label_fit = max(self.forest_axis.fit_width(forest),
                              self.paired_axis.fit_width(paired), 80.0)  # fmt: skip
        self._fit_label_width()
        self._show_forest(forest)
        self._show_paired(paired)
        self._show_notes(forest)
        grid = self.ui.graphics.ci.layout  # the forest gets the larger share of the height
        grid.setRowStretchFactor(0, max(min(forest.size, 30), 6))
        grid.setRowStretchFactor(1, min(paired.size, 16))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_label_width()

    def _fit_label_width(self) -> None:
        """One text width for both left axes (plots aligned): what the labels need, at
        most a share of the panel's width."""
        width = min(self._label_fit, max(self.width() * LABEL_SHARE, 120.0))
        for axis in (self.forest_axis, self.paired_axis):
            axis.set_text_width(width)

    def _fit_rows(self, plot: pg.PlotItem, size: int | None = None) -> None:
        """Rows at a readable pitch, as many as fit (all when they do), from the first
        (new data) or from the top row in view (a resize); scrolling stops at the ends."""
        view = plot.getViewBox()
        top, start = -0.6, min(view.viewRange()[1])
        if size is not None:
            self._sizes[plot], start = size, top
        bottom = max(self._sizes.get(plot, 0), 1) - 0.4
        view.setLimits(yMin=top, yMax=bottom, minYRange=2.0,
                       maxYRange=min(bottom - top, MOST_ROWS))  # fmt: skip
        height = view.height()
        shown = min(bottom - top, max(height / self._pitch, 2.0) if height > 0 else FIRST_ROWS)
        start = max(top, min(start, bottom - shown))
        view.setYRange(start, start + shown, padding=0)

    def _show_forest(self, placement: Placement) -> None:
        rows = self.forest_rows
        numbers = np.array([(r.value, r.ci_low, r.ci_high) for r in rows], dtype=float)
        value, low, high = np.log10(numbers.reshape(-1, 3)).T
        y = np.asarray(placement.ys, dtype=float)
        self.forest_bars.setData(x=value, y=y, left=value - low, right=high - value)
        self.forest_points.setData(x=value, y=y, data=np.arange(len(rows)))
        self.forest_axis.set_rows(placement)
        if rows:  # decades around the estimates, always with 1 in view
            left, right = min(float(low.min()), 0.0), max(float(high.max()), 0.0)
        else:
            left, right = -1.0, 1.0
        pad = max(0.06 * (right - left), 0.05)
        x_range = (left - pad, right + pad)
        self.forest_plot.setXRange(*x_range, padding=0)
        _show_bands(self.forest_bands, placement, x_range)
        self._fit_rows(self.forest_plot, placement.size if rows else 3)
        self.empty_text.setVisible(not rows)
        self.empty_text.setPos(0.0, 1.0)

    def _show_paired(self, placement: Placement) -> None:
        rows = self.paired_rows
        numbers = np.array([(r.value, r.comparator) for r in rows], dtype=float).reshape(-1, 2)
        value, comparator = numbers.T
        y = np.asarray(placement.ys, dtype=float)
        index = np.arange(len(rows))
        self.value_points.setData(x=value, y=y, data=index)
        self.comparator_points.setData(x=comparator, y=y, data=index)
        self.paired_lines.setData(
            x=np.column_stack((value, comparator)).ravel(), y=np.repeat(y, 2), connect="pairs"
        )
        self.paired_axis.set_rows(placement)
        both = np.concatenate((value, comparator, [0.0]))
        left, right = float(both.min()), float(both.max())
        right = 100.0 if 1.0 < right <= 100.0 else 1.0 if right <= 1.0 else right
        pad = 0.03 * (right - left)
        x_range = (left - pad, right + pad)
        self.paired_plot.setXRange(*x_range, padding=0)
        _show_bands(self.paired_bands, placement, x_range)
        self._fit_rows(self.paired_plot, placement.size)
        self.paired_plot.setVisible(bool(rows))  # and no room kept for it when hidden:
        self.paired_plot.setMaximumHeight(UNLIMITED if rows else 0)

    def _show_notes(self, forest: Placement) -> None:
        groups = len(forest.headers)
        parts = [
            f"{plural(len(self.forest_rows), 'ratio estimate')} in {plural(groups, 'group')}; "
            f"{plural(len(self.paired_rows), 'paired proportion')}."
            if self.forest_rows
            else f"{EMPTY}."
        ]
        if self.not_drawn:
            parts.append(not_drawn_text(self.not_drawn))
        self.ui.notes.setText(" ".join(parts))
        self.ui.notes.setToolTip(not_drawn_list(self.not_drawn))

    def caption(self) -> str:
        return self.ui.notes.text()

    # -- hover and click ---------------------------------------------------------------------
    def _forest_tip(self, x: float, y: float, data: Any) -> str:
        return forest_tip(self.forest_rows[int(data)].source)

    def _paired_tip(self, x: float, y: float, data: Any) -> str:
        return paired_tip(self.paired_rows[int(data)].source)

    def _on_points_clicked(self, item: pg.ScatterPlotItem, points: Sequence[Any], _ev: Any) -> None:
        if not len(points):
            return
        index = int(points[0].data())
        if item is self.forest_points:
            source, field = self.forest_rows[index].source, "outcomes.value"
        elif item is self.value_points:
            source, field = self.paired_rows[index].source, "outcomes.value"
        else:
            source, field = self.paired_rows[index].source, "outcomes.comparator_value"
        self.open_requested.emit(OpenTarget(source.document_id, field, source.row))


def _points(*, symbol: str, brush: Any, tip: Any, pen: Any = None) -> pg.ScatterPlotItem:
    points = pg.ScatterPlotItem(
        symbol=symbol, size=9, brush=brush, pen=pen or pg.mkPen("w", width=0.8),
        useCache=False,  # drawn one by one, in view only: no atlas look-up per point
        hoverable=True, tip=tip, hoverSize=13, hoverBrush=ACCENT, hoverPen=pg.mkPen(INK),
    )  # fmt: skip
    points.setCursor(Qt.CursorShape.PointingHandCursor)
    return points


def _bands() -> pg.BarGraphItem:
    """Shaded rows behind the group headers."""
    return pg.BarGraphItem(x0=[0.0], x1=[0.0], y=[0.0], height=1.0, brush=BAND, pen=None)


def _show_bands(bands: pg.BarGraphItem, placement: Placement, x_range: tuple[float, float]) -> None:
    ys = np.asarray([y for y, _ in placement.headers], dtype=float)
    bands.setOpts(x0=np.full(len(ys), x_range[0]), x1=np.full(len(ys), x_range[1]), y=ys)
