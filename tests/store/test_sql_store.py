"""Round trips of every EvidenceStore method on a real SQLite file."""

from __future__ import annotations

import inspect
from datetime import UTC
from typing import TYPE_CHECKING, Any

import pytest

from curator.core.model import DocStatus, Extracted, NewDocument, Progress, Status
from curator.core.ports import EvidenceStore
from curator.core.review import accept, correct, display, place, reject
from curator.store import SqlStore, UnknownDocumentError

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.schema import Schema


def test_sql_store_has_the_ports_signatures() -> None:
    """mypy checks the types (sql_store._implements_the_port); this checks names too."""
    members = [n for n in vars(EvidenceStore) if not n.startswith("_")]
    assert members
    for name in members:
        expected = getattr(EvidenceStore, name)
        actual = getattr(SqlStore, name)
        if isinstance(expected, property):
            assert isinstance(actual, property), name
            continue
        want = list(inspect.signature(expected).parameters.values())
        got = list(inspect.signature(actual).parameters.values())
        extra = got[len(want) :]  # allowed: keyword-only options with defaults
        assert [(p.name, p.kind, p.default) for p in got[: len(want)]] == [
            (p.name, p.kind, p.default) for p in want
        ], name
        assert all(p.kind is p.KEYWORD_ONLY and p.default is not p.empty for p in extra), name


def test_location_is_the_file(store: SqlStore, db_path: Path) -> None:
    assert store.location == str(db_path.resolve())
    assert db_path.exists()


def test_add_documents_reports_duplicates_without_touching_them(
    store: SqlStore, make_doc: Any
) -> None:
    first = store.add_documents([make_doc("a", "Alpha"), make_doc("b", "Beta")])
    assert first.added == ("a", "b")
    assert first.duplicates == ()
    again = store.add_documents([make_doc("b", "Changed title"), make_doc("c"), make_doc("c")])
    assert again.added == ("c",)
    assert again.duplicates == ("b", "c")
    assert store.document("b").title == "Beta"


def test_document_round_trip(store: SqlStore, make_doc: Any) -> None:
    store.add_documents([make_doc("a", "Alpha", "Some text, ünïcode ✓")])
    document = store.document("a")
    assert (document.id, document.title, document.text) == ("a", "Alpha", "Some text, ünïcode ✓")
    assert document.source_path == "/seeds/a.txt"
    assert document.status is DocStatus.NEW
    assert document.imported_at.tzinfo is UTC


def test_unknown_document_raises(store: SqlStore) -> None:
    with pytest.raises(UnknownDocumentError, match="nope"):
        store.document("nope")
    with pytest.raises(UnknownDocumentError):
        store.add_suggestions("nope", [], "v1")
    with pytest.raises(LookupError):
        store.set_document_status("nope", DocStatus.DONE, "me")


def test_list_documents_order_and_status_filter(store: SqlStore, make_doc: Any) -> None:
    store.add_documents(
        [
            make_doc("3", "beta"),
            make_doc("2", "Alpha"),
            make_doc("1", "alpha"),
            make_doc("4", "Ärger"),
        ]
    )
    assert [d.id for d in store.list_documents()] == ["1", "2", "3", "4"]
    store.set_document_status("3", DocStatus.DONE, "me")
    assert [d.id for d in store.list_documents(DocStatus.DONE)] == ["3"]
    assert [d.id for d in store.list_documents(DocStatus.NEW)] == ["1", "2", "4"]
    assert store.list_documents(DocStatus.IN_PROGRESS) == []


def test_suggestions_round_trip_keep_types(filled: SqlStore, schema: Schema) -> None:
    values: list[Any] = [120, 0.5, 1.0, True, "placebo"]
    items = [
        Extracted("outcomes.value", value, "x", i, i + 1, f"r{i}", 0.5, row=i)
        for i, value in enumerate(values)
    ]
    assert filled.add_suggestions("d2", items, "v2") == len(items)
    stored = filled.suggestions("d2")
    assert [s.normalized for s in stored] == values
    assert [type(s.normalized) for s in stored] == [type(v) for v in values]
    assert [s.value for s in stored] == [display(v) for v in values]
    assert {s.extractor_version for s in stored} == {"v2"}
    assert [s.text for s in stored] == ["x"] * 5


def test_open_suggestions_counted_per_slot(filled: SqlStore, schema: Schema) -> None:
    # a second suggestion for an existing slot does not add an open slot
    more = place(
        schema, filled.suggestions("d1"), [Extracted("n_total", 121, "12", 30, 32, "alt", 0.2)]
    )
    assert more[0].row == 0
    filled.add_suggestions("d1", more, "v1")
    counts = {d.id: d.open_suggestions for d in filled.list_documents()}
    assert counts == {"d1": 5, "d2": 0}
    assert filled.progress() == Progress(total=2, done=0, in_progress=0, open_suggestions=5)


