"""The engine: runs the rules over one text and returns :class:`Extracted` suggestions."""

from __future__ import annotations

import dataclasses
import logging
from functools import partial
from typing import TYPE_CHECKING

import regex

from curator.core.model import Extracted, Scalar
from curator.extract.aliases import GROUP as ALIAS_GROUP
from curator.extract.aliases import (
    near_aliases,
    participant_aliases,
    takes_aliases,
    with_aliases,
)
from curator.extract.context import Candidate, Context, Row
from curator.extract.document import Document
from curator.extract.hooks import HOOKS, PREFILTERED, SCANNED, finish_rows, select
from curator.extract.normalizers import TEXT_NORMALIZERS
from curator.extract.numbers import NUMBER_WORDS, number_anchors
from curator.extract.prefilter import Prefilter, exact, plan
from curator.extract.scan import finditer, matches

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from curator.core.schema import Schema
    from curator.extract.lexicon import Hit, Lexicon
    from curator.extract.prefilter import Plan
    from curator.extract.rules import Rule

#: Normalizers that map a span to a lexicon term found inside it (narrowing the span).
LEXICON_NORMALIZERS = {"drug": "drugs", "condition": "conditions", "event": "events"}
NEGATED_FACTOR, HEDGED_FACTOR = 0.5, 0.85
_log = logging.getLogger(__name__)
_TEMPLATE = regex.compile(r"\{([a-z_]+)\}")


