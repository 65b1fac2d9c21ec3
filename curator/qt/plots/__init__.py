"""The insight views: progress, rule quality and the forest plot (pyqtgraph).

Imported lazily, the first time a view is shown (``insight_docks``), so pyqtgraph and
numpy never slow the window's first paint. ``render`` draws a view without a window for
``curator plot``.
"""
