"""Derived rules (``kind = "derived"``): the code behind each ``hook`` name, plus the
final selection of single-valued fields and the numbering of repeated-group rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from curator.core.model import Extracted
from curator.extract.context import Context, Row
from curator.extract.document import SCANNED as DOCUMENT_SCANNED
from curator.extract.lexfields import condition, intervention, link_drug, route_from_lexicon
from curator.extract.population import population
from curator.extract.rules import Rule
from curator.extract.scan import finditer

if TYPE_CHECKING:
    from collections.abc import Collection

Hook = Callable[[Rule, Context], None]

_AE_CUE = regex.compile(
    r"\b(?:side[- ]effects?|adverse|toxicit|risks?\b|complications?|reported|occurr?|"
    r"discontinu|withdr[ae]w|stopped|warning|susceptib|caus|develop|experienc)",
    regex.I,
)
_SENTENCE_END = regex.compile(r"[.!?](?=\s|$)")


def implied(rule: Rule, ctx: Context) -> None:
    """Emit the rule's value when every 'when' field's best suggestion is one of its values.

    The result competes with direct matches on confidence; a ``fallback`` rule only
    speaks when nothing else suggested the field.
    """
    sources = []
    for key, allowed in rule.when.items():
        best = ctx.best(key)
        if best is None or str(best.value) not in allowed:
            return
        sources.append(best)
    if rule.value is None or not sources or (rule.fallback and ctx.best(rule.field) is not None):
        return
    src = min(sources, key=lambda e: e.confidence)
    conf = round(rule.confidence * src.confidence, 3)
    ctx.found.append(Extracted(rule.field, rule.value, src.text, src.start, src.end, rule.id, conf))


def title(rule: Rule, ctx: Context) -> None:
    if ctx.doc.title and not ctx.values("title"):
        s, e = ctx.doc.title
        value = " ".join(ctx.text[s:e].split())
        ctx.found.append(Extracted("title", value, ctx.text[s:e], s, e, rule.id, rule.confidence))


def conclusion_text(rule: Rule, ctx: Context) -> None:
    if ctx.doc.conclusion is None:
        return
    start, end = ctx.doc.conclusion
    direction = ctx.best("direction")
    pos = direction.start if direction and start <= direction.start < end else start
    s, e = ctx.doc.sentence(pos)
    s, e = max(s, start), min(e, end)
    m = _SENTENCE_END.search(ctx.text, s, e)
    e = m.end() if m else e
    while e > s and ctx.text[e - 1].isspace():
        e -= 1
    if e - s >= 20:
        value = " ".join(ctx.text[s:e].split())
        ctx.found.append(
            Extracted("conclusion_text", value, ctx.text[s:e], s, e, rule.id, rule.confidence)
        )


def ae_lexicon(rule: Rule, ctx: Context) -> None:
    """Adverse events named in sentences about harms (not negated ones)."""
    taken = [(r.start, r.end) for r in ctx.rows if r.group == "adverse_events"]
    seen: set[str] = set()
    for hit in ctx.hits.get("events", []):
        if hit.start >= ctx.doc.body_end or hit.term.name in seen:
            continue
        if any(s <= hit.start < e for s, e in taken):
            seen.add(hit.term.name)
            continue
        s_start, s_end = ctx.doc.sentence(hit.start)
        if not finditer(ctx, _AE_CUE, s_start, s_end, 1) or ctx.doc.negated(hit.start, 40):
            continue
        seen.add(hit.term.name)
        cell = Extracted(
            "adverse_events.event",
            hit.term.name,
            ctx.text[hit.start : hit.end],
            hit.start,
            hit.end,
            rule.id,
            rule.confidence,
        )
        ctx.rows.append(Row("adverse_events", hit.start, hit.end, rule.confidence, rule.id, [cell]))


def outcome_names(rule: Rule, ctx: Context) -> None:
    """Name the outcome of rows that lack one from the words just before their parenthesis."""
    if not rule.patterns:
        return
    lookback = rule.patterns[0]
    for row in ctx.rows:
        if row.group != "outcomes" or any(c.field == "outcomes.outcome" for c in row.cells):
            continue
        s_start, _ = ctx.doc.sentence(row.start)
        m = lookback.search(ctx.text, max(s_start, row.start - 80), row.start)
        if m is None or m.start("outcome") < 0:
            continue
        s, e = m.span("outcome")
        value = " ".join(ctx.text[s:e].split())
        cell = Extracted("outcomes.outcome", value, ctx.text[s:e], s, e, row.rule, row.confidence)
        row.cells.append(cell)
        row.start = min(row.start, s)


HOOKS: dict[str, Hook] = {
    "implied": implied,
    "title": title,
    "conclusion_text": conclusion_text,
    "ae_lexicon": ae_lexicon,
    "population": population,
    "intervention": intervention,
    "condition": condition,
    "route_from_lexicon": route_from_lexicon,
    "outcome_names": outcome_names,
    "link_drug": link_drug,
}
#: Per hook, the patterns (by index) it scans with ``scan.finditer``: the extractor
#: puts their literal prefixes into the prefilter.
PREFILTERED: dict[str, tuple[int, ...]] = {"condition": (0, 1, 5)}
#: Patterns of the engine and the hooks searched with ``scan.finditer`` (or ``Document.find``).
SCANNED = (*DOCUMENT_SCANNED, _AE_CUE)


def select(found: list[Extracted], several_keys: Collection[str]) -> list[Extracted]:
    """The best suggestion per single-valued field; one per distinct value for the fields
    that allow several (``several_keys``)."""
    best: dict[tuple[str, str], Extracted] = {}
    for e in found:
        several = e.field in several_keys
        key = (e.field, str(e.value).casefold() if several else "")
        old = best.get(key)
        if old is None or (e.confidence, -e.start) > (old.confidence, -old.start):
            best[key] = e
    return list(best.values())


def finish_rows(rows: list[Row]) -> list[Extracted]:
    """Drop rows overlapping a more confident row of the same group, and repeated rows;
    number the rest in text order (O(n log n): rows are compared with their neighbour)."""
    kept: list[Row] = []
    for row in sorted(rows, key=lambda r: (r.group, r.start, -r.confidence)):
        last = kept[-1] if kept else None
        if last is not None and last.group == row.group and row.start < last.end:
            if row.confidence > last.confidence:
                kept[-1] = row
            continue
        kept.append(row)
    seen: set[tuple[str, frozenset[tuple[str, object]]]] = set()
    unique = []
    for row in sorted(kept, key=lambda r: (-r.confidence, r.start)):
        key = (row.group, frozenset(row.values().items()))
        if key not in seen:
            seen.add(key)
            unique.append(row)
    kept = unique
    out: list[Extracted] = []
    counters: dict[str, int] = {}
    for row in sorted(kept, key=lambda r: (r.start, r.end)):
        index = counters.get(row.group, 0)
        counters[row.group] = index + 1
        for c in row.cells:
            out.append(
                Extracted(c.field, c.value, c.text, c.start, c.end, c.rule, c.confidence, index)
            )
    return out
