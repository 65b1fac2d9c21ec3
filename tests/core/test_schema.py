from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.core.schema import (
    FieldType,
    InvalidValueError,
    Schema,
    SchemaError,
    load_schema,
    parse_schema,
)

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "evidence-schema.md"

MINIMAL = """\
version = 1

[[groups]]
key = "study"

[[groups.fields]]
key = "n_total"
type = "int"

[[groups.fields]]
key = "design"
type = "choice"
choices = ["cohort", "trial"]
"""


def test_default_schema_covers_every_key_of_the_spec(schema: Schema) -> None:
    if not SPEC.exists():
        pytest.skip("shared/spec is not beside the repository")
    text = SPEC.read_text(encoding="utf-8")
    spec_keys: set[str] = set()
    group = ""
    for line in text.splitlines():
        heading = re.match(r"^### (\w+)", line)
        if heading:
            group = heading.group(1)
        cell = re.match(r"^\| (\w+)(?:, (\w+))? \|", line)
        if cell and cell.group(1) != "key":
            for key in filter(None, cell.groups()):
                repeated = group in ("outcomes", "adverse_events", "grades")
                spec_keys.add(f"{group}.{key}" if repeated else key)
    assert spec_keys, "the spec's tables were not found"
    assert spec_keys <= {f.key for f in schema.fields}


def test_default_schema_types_and_vocabularies(schema: Schema) -> None:
    assert schema.field("n_total").type is FieldType.INT
    assert schema.field("outcomes.value").type is FieldType.NUMBER
    assert schema.field("adverse_events.led_to_discontinuation").type is FieldType.BOOL
    assert "single-arm trial" in schema.field("study_design").choices
    assert schema.field("condition").several
    assert schema.group("outcomes").repeated
    assert not schema.group("population").repeated


def test_minimal_schema_parses() -> None:
    schema = parse_schema(MINIMAL, "mini.toml")
    assert [f.key for f in schema.fields] == ["n_total", "design"]


@pytest.mark.parametrize(
    ("broken", "line", "field", "words"),
    [
        (MINIMAL.replace('type = "int"', 'type = "integer"'), 7, "n_total", "not one of"),
        (MINIMAL.replace('choices = ["cohort", "trial"]\n', ""), 11, "design", "needs 'choices'"),
        (MINIMAL.replace('type = "int"', 'type = "int"\ncolour = "red"'), 7, "n_total", "unknown"),
        (MINIMAL.replace('key = "design"', 'key = "n_total"'), 11, "n_total", "twice"),
        (MINIMAL.replace("version = 1", 'version = "one"'), 1, None, "version"),
        (
            MINIMAL.replace('key = "study"', 'key = "study"\nrepeated = "yes"'),
            4,
            "study",
            "repeated",
        ),
    ],
)
def test_schema_errors_name_file_line_and_field(
    broken: str, line: int, field: str | None, words: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        parse_schema(broken, "custom.toml")
    message = str(caught.value)
    assert message.startswith(f"custom.toml:{line}:"), message
    assert words in message
    if field:
        assert f"'{field}'" in message


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MINIMAL.replace('key = "design"', 'key = "design'), encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad\.toml:11: is not valid TOML"):
        load_schema(path)


def test_unreadable_schema_file_is_a_schema_error(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="cannot be read"):
        load_schema(tmp_path / "missing.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SchemaError, match="cannot be read"):
        load_schema(binary)


@given(st.text(max_size=400))
def test_any_text_is_a_schema_or_a_schema_error(text: str) -> None:
    try:
        parse_schema(text, "fuzz.toml")
    except SchemaError as error:
        assert str(error).startswith("fuzz.toml")  # noqa: PT017 (fuzzing: any error is fine)


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("n_total", "53", 53),
        ("n_total", "1,009", 1009),
        ("outcomes.value", "0.295", 0.295),
        ("outcomes.value", "\u22120.5", -0.5),
        ("study_design", "Single-Arm Trial", "single-arm trial"),
        ("adverse_events.led_to_discontinuation", "yes", True),
        ("title", "  A title ", "A title"),
    ],
)
def test_parse_normalizes_typed_values(
    schema: Schema, key: str, text: str, expected: object
) -> None:
    value = schema.field(key).parse(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("n_total", "2.5"),  # never rounded silently
        ("n_total", "fifty"),
        ("outcomes.value", "0.3 (IQR)"),
        ("outcomes.value", "nan"),
        ("study_design", "cohort-ish"),
        ("adverse_events.led_to_discontinuation", "maybe"),
        ("title", "   "),
    ],
)
def test_parse_refuses_values_of_the_wrong_type(schema: Schema, key: str, text: str) -> None:
    with pytest.raises(InvalidValueError):
        schema.field(key).parse(text)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("<0.001", "<0.001"),
        ("< 0.05", "<0.05"),
        ("≤0.05", "<=0.05"),  # written as the extractor writes it
        ("0.017", "0.017"),
        ("=0.017", "0.017"),
        ("p<0.001", "<0.001"),
        ("P = .05", "0.05"),
        (">0.05", ">0.05"),
        ("1e-5", "1e-5"),
        ("0", "0"),
        ("1", "1"),
    ],
)
def test_p_values_keep_their_qualifier(schema: Schema, typed: str, stored: str) -> None:
    assert schema.field("outcomes.p_value").parse(typed) == stored


