"""Insight views benchmark: refreshing each view on 20,000 documents / 200,000 decisions.

Run: ``.venv/bin/python tests/benchmarks/bench_plots.py [--db PATH] [--repeat N]``
(offscreen; prints numbers, asserts nothing; not collected by pytest). The database is
``bench_insights.build_insight_db`` (built once, about a minute, then reused).

For each view: ``fetch`` (the store read; the app runs it on a worker thread), and
``show_data`` + one paint (the GUI thread: the existing items get the new data). A
refresh is both; the target is under 200 ms. Also: the first build of each view (once
per session, includes importing pyqtgraph for the first one).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from bench_insights import DEFAULT_DB, build_insight_db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="benchmark database (built if missing)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    default = Path(str(DEFAULT_DB).format(documents=20_000, decisions=200_000))
    db = Path(args.db) if args.db else default
    started = time.perf_counter()
    build_insight_db(db)
    print(f"database {db} ready in {time.perf_counter() - started:.1f} s")

    from PySide6.QtWidgets import QApplication

    from curator.app import configure_plots
    from curator.store import SqlStore

    app = QApplication.instance() or QApplication([])
    store = SqlStore.open(db, keep_backups=0)
    started = time.perf_counter()
    configure_plots()
    from curator.qt.plots.insight_docks import VIEWS, panel_class

    print(f"import pyqtgraph + configure: {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"{'view':<10}{'build':>9}{'fetch':>9}{'show+paint':>12}{'refresh':>10}  (ms, median)")
    for kind in VIEWS:
        started = time.perf_counter()
        panel = panel_class(kind)()
        panel.resize(1400, 700)
        panel.show()
        app.processEvents()
        build = (time.perf_counter() - started) * 1000
        fetches, shows = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            data = panel.fetch(store)
            fetches.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            panel.show_data(data)
            panel.repaint()  # a synchronous paint of the widget and its graphics
            app.processEvents()
            shows.append((time.perf_counter() - started) * 1000)
        fetch, show = statistics.median(fetches), statistics.median(shows)
        print(f"{kind:<10}{build:>9.0f}{fetch:>9.0f}{show:>12.0f}{fetch + show:>10.0f}"
              f"   (min fetch {min(fetches):.0f}, min show {min(shows):.0f})")  # fmt: skip
        panel.close()
    store.close()


if __name__ == "__main__":
    main()
