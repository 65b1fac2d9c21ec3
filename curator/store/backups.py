"""Backups with the SQLite online backup API: rolling ones on open, manual ones on demand.

They live in a ``backups`` folder beside the database, named
``<database file name>.<kind>.<UTC time>.sqlite`` where kind is ``auto`` (made when the
database is opened and has changed since the last one; only the newest few are kept),
``manual`` (``curator backup`` / :meth:`SqlStore.backup_to` without a file name; never
deleted), ``before-restore`` or ``damaged`` (what :func:`restore_backup` replaced).

Every copy is written to a hidden ``.partial`` file, synced, then renamed: a crash never
leaves a half-written file under a backup's name. Copies are in rollback-journal mode,
so each is one self-contained file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from curator.store.errors import BackupError, NotADatabaseError
from curator.store.sqlite import BUSY_TIMEOUT_MS, probe

if TYPE_CHECKING:
    from curator.store.sqlite import FileState

FOLDER = "backups"
#: How many automatic backups are kept by default (``SqlStore.open(keep_backups=...)``).
KEEP = 5
_STAMP = "%Y%m%dT%H%M%S.%fZ"
log = logging.getLogger("curator.store")


def backup_folder(database: Path) -> Path:
    return database.parent / FOLDER


def list_backups(database: str | os.PathLike[str], kind: str | None = None) -> list[Path]:
    """The backups of ``database`` (of one kind, or all), newest first."""
    path = Path(database).expanduser().resolve()
    pattern = re.compile(
        re.escape(path.name) + r"\.(auto|manual|before-restore|damaged)\.(\d{8}T\d{6}\.\d{6}Z)"
        r"\.sqlite"
    )
    found: list[tuple[str, Path]] = []
    folder = backup_folder(path)
    if folder.is_dir():
        for entry in folder.iterdir():
            match = pattern.fullmatch(entry.name)
            if match and (kind is None or match[1] == kind):
                found.append((match[2], entry))
    return [entry for _, entry in sorted(found, reverse=True)]


def backup_time(backup: str | os.PathLike[str]) -> datetime | None:
    """When a backup was made (UTC), read from its name; None for a name not ours."""
    found = re.search(r"\.(\d{8}T\d{6}\.\d{6}Z)\.sqlite$", Path(backup).name)
    try:
        return datetime.strptime(found[1], _STAMP).replace(tzinfo=UTC) if found else None
    except ValueError:
        return None


def backup_name(database: Path, kind: str, now: datetime | None = None) -> Path:
    """A new file name in the backups folder (a later time than any existing one)."""
    moment = now or datetime.now(UTC)
    while True:
        target = backup_folder(database) / f"{database.name}.{kind}.{moment:{_STAMP}}.sqlite"
        if not target.exists():
            return target
        moment = moment.replace(microsecond=(moment.microsecond + 1) % 1_000_000)


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """Write a consistent copy of the database open on ``source`` to ``target``, atomically.

    The backup API reads one snapshot (another connection may write meanwhile).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def rolling_backup(
    source: sqlite3.Connection, database: Path, state: FileState, keep: int = KEEP
) -> Path | None:
    """An ``auto`` backup unless the file is unchanged since the newest one; prune to ``keep``.

    ``state`` is the file's size and mtime (and its -wal's) seen before this open: if the
    newest auto backup was made from the same state, nothing has changed since.
    Problems are logged, never raised: a failed backup must not stop the curator.
    """
    if keep <= 0:
        return None
    marker = backup_folder(database) / f".{database.name}.last-auto.json"
    autos = list_backups(database, "auto")
    try:
        recorded = json.loads(marker.read_text())
        if autos and recorded == {"state": list(state), "backup": autos[0].name}:
            return None
    except (OSError, ValueError):
        pass
    try:
        target = copy_database(source, backup_name(database, "auto"))
        partial = marker.with_name(marker.name + ".partial")
        partial.write_text(json.dumps({"state": list(state), "backup": target.name}))
        os.replace(partial, marker)
        for old in list_backups(database, "auto")[keep:]:
            old.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as error:
        log.warning("%s: automatic backup failed: %s", database, error)
        return None
    return target


def backup_database(
    database: str | os.PathLike[str], destination: str | os.PathLike[str] | None = None
) -> Path:
    """``curator backup``: copy a database (open elsewhere or not) without changing it.

    ``destination``: a file, or a folder to put a ``manual`` backup in; default the
    backups folder beside the database. Checks the database first (quick_check).
    Returns the file written. Raises a StoreError subclass (``.path`` set).
    """
    path = Path(database).expanduser().resolve()
    if not path.is_file() or path.stat().st_size == 0:
        raise NotADatabaseError(f"There is no database at {path}; check the path.", path)
    ours, _ = probe(path)
    if not ours:
        raise NotADatabaseError(f"{path} is an empty SQLite file, not a database.", path)
    source = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return write_backup(source, path, destination)
    finally:
        source.close()


def write_backup(
    source: sqlite3.Connection, database: Path, destination: str | os.PathLike[str] | None
) -> Path:
    """Copy the database open on ``source`` to ``destination`` (see :func:`backup_database`)."""
    target = _target(database, destination)
    try:
        return copy_database(source, target)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(
            f"Cannot write the backup {target} ({error}); choose another place.", target
        ) from error


def _target(database: Path, destination: str | os.PathLike[str] | None) -> Path:
    if destination is None:
        return backup_name(database, "manual")
    target = Path(destination).expanduser().resolve()
    if target.is_dir():
        target = target / backup_name(database, "manual").name
    if target in {database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))}:
        raise BackupError(f"{target} is the database itself; choose another file.", target)
    return target
