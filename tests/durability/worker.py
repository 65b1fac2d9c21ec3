"""The store layer in a child process, for the multi-process tests (not a test module).

    python tests/durability/worker.py burst DB COUNT DOCS
        COUNT decisions, one apply() each, on documents d0..d{DOCS-1} (field n_total,
        value = the decision number); after each apply() returns, its number is written
        to stdout as one line: the acknowledgement the parent counts.
    python tests/durability/worker.py import DB COUNT PREFIX
        COUNT times: add one document PREFIX<i> and a suggestion for it; ack "i".
    python tests/durability/worker.py decide DB DOC VALUE CURATOR
        one decision on DOC's n_total; prints the ``before`` apply() returned (JSON).

Acknowledgements go straight to the pipe with os.write (no buffering in between).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from curator.core.model import CuratedValue, Extracted, NewDocument, Status
from curator.core.ports import SlotChange
from curator.store import SqlStore


def decision(document_id: str, number: int, curator: str) -> SlotChange:
    value = CuratedValue(
        document_id, "n_total", 0, Status.MANUAL, str(number), number, None, None, None,
        curator, datetime.now(UTC),
    )  # fmt: skip
    return SlotChange(document_id, "n_total", 0, None, value)


def ack(text: str) -> None:
    os.write(1, f"{text}\n".encode())


def burst(store: SqlStore, count: int, docs: int) -> None:
    for number in range(count):
        store.apply([decision(f"d{number % docs}", number, "burst")], "burst")
        ack(str(number))


def import_loop(store: SqlStore, count: int, prefix: str) -> None:
    for number in range(count):
        doc_id = f"{prefix}{number}"
        store.add_documents([NewDocument(doc_id, f"Imported {number}", "/x.txt", "n = 42")])
        store.add_suggestions(doc_id, [Extracted("n_total", 42, "42", 4, 6, "r", 0.9, 0)], "v1")
        ack(str(number))


def main(argv: list[str]) -> int:
    command, db = argv[0], Path(argv[1])
    with SqlStore.open(db, keep_backups=0) as store:
        if command == "burst":
            burst(store, int(argv[2]), int(argv[3]))
        elif command == "import":
            import_loop(store, int(argv[2]), argv[3])
        elif command == "decide":
            (applied,) = store.apply([decision(argv[2], int(argv[3]), argv[4])], argv[4])
            before = applied.before
            ack(json.dumps(None if before is None else [before.curator, before.value]))
        else:
            print(f"unknown command {command}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
