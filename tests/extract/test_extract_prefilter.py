"""The prefilter never hides a match: every match a rule pattern has in a text starts at one
of its literal prefixes and holds one of its required words within its longest length, and
the engine's scan finds exactly what ``finditer`` finds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.extract.context import Context
from curator.extract.document import Document
from curator.extract.numbers import NUMBER_START, number_anchors
from curator.extract.prefilter import exact, literal_prefixes, plan, positions
from curator.extract.scan import WINDOW_COST, finditer, matches

if TYPE_CHECKING:
    from curator.extract import Extractor
    from curator.extract.rules import Rule

Span = tuple[int, int]

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOKENS = st.sampled_from(
    [
        "Patients",
        "women",
        "WERE",
        "randomized",
        "randomly assigned",
        "a total of",
        "Of",
        "Overall,",
        "Ten",
        "twenty-one",
        "(n = 40)",
        "HR",
        "0.5",
        "95% CI",
        "0.1-0.9",
        "p = 0.01",
        "vs",
        "versus",
        "42%",
        "12 mg/kg",
        "daily",
        "enrolled",
        "study of",
        "single-centre",
        "multicenter",
        "placebo-controlled",
        "follow-up",
        "median age",
        "years",
        "adverse",
        "side effects",
        "due to",
        "In conclusion,",
        ".",
        ",",
        ";",
        "\n",
        " ",
        "ſ",
        "K",
        "١٢",
        "one",
        "Twenty-one",
        "often ten,",
        "seventeen_",
        "1.5 six.",
    ]
)
TEXTS = st.lists(TOKENS, min_size=1, max_size=60).map(" ".join)


def test_prefixes_of_simple_patterns() -> None:
    assert literal_prefixes(r"\b(?:were|was)\s{1,3}randomi[sz]ed") == ("was", "were")
    assert literal_prefixes(r"(?:a|b)x") == ("ax", "bx")
    assert literal_prefixes(r"(?:a|b)\s") is None  # one letter: not worth a look-up
    assert literal_prefixes(r"\w+ing") is None
    assert literal_prefixes(r"(?P<v>x)?abc") is None  # 'x' alone starts some matches
    p = plan(r"\b(?:study|trial)\s{1,3}of\s{1,3}\d{1,3}\s{1,2}(?:patients|women)\b")
    assert p.prefixes == ("study", "trial")
    assert p.required in (("patients", "women"), ("study", "trial"))
    assert plan(r"(?<=\(\s{0,2})\d", anchored=True).prefixes is None


@SETTINGS
@given(TEXTS)
def test_every_match_starts_at_a_prefix_and_holds_a_required_word(
    extractor: Extractor, text: str
) -> None:
    lowered = text.lower()
    if not exact(text, lowered):
        return
    occ, _ = extractor._prefilter.scan(lowered)
    for rule in extractor.rules:
        if rule.kind == "derived":
            continue
        for pattern, p in zip(rule.patterns, extractor._plans[rule.id], strict=True):
            starts = set(positions(occ, p.prefixes, 0, len(text))) if p.prefixes else None
            need = positions(occ, p.required, 0, len(text)) if p.required else None
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                if starts is not None:
                    assert m.start() in starts, (rule.id, pattern.pattern, m)
                if need is not None:
                    assert any(m.start() <= q < m.start() + p.width for q in need), rule.id


def _reference_windows(ctx: Context, triggers: tuple[str, ...], lo: int, hi: int) -> list[Span]:
    """The trigger sentences as the engine computed them before the prefilter (str.find)."""
    spans: list[Span] = []
    for word in triggers:
        found: list[Span] = []
        limit = (hi - lo) // WINDOW_COST + 1
        pos = ctx.lowered.find(word, lo, hi)
        while pos >= 0:
            if len(found) > limit:
                return [(lo, hi)]
            s, e = ctx.doc.sentence(pos)
            found.append((max(s, lo), min(e, hi)))
            pos = ctx.lowered.find(word, max(e, pos + 1), hi)
        spans.extend(found)
    merged: list[Span] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _reference(ctx: Context, rule: Rule, lo: int, hi: int) -> list[Span]:
    if rule.triggers and not any(t in ctx.lowered for t in rule.triggers):
        return []
    windowed = rule.triggers and rule.scope == "body"
    spans = _reference_windows(ctx, rule.triggers, lo, hi) if windowed else [(lo, hi)]
    out = []
    for pattern in rule.patterns:
        for s, e in spans:
            if rule.anchor != "number":
                out.extend(
                    m.span() for m in pattern.finditer(ctx.text, s, e) if m.end() > m.start()
                )
                continue
            last = s
            for pos in ctx.anchors:
                if s <= pos < e and pos >= last:
                    m = pattern.match(ctx.text, pos, e)
                    if m is not None and m.end() > m.start():
                        out.append(m.span())
                        last = m.end()
    return out


@SETTINGS
@given(TEXTS)
def test_scan_finds_what_the_plain_scan_finds(extractor: Extractor, text: str) -> None:
    """Trigger sentences, number anchors, prefixes and required words together give the
    matches of the engine before the prefilter (finditer over str.find windows)."""
    doc = Document(text)
    lowered = text.lower()
    occ, _ = extractor._prefilter.scan(lowered)
    anchors = [m.start() for m in NUMBER_START.finditer(lowered)]
    ctx = Context(doc, {}, anchors=anchors, lowered=lowered, occ=occ, exact=exact(text, lowered))
    for rule in extractor.rules:
        if rule.kind == "derived":
            continue
        lo, hi = doc.region(rule.scope)
        if hi <= lo:
            continue
        if rule.triggers and not any(t in occ for t in rule.triggers):  # the engine's skip
            assert _reference(ctx, rule, lo, hi) == [], rule.id
            continue
        got = [m.span() for m in matches(ctx, rule, extractor._plans[rule.id], lo, hi)]
        assert got == _reference(ctx, rule, lo, hi), rule.id


@SETTINGS
@given(TEXTS)
def test_hook_scan_finds_what_finditer_finds(extractor: Extractor, text: str) -> None:
    """The hook patterns tried only at their prefixes (scan.finditer) match as finditer."""
    doc = Document(text)
    lowered = text.lower()
    occ, _ = extractor._prefilter.scan(lowered)
    ctx = Context(doc, {}, lowered=lowered, occ=occ, exact=exact(text, lowered))
    ctx.plans = extractor._hook_plans
    assert ctx.plans
    for pattern in ctx.plans:
        for limit in (1, 200):
            got = [m.span() for m in finditer(ctx, pattern, 0, len(text), limit)]
            want = [m.span() for m in pattern.finditer(text)][:limit]
            assert got == want, pattern.pattern


@SETTINGS
@given(st.one_of(TEXTS, st.text(max_size=200)))
def test_number_anchors_are_the_number_starts(extractor: Extractor, text: str) -> None:
    """Digits found by their own scan and number words from the prefilter pass give the
    starts of NUMBER_START."""
    lowered = text.lower()
    occ, _ = extractor._prefilter.scan(lowered)
    want = [m.start() for m in NUMBER_START.finditer(lowered)]
    assert number_anchors(lowered, occ) == want
