"""The document list names a document by the best title known."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from curator.core import review
from curator.core.model import Extracted, NewDocument
from curator.store import SqlStore
from tests.store.conftest import migrating

if TYPE_CHECKING:
    from pathlib import Path

    from curator.core.schema import Schema

TEXT = "Skip to main content\nAzathioprine in Rasmussen syndrome\nWe studied 53 patients."


def new_doc(doc_id: str, title: str, text: str) -> NewDocument:
    return NewDocument(doc_id, title, f"/docs/{doc_id}.txt", text)


def _titles(store: SqlStore) -> list[str]:
    return [info.title for info in store.list_documents()]


def _add_title(store: SqlStore, schema: Schema, confidence: float) -> None:
    value = "Azathioprine in Rasmussen syndrome"
    title = Extracted("title", value, TEXT[21:55], 21, 55, "t", confidence)
    store.add_suggestions("d1", review.place(schema, [], [title]), "v1")


def test_a_confident_title_suggestion_names_the_document(store: SqlStore, schema: Schema) -> None:
    store.add_documents([new_doc("d1", "Skip to main content", TEXT)])
    _add_title(store, schema, 0.9)
    assert _titles(store) == ["Azathioprine in Rasmussen syndrome"]
    assert store.list_documents(query="Rasmussen")[0].id == "d1"


def test_an_unsure_title_suggestion_does_not(store: SqlStore, schema: Schema) -> None:
    store.add_documents([new_doc("d1", "Skip to main content", TEXT)])
    _add_title(store, schema, 0.5)
    assert _titles(store) == ["Skip to main content"]


def test_the_curators_decision_wins_and_undo_restores(store: SqlStore, schema: Schema) -> None:
    store.add_documents([new_doc("d1", "Skip to main content", TEXT)])
    _add_title(store, schema, 0.9)
    slot = review.build_form(schema, "d1", store.suggestions("d1"), []).slots[0]
    assert slot.spec.key == "title"

    corrected = review.correct(slot, "d1", "Azathioprine in RS", "ana")
    store.apply([corrected], "ana")
    assert _titles(store) == ["Azathioprine in RS"]

    store.apply([review.inverse(corrected)], "ana", kind="undo")
    assert _titles(store) == ["Azathioprine in Rasmussen syndrome"]

    store.apply([review.reject(slot, "d1", "ana")], "ana")
    assert _titles(store) == ["Skip to main content"]  # a rejected suggestion names nothing


def test_upgrade_from_the_first_revision_keeps_file_titles(db_path: Path) -> None:
    from alembic import command

    with SqlStore.open(db_path) as store:
        store.add_documents([new_doc("d1", "From the file", TEXT)])
    with migrating(db_path) as (config, _connection):
        command.downgrade(config, "0001")
    with SqlStore.open(db_path) as store:
        assert _titles(store) == ["From the file"]
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT file_title FROM documents").fetchall() == [("From the file",)]
