"""Reliability of the extractor's confidence on the annotated dev set (pico-dev).

usage: python tests/benchmarks/calibration.py [PICO_DIR] [--rules]

For n_total (the value must equal gold n_total; documents without gold n_total are
skipped) and the span fields intervention, condition and age (a suggestion is right when
it overlaps a gold span of the field), prints confidence bin -> observed precision, and
with --rules the precision of every rule. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from curator.extract import Extractor, load_extractor  # noqa: E402

DEFAULT_DIR = REPO.parent / "shared" / "corpus" / "pico-dev"
SPAN_FIELDS = ("intervention", "condition", "age")
BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0001)

Judged = list[tuple[str, str, float, bool]]  # field, rule, confidence, right


def judge(ex: Extractor, folder: Path) -> Judged:
    """Every scored suggestion on the dev set, with whether it is right."""
    out: Judged = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        path = folder / "docs" / f"{gold['document']}.txt"
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        for e in ex.extract(text):
            if e.field == "n_total" and gold.get("n_total") is not None:
                out.append((e.field, e.rule, e.confidence, e.value == gold["n_total"]))
            elif e.field in SPAN_FIELDS:
                spans = gold["spans"].get(e.field, [])
                hit = any(max(e.start, s) < min(e.end, t) for s, t, *_ in spans)
                out.append((e.field, e.rule, e.confidence, hit))
    return out


def table(judged: Judged) -> str:
    lines = [
        f"{'confidence':<12}" + "".join(f"{f:>16}" for f in (*("n_total",), *SPAN_FIELDS, "all"))
    ]
    for lo, hi in pairwise(BINS):
        cells = []
        for name in ("n_total", *SPAN_FIELDS, "all"):
            rows = [r for r in judged if (name == "all" or r[0] == name) and lo <= r[2] < hi]
            right = sum(r[3] for r in rows)
            cells.append(f"{right / len(rows):.2f} ({len(rows):>4})" if rows else "       -")
        label = f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}"
        lines.append(f"{label:<12}" + "".join(f"{c:>16}" for c in cells))
    high = [r for r in judged if r[2] >= 0.9]
    if high:
        precision = sum(r[3] for r in high) / len(high)
        lines.append(f"confidence >= 0.9: precision {precision:.3f} over {len(high)} suggestions")
    return "\n".join(lines)


def rules_table(judged: Judged) -> str:
    stats: dict[tuple[str, str], list[float]] = defaultdict(list)
    for field, rule, conf, right in judged:
        stats[(field, rule)].append(float(right))
        stats[(field, rule + " @conf")].append(conf)
    lines = [f"{'field':<14}{'rule':<40}{'n':>6}{'precision':>11}{'mean conf':>11}"]
    for (field, rule), vals in sorted(stats.items()):
        if rule.endswith(" @conf"):
            continue
        conf = stats[(field, rule + " @conf")]
        lines.append(
            f"{field:<14}{rule:<40}{len(vals):>6}{sum(vals) / len(vals):>11.2f}"
            f"{sum(conf) / len(conf):>11.2f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--rules", action="store_true", help="also print precision per rule")
    args = parser.parse_args(argv)
    if not (args.folder / "gold.jsonl").is_file():
        print(f"calibration: no gold.jsonl in {args.folder}", file=sys.stderr)
        return 2
    judged = judge(load_extractor(), args.folder)
    print(table(judged))
    if args.rules:
        print()
        print(rules_table(judged))
    return 0


if __name__ == "__main__":
    sys.exit(main())
