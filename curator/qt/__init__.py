"""Everything PySide6 and pyqtgraph: windows, views, undo commands, task runner."""
