"""Hooks for the lexicon-backed fields: intervention, comparator, condition, route.

A drug mention's role comes from its neighbourhood: after "versus"/"compared with" it is
the comparator, after "patients receiving" it describes the population, inside an
"add-on to"/"combined with" phrase it is background therapy; otherwise it is a candidate
intervention. The title names the intervention of almost every trial report, so title
mentions weigh most; without a title, the most frequent body mentions are used.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING

import regex

from curator.core.model import Extracted
from curator.extract.condition import condition as condition

if TYPE_CHECKING:
    from curator.extract.context import Context
    from curator.extract.lexicon import Hit
    from curator.extract.rules import Rule

_COMPARATOR = regex.compile(
    r"(?:\bversus|\bvs\.?|\bv\.|compared (?:with|to)|comparison (?:with|to)|\bthan|\binstead of"
    r"|\bor)\s{1,3}(?:(?:the|a|an|either|standard|conventional|oral|intravenous|[\w-]{1,12}"
    r"(?:ed|ing))\s{1,3}){0,2}$",
    regex.I | regex.REVERSE,  # anchored at the end: searched from there (same verdict, faster)
)
_POPULATION = regex.compile(
    r"\b(?:patients|women|men|children|subjects|survivors|participants|cancer|disease|tumou?rs?)"
    r"\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}?(?:receiving|treated\s{1,3}with|on|undergoing|"
    r"after|following|pretreated\s{1,3}with|resistant\s{1,3}to|refractory\s{1,3}to|"
    r"exposed\s{1,3}to|failing|progressing\s{1,3}on|taking|using)\s{1,3}"
    r"(?:(?:an?|the|adjuvant|neoadjuvant|prior|previous|standard|first-line|[\w-]{1,15}-based)"
    r"\s{1,3}){0,2}$",
    regex.I | regex.REVERSE,
)
_TIMING = regex.compile(
    r"\b(?:after|following|during|before|prior\s{1,3}to|undergoing|post|pre|in|within)[\s-]{1,3}"
    r"(?:[\w-]{1,20}\s{1,3}){0,3}$",
    regex.I,
)
_JOIN = regex.compile(
    r"\s{0,3}(?:,|\+|/|and|plus|with|combined\s{1,3}with|followed\s{1,3}by|or)\s{0,3}"
    r"(?:(?:oral|intravenous|low-dose|high-dose|weekly|adjuvant|neoadjuvant)\s{1,3}){0,2}$",
    regex.I,
)
_AFTER_CONTEXT = regex.compile(
    r"[-\s](?:induced|associated|related|pretreated|refractory|resistant|naive|based|like)\b",
    regex.I,
)
_NOT_TREATMENT = regex.compile(
    r"\b(?:patients?|women|men|children|survivors|study|trial|risk|recurrence|survival|"
    r"outcomes?|phase|cancer|disease)\b",
    regex.I,
)
TITLE_MIN_BODY = 2


def drug_roles(ctx: Context) -> list[tuple[Hit, str]]:
    """Each drug mention with its role (computed once per document, after the match rules)."""
    if ctx.roles is None:
        background = {e.start for e in ctx.values("background_therapy")}
        ctx.roles = [
            (hit, _role(ctx, hit, background))
            for hit in ctx.hits.get("drugs", [])
            if hit.start < ctx.doc.body_end
        ]
    return ctx.roles


def _role(ctx: Context, hit: Hit, background: set[int]) -> str:
    text = ctx.text
    if hit.term.kind == "control":
        return "comparator"
    if hit.start in background:
        return "background"
    s_start, _ = ctx.doc.sentence(hit.start)
    before = text[max(s_start, hit.start - 60) : hit.start]
    if _COMPARATOR.search(before):
        return "comparator"
    if _POPULATION.search(before) or _AFTER_CONTEXT.match(text, hit.end, hit.end + 14):
        return "population"
    if _TIMING.search(before):
        return "context"
    return "intervention"


def _title_group(ctx: Context, hits: list[tuple[Hit, str]]) -> list[Hit]:
    """The first intervention mention of the title and the mentions joined to it."""
    main = [h for h, r in hits if r == "intervention" and h.term.kind != "generic"]
    if not main:
        main = [h for h, r in hits if r == "intervention"]
    if not main:
        return []
    group = [main[0]]
    for hit in main[1:]:
        if _JOIN.fullmatch(ctx.text, group[-1].end, hit.start):
            group.append(hit)
        else:
            break
    return group


def intervention(rule: Rule, ctx: Context) -> None:
    ctx.found[:] = [
        e
        for e in ctx.found
        if e.field != "intervention" or e.rule == rule.id or _plausible_phrase(ctx, e)
    ]
    roles = drug_roles(ctx)
    t_start, t_end = ctx.doc.title or (0, 0)
    in_title = [(h, r) for h, r in roles if t_start <= h.start and h.end <= t_end]
    chosen: dict[str, tuple[Hit, float]] = {}
    phrases = [e for e in ctx.found if e.field == "intervention" and e.rule != rule.id]
    group = _title_group(ctx, in_title)
    if phrases and all(h.term.kind == "generic" for h in group):
        group = []
    for hit in group:
        chosen.setdefault(hit.term.name, (hit, rule.confidence))
    body = [(h, r) for h, r in roles if h.start >= t_end and h.term.kind != "generic"]
    counts = Counter(h.term.name for h, r in body if r == "intervention")
    if not chosen and counts and not phrases and ctx.doc.title is None:
        top = counts.most_common(1)[0][1]
        for name, n in counts.most_common(3):
            if n >= TITLE_MIN_BODY and n * 2 >= top:
                first = next(h for h, r in body if h.term.name == name and r == "intervention")
                chosen[name] = (first, round(rule.confidence * (0.8 if n >= 4 else 0.65), 3))
    for name, (hit, conf) in chosen.items():
        ctx.found.append(
            Extracted(
                "intervention",
                name,
                ctx.text[hit.start : hit.end],
                hit.start,
                hit.end,
                rule.id,
                conf,
            )
        )
    # phrase rules (non-lexicon interventions) only where no lexicon mention explains them
    blocked = [(h.start, h.end) for h, r in roles if r != "intervention"]
    ctx.found[:] = [
        e
        for e in ctx.found
        if e.field != "intervention"
        or e.rule == rule.id
        or not (chosen or any(s < e.end and e.start < t for s, t in blocked))
    ]
    comparators = [(h, r) for h, r in in_title or roles if r == "comparator"]
    if comparators:
        hit = comparators[0][0]
        ctx.found.append(
            Extracted(
                "comparator",
                hit.term.name,
                ctx.text[hit.start : hit.end],
                hit.start,
                hit.end,
                rule.id,
                round(rule.confidence * 0.8, 3),
            )
        )


def _plausible_phrase(ctx: Context, e: Extracted) -> bool:
    """A title phrase names a treatment, not the population, the disease or the study."""
    if not e.text[:1].isalnum() or _NOT_TREATMENT.search(e.text):
        return False
    return not ctx.hits_in("conditions", e.start, e.end)


def route_from_lexicon(rule: Rule, ctx: Context) -> None:
    for item in ctx.values("intervention"):
        hits = ctx.hits_in("drugs", item.start, item.end)
        if hits and hits[0].term.route:
            ctx.found.append(
                Extracted(
                    "route",
                    hits[0].term.route,
                    item.text,
                    item.start,
                    item.end,
                    rule.id,
                    round(rule.confidence * item.confidence, 3),
                )
            )


def link_drug(rule: Rule, ctx: Context) -> None:
    """Raise dose/route suggestions next to the intervention, lower those next to others."""
    main = {str(e.value) for e in ctx.values("intervention")}
    roles = drug_roles(ctx)
    starts = [h.start for h, _ in roles]
    out = []
    for e in ctx.found:
        if e.field not in ("dose", "route") or e.rule.endswith("lexicon"):
            out.append(e)
            continue
        s_start, _ = ctx.doc.sentence(e.start)
        lo = bisect.bisect_left(starts, max(s_start, e.start - 200))
        hi = bisect.bisect_left(starts, e.start)
        near = [
            (h, r)
            for h, r in roles[lo:hi]
            if s_start <= h.start and h.end <= e.start and e.start - h.end <= 80
        ]
        factor = 0.8
        if near:
            hit, role = near[-1]
            factor = 1.1 if hit.term.name in main and role == "intervention" else 0.6
        conf = round(min(0.97, e.confidence * factor), 3)
        out.append(Extracted(e.field, e.value, e.text, e.start, e.end, e.rule, conf, e.row))
    ctx.found[:] = out
