"""Errors the store raises: one line for the user, naming the file and what to do."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: ``str(error)`` is a one-line message that can be shown as is."""


class NotADatabaseError(StoreError):
    """The file exists but is not an Evidence Curator database."""


class CorruptDatabaseError(StoreError):
    """The file looks like SQLite but cannot be read."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app (unknown revision)."""


class ReadOnlyDatabaseError(StoreError):
    """The database (or its folder) cannot be written."""


class DatabaseBusyError(StoreError):
    """Another program kept the database locked for too long."""


class UnknownDocumentError(StoreError, LookupError):
    """No document with that id in the database."""

    def __init__(self, document_id: str) -> None:
        super().__init__(f"No document with id {document_id!r} in the database.")
        self.document_id = document_id
