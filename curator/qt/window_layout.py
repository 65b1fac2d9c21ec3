"""The main window's layout in the settings: geometry, the three panes, the docks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QSplitter

#: Widths of the document list, the text and the form on first start.
DEFAULT_SPLIT = (300, 540, 600)


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    geometry = settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    panes = settings.value("window/splitter")
    if panes is None or not splitter.restoreState(panes):
        splitter.setSizes(list(DEFAULT_SPLIT))
    docks = settings.value("window/docks")  # which insight views are shown, and where
    if docks is not None:
        window.restoreState(docks)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.setValue("window/docks", window.saveState())
