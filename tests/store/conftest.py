"""Store fixtures: a real SQLite file per test, migrated to head by SqlStore.open."""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

import pytest

from curator.core.model import Extracted, NewDocument
from curator.core.review import build_form, place
from curator.store import SqlStore
from curator.store.database import alembic_config, open_engine

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from alembic.config import Config
    from sqlalchemy import Connection

    from curator.core.review import Form
    from curator.core.schema import Schema

TEXT = (
    "Aspirin versus placebo in 120 adults with stroke. Of these, 64 women. "
    "Mean age 61.5 years. Follow-up 12 months."
)


@contextmanager
def migrating(db_path: Path) -> Iterator[tuple[Config, Connection]]:
    """Alembic's config bound to one transaction on the database file, for
    ``command.upgrade``/``downgrade`` in a test (the store must be closed)."""
    engine, _ = open_engine(db_path)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            yield config, connection
    finally:
        engine.dispose()


def new_doc(doc_id: str, title: str = "", text: str = TEXT) -> NewDocument:
    return NewDocument(doc_id, title or f"Trial {doc_id}", f"/seeds/{doc_id}.txt", text)


def extracted() -> list[Extracted]:
    return [
        Extracted("n_total", 120, "120", 30, 33, "n.total", 0.9),
        Extracted("n_female", 64, "64", 59, 61, "n.female", 0.6),
        Extracted("follow_up_months", 12.0, "12 months", 98, 107, "fu.months", 0.8),
        Extracted("intervention", "aspirin", "Aspirin", 0, 7, "drug", 0.95),
        Extracted("comparator", "placebo", "placebo", 15, 22, "cmp", 0.7),
    ]


class FormOf(Protocol):
    def __call__(self, store: SqlStore, doc_id: str = "d1") -> Form: ...


@pytest.fixture
def store(db_path: Path) -> Iterator[SqlStore]:
    with SqlStore.open(db_path) as opened:
        yield opened


@pytest.fixture
def form_of(schema: Schema) -> FormOf:
    """The current form of a stored document."""

    def form(store: SqlStore, doc_id: str = "d1") -> Form:
        return build_form(schema, doc_id, store.suggestions(doc_id), store.curated(doc_id))

    return form


@pytest.fixture
def filled(store: SqlStore, schema: Schema) -> SqlStore:
    """The store with document d1 (suggestions from ``extracted()``) and d2 (none)."""
    store.add_documents([new_doc("d1", "Aspirin trial"), new_doc("d2", "beta blockers")])
    store.add_suggestions("d1", place(schema, [], extracted()), "v1")
    return store


@pytest.fixture
def make_doc() -> type[NewDocument] | object:
    """``make_doc(id, title="", text=TEXT)`` -> NewDocument."""
    return new_doc


@pytest.fixture
def extracted_values() -> list[Extracted]:
    return extracted()
