"""Rules as data: TOML files of ``[[rules]]`` tables, validated when loaded.

A bad rule is refused with a :class:`RuleFileError` naming the file and the rule id,
so a curator-supplied rules file fails loudly at start-up instead of misbehaving.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from dataclasses import field as dc_field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from curator.core.schema import FieldSpec, FieldType, Schema
from curator.extract.numbers import COUNT, NUM, WORDNUM

if TYPE_CHECKING:
    from curator.core.model import Scalar

KINDS = ("match", "row", "count", "derived")
SCOPES = ("body", "document", "title", "head", "conclusion")
NEGATION = ("drop", "lower", "keep")
#: "number": the rule's patterns start at a number, so they are only tried where one starts.
ANCHORS = ("none", "number")
ROLES = ("total", "intervention", "control", "female", "arm", "any")
_ID = regex.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_-]+)+$")
_KEYS = {
    "id",
    "field",
    "kind",
    "description",
    "confidence",
    "patterns",
    "normalizer",
    "value",
    "set",
    "scope",
    "negation",
    "exclude",
    "role",
    "hook",
    "group_normalizers",
    "when",
    "fallback",
    "anchor",
    "triggers",
}
#: Placeholders usable inside patterns: {NUM} a number, {COUNT} a whole count,
#: {WORDNUM} English number words, {P} a p-value comparison ("= 0.017", "< 0.001"),
#: {PT} a noun for study participants ("patients", "women", "children", ...).
PLACEHOLDERS = {
    "NUM": NUM,
    "COUNT": COUNT,
    "WORDNUM": WORDNUM,
    "P": rf"(?:[<>=≤≥]|&lt;|&gt;){{1,2}}\s{{0,2}}{NUM}",
    "PT": r"(?:patients?|women|men|children|subjects|participants|individuals|adults|girls|boys"
    r"|infants|survivors|volunteers|persons|people|adolescents|mothers|smokers|residents"
    r"|nurses|students|couples|pairs|families|caregivers|veterans|outpatients|inpatients)",
}
BUILTIN_FILES = (
    "publication.toml",
    "study.toml",
    "population.toml",
    "intervention.toml",
    "outcomes.toml",
    "adverse_events.toml",
    "grades.toml",
    "conclusion.toml",
)


class RuleFileError(ValueError):
    """A rules file that cannot be used; the message names the file and the rule."""

    def __init__(self, path: str, rule_id: str | None, problem: str) -> None:
        subject = f" rule '{rule_id}':" if rule_id else ""
        super().__init__(f"{path}:{subject} {problem}")
        self.path, self.rule_id, self.problem = path, rule_id, problem


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    field: str
    kind: str
    description: str
    confidence: float
    patterns: tuple[regex.Pattern[str], ...] = ()
    normalizer: str = ""
    value: Scalar | None = None
    set: dict[str, Scalar] = dc_field(default_factory=dict)
    scope: str = "body"
    negation: str = "lower"
    exclude: regex.Pattern[str] | None = None
    role: str = "any"
    hook: str = ""
    group_normalizers: dict[str, str] = dc_field(default_factory=dict)
    when: dict[str, tuple[str, ...]] = dc_field(default_factory=dict)
    fallback: bool = False
    anchor: str = "none"
    triggers: tuple[str, ...] = ()
    source: str = ""


def expand(pattern: str) -> str:
    """Replace ``{NAME}`` placeholders; other braces (``{1,3}``) are left alone."""
    for name, fragment in PLACEHOLDERS.items():
        pattern = pattern.replace("{" + name + "}", fragment)
    return pattern


def builtin_sources() -> list[tuple[str, str]]:
    folder = resources.files("curator.extract").joinpath("rules")
    return [(f"<package>/rules/{n}", folder.joinpath(n).read_text("utf-8")) for n in BUILTIN_FILES]


def read_source(path: str | Path) -> tuple[str, str]:
    try:
        return str(path), Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), None, f"cannot be read: {exc}") from None


def parse_rules(
    sources: list[tuple[str, str]], schema: Schema, normalizers: set[str], hooks: set[str]
) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path, text in sources:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RuleFileError(path, None, f"is not valid TOML: {exc}") from None
        raw_rules = data.get("rules")
        if not isinstance(raw_rules, list) or not raw_rules:
            raise RuleFileError(path, None, "needs at least one [[rules]] table")
        for raw in raw_rules:
            rule = _Checker(path, schema, normalizers, hooks).rule(raw)
            if rule.id in seen:
                raise RuleFileError(path, rule.id, f"id already used in {seen[rule.id]}")
            seen[rule.id] = path
            rules.append(rule)
    return rules


class _Checker:
    def __init__(self, path: str, schema: Schema, normalizers: set[str], hooks: set[str]) -> None:
        self.path, self.schema, self.normalizers, self.hooks = path, schema, normalizers, hooks
        self.rid: str | None = None

    def fail(self, problem: str) -> RuleFileError:
        return RuleFileError(self.path, self.rid, problem)

    def rule(self, raw: Any) -> Rule:
        if not isinstance(raw, dict):
            raise self.fail("every [[rules]] entry must be a table")
        rid = raw.get("id")
        if not isinstance(rid, str) or not _ID.match(rid):
            raise self.fail(f"rule id {rid!r} must look like 'group.name' (lowercase, dotted)")
        self.rid = rid
        unknown = set(raw) - _KEYS
        if unknown:
            raise self.fail(f"unknown setting(s): {', '.join(sorted(unknown))}")
        kind = self.choice(raw, "kind", KINDS, "match")
        target = raw.get("field")
        if not isinstance(target, str):
            raise self.fail("needs 'field' (a schema field key or a repeated group)")
        description = raw.get("description")
        if not isinstance(description, str) or not description.strip() or "\n" in description:
            raise self.fail("needs a one-line 'description'")
        confidence = raw.get("confidence")
        if (
            not isinstance(confidence, (int, float))
            or isinstance(confidence, bool)
            or not (0.0 < float(confidence) <= 1.0)
        ):
            raise self.fail(f"'confidence' must be a number in (0, 1], got {confidence!r}")
        patterns = self.patterns(raw.get("patterns", []), "patterns")
        if kind != "derived" and not patterns:
            raise self.fail("needs at least one entry in 'patterns'")
        excl = self.patterns(raw.get("exclude", []), "exclude")
        exclude = regex.compile("|".join(p.pattern for p in excl), regex.I) if excl else None
        hook = raw.get("hook", "")
        if kind == "derived" and hook not in self.hooks:
            raise self.fail(f"derived rule needs 'hook', one of: {', '.join(sorted(self.hooks))}")
        normalizer = raw.get("normalizer", "")
        if normalizer and normalizer not in self.normalizers:
            raise self.fail(f"unknown normalizer {normalizer!r}")
        group_norms = raw.get("group_normalizers", {})
        if not isinstance(group_norms, dict) or any(
            v not in self.normalizers for v in group_norms.values()
        ):
            raise self.fail("'group_normalizers' must map group names to known normalizers")
        sets = raw.get("set", {})
        if not isinstance(sets, dict):
            raise self.fail("'set' must be a table of constant values")
        value = raw.get("value")
        when = self.when(raw.get("when", {}))
        fallback = raw.get("fallback", False)
        if not isinstance(fallback, bool):
            raise self.fail("'fallback' must be true or false")
        if kind == "row":
            group = self.repeated_group(target)
            for name in [*sets, *self.group_names(patterns)]:
                spec = self.sub_field(group, name)
                if name in sets:
                    self.check_value(spec, sets[name])
        elif kind == "count":
            self.field_spec(target)
        elif kind == "derived" and any(g.key == target and g.repeated for g in self.schema.groups):
            pass
        else:
            spec = self.field_spec(target)
            if value is not None:
                self.check_value(spec, value)
            elif kind == "match" and not normalizer:
                raise self.fail("needs either 'value' or 'normalizer'")
        return Rule(
            id=rid,
            field=target,
            kind=kind,
            description=description.strip(),
            confidence=float(confidence),
            patterns=patterns,
            normalizer=normalizer,
            value=value,
            set=dict(sets),
            scope=self.choice(raw, "scope", SCOPES, "body"),
            negation=self.choice(raw, "negation", NEGATION, "lower"),
            exclude=exclude,
            role=self.choice(raw, "role", ROLES, "any"),
            hook=str(hook),
            group_normalizers={str(k): str(v) for k, v in group_norms.items()},
            when=when,
            fallback=fallback,
            anchor=self.choice(raw, "anchor", ANCHORS, "none"),
            triggers=self.triggers(raw.get("triggers", [])),
            source=self.path,
        )

    def triggers(self, raw: Any) -> tuple[str, ...]:
        """Lower-case words of which one must occur in the text for the rule to run."""
        if not isinstance(raw, list) or not all(isinstance(t, str) and t for t in raw):
            raise self.fail("'triggers' must be a list of non-empty strings")
        return tuple(t.lower() for t in raw)

    def when(self, raw: Any) -> dict[str, tuple[str, ...]]:
        if not isinstance(raw, dict):
            raise self.fail("'when' must be a table of field = [values]")
        out: dict[str, tuple[str, ...]] = {}
        for key, values in raw.items():
            spec = self.field_spec(key)
            values = [values] if isinstance(values, str) else values
            if not isinstance(values, list) or not values:
                raise self.fail(f"'when.{key}' must be a value or a list of values")
            for v in values:
                self.check_value(spec, v)
            out[key] = tuple(str(v) for v in values)
        return out

    def choice(self, raw: dict[str, Any], key: str, allowed: tuple[str, ...], default: str) -> str:
        value = raw.get(key, default)
        if value not in allowed:
            raise self.fail(f"'{key}' must be one of {', '.join(allowed)}, got {value!r}")
        return str(value)

    def patterns(self, raw: Any, key: str) -> tuple[regex.Pattern[str], ...]:
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(p, str) and p for p in raw):
            raise self.fail(f"'{key}' must be a list of non-empty strings")
        compiled = []
        for pattern in raw:
            try:
                compiled.append(regex.compile(expand(pattern), regex.I | regex.V0))
            except regex.error as exc:
                raise self.fail(f"pattern {pattern!r} does not compile: {exc}") from None
        return tuple(compiled)

    def group_names(self, patterns: tuple[regex.Pattern[str], ...]) -> set[str]:
        return {name for p in patterns for name in p.groupindex if not name.startswith("_")}

    def field_spec(self, key: str) -> FieldSpec:
        if not self.schema.has_field(key):
            raise self.fail(f"field {key!r} is not in the schema")
        return self.schema.field(key)

    def repeated_group(self, key: str) -> str:
        try:
            group = self.schema.group(key)
        except KeyError:
            raise self.fail(f"row rules need a repeated group, {key!r} is not a group") from None
        if not group.repeated:
            raise self.fail(f"group {key!r} is not a repeated group")
        return key

    def sub_field(self, group: str, name: str) -> FieldSpec:
        key = f"{group}.{name}"
        if not self.schema.has_field(key):
            raise self.fail(f"pattern group or 'set' key {name!r} is not a field of {group!r}")
        return self.schema.field(key)

    def check_value(self, spec: FieldSpec, value: Any) -> None:
        ok = {
            FieldType.CHOICE: isinstance(value, str) and value in spec.choices,
            FieldType.INT: isinstance(value, int) and not isinstance(value, bool),
            FieldType.NUMBER: isinstance(value, (int, float)) and not isinstance(value, bool),
            FieldType.BOOL: isinstance(value, bool),
            FieldType.TEXT: isinstance(value, str) and bool(value),
        }[spec.type]
        if not ok:
            allowed = f" (one of: {', '.join(spec.choices)})" if spec.choices else ""
            raise self.fail(f"value {value!r} does not fit field {spec.key!r}{allowed}")