@pytest.mark.parametrize("typed", ["1.5", "abc", "NS", "<2", "-0.1", "0.05 (NS)", "p"])
def test_p_values_outside_0_1_or_not_numbers_are_refused(schema: Schema, typed: str) -> None:
    with pytest.raises(InvalidValueError, match="is not a p value"):
        schema.field("outcomes.p_value").parse(typed)


def test_the_default_schema_declares_its_checks_as_data(schema: Schema) -> None:
    (ci,) = schema.group("outcomes").checks
    assert ci.fields == ("outcomes.ci_low", "outcomes.value", "outcomes.ci_high")
    assert ("n_female", "n_total") in [c.fields for c in schema.group("population").checks]
    assert schema.field("outcomes.p_value").format == "p_value"


CHECKED = """\
version = 1

[[groups]]
key = "outcomes"
repeated = true

[[groups.fields]]
key = "low"
type = "number"

[[groups.fields]]
key = "high"
type = "number"

[[groups.fields]]
key = "note"

[[groups.checks]]
order = ["low", "high"]
"""


def test_a_check_parses() -> None:
    (check,) = parse_schema(CHECKED, "c.toml").group("outcomes").checks
    assert check.fields == ("outcomes.low", "outcomes.high")


@pytest.mark.parametrize(
    ("broken", "line", "words"),
    [
        (CHECKED.replace('["low", "high"]', '["low", "upper"]'), 18, "'upper' is not a field"),
        (CHECKED.replace('["low", "high"]', '["low", "note"]'), 18, "single int or number"),
        (CHECKED.replace('["low", "high"]', '["low"]'), 18, "two or more"),
        (CHECKED.replace('["low", "high"]', '["low", "low"]'), 18, "twice"),
        (CHECKED.replace('["low", "high"]', '"low"'), 18, "two or more"),
        (CHECKED + 'severity = "high"\n', 18, "unknown check setting"),
        (CHECKED + '\n[[groups.checks]]\norder = ["high", 3]\n', 21, "3 is not a field"),
        (CHECKED.replace("repeated = true", "repeated = true\ncolour = 1"), 4, "unknown group"),
        (CHECKED.replace('key = "note"', 'key = "note"\nformat = "p"'), 16, "format 'p' is not"),
        (
            CHECKED.replace(
                'type = "number"\n\n[[groups.fields]]\nkey = "high"',
                'type = "number"\nformat = "p_value"\n\n[[groups.fields]]\nkey = "high"',
            ),
            8,
            "for text fields",
        ),
    ],
)
def test_bad_checks_and_formats_name_file_and_line(broken: str, line: int, words: str) -> None:
    with pytest.raises(SchemaError) as caught:
        parse_schema(broken, "checks.toml")
    assert str(caught.value).startswith(f"checks.toml:{line}:"), str(caught.value)
    assert words in str(caught.value)
