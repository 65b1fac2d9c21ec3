"""Writers in several threads and connections: no "database is locked", nothing lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from curator.core.model import NewDocument
from curator.core.review import accept_all, inverse
from curator.store import SqlStore

if TYPE_CHECKING:
    from pathlib import Path


def test_concurrent_writers_all_succeed(filled: SqlStore, form_of: Any, db_path: Path) -> None:
    changes = accept_all(form_of(filled), 0.0, "ann")
    rounds = 20

    def toggle(store: SqlStore) -> None:
        for _ in range(rounds):
            applied = store.apply(changes, "ann")
            store.apply([inverse(change) for change in applied], "ann", kind="undo")

    def import_documents(store: SqlStore, prefix: str) -> None:
        for i in range(rounds):
            store.add_documents([NewDocument(f"{prefix}{i}", "t", "/x", "text")])
            store.add_suggestions(f"{prefix}{i}", [], "v1")

    with SqlStore.open(db_path) as other, ThreadPoolExecutor(4) as pool:
        futures = [
            pool.submit(toggle, filled),
            pool.submit(toggle, other),
            pool.submit(import_documents, filled, "x"),
            pool.submit(import_documents, other, "y"),
        ]
        for future in futures:
            future.result()
    assert len(filled.list_documents()) == 2 + 2 * rounds
    assert len(filled.history("d1")) <= 2 * 2 * rounds * len(changes)
    # every apply is one transaction over all five slots: never half accepted
    assert {d.id: d.open_suggestions for d in filled.list_documents()}["d1"] in (0, 5)
    assert len(filled.curated("d1")) in (0, 5)
