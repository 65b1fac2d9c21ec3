"""Draw an insight view without a window: what ``curator plot`` writes.

The view is the same class the dock shows, filled from the store the same way
(``fetch`` then ``show_data``), laid out offscreen at the requested size and exported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QApplication

from curator.qt.plots.insight_docks import panel_class

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.ports import InsightSource


def render(kind: str, source: InsightSource, out: Path, size: tuple[int, int]) -> Path:
    """Write the ``kind`` view of ``source`` to ``out`` (.png or .svg); returns the path."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["curator"])
    panel = panel_class(kind)()
    panel.show_data(panel.fetch(source))
    width, height = size
    panel.resize(width, panel.arrange_for_export(height))
    panel.show()  # laid out and painted offscreen: nothing appears on a screen
    for _ in range(3):
        app.processEvents()
    try:
        return panel.export(out)
    finally:
        panel.close()
        shiboken6.delete(panel)  # now, not at interpreter exit (pyqtgraph calls back)
