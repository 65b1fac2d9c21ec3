"""The keymap is plain data: checked without Qt."""

from __future__ import annotations

import re
import sys

from curator import keymap
from curator.keymap import ACTIONS, ActionSpec, conflicts

REQUIRED = {
    "review.accept": "A", "review.reject": "X", "review.correct": "E", "review.skip": "Space",
    "review.accept_all": "Shift+A", "review.take": "T", "nav.next_field": "J",
    "nav.previous_field": "K", "nav.next_document": "N", "nav.previous_document": "P",
    "doc.mark_done": "Ctrl+Return", "edit.undo": "Ctrl+Z", "edit.redo": "Ctrl+Shift+Z",
    "view.search": "Ctrl+F", "file.import": "", "file.export": "", "help.shortcuts": "F1",
}  # fmt: skip


def test_no_key_is_bound_twice_within_a_context() -> None:
    assert conflicts() == {}


def test_conflicts_are_found_case_insensitively_and_across_contexts() -> None:
    specs = (
        ActionSpec("a.one", "One", ("Ctrl+A",)),
        ActionSpec("a.two", "Two", ("ctrl+a",)),
        ActionSpec("a.three", "Three", ("J",)),
        ActionSpec("a.four", "Four", (), form_keys=("j",)),
    )
    assert set(conflicts(specs)) == {"ctrl+a", "j"}


def test_ids_are_unique_area_verb_and_have_menus() -> None:
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids))
    areas = {area for area, _ in keymap.MENUS}
    for spec in ACTIONS:
        assert re.fullmatch(r"[a-z]+\.[a-z_]+", spec.id), spec.id
        assert spec.area in areas, spec.id
        assert spec.tip, spec.id


def test_the_review_keys_of_the_issue_are_bound() -> None:
    table = keymap.by_id()
    for action_id, key in REQUIRED.items():
        assert action_id in table, action_id
        if key:
            assert key in table[action_id].keys, (action_id, table[action_id].keys)
    assert "Return" in table["review.correct"].keys
    assert "/" in table["view.search"].keys
    assert table["nav.next_field"].form_keys == ("Down",)
    assert table["nav.previous_field"].form_keys == ("Up",)


def test_keymap_does_not_import_qt() -> None:
    assert keymap.__name__ in sys.modules
    with open(keymap.__file__, encoding="utf-8") as file:
        source = file.read()
    assert "PySide6" not in source
    assert "shiboken" not in source


def test_plain_text_drops_mnemonics_and_ellipsis() -> None:
    assert ActionSpec("a.b", "&Correct...").plain_text == "Correct"
    assert ActionSpec("a.b", "Fish && &Chips").plain_text == "Fish & Chips"
