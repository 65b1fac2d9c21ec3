"""The evidence schema as data: groups of typed fields, loaded from a TOML file.

The default schema ships in ``curator/core/evidence_schema.toml`` and covers
``spec/evidence-schema.md`` with the same keys. A schema with errors is refused
with a :class:`SchemaError` that names the file, the line and the field.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from curator.core.model import Scalar

DEFAULT_SCHEMA = "evidence_schema.toml"
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_CHECK_HEADER = re.compile(r"^\s*\[\[\s*groups\s*\.\s*checks\s*\]\]")
# "p<0.001", "P = .05", "≤0.05", "0.017", "1e-5": a qualifier, then a plain number.
_P_VALUE = re.compile(r"(?:p\s*)?(<=|>=|[<>≤≥=])?\s*((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)", re.I)
_QUALIFIERS = {"≤": "<=", "≥": ">=", "=": "", None: ""}


class Format(StrEnum):
    """Extra rules for the text of a text field (``format = "..."`` in the schema)."""

    P_VALUE = "p_value"  # a probability in [0, 1], keeping its qualifier: "<0.001"


class FieldType(StrEnum):
    TEXT = "text"
    INT = "int"
    NUMBER = "number"
    CHOICE = "choice"
    BOOL = "bool"


class SchemaError(ValueError):
    """A schema file that cannot be used; ``str()`` is the message for the user."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        where = f"{path}:{line}" if line else path
        subject = f" field '{field}':" if field else ""
        super().__init__(f"{where}:{subject} {problem}")
        self.path, self.line, self.field, self.problem = path, line, field, problem


