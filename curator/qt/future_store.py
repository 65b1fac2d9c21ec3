"""FutureStore: the store while it is still opening in another thread.

The window keeps a reference and paints; the first real call waits for the open to
finish (app.py resolves it right after the first paint, reporting errors there).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future

    from curator.core.ports import EvidenceStore


def open_store(db: str | None) -> EvidenceStore:
    """Open the database (``--db``, else $CURATOR_DB, else the user data dir)."""
    from curator.store import SqlStore, default_database_path

    return SqlStore.open(db or default_database_path())


class FutureStore:
    def __init__(self, opening: Future[EvidenceStore]) -> None:
        self._opening = opening

    def resolve(self) -> EvidenceStore:
        """The open store; raises what opening raised (a StoreError)."""
        return self._opening.result()

    def resolve_or_report(self) -> EvidenceStore | None:
        """The open store, or None after printing why it cannot be used."""
        from curator.store import StoreError

        try:
            return self.resolve()
        except StoreError as exc:
            print(f"curator: {exc}", file=sys.stderr)
            return None

    def close(self) -> None:
        if self._opening.done() and self._opening.exception() is None:
            self._opening.result().close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._opening.result(), name)
