"""Put a backup back in place of a database, keeping what it replaces.

The way for the GUI ("Restore backup...") and a future ``curator restore``; by hand the
equivalent is: close every window on the database, copy the backup over the database
file, and delete the ``-wal`` and ``-shm`` files beside it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from curator.store.backups import backup_name, copy_database
from curator.store.database import alembic_config
from curator.store.errors import BackupError, NewerDatabaseError, NotADatabaseError, StoreError
from curator.store.sqlite import BUSY_TIMEOUT_MS, probe, read_only_connection


def restore_backup(backup: str | os.PathLike[str], database: str | os.PathLike[str]) -> Path | None:
    """Replace the contents of ``database`` with ``backup``; return where the old one was kept.

    The backup is checked first (an Evidence Curator database this version can open,
    passing SQLite's full ``integrity_check``); nothing is touched if it fails.

    - A healthy database is first copied to ``backups/<name>.before-restore.<time>.sqlite``,
      then overwritten through the SQLite backup API, in one transaction: other windows
      on it stay valid and see the restored data when they next read.
    - A damaged database (and its -wal/-shm) is moved to ``backups/<name>.damaged.<time>``
      and the backup copied in its place (nothing can have it open: the app refuses it).
    - No database yet: the backup is copied there; returns None.
    """
    source_path = Path(backup).expanduser().resolve()
    target = Path(database).expanduser().resolve()
    if source_path == target:
        raise StoreError(f"{source_path} is the database itself; choose a backup.", source_path)
    _verify(source_path)
    source = read_only_connection(source_path)
    try:
        if not target.exists() or target.stat().st_size == 0:
            copy_database(source, target)
            return None
        try:
            probe(target)
        except StoreError:
            return _replace_damaged(source, target)
        return _restore_into_live(source, target)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"Cannot restore {source_path} to {target} ({error}).", target) from error
    finally:
        source.close()


def _verify(path: Path) -> None:
    if not path.is_file():
        raise NotADatabaseError(f"There is no backup at {path}; check the path.", path)
    ours, revision = probe(path, full=True)
    if not ours:
        raise NotADatabaseError(f"{path} is not an Evidence Curator backup.", path)
    known = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Evidence Curator (database revision "
            f"{revision}); update the app to restore it.",
            path,
        )


def _restore_into_live(source: sqlite3.Connection, target: Path) -> Path:
    live = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        kept = copy_database(live, backup_name(target, "before-restore"))
        source.backup(live)  # one write transaction on the live database (stays in WAL)
    finally:
        live.close()
    return kept


def _replace_damaged(source: sqlite3.Connection, target: Path) -> Path:
    kept = backup_name(target, "damaged")
    kept.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        companion = target.with_name(target.name + suffix)
        if companion.exists():
            os.replace(companion, kept.with_name(kept.name + suffix))
    os.replace(target, kept)
    copy_database(source, target)
    return kept
