"""Persistence: SQLAlchemy rows, the SqlStore repository and Alembic migrations (no Qt).

Public API::

    from curator.store import SqlStore, default_database_path, StoreError
    store = SqlStore.open(default_database_path())   # checks, backs up, creates / upgrades
    store.backup_to(path)                            # a consistent copy, while in use
    backup_database(path, out)                       # ``curator backup`` (no SqlStore needed)
    restore_backup(backup, database)                 # verified restore, keeps the old file
"""

from __future__ import annotations

from curator.store.backups import backup_database, backup_time, list_backups
from curator.store.errors import (
    BackupError,
    CorruptDatabaseError,
    DatabaseBusyError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    UnknownDocumentError,
)
from curator.store.paths import default_database_path
from curator.store.restore import restore_backup
from curator.store.sql_store import SqlStore

__all__ = [
    "BackupError",
    "CorruptDatabaseError",
    "DatabaseBusyError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "ReadOnlyDatabaseError",
    "SqlStore",
    "StoreError",
    "UnknownDocumentError",
    "backup_database",
    "backup_time",
    "default_database_path",
    "list_backups",
    "restore_backup",
]
