"""Read documents from files and folders (Qt-free, no database).

>>> from curator.ingest import read_paths
>>> outcomes = list(read_paths(["seeds/"]))        # doctest: +SKIP
>>> [o.document.id for o in outcomes if o.ok]     # doctest: +SKIP

Each file gives one :class:`ReadOutcome`: a :class:`~curator.core.model.NewDocument`
or a :class:`ReadFailure` with a detail. Whether a read document is new or a duplicate
is decided with the store by :func:`curator.core.jobs.import_documents`.
"""

from __future__ import annotations

from curator.ingest.reader import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    PendingReads,
    ReadFailure,
    ReadOutcome,
    document_id,
    iter_files,
    read_file,
    read_paths,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "PendingReads",
    "ReadFailure",
    "ReadOutcome",
    "document_id",
    "iter_files",
    "read_file",
    "read_paths",
]
