"""Open a database: check the file, back it up, migrate it to head, return an engine.

Nothing here runs at import time. ``open_engine`` is what :meth:`SqlStore.open` uses;
the migrations are found through the package path, so they work from a wheel.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, make_url
from sqlalchemy.exc import DatabaseError

from curator.store import sqlite
from curator.store.backups import KEEP, rolling_backup
from curator.store.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.engine import URL, Engine

MIGRATIONS = Path(__file__).resolve().with_name("migrations")


def alembic_config(migrations: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations or MIGRATIONS))
    return config


def resolve(target: str | os.PathLike[str]) -> tuple[URL, Path | None]:
    """The SQLAlchemy URL for a path or URL, and the SQLite file path if there is one."""
    if isinstance(target, str) and "://" in target:
        url = make_url(target)
        if url.get_backend_name() != "sqlite":
            return url, None
        database = url.database
        if not database or database == ":memory:" or database.startswith("file:"):
            raise ValueError(f"{target}: use a path to an SQLite file")
        return url, Path(database).expanduser().resolve()
    path = Path(target).expanduser().resolve()
    return make_url(f"sqlite:///{path}"), path


def describe(url: URL, path: Path | None) -> str:
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def open_engine(
    target: str | os.PathLike[str], *, migrations: Path | None = None, keep_backups: int = KEEP
) -> tuple[Engine, str]:
    """An engine on an up-to-date database, and its location for messages.

    An existing file is checked first without modifying it (header, tables, revision,
    ``PRAGMA quick_check``), then backed up (see :func:`rolling_backup`) and migrated.
    Raises a :class:`StoreError` subclass when the database cannot be used.
    """
    url, path = resolve(target)
    config = alembic_config(migrations)
    script = ScriptDirectory.from_config(config)
    known = {revision.revision for revision in script.walk_revisions()}
    head = script.get_current_head()
    where = describe(url, path)
    state = _prepare_file(path, known, head) if path is not None else None
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        sqlite.configure(engine)
    try:
        if path is not None and state is not None:
            with translated(where, path), engine.connect() as conn:
                rolling_backup(sqlite.dbapi(conn), path, state, keep_backups)
        with translated(where, path), engine.connect() as conn:  # no write lock if up to date
            current = MigrationContext.configure(conn).get_current_revision()
        if current != head:
            with (
                translated(where, path),
                engine.execution_options(**{sqlite.WRITE: True}).begin() as conn,
            ):
                current = MigrationContext.configure(conn).get_current_revision()
                _refuse_unknown(where, current, known, path)
                if current != head:
                    config.attributes["connection"] = conn
                    command.upgrade(config, "head")
    except BaseException:
        engine.dispose()
        raise
    return engine, where


def _prepare_file(path: Path, known: set[str], head: str | None) -> sqlite.FileState | None:
    """Refuse a file that cannot be used (leaving it untouched); its state if it has data."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file; choose a file.", path)
    if not path.exists() or path.stat().st_size == 0:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReadOnlyDatabaseError(
                f"Cannot create the folder for {path} ({error.strerror}); choose another place.",
                path,
            ) from error
        _check_writable(path)
        return None
    state = sqlite.file_state(path)
    ours, revision = sqlite.probe(path)
    _refuse_unknown(str(path), revision, known, path)
    _check_writable(path)
    if ours and revision != head:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.stem}.backup-{revision}-{stamp}.sqlite")
        counter = 1
        while target.exists():
            counter += 1
            target = path.with_name(f"{path.stem}.backup-{revision}-{stamp}-{counter}.sqlite")
        sqlite.backup(path, target)
    return state if ours else None


def _check_writable(path: Path) -> None:
    # WAL needs to create <name>-wal and <name>-shm beside the file.
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    if not folder_ok or (path.exists() and not os.access(path, os.W_OK)):
        raise ReadOnlyDatabaseError(
            f"{path} cannot be written (no permission on the file or its folder); "
            "copy it somewhere writable or fix its permissions.",
            path,
        )


def _refuse_unknown(
    where: str, revision: str | None, known: set[str], path: Path | None = None
) -> None:
    if revision is not None and revision not in known:
        raise NewerDatabaseError(
            f"{where} was written by a newer version of Evidence Curator (database "
            f"revision {revision}); update the app, or open another database.",
            path,
        )


@contextmanager
def translated(where: str, path: Path | None = None) -> Iterator[None]:
    """Turn the database errors a user can act on into :class:`StoreError` subclasses."""
    try:
        yield
    except DatabaseError as error:
        message = str(error.orig).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseBusyError(
                f"{where} is locked by another program; close it or try again.", path
            ) from error
        if "readonly" in message or "read-only" in message:
            raise ReadOnlyDatabaseError(
                f"{where} cannot be written; copy it somewhere writable or fix its permissions.",
                path,
            ) from error
        if "malformed" in message or "not a database" in message:
            raise CorruptDatabaseError(
                f"{where} is damaged and cannot be read; {sqlite.RESTORE_HINT}.", path
            ) from error
        raise