class InvalidValueError(ValueError):
    """A value that does not fit its field (shown inline in the form)."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str  # full key: "n_total" or "outcomes.ci_low"
    name: str  # key within its group: "ci_low"
    group: str
    label: str
    type: FieldType
    help: str = ""
    choices: tuple[str, ...] = ()
    several: bool = False
    format: Format | None = None

    def parse(self, text: str) -> Scalar:
        """Normalize typed text to this field's type, or raise InvalidValueError.

        Nothing is rounded or converted silently: an int field refuses "2.5".
        """
        raw = text.strip()
        if not raw:
            raise InvalidValueError("empty value")
        if self.type is FieldType.INT:
            digits = raw.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", raw) else raw
            if not re.fullmatch(r"[+-]?\d+", digits):
                raise InvalidValueError(f"'{raw}' is not a whole number")
            return int(digits)
        if self.type is FieldType.NUMBER:
            try:
                number = float(raw.replace("\u2212", "-"))
            except ValueError:
                raise InvalidValueError(f"'{raw}' is not a number") from None
            if not math.isfinite(number):
                raise InvalidValueError(f"'{raw}' is not a finite number")
            return number
        if self.type is FieldType.CHOICE:
            for choice in self.choices:
                if choice.casefold() == raw.casefold():
                    return choice
            raise InvalidValueError(f"'{raw}' is not one of: {', '.join(self.choices)}")
        if self.type is FieldType.BOOL:
            lowered = raw.casefold()
            if lowered in ("yes", "true", "y", "1"):
                return True
            if lowered in ("no", "false", "n", "0"):
                return False
            raise InvalidValueError(f"'{raw}' is not yes or no")
        if self.format is Format.P_VALUE:
            return parse_p_value(raw)
        return raw


def parse_p_value(raw: str) -> str:
    """A p value as reported, normalized: ``"p < .001"`` -> ``"<0.001"``, ``"≤0.05"`` ->
    ``"<=0.05"`` (as the extractor writes it), ``"= 0.017"`` -> ``"0.017"``.

    Refuses what is not a probability: ``"1.5"``, ``"abc"``, ``"NS"``.
    """
    found = _P_VALUE.fullmatch(raw.strip())
    if found is None:
        raise InvalidValueError(
            f"'{raw}' is not a p value: write a number from 0 to 1, optionally after "
            "<, <=, > or >= (e.g. 0.017, <0.001)"
        )
    qualifier, number = found.group(1), found.group(2).lower()
    if not 0.0 <= float(number) <= 1.0:
        raise InvalidValueError(f"'{raw}' is not a p value: it must be from 0 to 1")
    if number.startswith("."):
        number = "0" + number
    return _QUALIFIERS.get(qualifier, qualifier) + number


@dataclass(frozen=True, slots=True)
class OrderCheck:
    """Values of these fields (full keys), where decided in one row, must not decrease:
    ``ci_low <= value <= ci_high``. Declared as ``[[groups.checks]] order = [...]``."""

    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GroupSpec:
    key: str
    label: str
    repeated: bool
    fields: tuple[FieldSpec, ...]
    checks: tuple[OrderCheck, ...] = ()


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    version: int
    groups: tuple[GroupSpec, ...]
    source: str

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for g in self.groups for f in g.fields)

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    def group(self, key: str) -> GroupSpec:
        for group in self.groups:
            if group.key == key:
                return group
        raise KeyError(key)

    def has_field(self, key: str) -> bool:
        return any(spec.key == key for spec in self.fields)


def load_default_schema() -> Schema:
    source = resources.files("curator.core").joinpath(DEFAULT_SCHEMA)
    return parse_schema(source.read_text(encoding="utf-8"), f"<package>/{DEFAULT_SCHEMA}")


def load_schema(path: str | Path) -> Schema:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(str(path), None, None, f"cannot be read: {exc}") from None
    return parse_schema(text, str(path))


def parse_schema(text: str, path: str) -> Schema:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        raise SchemaError(path, line, None, f"is not valid TOML: {exc}") from None
    return _Builder(text, path).schema(data)


class _Builder:
    """Validates the parsed TOML, locating problems by line in the source text."""

    def __init__(self, text: str, path: str) -> None:
        self.lines = text.splitlines()
        self.path = path
        self._cursor = 0  # line index from which to look for the next key
        self._field_lines: dict[str, int | None] = {}  # full field key -> its last line
        # [[groups.checks]] tables come in file order: the n-th check is on the n-th header
        self._check_lines = [
            i + 1 for i, line in enumerate(self.lines) if _CHECK_HEADER.match(line)
        ]
        self._checks_seen = 0

    def fail(self, problem: str, field: str | None = None, line: int | None = None) -> SchemaError:
        return SchemaError(self.path, line, field, problem)

    def locate(self, key: str) -> int | None:
        """The 1-based line of the next ``key = "..."`` at or after the cursor."""
        pattern = re.compile(rf"^\s*key\s*=\s*[\"']{re.escape(key)}[\"']")
        for index in range(self._cursor, len(self.lines)):
            if pattern.match(self.lines[index]):
                self._cursor = index + 1
                return index + 1
        return None

    def schema(self, data: dict[str, Any]) -> Schema:
        name = data.get("name", "evidence")
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise self.fail("needs a top-level 'version' (a whole number >= 1)", line=1)
        groups_data = data.get("groups")
        if not isinstance(groups_data, list) or not groups_data:
            raise self.fail("needs at least one [[groups]] table", line=1)
        groups: list[GroupSpec] = []
        seen: set[str] = set()
        for raw_group in groups_data:
            group = self.group(raw_group)
            for spec in group.fields:
                if spec.key in seen:
                    raise self.fail("is defined twice", spec.key, self._field_lines[spec.key])
                seen.add(spec.key)
            if any(g.key == group.key for g in groups):
                raise self.fail(f"group '{group.key}' is defined twice")
            groups.append(group)
        return Schema(str(name), version, tuple(groups), self.path)

    def group(self, raw: Any) -> GroupSpec:
        if not isinstance(raw, dict):
            raise self.fail("every [[groups]] entry must be a table")
        key = raw.get("key")
        line = self.locate(key) if isinstance(key, str) else None
        if not isinstance(key, str) or not _KEY.match(key):
            raise self.fail(f"group key {key!r} must be lower_snake_case", line=line)
        repeated = raw.get("repeated", False)
        if not isinstance(repeated, bool):
            raise self.fail("'repeated' must be true or false", key, line)
        raw_fields = raw.get("fields")
        if not isinstance(raw_fields, list) or not raw_fields:
            raise self.fail("group has no [[groups.fields]]", key, line)
        fields = tuple(self.field(key, repeated, f) for f in raw_fields)
        unknown = set(raw) - {"key", "label", "repeated", "fields", "checks"}
        if unknown:
            raise self.fail(f"unknown group setting(s): {', '.join(sorted(unknown))}", key, line)
        raw_checks = raw.get("checks", [])
        if not isinstance(raw_checks, list):
            raise self.fail("'checks' must be a list of [[groups.checks]] tables", key, line)
        checks = tuple(self.check(key, fields, c, line) for c in raw_checks)
        return GroupSpec(
            key, str(raw.get("label", key.replace("_", " ").title())), repeated, fields, checks
        )

    def check(
        self, group: str, fields: tuple[FieldSpec, ...], raw: Any, group_line: int | None
    ) -> OrderCheck:
        index = self._checks_seen
        self._checks_seen += 1
        line = self._check_lines[index] if index < len(self._check_lines) else group_line
        if not isinstance(raw, dict):
            raise self.fail("every [[groups.checks]] entry must be a table", group, line)
        unknown = set(raw) - {"order"}
        if unknown:
            raise self.fail(f"unknown check setting(s): {', '.join(sorted(unknown))}", group, line)
        order = raw.get("order")
        if not isinstance(order, list) or len(order) < 2:
            raise self.fail("a check needs 'order', a list of two or more field keys", group, line)
        by_name = {spec.name: spec for spec in fields}
        keys: list[str] = []
        for name in order:
            spec = by_name.get(name) if isinstance(name, str) else None
            if spec is None:
                raise self.fail(
                    f"check 'order': {name!r} is not a field of this group", group, line
                )
            if spec.type not in (FieldType.INT, FieldType.NUMBER) or spec.several:
                raise self.fail(
                    f"check 'order': field '{name}' must be a single int or number field",
                    group,
                    line,
                )
            keys.append(spec.key)
        if len(set(keys)) != len(keys):
            raise self.fail("check 'order' names a field twice", group, line)
        return OrderCheck(tuple(keys))

    def field(self, group: str, repeated: bool, raw: Any) -> FieldSpec:
        if not isinstance(raw, dict):
            raise self.fail(f"a field of group '{group}' is not a table")
        name = raw.get("key")
        line = self.locate(name) if isinstance(name, str) else None
        if not isinstance(name, str) or not _KEY.match(name):
            raise self.fail(f"field key {name!r} in group '{group}' must be lower_snake_case")
        full = f"{group}.{name}" if repeated else name
        self._field_lines[full] = line
        unknown = set(raw) - {"key", "label", "type", "help", "choices", "several", "format"}
        if unknown:
            raise self.fail(f"unknown setting(s): {', '.join(sorted(unknown))}", full, line)
        try:
            kind = FieldType(raw.get("type", "text"))
        except ValueError:
            allowed = ", ".join(t.value for t in FieldType)
            raise self.fail(
                f"type {raw.get('type')!r} is not one of {allowed}", full, line
            ) from None
        choices = raw.get("choices", [])
        if not isinstance(choices, list) or not all(isinstance(c, str) and c for c in choices):
            raise self.fail("'choices' must be a list of non-empty strings", full, line)
        if kind is FieldType.CHOICE and not choices:
            raise self.fail("a choice field needs 'choices'", full, line)
        if choices and kind is not FieldType.CHOICE:
            raise self.fail("only choice fields take 'choices'", full, line)
        several = raw.get("several", False)
        if not isinstance(several, bool):
            raise self.fail("'several' must be true or false", full, line)
        if several and repeated:
            raise self.fail("fields of repeated groups cannot take several values", full, line)
        label = raw.get("label", name.replace("_", " ").capitalize())
        help_text = raw.get("help", "")
        if not isinstance(label, str) or not isinstance(help_text, str):
            raise self.fail("'label' and 'help' must be strings", full, line)
        text_format = self.text_format(raw.get("format"), kind, full, line)
        return FieldSpec(
            full, name, group, label, kind, help_text, tuple(choices), several, text_format
        )

    def text_format(self, raw: Any, kind: FieldType, full: str, line: int | None) -> Format | None:
        if raw is None:
            return None
        try:
            found = Format(raw) if isinstance(raw, str) else None
        except ValueError:
            found = None
        if found is None:
            allowed = ", ".join(f.value for f in Format)
            raise self.fail(f"format {raw!r} is not one of {allowed}", full, line)
        if kind is not FieldType.TEXT:
            raise self.fail(f"format '{found.value}' is for text fields", full, line)
        return found
