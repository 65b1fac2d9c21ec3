"""Composition root: arguments, settings, store, extractor, task runner, window."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from curator.core.ports import SuggestionSource

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
            sys.exit(cli.main(args))
    sys.exit(run(_parser().parse_args(args)))


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="curator", description="Evidence Curator (GUI).")
    p.add_argument("--db", help="database file (default: $CURATOR_DB, else the user data dir)")
    p.add_argument("--schema", help="evidence schema TOML file (default: the bundled one)")
    p.add_argument("--screenshot", metavar="FILE", help="render the window to a PNG and exit")
    p.add_argument("--document", metavar="ID", help="with --screenshot: the document to show")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    return p


def seeds_dir() -> Path | None:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_seeds", here.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


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
    from curator.qt.none_refcount_guard import guard_none_refcount

    guard_none_refcount()  # PySide6 6.12 on CPython 3.11 (see the module): before any Qt call
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from curator.qt.main_window import MainWindow, load_style
    from curator.qt.task_runner import TaskRunner

    app = QApplication.instance() or QApplication(["curator"])
    app.setOrganizationName("EvidenceCurator")
    app.setApplicationName("curator")
    load_style(app)  # type: ignore[arg-type]
    from curator.store import SqlStore, StoreError, default_database_path

    try:
        store = SqlStore.open(opts.db or default_database_path())
    except StoreError as exc:
        print(f"curator: {exc}", file=sys.stderr)
        return 2
    settings = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "EvidenceCurator", "curator"
    )
    name = os.environ.get("CURATOR_NAME") or str(settings.value("curator/name", ""))
    if not name and opts.screenshot:
        name = getpass.getuser()
    if not name:
        from curator.qt.curator_name_dialog import CuratorNameDialog

        name = CuratorNameDialog.ask() or getpass.getuser()
        settings.setValue("curator/name", name)
    runner = TaskRunner()
    window = MainWindow(store, schema, _source(), runner, settings, name)
    seeds = seeds_dir()

    def start_jobs() -> None:  # first start: the bundled seeds; else what needs extraction
        if store.progress().total == 0 and seeds is not None:
            window.jobs.import_paths([str(seeds)], announce=False)
        else:
            window.jobs.extract()

    # after the first paint: the worker's imports would compete with it for the GIL
    QTimer.singleShot(0 if opts.screenshot else 400, start_jobs)
    if opts.screenshot:
        window.resize(1440, 880)

        def shoot() -> None:
            if runner.busy:
                return
            window.refresh_documents()
            if opts.document:
                window.open_document(opts.document)
            QTimer.singleShot(100, lambda: (window.grab().save(opts.screenshot), app.quit()))

        runner.busy_changed.connect(lambda busy: busy or QTimer.singleShot(0, shoot))
        QTimer.singleShot(10, shoot)
    window.show()
    code = app.exec()
    runner.shutdown()
    store.close()
    return code


def _source() -> SuggestionSource | None:
    try:
        from curator.extract import load_extractor
    except ImportError:
        return None
    from curator.qt.lazy_source import LazySource

    return LazySource(load_extractor)
