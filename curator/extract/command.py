"""``curator extract PATH... --jsonl | --explain``: run the extractor over text files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from curator.extract import Extractor, RuleFileError, load_extractor

if TYPE_CHECKING:
    from curator.core.model import Extracted

CONTEXT = 40


def collect(paths: list[str]) -> list[Path]:
    """The .txt files named or contained (recursively, sorted) in ``paths``."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(raw)
    return files


def record(document: str, found: list[Extracted]) -> dict[str, object]:
    fields: list[dict[str, object]] = []
    for e in found:
        item: dict[str, object] = {
            "field": e.field,
            "value": e.value,
            "text": e.text,
            "start": e.start,
            "end": e.end,
            "rule": e.rule,
            "confidence": e.confidence,
        }
        if e.row is not None:
            item["row"] = e.row
        fields.append(item)
    return {"document": document, "fields": fields}


def explain(ex: Extractor, document: str, text: str, found: list[Extracted], out: TextIO) -> None:
    out.write(f"== {document} ({len(found)} suggestions, extractor {ex.version})\n")
    for e in sorted(found, key=lambda e: (e.field.split(".")[0], e.row or 0, e.start)):
        row = f"[{e.row}]" if e.row is not None else ""
        left = text[max(0, e.start - CONTEXT) : e.start].replace("\n", " ")
        right = text[e.end : e.end + CONTEXT].replace("\n", " ")
        span = e.text.replace("\n", " ")
        out.write(f"  {e.field}{row} = {e.value!r}  ({e.confidence:.2f}, {e.rule})\n")
        out.write(f"      {ex.describe(e.rule)}\n")
        out.write(f"      …{left}[[{span}]]{right}… @{e.start}-{e.end}\n")


def run(
    paths: list[str],
    *,
    jsonl: bool,
    explain: bool,
    out: TextIO,
    rule_files: list[str] | tuple[str, ...] = (),
) -> int:
    """Extract from every file; 0 on success, 2 with one line on stderr on bad input."""
    try:
        files = collect(list(paths))
    except FileNotFoundError as exc:
        print(f"curator extract: no such file or folder: {exc.args[0]}", file=sys.stderr)
        return 2
    try:
        ex = load_extractor(rule_files)
    except RuleFileError as exc:
        print(f"curator extract: bad rules file: {exc}", file=sys.stderr)
        return 2
    for path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            print(f"curator extract: cannot read {path}: {exc.strerror}", file=sys.stderr)
            return 2
        found = ex.extract(text)
        if explain and not jsonl:
            globals()["explain"](ex, path.stem, text, found, out)
        else:
            out.write(json.dumps(record(path.stem, found), ensure_ascii=False) + "\n")
    return 0
