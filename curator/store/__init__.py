"""Persistence: SQLAlchemy rows, the SqlStore repository and Alembic migrations (no Qt).

Public API::

    from curator.store import SqlStore, default_database_path, StoreError
    store = SqlStore.open(default_database_path())   # creates / upgrades the database
"""

from __future__ import annotations

from curator.store.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    UnknownDocumentError,
)
from curator.store.paths import default_database_path
from curator.store.sql_store import SqlStore

__all__ = [
    "CorruptDatabaseError",
    "DatabaseBusyError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "ReadOnlyDatabaseError",
    "SqlStore",
    "StoreError",
    "UnknownDocumentError",
    "default_database_path",
]
