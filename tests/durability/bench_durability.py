"""Durability benchmark: decisions/s with synchronous FULL vs NORMAL; checks and backups
of a 20,000-document database.

Run: ``.venv/bin/python tests/durability/bench_durability.py [--db PATH] [--dir DIR]``
(``--db``: an existing big database to time, e.g. one left by bench_store.py --db;
``--dir``: where to write, default a temporary folder on the disk under /tmp).
Prints numbers; asserts nothing. (Not collected by pytest: no ``test_`` prefix.)
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere

from sqlalchemy import event

from curator.core.model import NewDocument
from curator.store import SqlStore, backup_database, restore_backup
from tests.durability.worker import decision

DECISIONS = 500


def decisions_per_second(folder: Path, synchronous: str) -> float:
    path = folder / f"decisions-{synchronous}.sqlite"
    with SqlStore.open(path, keep_backups=0) as store:
        store.add_documents(NewDocument(f"d{i}", "t", "/x", "n") for i in range(50))
        if synchronous != "FULL":

            @event.listens_for(store._engine, "connect")
            def _relax(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.execute(f"PRAGMA synchronous = {synchronous}")

            store._engine.dispose()  # new connections get the setting
        start = time.perf_counter()
        for number in range(DECISIONS):
            store.apply([decision(f"d{number % 50}", number, "bench")], "bench")
        return DECISIONS / (time.perf_counter() - start)


def big_database(path: Path, count: int) -> None:
    rng = random.Random(1)
    words = ["aspirin", "placebo", "stroke", "randomized", "trial", "adults", "women", "outcome"]
    with SqlStore.open(path, keep_backups=0) as store:
        store.add_documents(
            NewDocument(
                f"{i:064x}", f"Trial {i}", f"/d/{i}.txt", " ".join(rng.choices(words, k=400))
            )
            for i in range(count)
        )


def timed(label: str, call: Any) -> Any:
    start = time.perf_counter()
    result = call()
    print(f"{label} (s): {time.perf_counter() - start:.2f}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--docs", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir or "/tmp") as scratch:
        folder = Path(scratch)
        for mode in ("FULL", "NORMAL"):
            rate = decisions_per_second(folder, mode)
            print(f"decisions/s, one apply() each, synchronous={mode}: {rate:.0f}")
        path = args.db or folder / "big.sqlite"
        if args.db is None:
            timed(f"build {args.docs} documents", lambda: big_database(path, args.docs))
        print(f"database size (MB): {path.stat().st_size / 1e6:.1f}")
        connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        for check in ("quick_check", "integrity_check"):
            timed(f"PRAGMA {check}", lambda c=check: connection.execute(f"PRAGMA {c}").fetchall())
        connection.close()
        timed("first open (check + automatic backup)", lambda: SqlStore.open(path).close())
        timed("open, unchanged since the last backup", lambda: SqlStore.open(path).close())
        with SqlStore.open(path) as store:
            store.add_documents([NewDocument("changed", "t", "/x", "n")])
        timed("open after a change (check + automatic backup)", lambda: SqlStore.open(path).close())
        with SqlStore.open(path) as store:
            copy = timed("SqlStore.backup_to", lambda: store.backup_to(folder / "copy.sqlite"))
        timed(
            "backup_database (curator backup)", lambda: backup_database(path, folder / "b.sqlite")
        )
        timed("restore_backup (integrity_check + copy)", lambda: restore_backup(copy, path))


if __name__ == "__main__":
    main()
