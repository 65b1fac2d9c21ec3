"""Composition root: arguments, settings, store, extractor, task runner, window."""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.ports import InsightSource

USAGE_NO_DISPLAY = (
    "curator: no display found (DISPLAY/WAYLAND_DISPLAY unset).\n"
    "  Run the window under a virtual display:  xvfb-run -a curator ...\n"
    "  or render a picture without one:         curator --screenshot shot.png\n"
    "  (the command-line tools work anywhere:   curator --help, curator import ...)"
)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        from curator import cli

        if args[0] in cli.SUBCOMMANDS:
            sys.exit(cli.main(args, plot_renderer=render_plot))
    sys.exit(run(_parser().parse_args(args)))


def _parser() -> argparse.ArgumentParser:
    from curator.cli import PLOT_KINDS  # the views `curator plot` draws

    p = argparse.ArgumentParser(prog="curator", description="Evidence Curator (GUI).")
    p.add_argument("--db", help="database file (default: $CURATOR_DB, else the user data dir)")
    p.add_argument("--schema", help="evidence schema TOML file (default: the bundled one)")
    p.add_argument("--screenshot", metavar="FILE", help="render the window to a PNG and exit")
    p.add_argument("--document", metavar="ID", help="with --screenshot: the document to show")
    p.add_argument(
        "--view",
        action="append",
        default=[],
        choices=PLOT_KINDS,
        help="show this insight view at start (repeatable)",
    )
    p.add_argument("--version", action="store_true", help="print the version and exit")
    return p


def configure_plots() -> None:
    """pyqtgraph's global options: set here only, once, before the first plot is built.

    Called lazily by the insight docks and by ``curator plot``, so pyqtgraph (and numpy)
    are imported only when a plot is shown.
    """
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#303030")


def render_plot(kind: str, source: InsightSource, out: Path, size: tuple[int, int]) -> Path:
    """``curator plot``: draw a view offscreen (no window, no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_plots()
    from curator.qt.plots.render import render

    return render(kind, source, out, size)


def run(opts: argparse.Namespace) -> int:
    from curator import __version__
    from curator.core.schema import SchemaError, load_default_schema, load_schema

    if opts.version:
        print(f"Evidence Curator {__version__}")
        return 0
    try:
        schema = load_schema(opts.schema) if opts.schema else load_default_schema()
    except SchemaError as exc:
        print(f"curator: schema refused: {exc}", file=sys.stderr)
        return 2
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM") and no_display:
        if not opts.screenshot:
            print(USAGE_NO_DISPLAY, file=sys.stderr)
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The store opens (SQLAlchemy import, integrity check) while the window paints.
    from curator.qt.future_store import FutureStore, open_store

    pending = FutureStore(ThreadPoolExecutor(max_workers=1).submit(open_store, opts.db))
    import shiboken6
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from curator.qt import startup
    from curator.qt.main_window import MainWindow
    from curator.qt.task_runner import TaskRunner

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["curator"])
    startup.identify(app)
    startup.load_style(app)
    settings = startup.user_settings()
    name = startup.curator_name(settings, bool(opts.screenshot))
    runner = TaskRunner()
    window = MainWindow(
        pending, schema, startup.load_source(), runner, settings, name,
        load=False, configure_plots=configure_plots,
    )  # fmt: skip

    def after_first_paint() -> None:
        store = startup.open_or_recover(pending, bool(opts.screenshot), window)
        if store is None:
            app.exit(2)
            return
        window.load_session()
        for kind in opts.view:
            window.insights.show_view(kind)
        startup.start_jobs(window, store, 0 if opts.screenshot else 400)
        if opts.screenshot:
            startup.screenshot_when_idle(app, window, runner, opts.screenshot, opts.document)

    window.show()
    QTimer.singleShot(30, after_first_paint)
    code = app.exec()
    runner.shutdown()
    pending.close()
    # Delete the window's C++ objects now, while Python is whole: left to interpreter exit,
    # pyqtgraph items can call back into Python that is half torn down (a segfault).
    shiboken6.delete(window)
    return code