def test_decisions_close_slots_and_move_document_in_progress(
    filled: SqlStore, form_of: Any
) -> None:
    form = form_of(filled)
    slot = form.slots[form.next_open(-1)]
    applied = filled.apply([accept(slot, "d1", "ann")], "ann")
    assert applied[0].before is None
    assert filled.curated("d1") == [applied[0].after]
    info = {d.id: d for d in filled.list_documents()}["d1"]
    assert info.status is DocStatus.IN_PROGRESS
    assert info.open_suggestions == 4
    assert filled.progress() == Progress(total=2, done=0, in_progress=1, open_suggestions=4)


def test_set_document_status_and_progress(filled: SqlStore) -> None:
    filled.set_document_status("d2", DocStatus.DONE, "ann")
    filled.set_document_status("d2", DocStatus.DONE, "ann")  # no change: no-op
    assert filled.document("d2").status is DocStatus.DONE
    assert filled.progress() == Progress(total=2, done=1, in_progress=0, open_suggestions=5)
    assert filled.history() == []  # document status changes are not slot history


def test_documents_needing_extraction(filled: SqlStore) -> None:
    assert filled.documents_needing_extraction("v1") == ["d2"]
    assert filled.documents_needing_extraction("v2") == ["d1", "d2"]
    filled.add_suggestions("d2", [], "v2")
    assert filled.documents_needing_extraction("v2") == ["d1"]


def test_history_in_order_and_per_document(filled: SqlStore, form_of: Any) -> None:
    form = form_of(filled)
    first, second = [s for s in form.slots if s.is_open][:2]
    filled.apply([accept(first, "d1", "ann")], "ann")
    filled.apply([reject(second, "d1", "bob")], "bob")
    corrected = correct(form_of(filled).slots[form.index_of(first.spec.key, 0)], "d1", "7", "cy")
    filled.apply([corrected], "cy")
    entries = filled.history("d1")
    assert [e.curator for e in entries] == ["ann", "bob", "cy"]
    assert [e.new_status for e in entries] == [Status.ACCEPTED, Status.REJECTED, Status.CORRECTED]
    assert entries[2].old_status is Status.ACCEPTED
    assert entries[2].new_value == corrected.after.value
    assert [e.id for e in entries] == sorted(e.id for e in entries)
    assert filled.history() == entries
    assert filled.history("d2") == []


def test_all_iterators_are_ordered(filled: SqlStore, form_of: Any, schema: Schema) -> None:
    filled.add_suggestions(
        "d2", place(schema, [], [Extracted("n_total", 5, "5", 0, 1, "r", 1.0)]), "v1"
    )
    form = form_of(filled)
    filled.apply([accept(s, "d1", "ann") for s in form.slots if s.is_open], "ann")
    assert [d.id for d in filled.all_documents()] == ["d1", "d2"]
    curated = list(filled.all_curated())
    assert [(c.document_id, c.field, c.row) for c in curated] == sorted(
        (c.document_id, c.field, c.row) for c in curated
    )
    assert len(curated) == 5
    suggestions = list(filled.all_suggestions())
    assert [(s.document_id, s.field, s.row) for s in suggestions] == sorted(
        (s.document_id, s.field, s.row) for s in suggestions
    )
    assert len(suggestions) == 6


def test_all_documents_spans_batches(store: SqlStore, make_doc: Any) -> None:
    ids = [f"{i:05d}" for i in range(2500)]
    assert len(store.add_documents(make_doc(i, text="t") for i in ids).added) == 2500
    assert [d.id for d in store.all_documents()] == ids


def test_reopening_keeps_everything(filled: SqlStore, form_of: Any, db_path: Path) -> None:
    form = form_of(filled)
    applied = filled.apply([accept(s, "d1", "ann") for s in form.slots if s.is_open], "ann")
    filled.close()
    with SqlStore.open(db_path) as reopened:
        assert reopened.curated("d1") == [
            c.after for c in sorted(applied, key=lambda c: (c.field, c.row))
        ]
        assert len(reopened.history()) == 5


def test_change_marker_moves_with_every_visible_write(filled: SqlStore, form_of: Any) -> None:
    marker = filled.change_marker()
    filled.list_documents()
    filled.add_suggestions("d2", [], "v9")  # nothing a window shows
    assert filled.change_marker() == marker
    steps = [
        lambda: filled.add_documents([NewDocument("d3", "t", "/x", "x")]),
        lambda: filled.add_suggestions(
            "d3", [Extracted("n_total", 5, "5", 0, 1, "r", 1.0, row=0)], "v1"
        ),
        lambda: filled.apply(
            [accept(next(s for s in form_of(filled, "d3").slots if s.is_open), "d3", "ann")], "ann"
        ),
        lambda: filled.set_document_status("d3", DocStatus.DONE, "ann"),
    ]
    for step in steps:
        step()
        assert filled.change_marker() != marker
        marker = filled.change_marker()
