"""Store benchmark: a 20,000-document database, then median timings of the hot calls.

Run: ``.venv/bin/python tests/benchmarks/bench_store.py [--docs N] [--db PATH]``.
Prints numbers; asserts nothing. (Not collected by pytest: no ``test_`` prefix.)
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run from anywhere

from curator.core.model import DocStatus, Extracted, NewDocument
from curator.core.review import accept_all, build_form, inverse, place
from curator.core.schema import load_default_schema
from curator.store import SqlStore

if TYPE_CHECKING:
    from collections.abc import Callable

WORDS = [
    "aspirin",
    "placebo",
    "stroke",
    "randomized",
    "trial",
    "adults",
    "women",
    "hypertension",
    "metoprolol",
    "outcome",
    "mortality",
    "cohort",
    "follow-up",
    "months",
    "dose",
    "oral",
    "daily",
    "adverse",
    "events",
    "bleeding",
    "confidence",
    "interval",
    "ratio",
    "primary",
    "secondary",
    "endpoint",
    "blinded",
    "multicentre",
    "analysis",
]


def median_ms(call: Callable[[], object], repeat: int = 21) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def documents(count: int, rng: random.Random) -> list[NewDocument]:
    docs = []
    for i in range(count):
        title = " ".join(rng.choices(WORDS, k=6)).capitalize() + f" {i}"
        text = " ".join(rng.choices(WORDS, k=400)) + f" uniqueterm{i}"
        docs.append(NewDocument(f"{i:064x}", title, f"/docs/{i}.txt", text))
    return docs


def extracted(rng: random.Random) -> list[Extracted]:
    return [
        Extracted("n_total", rng.randint(20, 2000), "120", 10, 13, "n.total", 0.9),
        Extracted("n_female", rng.randint(5, 900), "64", 20, 22, "n.female", 0.6),
        Extracted("follow_up_months", 12.0, "12 months", 30, 39, "fu", 0.8),
        Extracted("intervention", "aspirin", "aspirin", 0, 7, "drug", 0.95),
        Extracted("intervention", "metoprolol", "metoprolol", 40, 50, "drug", 0.95),
        Extracted("comparator", "placebo", "placebo", 50, 57, "cmp", 0.7),
        Extracted("outcomes.outcome", "mortality", "mortality", 60, 69, "o", 0.7, row=0),
        Extracted("outcomes.value", 0.8, "0.8", 70, 73, "o.v", 0.7, row=0),
        Extracted("outcomes.ci_low", 0.6, "0.6", 74, 77, "o.l", 0.7, row=0),
        Extracted("outcomes.ci_high", 1.1, "1.1", 78, 81, "o.h", 0.7, row=0),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    schema = load_default_schema()
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "bench.sqlite"
        store = SqlStore.open(path)
        docs = documents(args.docs, rng)
        start = time.perf_counter()
        store.add_documents(docs)
        print(f"add_documents {args.docs} docs (s): {time.perf_counter() - start:.2f}")
        start = time.perf_counter()
        for doc in docs:
            store.add_suggestions(doc.id, place(schema, [], extracted(rng)), "bench-1")
        elapsed = time.perf_counter() - start
        print(f"add_suggestions per document (ms): {elapsed / len(docs) * 1000:.2f}")
        for doc in docs[: len(docs) // 4]:  # a quarter of the documents have decisions
            form = build_form(schema, doc.id, store.suggestions(doc.id), store.curated(doc.id))
            store.apply(accept_all(form, 0.85, "bench"), "bench")
        for doc in docs[: len(docs) // 10]:
            store.set_document_status(doc.id, DocStatus.DONE, "bench")
        print(f"database size (MB): {path.stat().st_size / 1e6:.1f}")

        print(f"list_documents() (ms): {median_ms(store.list_documents):.1f}")
        ms = median_ms(lambda: store.list_documents(DocStatus.IN_PROGRESS))
        print(f"list_documents(status) (ms): {ms:.1f}")
        for query in ("uniqueterm123", "aspirin", "aspirin placebo strok", "mort"):
            ms = median_ms(lambda q=query: store.list_documents(query=q))
            print(f"list_documents(query={query!r}) (ms): {ms:.1f}")
        print(f"progress() (ms): {median_ms(store.progress):.2f}")
        target = docs[-1].id
        ms = median_ms(
            lambda: (store.document(target), store.suggestions(target), store.curated(target))
        )
        print(f"open one document (document+suggestions+curated) (ms): {ms:.2f}")

        def bulk_accept_and_undo() -> None:
            form = build_form(schema, target, store.suggestions(target), store.curated(target))
            applied = store.apply(accept_all(form, 0.0, "bench"), "bench")
            store.apply([inverse(c) for c in applied], "bench", kind="undo")

        print(f"apply bulk accept + undo, 10 slots (ms): {median_ms(bulk_accept_and_undo):.2f}")
        start = time.perf_counter()
        count = sum(1 for _ in store.all_suggestions())
        print(f"all_suggestions {count} (s): {time.perf_counter() - start:.2f}")
        store.close()


if __name__ == "__main__":
    main()
