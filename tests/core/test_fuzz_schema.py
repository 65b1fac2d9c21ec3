"""Fuzzing the schema loader with random bytes and with generated schema documents (random
groups, fields, types, choices, formats and checks), and feeding every schema that loads to
the form, the value parser, the review checks and the CSV export.

Nothing may raise except the documented errors: SchemaError (naming the file, and a line
inside it when it gives one), InvalidValueError for a value, ExportError for a schema the
export cannot write.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curator.core.export import ExportError, write_export
from curator.core.model import CuratedValue, DocStatus, Document, Suggestion
from curator.core.review import build_form, correct, slot_warning
from curator.core.schema import (
    FieldType,
    InvalidValueError,
    Schema,
    SchemaError,
    load_schema,
    parse_schema,
)

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

NAME = "gen.toml"
AT = datetime(2026, 11, 23, tzinfo=UTC)
DOC = Document("d" * 64, "A trial", "/a.txt", "Aspirin 0.3 (0.1-0.5).", DocStatus.NEW, AT)
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# -- a tiny TOML writer (strings as JSON strings: a subset of TOML basic strings) -------------


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # TOML has no surrogate-pair escapes


def toml_table(header: str, table: dict[str, Any]) -> str:
    lines = [header] if header else []
    lines += [f"{key} = {toml_value(value)}" for key, value in table.items()]
    return "\n".join(lines)


def render(top: dict[str, Any], groups: list[dict[str, Any]]) -> str:
    parts = [toml_table("", top)]
    for group in groups:
        fields, checks = group.pop("fields"), group.pop("checks")
        parts.append(toml_table("[[groups]]", group))
        parts += [toml_table("[[groups.fields]]", field) for field in fields]
        parts += [toml_table("[[groups.checks]]", check) for check in checks]
    return "\n\n".join(parts) + "\n"


# -- generated schema documents: half plausible, half with odd settings anywhere ------------

GOOD_KEYS = st.builds(  # mostly distinct ("defined twice" now and then)
    "{}_{}".format, st.sampled_from(["n", "value", "low", "high", "p", "note"]), st.integers(0, 999)
)
BAD_KEYS = st.sampled_from(["Bad Key", "", "9a", "é"]) | st.text(max_size=4)
NUMERIC = ["int", "number"]
ODD = st.one_of(st.booleans(), st.integers(-3, 3), st.text(max_size=6))


def sometimes(
    draw: st.DrawFn, odd: bool, good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]
) -> Any:
    """``good``, or (in an odd document, one time in four) ``bad``."""
    return draw(bad) if odd and draw(st.integers(0, 3)) == 0 else draw(good)


@st.composite
def fields(draw: st.DrawFn, odd: bool) -> dict[str, Any]:
    kind = sometimes(draw, odd, st.sampled_from([t.value for t in FieldType] + NUMERIC * 2),
                     st.sampled_from(["integer", 3, "", "Choice"]))  # fmt: skip
    field: dict[str, Any] = {"key": sometimes(draw, odd, GOOD_KEYS, BAD_KEYS), "type": kind}
    if kind == "choice":
        field["choices"] = sometimes(draw, odd, st.lists(st.text(min_size=1, max_size=5),
                                                         min_size=1, max_size=3),
                                     st.lists(ODD, max_size=2))  # fmt: skip
    if kind == "text" and draw(st.booleans()):
        field["format"] = sometimes(draw, odd, st.just("p_value"), st.sampled_from(["email", 1]))
    if kind != "choice" and draw(st.integers(0, 5)) == 0:
        field["several"] = sometimes(draw, odd, st.booleans(), ODD)
    for name in ("label", "help"):
        if draw(st.booleans()):
            field[name] = sometimes(draw, odd, st.text(max_size=12), ODD)
    if odd and draw(st.integers(0, 9)) == 0:
        field[draw(st.sampled_from(["colour", "format", "choices"]))] = draw(ODD)
    return field


@st.composite
def groups(draw: st.DrawFn, odd: bool) -> dict[str, Any]:
    group: dict[str, Any] = {"key": sometimes(draw, odd, GOOD_KEYS, BAD_KEYS)}
    if draw(st.booleans()):
        group["repeated"] = sometimes(draw, odd, st.booleans(), ODD)
    group["fields"] = draw(st.lists(fields(odd), min_size=0 if odd else 1, max_size=4))
    numeric = sorted({f["key"] for f in group["fields"] if f["type"] in NUMERIC} - {""})
    others = [f["key"] for f in group["fields"]] + ["missing", 7]
    good = st.lists(st.sampled_from(numeric), min_size=2, max_size=3, unique=True)
    checks = []
    for _ in range(draw(st.integers(0, 2)) if len(numeric) >= 2 or odd else 0):
        order = (
            sometimes(
                draw, odd and len(numeric) >= 2, good, st.lists(st.sampled_from(others), max_size=3)
            )
            if len(numeric) >= 2
            else draw(st.lists(st.sampled_from(others), max_size=3))
        )
        check: dict[str, Any] = {"order": order}
        if odd and draw(st.integers(0, 5)) == 0:
            check["strict"] = True
        checks.append(check)
    group["checks"] = checks
    return group


@st.composite
def schema_documents(draw: st.DrawFn) -> str:
    odd = draw(st.booleans())
    top: dict[str, Any] = {"version": sometimes(draw, odd, st.integers(1, 3),
                                                st.sampled_from([0, -1, "1", True]))}  # fmt: skip
    if draw(st.booleans()):
        top["name"] = draw(st.text(max_size=8))
    return render(top, draw(st.lists(groups(odd), min_size=0 if odd else 1, max_size=3)))


def loaded_or_refused(text: str) -> Schema | None:
    try:
        return parse_schema(text, NAME)
    except SchemaError as error:
        message = str(error)
        assert message.startswith(NAME)
        assert "\n" not in message.strip() or "TOML" in message
        if error.line is not None:
            assert 1 <= error.line <= max(1, len(text.splitlines())), message  # noqa: PT017
        return None


def exercise(schema: Schema, typed: str, tmp_path: Path) -> None:
    """Everything downstream of a loaded schema copes with any typed text."""
    for group in schema.groups:
        for check in group.checks:
            assert all(schema.field(key).group == group.key for key in check.fields)
            assert all(schema.field(key).type in (FieldType.INT, FieldType.NUMBER)
                       for key in check.fields)  # fmt: skip
    suggestions = [
        Suggestion(i + 1, DOC.id, spec.key, 0, typed, typed, 0, 3, "fuzz", 0.5, "v", "Asp")
        for i, spec in enumerate(schema.fields)
    ]
    decided: list[CuratedValue] = []
    form = build_form(schema, DOC.id, suggestions, decided)
    for slot in form.slots:
        slot_warning(schema, form, slot)
        try:
            change = correct(slot, DOC.id, typed, "fuzz", form=form, schema=schema)
        except InvalidValueError as error:
            assert str(error)  # noqa: PT017
        else:
            assert change.after is not None
            decided.append(change.after)
            form = build_form(schema, DOC.id, suggestions, decided)
    try:
        write_export(tmp_path, schema, [DOC], decided, suggestions, include_suggestions=True)
    except ExportError as error:
        assert str(error)  # noqa: PT017
        return
    for table in tmp_path.glob("*.csv"):
        with table.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows
        assert all(len(row) == len(rows[0]) for row in rows)


@FUZZ
@given(text=schema_documents(), typed=st.text(max_size=12))
def test_generated_schemas_load_or_are_refused_clearly(
    tmp_path_factory: pytest.TempPathFactory, text: str, typed: str
) -> None:
    schema = loaded_or_refused(text)
    if schema is not None:
        exercise(schema, typed, tmp_path_factory.mktemp("export"))


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_as_a_schema_file(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("bytes") / "schema.toml"
    path.write_bytes(data)
    try:
        load_schema(path)
    except SchemaError as error:
        assert str(error).startswith(str(path))  # noqa: PT017


@FUZZ
@given(data=st.data())
def test_the_default_schema_with_lines_dropped_or_repeated(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    from importlib import resources

    lines = resources.files("curator.core").joinpath("evidence_schema.toml").read_text("utf-8")
    lines_list = lines.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(lines_list) - 1))
        if data.draw(st.booleans()):
            del lines_list[at]
        else:
            lines_list.insert(at, lines_list[at])
    schema = loaded_or_refused("\n".join(lines_list) + "\n")
    if schema is not None:
        exercise(schema, data.draw(st.text(max_size=10)), tmp_path_factory.mktemp("export"))
