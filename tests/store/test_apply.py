"""apply(): one transaction per batch, history against the real prior state, later wins."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.exc import IntegrityError

from curator.core.model import DocStatus, Status
from curator.core.ports import SlotChange
from curator.core.review import accept, accept_all, correct, inverse, place, reject
from curator.store import SqlStore, UnknownDocumentError

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.schema import Schema


def test_history_records_the_value_really_stored(filled: SqlStore, form_of: Any) -> None:
    form = form_of(filled)
    slot = form.slots[form.next_open(-1)]
    first = accept(slot, "d1", "ann")
    filled.apply([first], "ann")
    # computed from the stale form: the caller believes the slot is still open
    stale = correct(slot, "d1", "13", "bob")
    assert stale.before is None
    applied = filled.apply([stale], "bob")
    assert applied[0].before == first.after
    assert applied[0].after == stale.after
    last = filled.history("d1")[-1]
    assert first.after is not None
    assert (last.old_status, last.old_value) == (Status.ACCEPTED, first.after.value)
    assert (last.new_status, last.new_value) == (Status.CORRECTED, "13.0")


def test_two_windows_later_write_wins_and_both_are_in_history(
    filled: SqlStore, form_of: Any, db_path: Path
) -> None:
    with SqlStore.open(db_path) as other:
        form = form_of(filled)  # both windows look at the same open slot
        slot = form.slots[form.next_open(-1)]
        mine = accept(slot, "d1", "ann")
        theirs = correct(slot, "d1", "13", "bob")
        assert filled.apply([mine], "ann")[0].before is None
        applied = other.apply([theirs], "bob")
        assert applied[0].before == mine.after  # the caller can see it was changed meanwhile
        assert filled.curated("d1") == [theirs.after]
        history = other.history("d1")
        assert [(e.curator, e.old_status, e.new_status) for e in history] == [
            ("ann", None, Status.ACCEPTED),
            ("bob", Status.ACCEPTED, Status.CORRECTED),
        ]


def test_bulk_apply_is_one_transaction(filled: SqlStore, form_of: Any) -> None:
    changes = accept_all(form_of(filled), 0.0, "ann")
    assert len(changes) == 5
    broken = SlotChange(
        "missing", "n_total", 0, None, replace(changes[0].after, document_id="missing")
    )
    with pytest.raises(UnknownDocumentError):
        filled.apply([*changes[:2], broken, *changes[2:]], "ann")
    assert filled.curated("d1") == []
    assert filled.history() == []
    assert filled.document("d1").status is DocStatus.NEW
    assert {d.id: d.open_suggestions for d in filled.list_documents()}["d1"] == 5


def test_database_error_mid_batch_rolls_back(filled: SqlStore, form_of: Any) -> None:
    changes = accept_all(form_of(filled), 0.0, "ann")
    dangling = replace(changes[1], after=replace(changes[1].after, suggestion_id=999_999))
    with pytest.raises(IntegrityError):
        filled.apply([changes[0], dangling, *changes[2:]], "ann")
    assert filled.curated("d1") == []
    assert filled.history() == []


def test_bulk_accept_then_undo(filled: SqlStore, form_of: Any, db_path: Path) -> None:
    applied = filled.apply(accept_all(form_of(filled), 0.0, "ann"), "ann")
    assert len(filled.curated("d1")) == 5
    assert filled.list_documents()[0].open_suggestions == 0
    filled.apply([inverse(change) for change in reversed(applied)], "ann", kind="undo")
    assert filled.curated("d1") == []
    assert filled.list_documents()[0].open_suggestions == 5
    assert filled.document("d1").status is DocStatus.IN_PROGRESS  # stays: work has begun
    with sqlite3.connect(db_path) as raw:
        kinds = [k for (k,) in raw.execute("SELECT kind FROM history ORDER BY id")]
    raw.close()
    assert kinds == ["decision"] * 5 + ["document-status"] + ["undo"] * 5


def test_reject_and_clear(filled: SqlStore, form_of: Any, schema: Schema) -> None:
    form = form_of(filled)
    slot = form.slots[form.next_open(-1)]
    filled.apply([reject(slot, "d1", "ann")], "ann")
    (value,) = filled.curated("d1")
    assert (value.status, value.value, value.normalized) == (Status.REJECTED, None, None)
    manual_slot = next(s for s in form.slots if s.spec.key == "year")
    typed = correct(manual_slot, "d1", "2019", "ann")
    filled.apply([typed], "ann")
    assert typed.after is not None
    assert typed.after.status is Status.MANUAL
    cleared = reject(form_of(filled).slots[form.index_of("year", 0)], "d1", "ann")
    assert cleared.after is None
    assert filled.apply([cleared], "ann")[0].before == typed.after
    assert [c.field for c in filled.curated("d1")] == [slot.spec.key]


def test_noop_change_writes_nothing(filled: SqlStore, form_of: Any) -> None:
    slot = form_of(filled).slots[0]
    assert filled.apply([SlotChange("d1", slot.spec.key, slot.row, None, None)], "ann")[0] == (
        SlotChange("d1", slot.spec.key, slot.row, None, None)
    )
    assert filled.history() == []
    assert filled.document("d1").status is DocStatus.NEW


def test_slot_mismatch_is_refused(filled: SqlStore, form_of: Any) -> None:
    change = accept_all(form_of(filled), 0.0, "ann")[0]
    with pytest.raises(ValueError, match="another slot"):
        filled.apply([replace(change, row=3)], "ann")


def test_rerunning_extraction_never_changes_curated_values(
    filled: SqlStore, form_of: Any, schema: Schema, extracted_values: list[Any]
) -> None:
    filled.apply(accept_all(form_of(filled), 0.8, "ann"), "ann")
    before = filled.curated("d1")
    history = filled.history()
    again = place(schema, filled.suggestions("d1"), extracted_values)
    assert again == []  # exact repeats are dropped by place()
    assert filled.add_suggestions("d1", again, "v2") == 0
    changed = [replace(extracted_values[0], value=121, text="12", end=32)]
    assert filled.add_suggestions("d1", place(schema, filled.suggestions("d1"), changed), "v2") == 1
    assert filled.curated("d1") == before
    assert filled.history() == history
    assert filled.documents_needing_extraction("v2") == ["d2"]
