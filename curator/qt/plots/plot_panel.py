"""PlotPanel: the base of the insight views, and how they export.

A panel is built once and its pyqtgraph items live as long as it does. A refresh has two
halves: :meth:`PlotPanel.fetch` runs on a worker thread and only reads the store (it
returns plain data); :meth:`PlotPanel.show_data` runs on the GUI thread and only hands
that data to the existing items (``setData``, ``setOpts``, ``setTicks``).

Every plot's context menu (right click) holds "Export PNG..." and "Export SVG..."; the
picture is the panel's whole graphics view, as ``curator plot`` writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    import pyqtgraph as pg

    from curator.core.ports import InsightSource

#: The picture formats a view exports to.
SUFFIXES = (".png", ".svg")


@dataclass(frozen=True, slots=True)
class OpenTarget:
    """Where a click in a plot leads: a document at a slot, optionally a span to show."""

    document_id: str
    field: str
    row: int
    span: tuple[int, int] | None = None


class PlotPanel(QWidget):
    """One insight view. Subclasses set ``kind`` and ``title`` and implement the halves."""

    kind: ClassVar[str]  # "progress" | "rules" | "forest": the name `curator plot` uses
    title: ClassVar[str]  # the dock title
    open_requested = Signal(object)  # an OpenTarget
    #: (read, then): run ``read(source)`` off the GUI thread, then ``then(result)`` on it.
    #: The docks connect it; a panel asks for the extra data it needs this way.
    read_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: rule id -> its one-line description (the extractor's; set by the docks)
        self.describe: Callable[[str], str] = lambda _rule: ""

    @staticmethod
    def fetch(source: InsightSource) -> object:
        """Read what the panel shows (worker thread: no widget may be touched)."""
        raise NotImplementedError

    def show_data(self, data: Any) -> None:
        """Show ``data`` from :meth:`fetch` by updating the existing items (GUI thread)."""
        raise NotImplementedError

    def graphics(self) -> pg.GraphicsLayoutWidget:
        """The graphics view that exports draw."""
        raise NotImplementedError

    def arrange_for_export(self, height: int) -> int:
        """Arrange the panel for a picture of everything it shows (``curator plot``);
        returns the height it needs, given the height asked for."""
        return height

    def caption(self) -> str:
        """A line the pictures carry under the plots (what the view could not draw...)."""
        return ""

    def export(self, path: str | Path) -> Path:
        """Write the panel's plots to ``path`` (.png or .svg). Raises ValueError otherwise."""
        return export_graphics(self.graphics(), path, self.caption())

    def add_export_menu(self, plot: pg.PlotItem) -> None:
        """Put "Export PNG..." / "Export SVG..." in ``plot``'s context menu."""
        menu = plot.getViewBox().menu
        menu.addSeparator()
        for suffix in SUFFIXES:
            name = suffix[1:].upper()
            action = menu.addAction(f"Export {name}...")
            action.setObjectName(f"plot.export_{suffix[1:]}")
            action.triggered.connect(lambda _=False, s=suffix: self._on_export_triggered(s))

    def _on_export_triggered(self, suffix: str) -> None:
        name = suffix[1:].upper()
        default = f"{self.kind}{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, f"Export {self.title} as {name}", default, f"{name} (*{suffix})"
        )
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            self.export(path)
        except OSError as exc:
            message = f"Could not write {path}: {exc.strerror or exc}"
            QMessageBox.warning(self, "Export failed", message)


def export_graphics(view: pg.GraphicsLayoutWidget, path: str | Path, caption: str = "") -> Path:
    """Export everything ``view`` draws to a PNG or SVG file (by the suffix).

    PNG: pyqtgraph's ImageExporter at twice the size on screen (sharp in documents).
    SVG: Qt's QSvgGenerator renders the scene (vector shapes, text kept as text);
    pyqtgraph 0.14's SVGExporter cannot parse the closed paths ("Z") that Qt 6.11 writes.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"{target.name}: choose a .png or .svg file")
    layout = view.ci  # the layout of all the view's plots (the scene may be larger)
    label = None
    if caption:  # under the plots, for this picture only
        rows, columns = layout.layout.rowCount(), max(1, layout.layout.columnCount())
        label = layout.addLabel(caption, row=rows, col=0, colspan=columns, justify="left")
    try:
        _settle(view)
        if suffix == ".png":
            exporter = ImageExporter(layout)
            exporter.parameters()["width"] = max(1, int(layout.boundingRect().width() * 2))
            exporter.export(str(target))
        else:
            _write_svg(view, layout.sceneBoundingRect(), target)
    finally:
        if label is not None:
            layout.removeItem(label)
    if not target.exists():
        raise OSError(f"nothing was written to {target}")
    return target


def _settle(view: pg.GraphicsLayoutWidget) -> None:
    """Paint once and let the layout follow: axes size themselves to their labels while
    painting, so a view exported right after it was filled would miss its labels."""
    image = QImage(view.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        view.render(painter)
    finally:
        painter.end()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    view.ci.layout.activate()


def _write_svg(view: pg.GraphicsLayoutWidget, source: QRectF, target: Path) -> None:
    size = source.size().toSize()
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle("Evidence Curator")
    painter = QPainter(generator)
    try:
        view.scene().render(painter, QRectF(0, 0, size.width(), size.height()), source)
    finally:
        painter.end()
