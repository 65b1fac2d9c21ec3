"""SIGKILL in the middle of a burst of decisions: nothing acknowledged is lost."""

from __future__ import annotations

import random
import signal
import sqlite3
from typing import TYPE_CHECKING

from curator.store import SqlStore, list_backups

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from tests.durability.conftest import Child

PLANNED = 3000  # the child would go on long after the kill
DOCS = 50


def test_kill_during_decision_burst_loses_nothing_acknowledged(
    spawn: Callable[..., Child], documents_db: Path
) -> None:
    child = spawn("burst", str(documents_db), str(PLANNED), str(DOCS))
    kill_after = 1000 + random.Random(7).randrange(200)
    acknowledged: list[int] = []
    while len(acknowledged) < kill_after:
        line = child.read_line()
        assert line is not None, child.finish()[2]
        acknowledged.append(int(line))
    child.process.send_signal(signal.SIGKILL)
    rest, status, _ = child.finish()  # acks already in the pipe were acknowledged too
    acknowledged += [int(line) for line in rest]
    assert status == -signal.SIGKILL
    count = len(acknowledged)
    assert acknowledged == list(range(count))
    assert kill_after <= count < PLANNED  # killed in the middle of the burst

    with sqlite3.connect(documents_db) as raw:  # recovery of the WAL, then a full check
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()
    with SqlStore.open(documents_db) as store:
        logged = [int(entry.new_value or "") for entry in store.history()]
        # one history row per decision, in order; at most the one in flight at the kill
        # (committed, not yet acknowledged) comes on top
        assert logged in (list(range(count)), list(range(count + 1)))
        for doc in range(DOCS):
            (value,) = store.curated(f"d{doc}")
            assert value.normalized == max(n for n in range(len(logged)) if n % DOCS == doc)
    (backup,) = list_backups(documents_db, "auto")  # made on reopening, from the recovered WAL
    with sqlite3.connect(backup) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        (rows,) = raw.execute("SELECT count(*) FROM history WHERE kind = 'decision'").fetchone()
    raw.close()
    assert rows == len(logged)
