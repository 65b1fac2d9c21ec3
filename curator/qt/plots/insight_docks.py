"""InsightDocks: the insight views as dock widgets of the main window, kept live.

- Each dock exists from the start, so the window restores its place and visibility; its
  panel is built the first time the dock is shown, and only then are pyqtgraph and numpy
  imported (the window's first paint never waits for them).
- :meth:`InsightDocks.mark_stale` (a decision, an undo, an import, an extraction, a
  change by another window) schedules a refresh of the visible views after a short
  pause, so a burst of decisions costs one refresh; hidden views refresh when shown.
- Store reads run on one worker thread (:class:`InsightReader`), never on the GUI thread;
  a result older than a newer request for the same view is dropped.
"""

from __future__ import annotations

import importlib
import traceback
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.core.ports import InsightSource
    from curator.qt.plots.plot_panel import PlotPanel

#: kind -> (dock title, module, class): the views, in tab order.
VIEWS: dict[str, tuple[str, str, str]] = {
    "progress": ("Progress", "curator.qt.plots.progress_panel", "ProgressPanel"),
    "rules": ("Rule quality", "curator.qt.plots.rule_quality_panel", "RuleQualityPanel"),
    "forest": ("Forest plot", "curator.qt.plots.forest_panel", "ForestPanel"),
}
REFRESH_PAUSE_MS = 400
MIN_HEIGHT = 260  # a dock shown smaller than this (the first time) is given 42% of the window


def panel_class(kind: str) -> type[PlotPanel]:
    """The view class of ``kind`` (imports its module: pyqtgraph comes with it)."""
    _title, module, name = VIEWS[kind]
    cls: type[PlotPanel] = getattr(importlib.import_module(module), name)
    return cls


class InsightReader(QObject):
    """Runs store reads on one worker thread; callbacks run on the GUI thread."""

    failed = Signal(str)
    _delivered = Signal(object, object)  # then, result (worker -> GUI thread, queued)

    def __init__(self, source: InsightSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="curator-read")
        self._delivered.connect(self._on_self_delivered)

    def read(self, read: Callable[[InsightSource], Any], then: Callable[[Any], None]) -> None:
        def run() -> None:
            try:
                result = read(self.source)
            except Exception as exc:  # shown to the curator, never raised in the worker
                self.failed.emit("".join(traceback.format_exception_only(exc)).strip())
            else:
                self._delivered.emit(then, result)

        self._executor.submit(run)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    @Slot(object, object)
    def _on_self_delivered(self, then: Callable[[Any], None], result: object) -> None:
        then(result)


class InsightDocks(QObject):
    open_requested = Signal(object)  # an OpenTarget from any view
    message_posted = Signal(str)
    refreshed = Signal(str)  # kind: the view now shows what the store holds

    def __init__(
        self,
        window: QMainWindow,
        source: InsightSource,
        describe: Callable[[str], str],
        configure: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.describe, self.configure = window, describe, configure
        self.reader = InsightReader(source, self)
        self.reader.failed.connect(lambda text: self.message_posted.emit(f"Plots: {text}"))
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict[str, PlotPanel] = {}
        self._generation = dict.fromkeys(VIEWS, 0)
        self._visible: set[str] = set()
        self._stale = set(VIEWS)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_PAUSE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        for kind, (title, _module, _name) in VIEWS.items():
            dock = QDockWidget(title, window)
            dock.setObjectName(f"dock.{kind}")
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            dock.hide()
            dock.visibilityChanged.connect(partial(self._on_dock_visibility_changed, kind))
            self.docks[kind] = dock
        first, *others = self.docks.values()
        for dock in others:
            window.tabifyDockWidget(first, dock)

    # -- intents ----------------------------------------------------------------------------
    def toggle(self, kind: str) -> None:
        """Show the view (in front of its tab group), with the keyboard in it if it takes
        keys, or hide it when it is shown."""
        if kind in self._visible:
            self.docks[kind].hide()
            return
        self.show_view(kind)
        panel = self.panel(kind)
        if panel.focusProxy() is not None:  # a view with a keyboard (the rule tables)
            panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_view(self, kind: str) -> None:
        """Show the view in front of its tab group."""
        self.docks[kind].show()
        self.docks[kind].raise_()

    def refresh_visible(self) -> set[str]:
        """Refresh every visible view now; returns their kinds (each emits ``refreshed``)."""
        self._timer.stop()
        for kind in self._visible:
            self.refresh(kind)
        return set(self._visible)

    def mark_stale(self) -> None:
        """What the views show may have changed: refresh the visible ones soon."""
        self._stale = set(VIEWS)
        if self._visible:
            self._timer.start()

    def refresh(self, kind: str) -> None:
        """Read the view's data now (on the worker) and show it when it arrives."""
        panel = self.panel(kind)
        self._stale.discard(kind)
        self._generation[kind] += 1
        generation = self._generation[kind]
        self.reader.read(panel.fetch, partial(self._show, kind, generation))

    def panel(self, kind: str) -> PlotPanel:
        """The view of ``kind``, built (and pyqtgraph configured) on first use."""
        if kind not in self.panels:
            if self.configure is not None and not self.panels:
                self.configure()
            panel = panel_class(kind)()
            panel.describe = self.describe
            panel.open_requested.connect(self.open_requested)
            panel.read_requested.connect(self.reader.read)
            self.docks[kind].setWidget(panel)
            self.panels[kind] = panel
        return self.panels[kind]

    def close(self) -> None:
        self._timer.stop()
        self.reader.shutdown()

    # -- slots ------------------------------------------------------------------------------
    def _on_dock_visibility_changed(self, kind: str, visible: bool) -> None:
        if not visible:
            self._visible.discard(kind)
            return
        self._visible.add(kind)
        dock = self.docks[kind]
        if dock.height() < MIN_HEIGHT and not dock.isFloating():  # first time: a usable size
            height = max(MIN_HEIGHT, int(self.window.height() * 0.42))
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        if kind not in self.panels or kind in self._stale:
            self.refresh(kind)

    def _on_timer_timeout(self) -> None:
        for kind in sorted(self._visible & self._stale):
            self.refresh(kind)

    def _show(self, kind: str, generation: int, data: object) -> None:
        if generation != self._generation[kind]:
            return  # a newer read is on its way
        self.panels[kind].show_data(data)
        self.refreshed.emit(kind)
