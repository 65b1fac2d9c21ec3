"""Forest plot benchmark: prints numbers, asserts nothing.

Run: ``.venv/bin/python tests/benchmarks/bench_forest.py [--rows N] [--repeat K]``
(offscreen; not collected by pytest). Measures, on synthetic outcome rows (80% ratios,
15% paired proportions, 5% not drawable; a group per 10 documents, two rows a document):

- ``evidence()``: sorting the rows into what is drawn (the worker-thread half);
- ``show_data``: handing the arrays to the existing items (the GUI-thread half, median);
- ``show_data`` + paint: the same, then the panel painted into a pixmap (median).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from curator.core.insights import OutcomeRow, evidence  # noqa: E402

MEASURES = ("hazard ratio", "odds ratio", "risk ratio")


def synthetic_rows(count: int) -> list[OutcomeRow]:
    rows = []
    for i in range(count):
        document, row = divmod(i, 2)
        group = document // 10
        kind = i % 20
        cells = {"outcome": f"outcome {row} of study {document}", "p_value": "0.03"}
        if kind < 16:  # a ratio with its 95% CI
            value = 0.2 + (i % 37) / 10
            cells |= {"measure": MEASURES[i % 3], "value": f"{value:.3g}",
                      "ci_low": f"{value * 0.6:.3g}", "ci_high": f"{value * 1.5:.3g}"}  # fmt: skip
        elif kind < 19:  # a proportion and its comparator's
            cells |= {"measure": "proportion", "value": str(20 + i % 50),
                      "comparator_value": str(30 + i % 40)}  # fmt: skip
        else:  # not drawable: no CI
            cells |= {"measure": "odds ratio", "value": "1.4"}
        rows.append(
            OutcomeRow(
                f"doc-{document:06d}", f"A study of treatment {group} in cohort {document}",
                row, cells, (f"drug {group}",), (f"condition {group % 7}",),
            )
        )  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from curator.app import configure_plots

    app = QApplication.instance() or QApplication(["bench"])
    configure_plots()
    from curator.qt.plots.forest_panel import ForestPanel

    rows = synthetic_rows(args.rows)
    started = time.perf_counter()
    data = evidence(rows)
    sorted_ms = (time.perf_counter() - started) * 1000
    panel = ForestPanel()
    panel.resize(1000, 700)
    panel.show()
    app.processEvents()

    shows, painted = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        panel.show_data(data)
        shows.append((time.perf_counter() - started) * 1000)
        panel.grab()
        painted.append((time.perf_counter() - started) * 1000)
    print(f"{args.rows:,} outcome rows: {len(data.forest):,} forest, {len(data.paired):,} paired, "
          f"{len(data.not_drawn):,} not drawn")  # fmt: skip
    print(f"evidence():           {sorted_ms:7.1f} ms")
    print(f"show_data (median):   {statistics.median(shows):7.1f} ms  (min {min(shows):.1f})")
    print(f"show_data + paint:    {statistics.median(painted):7.1f} ms  (min {min(painted):.1f})")


if __name__ == "__main__":
    main()
