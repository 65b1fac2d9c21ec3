"""Extractor speed and calibration; prints numbers, asserts nothing (not collected by pytest).

usage: python tests/benchmarks/bench_extract.py [DIR] [--repeat N] [--no-calibration] [--profile]
                                                [--phases]

- abstracts/second on one core (CPU time of this process) over DIR (default:
  ../shared/corpus/pico-dev/docs), best of N passes after a warm-up;
- the ratio to a plain single-regex pass (one compiled ``\\w+`` scan) over the same texts
  (the steadier number when other processes share the machine);
- the fixed cost per document: structure (sentences, title, conclusion), the one prefilter
  pass (trigger words, pattern prefixes and all lexicon keys) and the number anchors;
- time for a 1 MB document (the texts concatenated) and for two hostile 1 MB texts (one
  dense results sentence repeated; a defined participant short form and counts of it);
- the lexicon engine: pyahocorasick against one big case-insensitive regex alternation of
  the same drug names (the choice the extractor made);
- with ``--phases``: where the time of one extraction goes (the fixed work per document,
  scanning rules that found something, scanning rules that found nothing, hooks, the
  finish), which bounds what any gate in front of the rules could save;
- the reliability table (confidence bin -> observed precision) from calibration.py when the
  folder's gold.jsonl is available.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import regex  # noqa: E402

from curator.extract import load_extractor  # noqa: E402
from curator.extract.document import Document  # noqa: E402
from curator.extract.lexicon import load_lexicon  # noqa: E402
from curator.extract.numbers import number_anchors  # noqa: E402

if TYPE_CHECKING:
    from curator.extract.extractor import Extractor

DEFAULT_DIR = REPO.parent / "shared" / "corpus" / "pico-dev" / "docs"
#: A results sentence dense in counts, arms and percentages (the hostile 1 MB text repeats it).
DENSE = (
    "Of 1,200 patients randomized, 604 women (50.3%) received letrozole and 596 (49.7%) "
    "placebo; 120 patients vs 98 patients had grade 3 events, 45 of 604 and 30 of 596 "
    "discontinued (n = 40, n = 38). "
)

#: A defined participant short form and counts of it (the third hostile 1 MB text).
SHORT_FORMS = "Of 152 breast cancer survivors (BCS), 150 BCS were randomized and 2 BCS withdrew. "


def best_of(repeat: int, fn: object) -> float:
    """Best CPU time of ``repeat`` runs (process time: robust when the machine is shared)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def print_phases(ex: Extractor, texts: list[str], repeat: int) -> None:
    """Wall time per phase of ``Extractor.extract_strict`` over ``repeat`` passes (the
    phases are its own public steps, so this times the engine, not a copy of it)."""
    clock = time.perf_counter
    spent = dict.fromkeys(("fixed", "rules that found something", "rules that found nothing"), 0.0)
    spent |= {"participant short forms": 0.0, "hooks": 0.0, "finish": 0.0}
    evaluated = found = 0
    for _ in range(repeat):
        for text in texts:
            t0 = clock()
            ctx = ex.prepare(text)
            spent["fixed"] += clock() - t0
            present = ctx.occ.keys()
            for rule in ex.scanning_rules():
                t0 = clock()
                if rule.triggers and present.isdisjoint(rule.triggers):
                    spent["rules that found nothing"] += clock() - t0
                    continue
                added = ex.run_rule(rule, ctx)
                key = "rules that found something" if added else "rules that found nothing"
                spent[key] += clock() - t0
                evaluated += 1
                found += added > 0
            t0 = clock()
            ex.run_aliases(ctx)
            spent["participant short forms"] += clock() - t0
            t0 = clock()
            ex.run_hooks(ctx)
            t1 = clock()
            ex.finish(ctx)
            spent["hooks"] += t1 - t0
            spent["finish"] += clock() - t1
    total = sum(spent.values())
    runs = repeat * len(texts)
    print(f"phases (wall time, {repeat} passes; {evaluated / runs:.1f} rules evaluated per")
    print(f"document past their trigger check, {found / runs:.1f} of them found something):")
    for name, seconds in spent.items():
        print(f"  {name:28s} {seconds / runs * 1e6:6.0f} us  {100 * seconds / total:4.1f}%")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-calibration", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print the top functions too")
    parser.add_argument("--phases", action="store_true", help="time the phases of extract")
    args = parser.parse_args(argv)
    files = sorted(args.folder.rglob("*.txt"))
    if not files:
        print(f"bench_extract: no .txt files in {args.folder}", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    size = sum(len(t) for t in texts)
    start = time.perf_counter()
    ex = load_extractor()
    load_time = time.perf_counter() - start
    for t in texts[:20]:
        ex.extract(t)

    def run_all() -> None:
        for t in texts:
            ex.extract(t)

    word = re.compile(r"\w+")

    def regex_pass() -> None:
        for t in texts:
            for _ in word.finditer(t):
                pass

    t_ex = best_of(args.repeat, run_all)
    t_re = best_of(args.repeat, regex_pass)
    print(f"extractor {ex.version}: {len(ex.rules)} rules, loaded in {load_time * 1000:.0f} ms")
    print(f"corpus: {len(texts)} documents, {size / 1e6:.2f} M characters ({args.folder})")
    print(
        f"extract: {t_ex:.3f} s -> {len(texts) / t_ex:,.0f} documents/s "
        f"({size / t_ex / 1e6:.2f} M chars/s) on one core"
    )
    print(f"single-regex pass (\\w+): {t_re:.4f} s -> ratio extractor/regex = {t_ex / t_re:.0f}x")
    lowered = [t.lower() for t in texts]
    per_doc = 1e6 / len(texts)
    t_doc = best_of(args.repeat, lambda: [Document(t) for t in texts])
    t_scan = best_of(args.repeat, lambda: [ex._prefilter.scan(low) for low in lowered])
    occs = [ex._prefilter.scan(low)[0] for low in lowered]
    t_num = best_of(
        args.repeat, lambda: [number_anchors(*pair) for pair in zip(lowered, occs, strict=True)]
    )
    print(
        f"fixed per document: structure {t_doc * per_doc:.0f} us, prefilter pass "
        f"{t_scan * per_doc:.0f} us, number anchors {t_num * per_doc:.0f} us "
        f"(all of extract: {t_ex * per_doc:.0f} us)"
    )
    if args.phases:
        print_phases(ex, texts, args.repeat)
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(run_all)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)

    big = ""
    while len(big) < 1_000_000:
        big += "\n\n".join(texts)
    big = big[:1_000_000]
    t_big = best_of(max(1, args.repeat), lambda: ex.extract(big))
    print(f"1 MB document: {t_big:.2f} s")
    dense = DENSE * (1_000_000 // len(DENSE))
    t_dense = best_of(1, lambda: ex.extract(dense))
    print(f"hostile 1 MB document (one dense results sentence repeated): {t_dense:.2f} s")
    defined = SHORT_FORMS * (1_000_000 // len(SHORT_FORMS))
    t_defined = best_of(1, lambda: ex.extract(defined))
    print(f"hostile 1 MB document (a participant short form and its counts): {t_defined:.2f} s")

    drugs = load_lexicon("drugs")
    names = sorted({*drugs.terms}, key=len, reverse=True)
    alternation = regex.compile(
        r"(?<!\w)(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\w)", regex.I
    )
    t_ac = best_of(args.repeat, lambda: [drugs.find(t) for t in texts])
    t_alt = best_of(args.repeat, lambda: [alternation.findall(t) for t in texts])
    print(
        f"drug lexicon ({len(names)} names + synonyms in AC): pyahocorasick {t_ac:.3f} s, "
        f"regex alternation of names only {t_alt:.3f} s"
    )

    gold = args.folder.parent / "gold.jsonl"
    if not args.no_calibration and gold.is_file():
        from tests.benchmarks.calibration import judge, table

        print("\nreliability (pico-dev; n_total exact, span fields by overlap):")
        print(table(judge(ex, args.folder.parent)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
