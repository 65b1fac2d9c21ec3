"""Where a rule's patterns are tried: trigger sentences, number anchors, literal prefixes.

Each function returns exactly the matches ``pattern.finditer(text, lo, hi)`` would give
over the same window (non-overlapping, leftmost first); they differ only in how much of
the text the regex engine has to walk.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from curator.extract.prefilter import positions

if TYPE_CHECKING:
    import regex

    from curator.extract.context import Context

WINDOW_COST = 150  # characters a sentence lookup is worth
PREFIX_COST = 12  # characters of scanning one match attempt is worth


def windows(ctx: Context, triggers: tuple[str, ...], lo: int, hi: int) -> list[tuple[int, int]]:
    """The sentences (merged) in which one of the trigger words occurs; the whole region
    when the words are so frequent that finding their sentences costs more than a scan."""
    spans: list[tuple[int, int]] = []
    for word in triggers:
        found = ctx.trigger_spans.get((word, lo, hi))
        if found is None:
            found = _sentences(ctx, word, lo, hi)
            ctx.trigger_spans[(word, lo, hi)] = found
        if found and found[0] == (lo, hi):
            return [(lo, hi)]
        spans.extend(found)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _sentences(ctx: Context, word: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences of the occurrences of ``word`` in [lo, hi), skipping occurrences inside
    the last sentence taken; the whole region once there are too many."""
    found: list[tuple[int, int]] = []
    starts = ctx.occ.get(word)
    if not starts:
        return found
    limit = (hi - lo) // WINDOW_COST + 1
    last_stop = hi - len(word)  # an occurrence must end by hi
    nxt = lo
    for pos in starts[bisect.bisect_left(starts, lo) :]:
        if pos > last_stop:
            break
        if pos < nxt:
            continue
        if len(found) > limit:
            return [(lo, hi)]
        s, e = ctx.doc.sentence(pos)
        found.append((max(s, lo), min(e, hi)))
        nxt = max(e, pos + 1)
    return found


def anchored(pattern: regex.Pattern[str], ctx: Context, lo: int, hi: int) -> list[regex.Match[str]]:
    """Non-overlapping matches that start where a number starts (like finditer, but cheaper)."""
    return _at(pattern, ctx.text, ctx.anchors[bisect.bisect_left(ctx.anchors, lo) :], lo, hi)


def prefixed(
    pattern: regex.Pattern[str], prefixes: tuple[str, ...], ctx: Context, lo: int, hi: int
) -> list[regex.Match[str]]:
    """The matches of ``pattern`` in [lo, hi), tried only where one of ``prefixes`` occurs
    (every match starts with one of them); a plain scan when they are too frequent."""
    cands = positions(ctx.occ, prefixes, lo, hi)
    if len(cands) * PREFIX_COST > hi - lo:
        return [m for m in pattern.finditer(ctx.text, lo, hi) if m.end() > m.start()]
    return _at(pattern, ctx.text, cands, lo, hi)


def _at(
    pattern: regex.Pattern[str], text: str, starts: list[int], lo: int, hi: int
) -> list[regex.Match[str]]:
    out = []
    last = lo
    for pos in starts:
        if pos >= hi:
            break
        if pos < last:
            continue
        m = pattern.match(text, pos, hi)
        if m is not None and m.end() > m.start():
            out.append(m)
            last = m.end()
    return out
