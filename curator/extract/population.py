"""The ``population`` hook: choose n_total / n_intervention / n_control / n_female.

Count rules propose candidates with a role: ``total`` (an explicit study total: "a total
of 120 women", "60 children were enrolled"), ``intervention``/``control`` (arm sizes,
paired in one match), ``female`` and ``any`` (a bare "N patients"). The annotators'
convention, which is also the curator's, is the largest explicit total (enrolled or
randomized rather than analysed); without one, the two arms are summed; a bare count is
only a low-confidence fallback.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from curator.core.model import Extracted

if TYPE_CHECKING:
    from curator.extract.context import Candidate, Context
    from curator.extract.rules import Rule

FALLBACK_FACTOR = 0.85
SEVERAL_TOTALS_FACTOR = 0.92


def population(rule: Rule, ctx: Context) -> None:
    counts = [c for c in ctx.counts if c.start < ctx.doc.body_end and c.n > 0]
    totals = [c for c in counts if c.role == "total"]
    pairs = _pairs(counts)
    female = [c for c in counts if c.role == "female"]
    if female:
        best = max(female, key=lambda c: (c.confidence, -c.start))
        ctx.found.append(_item(ctx, "n_female", best.n, best, best.confidence, best.rule))
    if pairs:
        i, c, conf = max(pairs, key=lambda p: (p[2], -p[0].start))
        ctx.found.append(_item(ctx, "n_intervention", i.n, i, conf, i.rule))
        ctx.found.append(_item(ctx, "n_control", c.n, c, conf, c.rule))
    if totals:
        top = max(c.confidence for c in totals)
        strong = [c for c in totals if c.confidence >= top - 0.25]
        best = max(strong, key=lambda c: (c.n, c.confidence, -c.start))
        conf = best.confidence
        if len({c.n for c in strong}) > 1:
            conf *= SEVERAL_TOTALS_FACTOR
        if pairs and not any(abs(p[0].n + p[1].n - best.n) <= 0 for p in pairs):
            conf *= SEVERAL_TOTALS_FACTOR
        ctx.found.append(_item(ctx, "n_total", best.n, best, conf, best.rule))
        return
    if pairs:
        i, c, conf = max(pairs, key=lambda p: (p[2], p[0].n + p[1].n))
        end = c.end if c.end - i.start <= 300 else i.end
        text = ctx.text[i.start : end]
        ctx.found.append(
            Extracted(
                "n_total", i.n + c.n, text, i.start, end, rule.id, round(conf * rule.confidence, 3)
            )
        )
        return
    loose = [c for c in counts if c.role in ("any", "arm")]
    if loose:
        best = max(loose, key=lambda c: (c.n, c.confidence))
        ctx.found.append(
            _item(ctx, "n_total", best.n, best, best.confidence * FALLBACK_FACTOR, best.rule)
        )


def _pairs(counts: list[Candidate]) -> list[tuple[Candidate, Candidate, float]]:
    out = []
    arms = [c for c in counts if c.role in ("intervention", "control")]
    for a, b in itertools.pairwise(arms):
        if a.rule == b.rule and a.role == "intervention" and b.role == "control":
            out.append((a, b, min(a.confidence, b.confidence)))
    return out


def _item(ctx: Context, key: str, n: int, c: Candidate, conf: float, rule: str) -> Extracted:
    return Extracted(key, n, ctx.text[c.start : c.end], c.start, c.end, rule, round(conf, 3))
