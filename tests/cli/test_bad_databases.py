"""Every subcommand that reads a database refuses a bad one: exit 2, one line, file untouched."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import pytest

from curator.cli import main
from curator.core.model import NewDocument
from curator.store import SqlStore

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("good") / "curation.sqlite"
    with SqlStore.open(path, keep_backups=0) as store:
        store.add_documents(
            NewDocument(f"d{i}", f"Trial {i}", "x.txt", "Aspirin in stroke. " * 50)
            for i in range(200)
        )
    return path.read_bytes()


def not_sqlite(path: Path, _good: bytes) -> None:
    path.write_bytes(b"Title,Year\nAspirin,2019\n" * 40)


def truncated(path: Path, good: bytes) -> None:
    path.write_bytes(good[: len(good) // 2])


def newer_version(path: Path, good: bytes) -> None:
    path.write_bytes(good)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()


BAD: dict[str, tuple[Callable[[Path, bytes], None], str]] = {
    "not-sqlite": (not_sqlite, "not an Evidence Curator database"),
    "truncated": (truncated, "is damaged"),
    "newer-version": (newer_version, "newer version of Evidence Curator"),
}
COMMANDS = {
    "import": lambda db, tmp: ["import", str(tmp / "doc.txt"), "--db", db, "--no-extract"],
    "export": lambda db, tmp: ["export", "--db", db, "--out", str(tmp / "out")],
    "search": lambda db, tmp: ["search", "aspirin", "--db", db],
    "backup": lambda db, tmp: ["backup", "--db", db, "--out", str(tmp / "b.sqlite")],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("bad", sorted(BAD))
def test_a_bad_database_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good_bytes: bytes, command: str, bad: str
) -> None:
    folder = tmp_path / "db"
    folder.mkdir()
    db = folder / "curation.sqlite"
    make, words = BAD[bad]
    make(db, good_bytes)
    before = db.read_bytes()
    (tmp_path / "doc.txt").write_text("Aspirin in 20 patients.", encoding="utf-8")
    code = main(COMMANDS[command](str(db), tmp_path))
    out, err = capsys.readouterr()
    if (command, bad) == ("backup", "newer-version"):
        # A copy needs no understanding of the contents: backing up a newer database
        # works (and leaves it as it was), so it can be kept safe before anything else.
        assert code == 0, err
        assert db.read_bytes() == before
        assert (tmp_path / "b.sqlite").read_bytes()[:16] == b"SQLite format 3\x00"
        return
    assert code == 2
    assert out == ""
    assert err.startswith(f"curator: error: {db}")
    assert words in err
    assert err.count("\n") == 1
    assert db.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["curation.sqlite"]  # no -wal, no backups
    assert not (tmp_path / "out").exists()
    assert not (tmp_path / "b.sqlite").exists()
