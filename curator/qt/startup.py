"""Start-up helpers for the composition root: the curator's name, a database that cannot
be opened, first-start seeds, background jobs after the first paint, and screenshot mode."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, QSettings, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from curator.core.ports import EvidenceStore, SuggestionSource
    from curator.qt.future_store import FutureStore
    from curator.qt.main_window import MainWindow
    from curator.qt.task_runner import TaskRunner

ORGANIZATION, APPLICATION = "EvidenceCurator", "curator"
#: The desktop entry (packaging/linux/<id>.desktop) and AppStream id: Wayland compositors
#: match the window to its .desktop file (and so its icon) by this name.
DESKTOP_ID = "org.evidencecurator.EvidenceCurator"
APP_ICON = ":/icons/app.svg"


def identify(app: QApplication) -> None:
    """Name, version, desktop entry and icon (the one SVG, from the compiled resources)."""
    from PySide6.QtGui import QIcon

    from curator import __version__
    from curator.qt._generated import curator_rc  # noqa: F401  (registers the :/ resources)

    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(APP_ICON))


def user_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def seeds_dir() -> Path | None:
    """The bundled sample documents: ``curator/_seeds`` in a wheel, else ``seeds/``."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "_seeds", package.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


def curator_name(settings: QSettings, screenshot: bool) -> str:
    """$CURATOR_NAME, else the name kept in the settings, else asked once (or the OS user
    in screenshot mode)."""
    name = os.environ.get("CURATOR_NAME") or str(settings.value("curator/name", ""))
    if name:
        return name
    if screenshot:
        return _os_user()
    from curator.qt.curator_name_dialog import CuratorNameDialog

    name = CuratorNameDialog.ask() or _os_user()
    settings.setValue("curator/name", name)
    return name


def open_or_recover(
    pending: FutureStore, screenshot: bool, parent: QWidget | None = None
) -> EvidenceStore | None:
    """The store being opened; if the database is refused, let the curator choose what to do.

    Returns None to quit (exit status 2). The refused file is never modified, unless the
    curator chooses to restore a backup over it (then it is kept in ``backups/``). In
    screenshot mode there is nobody to ask: the one-line error goes to stderr.
    """
    from curator.qt.bad_database_dialog import BadDatabaseDialog, Recovery
    from curator.qt.future_store import open_store
    from curator.store import CorruptDatabaseError, StoreError, list_backups, restore_backup

    try:
        return pending.resolve()
    except StoreError as exc:
        error = exc
    if screenshot:
        print(f"curator: error: {error}", file=sys.stderr)
        return None
    database = error.path
    while True:
        latest = None
        if isinstance(error, CorruptDatabaseError) and database and error.path == database:
            healthy = [b for b in list_backups(database) if ".damaged." not in b.name]
            latest = healthy[0] if healthy else None
        choice = BadDatabaseDialog.ask(error, latest, parent)
        try:
            if choice.action is Recovery.QUIT:
                return None
            if choice.action is Recovery.RESTORE and latest is not None and database:
                restore_backup(latest, database)
                target = database
            else:
                assert choice.path is not None
                target = choice.path
                exists = target.exists() and target.stat().st_size > 0
                if choice.action is Recovery.CREATE and exists:
                    raise StoreError(f"{target} already exists; choose a new file name.", target)
            store = open_store(str(target))
        except StoreError as exc:
            error = exc
            database = error.path if choice.action is not Recovery.RESTORE else database
            continue
        pending.settle(store)
        return store


def load_source() -> SuggestionSource | None:
    """The real extractor, loaded on first use (off the path to the first paint)."""
    try:
        from curator.extract import load_extractor
    except ImportError:
        return None
    from curator.qt.lazy_source import LazySource

    return LazySource(load_extractor)


def start_jobs(window: MainWindow, store: EvidenceStore, delay_ms: int) -> None:
    """First start: import and extract the seeds; else extract what needs it. After
    ``delay_ms``, so the worker's imports do not compete with the first paint."""

    def start() -> None:
        seeds = seeds_dir()
        if store.progress().total == 0 and seeds is not None:
            window.jobs.import_paths([str(seeds)], announce=False)
        else:
            window.jobs.extract()

    QTimer.singleShot(delay_ms, start)


def screenshot_when_idle(
    app: QApplication, window: MainWindow, runner: TaskRunner, path: str, document: str | None
) -> None:
    """Render the window to ``path`` once background jobs are done and the visible
    insight views are drawn, then quit."""
    window.resize(
        1440, 1180 if any(d.isVisibleTo(window) for d in window.insights.docks.values()) else 880
    )

    def shoot() -> None:
        if runner.busy:
            return  # busy_changed(False) calls again
        window.refresh_documents()
        if document:
            try:
                window.open_document(document)
            except LookupError:
                print(f"curator: no document {document!r} in this database", file=sys.stderr)
                app.exit(2)
                return
        waiting = window.insights.refresh_visible()

        def grab_when_drawn(kind: str = "") -> None:
            waiting.discard(kind)
            if not waiting:
                QTimer.singleShot(100, lambda: app.exit(0 if window.grab().save(path) else 1))

        window.insights.refreshed.connect(grab_when_drawn)
        grab_when_drawn()

    runner.busy_changed.connect(lambda busy: busy or QTimer.singleShot(0, shoot))
    QTimer.singleShot(10, shoot)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "curator"


def load_style(app: QApplication) -> None:
    """Apply resources/curator.qss (compiled into the :/ resources) to ``app``."""
    qss = QFile(":/curator.qss")
    if qss.open(QFile.OpenModeFlag.ReadOnly):
        app.setStyleSheet(bytes(qss.readAll().data()).decode("utf-8"))
        qss.close()
