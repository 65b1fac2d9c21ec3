"""Rule files are validated at load; a curator rules file extends the extractor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from curator.extract import RuleFileError, load_extractor

if TYPE_CHECKING:
    from pathlib import Path

GOOD = """
[[rules]]
id = "curator.design_registry"
field = "study_design"
description = "A registry-based cohort"
confidence = 0.8
value = "prospective cohort"
patterns = ['''\\bregistry-based\\s{1,3}cohort\\b''']
"""


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "my_rules.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_builtin_rules_load_and_describe(extractor: object) -> None:
    ex = load_extractor()
    assert ex.version.startswith("rules-")
    assert ex.describe("population.decide").startswith("Study total")
    assert "unknown rule" in ex.describe("no.such_rule")


def test_curator_rules_file_adds_a_rule_and_changes_version(tmp_path: Path) -> None:
    ex = load_extractor([_write(tmp_path, GOOD)])
    assert ex.version != load_extractor().version
    found = ex.extract("Drug X in MS\n\nThis registry-based cohort followed 300 patients.")
    design = [e for e in found if e.field == "study_design"]
    assert [(e.value, e.rule) for e in design] == [
        ("prospective cohort", "curator.design_registry")
    ]
    assert ex.describe("curator.design_registry") == "A registry-based cohort"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('field = "study_design"', 'field = "no_such_field"'), "not in the schema"),
        (('value = "prospective cohort"', 'value = "cohort study"'), "does not fit field"),
        (("confidence = 0.8", "confidence = 1.5"), "'confidence' must be a number"),
        (("\\bregistry", "(unclosed"), "does not compile"),
        (('value = "prospective cohort"', 'normalizer = "nope"'), "unknown normalizer"),
        (('description = "A registry-based cohort"\n', ""), "one-line 'description'"),
        (("confidence = 0.8", 'confidence = 0.8\ncolour = "red"'), "unknown setting"),
        (('id = "curator.design_registry"', 'id = "population.decide"'), "id already used"),
    ],
)
def test_bad_rule_is_refused_naming_file_and_rule(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(RuleFileError) as info:
        load_extractor([path])
    text = str(info.value)
    assert path in text
    assert message in text
    if "id already used" not in message:
        assert "curator.design_registry" in text


def test_bad_id_and_bad_toml(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match=r"must look like 'group\.name'"):
        load_extractor([_write(tmp_path, GOOD.replace("curator.design_registry", "Bad Id"))])
    with pytest.raises(RuleFileError, match="is not valid TOML"):
        load_extractor([_write(tmp_path, "[[rules]\nid = ")])
    with pytest.raises(RuleFileError, match="cannot be read"):
        load_extractor([str(tmp_path / "missing.toml")])


def test_row_rule_groups_must_be_fields_of_the_group(tmp_path: Path) -> None:
    text = """
[[rules]]
id = "curator.bad_row"
field = "outcomes"
kind = "row"
description = "x"
confidence = 0.5
patterns = ['''(?P<colour>red)''']
"""
    with pytest.raises(RuleFileError, match="'colour' is not a field of 'outcomes'"):
        load_extractor([_write(tmp_path, text)])
