"""``python -m curator.extract PATH... --jsonl|--explain [--rules FILE]``."""

from __future__ import annotations

import argparse
import sys

from curator.extract.command import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="curator extract", description=__doc__)
    parser.add_argument("paths", nargs="+", help=".txt files or folders of them")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--jsonl", action="store_true", help="one JSON object per document")
    mode.add_argument("--explain", action="store_true", help="human-readable, with rules")
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="an extra rules file (may be given several times)",
    )
    args = parser.parse_args(argv)
    return run(
        args.paths,
        jsonl=args.jsonl or not args.explain,
        explain=args.explain,
        out=sys.stdout,
        rule_files=args.rules,
    )


if __name__ == "__main__":
    sys.exit(main())
