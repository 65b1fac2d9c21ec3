"""Render the README's screenshots from a scripted review of the bundled seeds.

    .venv/bin/python docs/make_screenshots.py   # writes docs/screenshot*.png, docs/plot-*.png

A fresh database in a temporary folder: the seeds are imported and extracted (the real
extractor), decisions are made on every seed as a curator would (accept, correct,
reject), then ``curator --screenshot`` renders the window with a document open (and once
with the forest plot shown). ``curator plot`` draws the rule-quality and progress views of
the generated benchmark database (``tests/benchmarks/bench_insights.py``: 20,000
documents, 200,000 decisions over two months; built once, about a minute). Offscreen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.benchmarks

from curator.cli import main as cli
from curator.core import review
from curator.core.schema import load_default_schema
from curator.store import SqlStore
from tests.benchmarks.bench_insights import build_insight_db

DOCS = Path(__file__).resolve().parent
SEEDS = DOCS.parent / "seeds"


def scripted_review(store: SqlStore, doc_id: str) -> None:
    """Accept the hazard ratios and the design, correct one value, reject a stray one."""
    schema = load_default_schema()
    form = review.build_form(schema, doc_id, store.suggestions(doc_id), store.curated(doc_id))
    changes = []
    accepted = ("study_design", "setting", "evidence_level", "intervention")
    for slot in form.slots:
        suggestion = slot.suggestion
        if suggestion is None:
            continue
        confident_outcome = slot.spec.group == "outcomes" and suggestion.confidence >= 0.9
        if slot.spec.key in accepted or confident_outcome:
            changes.append(review.accept(slot, doc_id, "ana"))
        elif slot.spec.key == "condition" and suggestion.confidence < 0.5:
            changes.append(review.reject(slot, doc_id, "ana"))
        elif slot.spec.key == "n_total":
            changes.append(review.correct(slot, doc_id, "53", "ana"))
    store.apply(changes, "ana")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "readme.sqlite"
        if cli(["import", str(SEEDS), "--db", str(db)]) != 0:
            return 1
        with SqlStore.open(db) as store:
            documents = store.list_documents()
            for info in documents:
                scripted_review(store, info.id)
            rasmussen = next(i.id for i in documents if "Rasmussen" in i.title)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CURATOR_NAME="ana")
        shots = (("screenshot.png", []), ("screenshot-forest.png", ["--view", "forest"]))
        for name, extra in shots:
            subprocess.run(
                [sys.executable, "-m", "curator", "--db", str(db), "--document", rasmussen,
                 *extra, "--screenshot", str(DOCS / name)],
                check=True, env=env,
            )  # fmt: skip
            print(DOCS / name)
        bench = build_insight_db(Path(tempfile.gettempdir()) / "curator-readme-bench.sqlite")
        for kind in ("rules", "progress"):
            subprocess.run(
                [sys.executable, "-m", "curator", "plot", "--db", str(bench), "--kind", kind,
                 "--size", "1100x600", "--out", str(DOCS / f"plot-{kind}.png")],
                check=True, env=env,
            )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
