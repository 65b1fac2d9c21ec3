"""FutureStore: the store while it is still opening in another thread.

The window keeps a reference and paints; the first real call waits for the open to
finish (app.py resolves it right after the first paint, reporting errors there).
"""

from __future__ import annotations

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
        self._settled: EvidenceStore | None = None

    def resolve(self) -> EvidenceStore:
        """The open store; raises what opening raised (a StoreError)."""
        if self._settled is not None:
            return self._settled
        return self._opening.result()

    def settle(self, store: EvidenceStore) -> None:
        """Use ``store`` from now on (the curator chose another database after a refusal)."""
        self._settled = store

    def close(self) -> None:
        if self._settled is not None:
            self._settled.close()
        elif self._opening.done() and self._opening.exception() is None:
            self._opening.result().close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.resolve(), name)
