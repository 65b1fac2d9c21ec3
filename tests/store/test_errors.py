"""Database errors a user can act on become one-line StoreErrors naming the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from curator.store import (
    CorruptDatabaseError,
    DatabaseBusyError,
    ReadOnlyDatabaseError,
    StoreError,
    UnknownDocumentError,
)
from curator.store.database import translated


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database is locked", DatabaseBusyError),
        ("attempt to write a readonly database", ReadOnlyDatabaseError),
        ("database disk image is malformed", CorruptDatabaseError),
        ("file is not a database", CorruptDatabaseError),
    ],
)
def test_translated(message: str, expected: type[StoreError]) -> None:
    with pytest.raises(expected) as caught, translated("/data/curation.sqlite"):
        raise OperationalError("SELECT 1", {}, sqlite3.OperationalError(message))
    assert "/data/curation.sqlite" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_programming_errors_pass_through() -> None:
    with pytest.raises(IntegrityError), translated("x"):
        raise IntegrityError("INSERT", {}, sqlite3.IntegrityError("FOREIGN KEY constraint failed"))


def test_unknown_document_is_a_lookup_error() -> None:
    error = UnknownDocumentError("abc")
    assert isinstance(error, LookupError)
    assert isinstance(error, StoreError)
    assert error.document_id == "abc"


def test_errors_carry_the_path_and_one_line() -> None:
    with pytest.raises(DatabaseBusyError) as caught, translated("/d/c.sqlite", Path("/d/c.sqlite")):
        raise OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked"))
    assert caught.value.path == Path("/d/c.sqlite")
    error = CorruptDatabaseError("/d/c.sqlite is damaged (found:\n*** page 3\n); restore", "/d/c")
    assert str(error) == "/d/c.sqlite is damaged (found: *** page 3 ); restore"
    assert error.path == Path("/d/c")
    assert StoreError("no file").path is None
