"""ProgressPanel: how far the review is.

Three plots in one graphics view, under a summary line (documents, open suggestions,
decisions, time spent): documents by status (new / in progress / done), decisions per
hour or per day (whichever fits the span), and a histogram of the time spent per
document (from the history, see ``core.insights.time_spent``) with its median.
"""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QActionGroup

from curator.core.insights import ProgressInsight, Unit, decision_series
from curator.qt._generated.ui_progress_panel import Ui_ProgressPanel
from curator.qt.plots.plot_panel import PlotPanel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from curator.core.ports import InsightSource

STATUS_NAMES = ("new", "in progress", "done")
STATUS_COLOURS = ("#b0b7c3", "#e0a030", "#3f9b5a")
BAR_COLOUR = "#4a78b5"
HISTOGRAM_BINS = 30
UNIT_CHOICES: tuple[tuple[Unit | None, str], ...] = (
    (None, "Decisions per hour or day (by span)"),
    ("hour", "Decisions per hour"),
    ("day", "Decisions per day"),
)


class ProgressPanel(PlotPanel):
    kind: ClassVar[str] = "progress"
    title: ClassVar[str] = "Progress"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProgressPanel()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        layout = self.ui.graphics.ci
        self.summary = layout.addLabel("", row=0, col=0, colspan=2, justify="left")
        self.status_plot = layout.addPlot(row=1, col=0, title="Documents by status")
        self.time_plot = layout.addPlot(row=1, col=1, title="Time spent per document")
        self.decision_plot = layout.addPlot(
            row=2, col=0, colspan=2, axisItems={"bottom": pg.DateAxisItem()}
        )
        self._build_status_plot()
        self._build_time_plot()
        self._build_decision_plot()
        for plot in (self.status_plot, self.time_plot, self.decision_plot):
            self.add_export_menu(plot)
            plot.getAxis("left").enableAutoSIPrefix(False)  # counts, never "x0.001"
        self.data: ProgressInsight | None = None
        self.unit: Unit = "hour"  # the unit shown
        self.chosen_unit: Unit | None = None  # the curator's choice (None: by the span)

    # -- items (created once) -----------------------------------------------------------
    def _build_status_plot(self) -> None:
        plot = self.status_plot
        self.status_bars = pg.BarGraphItem(
            x=np.arange(3), height=np.zeros(3), width=0.6, brushes=list(STATUS_COLOURS)
        )
        plot.addItem(self.status_bars)
        self.status_labels = [pg.TextItem("", anchor=(0.5, 1.0), color="#303030") for _ in range(3)]
        for label in self.status_labels:
            plot.addItem(label)
        plot.getAxis("bottom").setTicks([list(enumerate(STATUS_NAMES))])
        plot.setLabel("left", "documents")
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()

    def _build_time_plot(self) -> None:
        plot = self.time_plot
        self.time_curve = pg.PlotDataItem(
            [0.0, 1.0], [0.0], stepMode="center", fillLevel=0, brush="#4a78b580", pen=BAR_COLOUR
        )
        plot.addItem(self.time_curve)
        self.median_line = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen("#c0392b", width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
            label="median",
            labelOpts={"position": 0.9, "color": "#c0392b"},
        )
        plot.addItem(self.median_line)
        plot.setLabel("bottom", "minutes per document")
        plot.setLabel("left", "documents")
        plot.setMouseEnabled(y=False)

    def _build_decision_plot(self) -> None:
        plot = self.decision_plot
        self.decision_bars = pg.BarGraphItem(
            x0=[0.0], width=[1.0], height=[0.0], brush=BAR_COLOUR, pen=None
        )
        plot.addItem(self.decision_bars)
        plot.setLabel("left", "decisions")
        plot.setMouseEnabled(y=False)
        menu = plot.getViewBox().menu
        menu.addSeparator()
        group = QActionGroup(self)
        for unit, text in UNIT_CHOICES:
            action = group.addAction(text)
            action.setCheckable(True)
            action.setChecked(unit is None)
            action.setObjectName(f"progress.per_{unit or 'auto'}")
            action.triggered.connect(lambda _=False, u=unit: self.set_unit(u))
            menu.addAction(action)

    # -- refresh --------------------------------------------------------------------------
    @staticmethod
    def fetch(source: InsightSource) -> ProgressInsight:
        return source.progress_insight()

    def show_data(self, data: ProgressInsight) -> None:
        self.data = data
        self._show_summary(data)
        self._show_status(data)
        self._show_time(data)
        self._show_decisions(data)

    def graphics(self) -> pg.GraphicsLayoutWidget:
        return self.ui.graphics

    def _show_summary(self, data: ProgressInsight) -> None:
        p = data.progress
        new = p.total - p.done - p.in_progress
        spent = sum(data.seconds_per_document)
        self.summary.setText(
            f"<b>{p.total:,} documents</b>: {new:,} new, {p.in_progress:,} in progress, "
            f"{p.done:,} done &nbsp;·&nbsp; <b>{p.open_suggestions:,}</b> open suggestions "
            f"remaining &nbsp;·&nbsp; {data.decisions:,} decisions &nbsp;·&nbsp; "
            f"{_duration(spent)} spent"
        )

    def _show_status(self, data: ProgressInsight) -> None:
        p = data.progress
        counts = [p.total - p.done - p.in_progress, p.in_progress, p.done]
        self.status_bars.setOpts(height=np.array(counts, dtype=float))
        for index, (label, count) in enumerate(zip(self.status_labels, counts, strict=True)):
            label.setText(f"{count:,}")
            label.setPos(index, count)
        self.status_plot.setXRange(-0.6, 2.6, padding=0)
        self.status_plot.setYRange(0, max(1, max(counts)) * 1.3, padding=0)  # room for labels

    def _show_time(self, data: ProgressInsight) -> None:
        minutes = np.asarray(data.seconds_per_document, dtype=float) / 60.0
        if minutes.size == 0:
            self.time_curve.setData([0.0, 1.0], [0.0])
            self.median_line.hide()
            self.time_plot.setTitle("Time spent per document (no decisions yet)")
            self.time_plot.setRange(xRange=(0, 10), yRange=(0, 1), padding=0)
            return
        # the longest 2% would stretch the axis: they are counted in the last bar
        upper = max(float(np.percentile(minutes, 98)), 1.0)
        counts, edges = np.histogram(
            np.minimum(minutes, upper), bins=HISTOGRAM_BINS, range=(0.0, upper)
        )
        self.time_curve.setData(edges, counts)
        median = statistics.median(minutes.tolist())
        self.median_line.setValue(median)
        self.median_line.label.setFormat(f"median {median:.1f} min")
        self.median_line.show()
        longer = int((minutes > upper).sum())
        tail = f"; {longer:,} over {upper:.0f} min in the last bar" if longer else ""
        self.time_plot.setTitle(f"Time spent per document ({minutes.size:,} documents{tail})")
        self.time_plot.enableAutoRange()

    def set_unit(self, unit: Unit | None) -> None:
        """Count decisions per hour, per day, or (None) whichever fits the span."""
        self.chosen_unit = unit
        if self.data is not None:
            self._show_decisions(self.data)

    def _show_decisions(self, data: ProgressInsight) -> None:
        unit, series = decision_series(data.decisions_per_hour, self.chosen_unit)
        self.unit = unit
        step = timedelta(hours=1) if unit == "hour" else timedelta(days=1)
        if not series:
            self.decision_bars.setOpts(x0=[0.0], width=[1.0], height=[0.0])
            self.decision_plot.setTitle("Decisions over time (none yet)")
            today = datetime.now().astimezone().replace(hour=0, minute=0, second=0).timestamp()
            self.decision_plot.setRange(xRange=(today, today + 86400), yRange=(0, 1), padding=0)
            return
        starts = np.array([start.timestamp() for start, _ in series])
        counts = np.array([count for _, count in series], dtype=float)
        self.decision_bars.setOpts(x0=starts, width=step.total_seconds() * 0.85, height=counts)
        self.decision_plot.setTitle(f"Decisions per {unit}")
        self.decision_plot.setXRange(starts[0], starts[-1] + step.total_seconds(), padding=0.02)
        self.decision_plot.setYRange(0, max(1.0, float(counts.max())) * 1.1, padding=0)


def _duration(seconds: float) -> str:
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
