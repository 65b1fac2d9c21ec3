"""Where a rule's patterns are tried: trigger sentences, number anchors, literal prefixes.

Each function returns exactly the matches ``pattern.finditer(text, lo, hi)`` would give
over the same window (non-overlapping, leftmost first); they differ only in how much of
the text the regex engine has to walk.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from curator.extract.document import SENTENCE_REACH
from curator.extract.prefilter import positions

if TYPE_CHECKING:
    import regex

    from curator.extract.context import Context
    from curator.extract.prefilter import Plan
    from curator.extract.rules import Rule

WINDOW_COST = 150  # characters a sentence lookup is worth
PREFIX_COST = 12  # characters of scanning one match attempt is worth


def windows(ctx: Context, triggers: tuple[str, ...], lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentences (merged) in which one of the trigger words occurs; the whole region
    when the words are so frequent that finding their sentences costs more than a scan."""
    merged = ctx.merged_spans.get((triggers, lo, hi))
    if merged is not None:
        return merged
    spans: list[tuple[int, int]] = []
    occ = ctx.occ
    for word in triggers:
        if word not in occ:
            continue
        found = ctx.trigger_spans.get((word, lo, hi))
        if found is None:
            found = _sentences(ctx, word, lo, hi)
            ctx.trigger_spans[(word, lo, hi)] = found
        if found and found[0] == (lo, hi):
            spans = [(lo, hi)]
            break
        spans.extend(found)
    spans.sort()
    merged = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    ctx.merged_spans[(triggers, lo, hi)] = merged
    return merged


def _sentences(ctx: Context, word: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences of the occurrences of ``word`` in [lo, hi), skipping occurrences inside
    the last sentence taken; the whole region once there are too many."""
    found: list[tuple[int, int]] = []
    occ = ctx.occ.get(word)
    if not occ:
        return found
    limit = (hi - lo) // WINDOW_COST + 1
    last_stop = hi - len(word)  # an occurrence must end by hi
    starts, bounds = ctx.doc.starts, ctx.doc.bounds
    nxt = lo
    for pos in occ[bisect.bisect_left(occ, lo) :]:
        if pos > last_stop:
            break
        if pos < nxt:
            continue
        if len(found) > limit:
            return [(lo, hi)]
        i = bisect.bisect_right(starts, pos)  # Document.sentence, inlined (starts[0] == 0)
        s, e = bounds[i - 1], bounds[i]
        if s < pos - SENTENCE_REACH:
            s = pos - SENTENCE_REACH
        if s < lo:
            s = lo
        if e > pos + SENTENCE_REACH:
            e = pos + SENTENCE_REACH
        if e > hi:
            e = hi
        found.append((s, e))
        nxt = e if e > pos else pos + 1
    return found


def matches(
    ctx: Context, rule: Rule, plans: tuple[Plan, ...], lo: int, hi: int
) -> list[regex.Match[str]]:
    """The rule's matches in [lo, hi) (trigger sentences only for body rules), pattern by
    pattern; patterns are tried at number anchors, at their literal prefixes, or scanned,
    and not where a word every match holds is missing."""
    spans: list[tuple[int, int]] | None = None
    out: list[regex.Match[str]] = []
    text, anchored = ctx.text, rule.anchor == "number"
    for pattern, (prefixes, required, width) in zip(rule.patterns, plans, strict=True):
        cands: list[int] | None = None
        if anchored:
            anchors = ctx.anchors
            cands = anchors[bisect.bisect_left(anchors, lo) : bisect.bisect_left(anchors, hi)]
        elif prefixes is not None and ctx.exact:
            cands = _positions(ctx, prefixes, lo, hi)
        if cands is not None and not cands:
            continue
        if required is not None and ctx.exact:
            need = _positions(ctx, required, lo, hi)
            if not need:
                continue
            if cands is not None:
                cands = _near(cands, need, width)
                if not cands:
                    continue
        if spans is None:  # body rules read only the sentences holding a trigger word
            windowed = rule.triggers and rule.scope == "body"
            spans = windows(ctx, rule.triggers, lo, hi) if windowed else [(lo, hi)]
        if cands is None and pattern.pattern.startswith("\\G"):
            for s, e in spans:
                out.extend(_chain(pattern, text, s, e))
        elif cands is None or (
            not anchored and len(cands) * PREFIX_COST > sum(e - s for s, e in spans)
        ):
            for s, e in spans:
                out.extend(pattern.finditer(text, s, e))
        else:
            out.extend(_in_spans(pattern, text, cands, spans))
    return out


def finditer(
    ctx: Context, pattern: regex.Pattern[str], lo: int, hi: int, limit: int
) -> list[regex.Match[str]]:
    """The first ``limit`` matches of ``pattern.finditer(ctx.text, lo, hi)`` for a hook's
    pattern, tried only at its literal prefixes when the extractor planned it."""
    prefixes = ctx.plans.get(pattern)
    if prefixes is None or not ctx.exact:
        found = pattern.finditer(ctx.text, lo, hi)
        return [m for _, m in zip(range(limit), found, strict=False)]
    cands = _positions(ctx, prefixes, lo, hi)
    return _in_spans(pattern, ctx.text, cands, [(lo, hi)], limit) if cands else []


def _chain(pattern: regex.Pattern[str], text: str, lo: int, hi: int) -> list[regex.Match[str]]:
    """finditer of a pattern that starts with \\G: each match starts where the search does,
    at ``lo`` and then at the end of the previous match, so no other start is tried."""
    out: list[regex.Match[str]] = []
    pos = lo
    while True:
        m = pattern.match(text, pos, hi)
        if m is None:
            return out
        if m.end() == m.start():  # finditer steps over an empty match: let it do so
            return out + list(pattern.finditer(text, pos, hi))
        out.append(m)
        pos = m.end()


def _positions(ctx: Context, words: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """prefilter.positions, remembered per document (rules share word lists)."""
    found = ctx.positions.get((words, lo, hi))
    if found is None:
        found = positions(ctx.occ, words, lo, hi)
        ctx.positions[(words, lo, hi)] = found
    return found


def _near(cands: list[int], need: list[int], width: int) -> list[int]:
    """The candidates followed by a needed word starting less than ``width`` after them."""
    out = []
    j, n = 0, len(need)
    for pos in cands:
        while j < n and need[j] < pos:
            j += 1
        if j == n:
            break
        if need[j] < pos + width:
            out.append(pos)
    return out


def _in_spans(
    pattern: regex.Pattern[str],
    text: str,
    cands: list[int],
    spans: list[tuple[int, int]],
    limit: int = -1,
) -> list[regex.Match[str]]:
    """Non-overlapping matches of ``pattern`` starting at ``cands`` (sorted), each inside
    one of ``spans`` (sorted, disjoint): what finditer over each span gives when every
    match starts at a candidate."""
    out = []
    i, n = 0, len(cands)
    for s, e in spans:
        while i < n and cands[i] < s:
            i += 1
        last = s
        while i < n and cands[i] < e:
            pos = cands[i]
            i += 1
            if pos < last:
                continue
            m = pattern.match(text, pos, e)
            if m is not None and m.end() > m.start():
                out.append(m)
                last = m.end()
                if len(out) == limit:
                    return out
        if i >= n:
            break
    return out
