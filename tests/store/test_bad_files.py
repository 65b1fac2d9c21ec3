"""Bad database files: refused with a one-line message naming them, and never modified.

"Never modified" includes no ``-wal``/``-shm`` files appearing beside a refused file
(a plain read-only SQLite connection to a WAL database creates them; the store checks
files through an ``immutable`` connection when nobody has them open).

Read-only files and folders: tests run as root, for whom permissions do not exist, so
they pretend the OS refuses write access by patching ``os.access`` (which the store
asks before opening).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from typing import TYPE_CHECKING, Any

import pytest

from curator.core.model import Extracted, NewDocument
from curator.store import (
    CorruptDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    SqlStore,
    StoreError,
)

if TYPE_CHECKING:
    from pathlib import Path

PAGE = 4096


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a closed database with 300 documents, suggestions and decisions."""
    path = tmp_path_factory.mktemp("real") / "curation.sqlite"
    with SqlStore.open(path) as store:
        text = "Aspirin versus placebo in 120 adults with stroke. " * 4
        store.add_documents(NewDocument(f"d{i:03d}", f"T{i}", "/x.txt", text) for i in range(300))
        for i in range(0, 300, 3):
            store.add_suggestions(
                f"d{i:03d}", [Extracted("n_total", 120, "120", 30, 33, "n", 0.9, 0)], "v1"
            )
    data = path.read_bytes()
    assert data[18:20] == b"\x02\x02"  # WAL mode: the case where companions could appear
    return data


def outcome(path: Path) -> str:
    """Open ``path``; 'refused' (checked: untouched, alone, named) or 'opened' (checked ok)."""
    before = path.read_bytes()
    refusal: StoreError | None = None
    try:
        SqlStore.open(path, keep_backups=0).close()
    except StoreError as error:
        refusal = error
    if refusal is not None:
        assert refusal.path == path
        assert str(path) in str(refusal)
        assert "\n" not in str(refusal)
        assert path.read_bytes() == before
        assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
        return "refused"
    with sqlite3.connect(path) as connection:  # SQLite can genuinely read all of it
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    connection.close()
    return "opened"


def placed(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "c" / "curation.sqlite"
    path.parent.mkdir()
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("cut", [1, 50, 100, 1024, PAGE, PAGE + 1, 0.3, 0.5, 0.9, -PAGE, -1])
def test_truncated_database(tmp_path: Path, real_db: bytes, cut: float) -> None:
    size = int(cut * len(real_db)) if isinstance(cut, float) else cut % len(real_db)
    result = outcome(placed(tmp_path, real_db[:size]))
    if size <= len(real_db) - PAGE:
        assert result == "refused"  # whole pages missing: never opened


@pytest.mark.parametrize(
    ("page", "offset"),
    [(0, 16), (0, 28), (0, 100), (1, 0), (1, 3), (2, 8), (5, 0), (9, 2000), (40, 3000), (-1, 5)],
)
def test_flipped_bytes(tmp_path: Path, real_db: bytes, page: int, offset: int) -> None:
    data = bytearray(real_db)
    start = (page % (len(real_db) // PAGE)) * PAGE + offset
    for i in range(start, start + 8):
        data[i] ^= 0xFF
    outcome(placed(tmp_path, bytes(data)))


def test_damage_only_the_quick_check_sees_is_refused(tmp_path: Path, real_db: bytes) -> None:
    path = placed(tmp_path, real_db)
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'"
            " ORDER BY name LIMIT 1"
        ).fetchone()
    connection.close()
    data = bytearray(real_db)
    data[(root - 1) * PAGE + 3 : (root - 1) * PAGE + 5] = b"\xff\xff"  # absurd cell count
    path.write_bytes(bytes(data))
    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as connection:
        assert connection.execute("SELECT * FROM alembic_version").fetchall()  # reads fine
    connection.close()
    with pytest.raises(CorruptDatabaseError, match="check found"):
        SqlStore.open(path)
    assert outcome(path) == "refused"


def newer(data: bytes, tmp_path: Path) -> Path:
    path = placed(tmp_path, data)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()  # (the last connection removes its -wal and -shm)
    return path


def other_program(_data: bytes, tmp_path: Path) -> Path:
    path = placed(tmp_path, b"")
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda data, tmp: placed(tmp, b"Title,Year\nAspirin,2019\n"), NotADatabaseError),
        (other_program, NotADatabaseError),
        (newer, NewerDatabaseError),
        (lambda data, tmp: placed(tmp, data[: len(data) // 2]), CorruptDatabaseError),
    ],
    ids=["csv", "other-program", "newer-version", "half"],
)
def test_refused_file_is_left_exactly_as_it_was(
    tmp_path: Path, real_db: bytes, make: Any, error: type[StoreError]
) -> None:
    path = make(real_db, tmp_path)
    with pytest.raises(error):
        SqlStore.open(path)
    assert outcome(path) == "refused"


@pytest.mark.parametrize("denied", ["file", "folder"])
def test_read_only_database_is_refused(
    tmp_path: Path, real_db: bytes, monkeypatch: pytest.MonkeyPatch, denied: str
) -> None:
    path = placed(tmp_path, real_db)
    refused = path if denied == "file" else path.parent
    real_access = os.access

    def access(target: Any, mode: int, **kwargs: Any) -> bool:
        writing = bool(mode & os.W_OK)
        return not (writing and os.fspath(target) == os.fspath(refused)) and real_access(
            target, mode, **kwargs
        )

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(ReadOnlyDatabaseError, match="cannot be written"):
        SqlStore.open(path)
    assert outcome(path) == "refused"


def test_a_crashed_database_with_its_wal_opens(tmp_path: Path, real_db: bytes) -> None:
    """The -wal and -shm a killed program leaves are the database's, not damage."""
    path = placed(tmp_path, real_db)
    crashed = sqlite3.connect(path)
    crashed.execute("PRAGMA journal_mode = WAL")
    crashed.execute("PRAGMA wal_autocheckpoint = 0")
    crashed.execute("UPDATE documents SET title = 'after the crash' WHERE id = 'd001'")
    crashed.commit()
    shutil.copytree(path.parent, tmp_path / "copy")  # as if killed: -wal and -shm stay
    crashed.close()
    copy = tmp_path / "copy" / "curation.sqlite"
    assert (tmp_path / "copy" / "curation.sqlite-wal").stat().st_size > 0
    with SqlStore.open(copy) as store:
        assert store.document("d001").title == "after the crash"
