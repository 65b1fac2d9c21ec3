"""Errors the store raises: one line for the user, naming the file and what to do.

Every :class:`StoreError` carries ``path`` (the database or backup file concerned, None
when there is no file, e.g. a server URL), so the GUI can offer "open another / create
a new one / restore a backup" next to the message.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base class: ``str(error)`` is a one-line message that can be shown as is."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        super().__init__(" ".join(message.split()))
        self.path: Path | None = Path(path) if path is not None else None


class NotADatabaseError(StoreError):
    """The file exists but is not an Evidence Curator database."""


class CorruptDatabaseError(StoreError):
    """The file looks like SQLite but cannot be read, or fails SQLite's quick check."""


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app (unknown revision)."""


class ReadOnlyDatabaseError(StoreError):
    """The database (or its folder) cannot be written."""


class DatabaseBusyError(StoreError):
    """Another program kept the database locked for too long."""


class BackupError(StoreError):
    """A backup could not be written or restored (``path`` is the file concerned)."""


class UnknownDocumentError(StoreError, LookupError):
    """No document with that id in the database."""

    def __init__(self, document_id: str) -> None:
        super().__init__(f"No document with id {document_id!r} in the database.")
        self.document_id = document_id