class Extractor:
    """Rule-based extractor; build it with :func:`curator.extract.load_extractor`."""

    def __init__(
        self, rules: list[Rule], lexicons: dict[str, Lexicon], schema: Schema, version: str
    ) -> None:
        self.rules = tuple(rules)
        self.lexicons = lexicons
        self.schema = schema
        self.version = version
        self._by_id = {r.id: r for r in rules}
        self._scanning = tuple(r for r in rules if r.kind != "derived")
        self._derived = tuple(r for r in rules if r.kind == "derived")
        self._specs = {spec.key: spec for spec in schema.fields}
        self._several = frozenset(spec.key for spec in schema.fields if spec.several)
        #: per rule, per pattern: what every match starts with and holds (prefilter.Plan)
        self._plans = {
            r.id: tuple(plan(p.pattern, r.anchor == "number") for p in r.patterns)
            for r in rules
            if r.kind != "derived"  # hooks use their patterns themselves
        }
        #: hook patterns a hook scans with scan.finditer: their literal prefixes
        self._hook_plans = {
            p: pl.prefixes
            for r in rules
            if r.kind == "derived"
            for i, p in enumerate(r.patterns)
            if i in PREFILTERED.get(r.hook, ()) and (pl := plan(p.pattern)).prefixes is not None
        }
        excludes = [r.exclude for r in rules if r.exclude is not None]
        for p in (*SCANNED, *excludes):
            prefixes = plan(p.pattern).prefixes
            if prefixes is not None:
                self._hook_plans[p] = prefixes
        words = {t for r in rules for t in r.triggers}
        words.update(NUMBER_WORDS)  # number anchors
        for lexicon in lexicons.values():
            words.update(lexicon.stems.suffixes)  # unlisted terms (Lexicon.unlisted)
        for prefixes in self._hook_plans.values():
            words.update(prefixes)
        for plans in self._plans.values():
            for pl in plans:
                words.update(pl.prefixes or ())
                words.update(pl.required or ())
        self._prefilter = Prefilter(sorted(words), lexicons)
        #: twins of count rules whose participant nouns include a defined short form
        self._twins = tuple(
            (twin, tuple(plan(p.pattern, anchored=True) for p in twin.patterns))
            for twin in (with_aliases(r) for r in self._scanning if takes_aliases(r))
        )

    def describe(self, rule_id: str) -> str:
        rule = self._by_id.get(rule_id)
        return rule.description if rule else f"unknown rule {rule_id!r}"

    def rule(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def extract(self, text: str) -> list[Extracted]:
        """Suggestions for ``text``, sorted by position; deterministic, never raises."""
        try:
            return self.extract_strict(text)
        except Exception:  # a bug must not take the app down; tests use extract_strict
            _log.exception(
                "extractor %s failed on a text of %d characters", self.version, len(text)
            )
            return []

    def extract_strict(self, text: str) -> list[Extracted]:
        if not isinstance(text, str) or not text.strip():
            return []
        ctx = self.prepare(text)
        present = ctx.occ.keys()
        for rule in self._scanning:
            if rule.triggers and present.isdisjoint(rule.triggers):
                continue  # (the check of _spans, made before any generator is set up)
            self.run_rule(rule, ctx)
        self.run_aliases(ctx)
        self.run_hooks(ctx)
        return self.finish(ctx)

    # ---- the phases of extract_strict (public so that bench_extract can time each) ------
    def prepare(self, text: str) -> Context:
        """The fixed work per document: structure, the prefilter pass, lexicon hits and
        number anchors."""
        doc = Document(text)
        lowered = text.lower()
        occ, raw = self._prefilter.scan(lowered)
        hits: dict[str, list[Hit]] = {}
        for name, lexicon in self.lexicons.items():
            if len(lowered) == len(text):
                found = lexicon.unlisted(text, lexicon.accept(text, raw[name]), occ)
            else:  # lower-casing changed the length: the lexicon lowers per character
                found = lexicon.unlisted(text, lexicon.find(text, lowered))
            hits[name] = lexicon.with_definitions(text, found, doc.body_end)
        anchors = number_anchors(lowered, occ)
        ctx = Context(doc, hits, anchors=anchors, lowered=lowered, occ=occ)
        ctx.exact = exact(text, lowered)
        ctx.plans = self._hook_plans
        doc.find = partial(finditer, ctx)
        return ctx

    def scanning_rules(self) -> tuple[Rule, ...]:
        """The rules that read the text themselves (not hooks), in the order they run."""
        return self._scanning

    def run_rule(self, rule: Rule, ctx: Context) -> int:
        """Run one scanning rule; returns how many results it added to ``ctx``."""
        if rule.kind == "match":
            before = len(ctx.found)
            ctx.found.extend(self._matches(rule, ctx))
            return len(ctx.found) - before
        if rule.kind == "row":
            before = len(ctx.rows)
            ctx.rows.extend(self._rows(rule, ctx))
            return len(ctx.rows) - before
        before = len(ctx.counts)
        ctx.counts.extend(self._counts(rule, ctx))
        return len(ctx.counts) - before

    def run_aliases(self, ctx: Context) -> int:
        """Counts of participants the document names by its own short form ("152 BCS"):
        the count rules' twins (see :mod:`aliases`), at the numbers a defined short form
        follows; only counts the rules did not find are added. Returns how many."""
        aliases = participant_aliases(ctx.text, ctx.doc.body_end)
        if not aliases:
            return 0
        near = near_aliases(ctx.text, aliases, ctx.anchors, ctx.doc.body_end)
        if not near:
            return 0
        view = dataclasses.replace(ctx, anchors=near)  # the twins try these numbers only
        seen = {(c.start, c.end) for c in ctx.counts}
        before, defined = len(ctx.counts), frozenset(aliases)
        for twin, plans in self._twins:
            ctx.counts.extend(
                c for c in self._counts(twin, view, plans, defined) if (c.start, c.end) not in seen
            )
        return len(ctx.counts) - before

    def run_hooks(self, ctx: Context) -> None:
        """The derived rules: hooks that read what the scanning rules found."""
        for rule in self._derived:
            HOOKS[rule.hook](rule, ctx)

    def finish(self, ctx: Context) -> list[Extracted]:
        """Templates filled, one value chosen per single-valued field, rows numbered;
        sorted by position and checked against the text."""
        self._fill_templates(ctx)
        out = select(ctx.found, self._several) + finish_rows(ctx.rows)
        out.sort(key=lambda e: (e.start, e.end, e.field, e.row if e.row is not None else -1))
        text, n = ctx.text, len(ctx.text)
        return [e for e in out if 0 <= e.start < e.end <= n and e.text == text[e.start : e.end]]

    # ---- rule kinds --------------------------------------------------------------
    def _spans(
        self, rule: Rule, ctx: Context, plans: tuple[Plan, ...] | None = None
    ) -> Iterator[tuple[regex.Match[str], float]]:
        """Matches of the rule in its scope with the confidence after negation/hedging."""
        lo, hi = ctx.doc.region(rule.scope)
        if hi <= lo or (rule.triggers and ctx.occ.keys().isdisjoint(rule.triggers)):
            return
        # body rules read only the sentences holding a trigger word; citation-like scopes
        # (document, title) span sentence breaks, so they read their whole region
        for m in matches(ctx, rule, plans or self._plans[rule.id], lo, hi):
            if m.end() == m.start():
                continue
            if rule.exclude is not None:
                s_start, s_end = ctx.doc.sentence(m.start())
                if finditer(ctx, rule.exclude, s_start, s_end, 1):
                    continue
            conf = rule.confidence
            if rule.negation != "keep":
                if ctx.doc.negated(m.start()):
                    if rule.negation == "drop":
                        continue
                    conf *= NEGATED_FACTOR
                elif ctx.doc.hedged(m.start()) and rule.negation == "lower":
                    conf *= HEDGED_FACTOR
            yield m, round(conf, 3)

    def _normalize(
        self, name: str, ctx: Context, start: int, end: int
    ) -> tuple[Scalar, int, int] | None:
        if name in LEXICON_NORMALIZERS:
            inside = ctx.hits_in(LEXICON_NORMALIZERS[name], start, end)
            return (inside[0].term.name, inside[0].start, inside[0].end) if inside else None
        start, end = _trim(ctx.text, start, end)
        if end <= start:
            return None
        value = TEXT_NORMALIZERS[name](ctx.text[start:end])
        return None if value is None or value == "" else (value, start, end)

    def _matches(self, rule: Rule, ctx: Context) -> Iterator[Extracted]:
        for m, conf in self._spans(rule, ctx):
            start, end = m.span("v") if "v" in rule_groups(m) and m.start("v") >= 0 else m.span()
            if rule.value is not None and rule.normalizer == "":
                value: Scalar = rule.value
                start, end = _trim(ctx.text, start, end)
            else:
                norm = self._normalize(rule.normalizer, ctx, start, end)
                if norm is None:
                    continue
                value, start, end = norm
                if rule.value is not None:
                    value = rule.value
            if end <= start:
                continue
            item = Extracted(rule.field, value, ctx.text[start:end], start, end, rule.id, conf)
            if isinstance(value, str) and _TEMPLATE.search(value):
                ctx.deferred.append((item, _fill(value, m.groupdict())))
            else:
                yield item

    def _rows(self, rule: Rule, ctx: Context) -> Iterator[Row]:
        group = rule.field
        for m, conf in self._spans(rule, ctx):
            row = Row(group, m.start(), m.end(), conf, rule.id)
            for name in rule_groups(m):
                if name.startswith("_") or m.start(name) < 0:
                    continue
                spec = self._specs[f"{group}.{name}"]
                norm_name = rule.group_normalizers.get(name) or _default_normalizer(spec.type)
                norm = self._normalize(norm_name, ctx, *m.span(name))
                if norm is None:
                    continue
                value, s, e = norm
                row.cells.append(Extracted(spec.key, value, ctx.text[s:e], s, e, rule.id, conf))
            for name, value in rule.set.items():
                s, e = _trim(ctx.text, *m.span())
                key = f"{group}.{name}"
                row.cells.append(Extracted(key, value, ctx.text[s:e], s, e, rule.id, conf))
            if any(not c.field.endswith((".measure", ".scheme")) for c in row.cells):
                yield row

    def _counts(
        self,
        rule: Rule,
        ctx: Context,
        plans: tuple[Plan, ...] | None = None,
        aliases: frozenset[str] | None = None,
    ) -> Iterator[Candidate]:
        for m, conf in self._spans(rule, ctx, plans):
            if aliases is not None and m.group(ALIAS_GROUP) not in aliases:
                continue  # a twin's match counts only with a short form the text defined
            for name, role in (("n", rule.role), ("i", "intervention"), ("c", "control")):
                if name not in rule_groups(m) or m.start(name) < 0:
                    continue
                value = TEXT_NORMALIZERS["count"](m.group(name))
                if isinstance(value, int) and not isinstance(value, bool):
                    s, e = _trim(ctx.text, *m.span(name))
                    yield Candidate(role, value, s, e, conf, rule.id)

    def _fill_templates(self, ctx: Context) -> None:
        main = ctx.values("intervention")
        name = str(max(main, key=lambda e: e.confidence).value) if main else ""
        abbrev = ""
        if main:
            best = max(main, key=lambda e: e.confidence)
            abbrev = best.text if best.text.isupper() else ""
        for item, value in ctx.deferred:
            filled = value.replace("{intervention}", name)
            if "{" in filled or (not name and "{intervention}" in value):
                continue
            filled = filled.replace("{intervention_abbrev}", abbrev or name)
            ctx.found.append(
                Extracted(
                    item.field, filled, item.text, item.start, item.end, item.rule, item.confidence
                )
            )


def rule_groups(m: regex.Match[str]) -> Mapping[str, int]:
    """The pattern's named groups (not copied: read only)."""
    groups: Mapping[str, int] = m.re.groupindex
    return groups


def _fill(template: str, groups: dict[str, str | None]) -> str:
    """Replace ``{name}`` by the named group's text; unknown names are left for later."""
    return str(_TEMPLATE.sub(lambda g: groups.get(g[1]) or g[0], template))


def _default_normalizer(kind: str) -> str:
    return {"number": "number", "int": "count"}.get(kind, "text")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n\r,;:([{":
        start += 1
    while end > start and text[end - 1] in " \t\n\r,;:":
        end -= 1
    return start, end
