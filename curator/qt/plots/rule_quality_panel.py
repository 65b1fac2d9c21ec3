"""RuleQualityPanel: which extractor rules the curators' decisions confirm.

Left, one horizontal bar per rule, worst first: the shares of its decided suggestions
that were accepted (green), corrected (amber) and rejected (red); the green share is the
rule's acceptance rate, an estimate of its precision. The right axis gives the counts.
Right, the same rules as a sortable table; selecting a rule (in the table, or by
clicking its bar) lists the documents where it was corrected or rejected, and
activating one (Enter, double-click) opens the document at that field with the rule's
span selected. This is how rule authors find what to fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontMetrics

from curator.core.insights import RuleStats, by_acceptance
from curator.qt._generated.ui_rule_quality_panel import Ui_RuleQualityPanel
from curator.qt.plots.plot_panel import OpenTarget, PlotPanel
from curator.qt.plots.rule_tables import SORT_ROLE, RuleMissModel, RuleStatsModel
from curator.qt.typing_guard import guard

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from curator.core.insights import RuleMiss
    from curator.core.ports import InsightSource

SHARES = (("accepted", "#3f9b5a"), ("corrected", "#e0a030"), ("rejected", "#c0392b"))
BAR_HEIGHT = 0.7
ROW_PIXELS = 22


class RuleQualityPanel(PlotPanel):
    kind: ClassVar[str] = "rules"
    title: ClassVar[str] = "Rule quality"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RuleQualityPanel()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.stats: list[RuleStats] = []  # in bar order, top to bottom
        self.selected: str | None = None
        self._build_plot()
        self.rules_model = RuleStatsModel(lambda rule: self.describe(rule))
        self.rules_proxy = QSortFilterProxyModel(self, sortRole=SORT_ROLE)
        self.rules_proxy.setSourceModel(self.rules_model)
        self.ui.rulesTable.setModel(self.rules_proxy)
        self.ui.rulesTable.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.misses_model = RuleMissModel()
        self.ui.missesTable.setModel(self.misses_model)
        self.ui.splitter.setSizes([600, 500])
        self.ui.rulesTable.selectionModel().currentRowChanged.connect(
            self._on_rules_current_changed
        )
        self.ui.missesTable.activated.connect(self._on_misses_activated)
        self.setFocusProxy(self.ui.rulesTable)  # Ctrl+4 puts the keyboard in the rule table
        for table in (self.ui.rulesTable, self.ui.missesTable):
            guard(table)  # Return, arrows and letters belong to the table, not to review keys
        self.ui.graphics.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def _build_plot(self) -> None:
        plot = self.plot = self.ui.graphics.addPlot(row=0, col=0)
        self.key = " &nbsp;".join(f"<span style='color:{c}'>■ {n}</span>" for n, c in SHARES)
        plot.setTitle(self.key, size="10pt")  # the key; the view must stay narrow enough
        plot.invertY(True)
        plot.showAxis("right")
        plot.setMouseEnabled(x=False, y=True)
        plot.hideButtons()
        plot.getAxis("bottom").setTicks([[(x / 4, f"{x * 25}%") for x in range(5)]])
        self.band = pg.BarGraphItem(  # the selected rule, outlined on top of its bar
            x0=[-0.01], y=[0], width=[1.02], height=[0.95], brush=None,
            pen=pg.mkPen("#1f4f9f", width=2.5),
        )  # fmt: skip
        self.band.setZValue(10)
        self.band.hide()
        plot.addItem(self.band)
        self.bars: dict[str, pg.BarGraphItem] = {}
        for name, colour in SHARES:
            self.bars[name] = pg.BarGraphItem(
                x0=[0.0], y=[0.0], width=[0.0], height=BAR_HEIGHT, brush=colour, pen=None
            )
            plot.addItem(self.bars[name])
        self.add_export_menu(plot)
        plot.vb.sigResized.connect(lambda _vb: self._fit_rows())

    # -- refresh --------------------------------------------------------------------------
    @staticmethod
    def fetch(source: InsightSource) -> list[RuleStats]:
        return by_acceptance(source.rule_stats())

    def graphics(self) -> pg.GraphicsLayoutWidget:
        return self.ui.graphics

    def show_data(self, data: Sequence[RuleStats]) -> None:
        self.stats = list(data)
        count = len(self.stats)
        y = np.arange(count, dtype=float)
        decided = np.array([max(s.decided, 1) for s in self.stats], dtype=float)
        x0 = np.zeros(count)
        for name, _colour in SHARES:
            share = np.array([getattr(s, name) for s in self.stats], dtype=float) / decided
            self.bars[name].setOpts(x0=x0.copy(), y=y, width=share, height=BAR_HEIGHT)
            x0 += share
        self.plot.getAxis("left").setTicks([[(i, s.rule) for i, s in enumerate(self.stats)]])
        counts = [(i, _counts(s)) for i, s in enumerate(self.stats)]
        right = self.plot.getAxis("right")
        right.setTicks([counts])
        metrics = QFontMetrics(right.style["tickFont"] or self.ui.graphics.font())
        widest = max((metrics.horizontalAdvance(text) for _, text in counts), default=40)
        right.setWidth(widest + 16)
        waiting = " — no decisions yet" if not any(s.decided for s in self.stats) else ""
        self.plot.setTitle(self.key + waiting, size="10pt")
        self.plot.setXRange(0, 1, padding=0.02)
        self.plot.setLimits(yMin=-1, yMax=max(count, 1))
        self._fit_rows(top=0)
        self.rules_model.set_stats(self.stats)
        self.ui.rulesTable.resizeColumnsToContents()
        keep = self.selected
        self.selected = None
        if keep is not None and any(s.rule == keep for s in self.stats):
            self.select_rule(keep)
        else:
            self.band.hide()
            self.misses_model.set_misses([])

    def _fit_rows(self, top: int | None = None) -> None:
        """Show as many whole rules as fit the plot's height (about 22 px each)."""
        if top is None:
            top = max(0, round(self.plot.vb.viewRange()[1][0] + 0.5))
        fit = max(3, int(self.plot.vb.height() / ROW_PIXELS))
        self.plot.setYRange(top - 0.5, top + min(fit, max(len(self.stats), 1)) - 0.5, padding=0)

    def arrange_for_export(self, height: int) -> int:
        """Only the chart, with every rule in view (one line each)."""
        self.ui.tables.hide()
        count = len(self.stats)
        self.plot.setYRange(-0.5, max(count, 1) - 0.5, padding=0)
        return max(height, 26 * count + 90)

    # -- selecting a rule and opening a miss ------------------------------------------------
    def select_rule(self, rule: str) -> None:
        """Select ``rule`` in the table (which lists its misses)."""
        for row, stats in enumerate(self.rules_model.stats):
            if stats.rule == rule:
                index = self.rules_proxy.mapFromSource(self.rules_model.index(row, 0))
                self.ui.rulesTable.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.ui.rulesTable.scrollTo(index)
                return

    def _on_rules_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        rule = self.rules_model.stats[self.rules_proxy.mapToSource(current).row()].rule
        if rule == self.selected:
            return
        self.selected = rule
        position = next(i for i, s in enumerate(self.stats) if s.rule == rule)
        self.band.setOpts(y=[position])
        self.band.show()
        self.ui.missesTitle.setText(
            f"<b>{rule}</b>: reading its corrected and rejected suggestions…"
        )
        self.read_requested.emit(
            lambda source: source.rule_misses(rule), lambda misses: self.show_misses(rule, misses)
        )

    def show_misses(self, rule: str, misses: Sequence[RuleMiss]) -> None:
        if rule != self.selected:
            return  # the curator moved on while they were read
        self.misses_model.set_misses(misses)
        self.ui.missesTable.resizeColumnsToContents()
        about = self.describe(rule)
        about = f" — {about}" if about else ""
        if misses:
            what = f"{len(misses):,} corrected or rejected. Enter opens the document at the field."
        else:
            what = "no suggestion corrected or rejected."
        self.ui.missesTitle.setText(f"<b>{rule}</b>{about}<br>{what}")

    def _on_misses_activated(self, index: QModelIndex) -> None:
        m = self.misses_model.misses[index.row()]
        self.open_requested.emit(OpenTarget(m.document_id, m.field, m.row, (m.start, m.end)))

    def _on_scene_clicked(self, event: object) -> None:
        position = event.scenePos()  # type: ignore[attr-defined]
        if not self.plot.vb.sceneBoundingRect().contains(position):
            return
        y = self.plot.vb.mapSceneToView(position).y()
        row = round(y)
        if 0 <= row < len(self.stats) and abs(y - row) <= BAR_HEIGHT / 2:
            self.select_rule(self.stats[row].rule)
            self.ui.rulesTable.setFocus()


def _counts(stats: RuleStats) -> str:
    if not stats.decided:
        return f"none decided ({stats.made:,} made)"
    return f"{stats.accepted:,} of {stats.decided:,}"
