"""Another program holding the write lock: the store waits and retries, never "locked".

SQLite's busy_timeout waits BUSY_TIMEOUT_MS per attempt; the store begins a write again
until LOCK_WAIT_S has passed. The tests shrink the per-attempt timeout and learn that an
attempt failed from the store's log, so nothing here depends on timing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import TYPE_CHECKING, Any

import pytest

from curator.core.review import accept_all
from curator.store import DatabaseBusyError, SqlStore
from curator.store import sqlite as store_sqlite

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.ports import SlotChange

WAIT_S = 60  # generous: only reached if the behaviour is broken


class RetrySeen(logging.Handler):
    """Sets ``event`` once the store reports it is waiting for the write lock again."""

    def __init__(self, event: threading.Event) -> None:
        super().__init__(logging.INFO)
        self.event = event

    def emit(self, record: logging.LogRecord) -> None:
        if "waiting for the write lock (attempt 2)" in record.getMessage():
            self.event.set()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT_MS", 20)


@pytest.fixture
def lock_holder(db_path: Path) -> Any:
    """Another program's connection; ``lock_holder.execute("BEGIN IMMEDIATE")`` to write."""
    holder = sqlite3.connect(db_path, check_same_thread=False)
    holder.isolation_level = None
    yield holder
    if holder.in_transaction:
        holder.rollback()
    holder.close()


def changes(store: SqlStore, form_of: Any) -> list[SlotChange]:
    return accept_all(form_of(store), 0.0, "ann")


@pytest.mark.usefixtures("short_busy_timeout")
def test_write_waits_past_the_busy_timeout_for_the_lock(
    filled: SqlStore, form_of: Any, db_path: Path, lock_holder: Any
) -> None:
    wanted = changes(filled, form_of)
    progressed = threading.Event()
    handler = RetrySeen(progressed)
    logger = logging.getLogger("curator.store")
    old_level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    outcome: list[object] = []

    def write() -> None:
        try:
            outcome.append(store.apply(wanted, "ann"))
        except Exception as error:  # reported below
            outcome.append(error)
        progressed.set()

    store = SqlStore.open(db_path, keep_backups=0)  # new connections: the short timeout
    writer = threading.Thread(target=write)
    try:
        lock_holder.execute("BEGIN IMMEDIATE")  # the other program starts a long write
        writer.start()
        assert progressed.wait(WAIT_S)
        assert outcome == []  # still waiting: the first attempts failed, it did not give up
        assert len(store.list_documents()) == 2  # reads go on meanwhile (WAL)
        lock_holder.rollback()  # the other program's write ends
        writer.join(WAIT_S)
        assert not writer.is_alive()
        assert outcome == [wanted]
        assert len(store.curated("d1")) == 5
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        writer.join(WAIT_S)
        store.close()


@pytest.mark.usefixtures("short_busy_timeout")
def test_gives_up_with_a_message_after_the_deadline(
    filled: SqlStore, form_of: Any, db_path: Path, monkeypatch: pytest.MonkeyPatch, lock_holder: Any
) -> None:
    monkeypatch.setattr(store_sqlite, "LOCK_WAIT_S", 0.0)
    wanted = changes(filled, form_of)
    lock_holder.execute("BEGIN IMMEDIATE")
    with SqlStore.open(db_path, keep_backups=0) as store:  # opening needs no write lock
        with pytest.raises(DatabaseBusyError, match="locked by another program") as caught:
            store.apply(wanted, "ann")
        assert caught.value.path == db_path
        assert store.curated("d1") == []
