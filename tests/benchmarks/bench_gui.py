"""GUI benchmark on a 20,000-document database: prints numbers, asserts nothing.

Run: ``.venv/bin/python tests/benchmarks/bench_gui.py [--docs N] [--db PATH]``
(offscreen; not collected by pytest). Measures:

- start to first paint: a fresh ``python -m curator`` process until the main window's
  first paint event (wall time from before the process is spawned);
- document switch: open a document, then paint (median);
- review key: the "A" key on the form -> decision committed -> form repainted (median);
- list filter: status filter and full-text search over the whole list (median).

The database is built once from the seeds (their real suggestions, copied onto 20,000
documents whose text starts with a seed) and reused when ``--db`` names an existing file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.store import SqlStore

FIRST_PAINT = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QEvent, QObject, QTimer
    import curator.qt.main_window as mw

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and isinstance(watched, mw.MainWindow):
                print(f"PAINTED {time.time():.6f}", flush=True)
                self.deleteLater()
            return False

    def opened(window):
        print(f"OPENED {time.time():.6f}", flush=True)
        QTimer.singleShot(0, window.close)

    original = mw.MainWindow.show
    def show(self):
        self._bench_filter = FirstPaint(self)
        self.installEventFilter(self._bench_filter)
        self.document_opened.connect(lambda _id: opened(self))
        original(self)
    mw.MainWindow.show = show
    from curator.app import main
    main(["--db", sys.argv[1]])
    """
)


def median_ms(samples: list[float], cpu: list[float] | None = None) -> str:
    text = (
        f"median {statistics.median(samples) * 1000:7.2f} ms   "
        f"p90 {sorted(samples)[int(len(samples) * 0.9)] * 1000:7.2f} ms"
    )
    if cpu:  # CPU time of this process: what other load on the machine does not inflate
        text += f"   cpu median {statistics.median(cpu) * 1000:6.2f} ms"
    return f"{text}   (n={len(samples)})"


CPU: list[float] = []  # process CPU time of the last timed() run


def build_database(path: Path, count: int) -> None:
    from curator.core.model import NewDocument
    from curator.core.review import place
    from curator.core.schema import load_default_schema
    from curator.extract import load_extractor
    from curator.store import SqlStore

    schema, extractor = load_default_schema(), load_extractor()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    found = [place(schema, [], extractor.extract(text)) for text in seeds]
    start = time.perf_counter()
    with SqlStore.open(path) as store:
        docs = []
        for i in range(count):
            text = f"{seeds[i % len(seeds)]}\n\nCopy {i} for the benchmark."
            title = f"{seeds[i % len(seeds)].splitlines()[0][:60]} #{i}"
            docs.append(NewDocument(f"bench{i:059d}", title, f"/bench/{i}.txt", text))
        for batch in range(0, count, 1000):
            store.add_documents(docs[batch : batch + 1000])
        for i, doc in enumerate(docs):
            store.add_suggestions(doc.id, found[i % len(seeds)], extractor.version)
    print(f"built {count} documents in {time.perf_counter() - start:.1f} s: {path}")


def first_paint(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """(start -> first paint, start -> first document shown), wall seconds per run."""
    env = dict(os.environ, CURATOR_NAME="bench", XDG_CONFIG_HOME=tempfile.mkdtemp())
    samples, documents = [], []
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-c", FIRST_PAINT, str(db)],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        seen = {line.split()[0]: float(line.split()[1]) for line in out.stdout.splitlines()}
        if "PAINTED" not in seen or "OPENED" not in seen:
            print("first paint: not seen", out.stderr[-500:])
            continue
        samples.append(seen["PAINTED"] - started)
        documents.append(seen["OPENED"] - started)
    return samples, documents


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    CPU.clear()
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        samples.append(time.perf_counter() - start)
        CPU.append(time.process_time() - cpu)
    return samples


def in_process(store: SqlStore) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from curator.core.model import DocStatus
    from curator.core.schema import load_default_schema
    from curator.extract import load_extractor
    from curator.qt.main_window import MainWindow
    from curator.qt.startup import load_style
    from curator.qt.task_runner import TaskRunner

    app = QApplication.instance() or QApplication([])
    load_style(app)  # type: ignore[arg-type]
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    runner = TaskRunner()
    try:
        source = load_extractor()
    except Exception as exc:  # the extractor is optional for these numbers
        print(f"(extractor not loaded: {exc}; tooltips use no descriptions)")
        source = None
    window = MainWindow(store, load_default_schema(), source, runner, settings, "bench")
    window.resize(1440, 880)
    window.show()
    window.activateWindow()
    app.processEvents()
    ids = [info.id for info in store.list_documents()[:400:4]]

    def switch(doc_id: str) -> Callable[[], None]:
        def run() -> None:
            window.open_document(doc_id)
            app.processEvents()

        return run

    switches, cpu = [], []
    for doc_id in ids:
        switches += timed(switch(doc_id), 1)
        cpu += CPU
    print(f"document switch (open + paint):      {median_ms(switches, cpu)}")

    decisions: list[float] = []
    decisions_cpu: list[float] = []
    for doc_id in ids[:40]:
        window.open_document(doc_id)
        window.form.focus_current()
        app.processEvents()
        for _ in range(3):
            table = window.form.current_table()
            if table is None or not window.review.form.open_count:
                break
            start, cpu_start = time.perf_counter(), time.process_time()
            QTest.keyClick(table, Qt.Key.Key_A)
            app.processEvents()
            decisions.append(time.perf_counter() - start)
            decisions_cpu.append(time.process_time() - cpu_start)
    print(f"review key A -> stored + repainted:  {median_ms(decisions, decisions_cpu)}")
    undo = timed(lambda: (window.action("edit.undo").trigger(), app.processEvents()), 30)
    print(f"undo (same or other document):      {median_ms(undo, CPU)}")

    combo = window.documents.status_filter
    statuses = timed(lambda: [combo.setCurrentIndex(i) for i in (1, 0)], 10)
    print(f"status filter new -> all (2 loads):  {median_ms(statuses, CPU)}")
    search = window.documents.search

    def query(term: str) -> Callable[[], None]:
        def run() -> None:
            search.setText(term)
            window.documents.reload()
            app.processEvents()

        return run

    for term in ("azathioprine", "rasmussen syndrome", "copy 1234", "immunoglobulin"):
        samples = timed(query(term), 10)
        print(f"search {term!r:22}           {median_ms(samples, CPU)}")
    print(f"rows listed unfiltered: {len(store.list_documents())}, "
          f"done: {len(store.list_documents(DocStatus.DONE))}")  # fmt: skip
    window.close()
    runner.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bench_gui.sqlite")
    parser.add_argument("--paint-runs", type=int, default=5)
    args = parser.parse_args()
    if not args.db.exists():
        build_database(args.db, args.docs)
    samples, documents = first_paint(args.db, args.paint_runs)
    if samples:
        print(f"start to first paint (process):      {median_ms(samples)}")
        print(f"start to first document shown:       {median_ms(documents)}")
    from curator.store import SqlStore

    with SqlStore.open(args.db) as store:
        in_process(store)


if __name__ == "__main__":
    main()
