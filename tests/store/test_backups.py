"""Rolling backups on open, backup_to / backup_database with the backup API, restore."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from typing import TYPE_CHECKING, Any

import pytest

from curator.store import (
    BackupError,
    CorruptDatabaseError,
    NotADatabaseError,
    SqlStore,
    backup_database,
    list_backups,
    restore_backup,
)
from curator.store import backups as backups_module

if TYPE_CHECKING:
    from pathlib import Path


def ids(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        found = [i for (i,) in connection.execute("SELECT id FROM documents ORDER BY id")]
    connection.close()
    return found


def add(db_path: Path, make_doc: Any, *doc_ids: str, keep: int = 5) -> None:
    with SqlStore.open(db_path, keep_backups=keep) as store:
        store.add_documents([make_doc(i) for i in doc_ids])


def test_open_backs_up_a_changed_database_only(db_path: Path, make_doc: Any) -> None:
    add(db_path, make_doc, "a")
    assert list_backups(db_path) == []  # a new database has nothing to back up
    SqlStore.open(db_path).close()
    (first,) = list_backups(db_path, "auto")
    assert first.parent == db_path.parent / "backups"
    assert ids(first) == ["a"]
    assert first.read_bytes()[18:20] == b"\x01\x01"  # one self-contained file, no WAL
    SqlStore.open(db_path).close()
    SqlStore.open(db_path).close()
    assert list_backups(db_path) == [first]  # unchanged since: skipped
    add(db_path, make_doc, "b")
    SqlStore.open(db_path).close()
    newest, older = list_backups(db_path)
    assert (older, ids(newest)) == (first, ["a", "b"])


def test_only_the_newest_automatic_backups_are_kept(db_path: Path, make_doc: Any) -> None:
    add(db_path, make_doc, "first")
    with SqlStore.open(db_path, keep_backups=2) as store:
        manual = store.backup_to()
    for doc in ("b", "c", "d"):
        add(db_path, make_doc, doc, keep=2)
    SqlStore.open(db_path, keep_backups=2).close()
    autos = list_backups(db_path, "auto")
    assert [ids(path) for path in autos] == [["b", "c", "d", "first"], ["b", "c", "first"]]
    assert list_backups(db_path, "manual") == [manual]  # never pruned
    add(db_path, make_doc, "e", keep=0)
    SqlStore.open(db_path, keep_backups=0).close()
    assert list_backups(db_path, "auto") == autos  # 0: no automatic backups


def test_a_failed_backup_does_not_stop_the_curator(
    db_path: Path, make_doc: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    add(db_path, make_doc, "a")

    def disk_full(*_args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups_module, "copy_database", disk_full)
    with caplog.at_level(logging.WARNING, "curator.store"), SqlStore.open(db_path) as store:
        assert [d.id for d in store.list_documents()] == ["a"]
    assert "automatic backup failed" in caplog.text
    assert list_backups(db_path) == []


def test_backup_to_takes_committed_data_from_the_wal_while_another_writer_is_busy(
    store: SqlStore, db_path: Path, make_doc: Any, tmp_path: Path
) -> None:
    store.add_documents([make_doc("in-wal")])  # committed, still in the -wal file
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")  # another window in the middle of a write
    other.execute(
        "INSERT INTO documents (id, seq, title, title_key, source_path, text, status, "
        "imported_at, open_suggestions) VALUES ('uncommitted', 99, 't', 't', 'p', 'x', 'new', "
        "'2026-01-01 00:00:00', 0)"
    )
    try:
        target = store.backup_to(tmp_path / "copy.sqlite")
    finally:
        other.rollback()
        other.close()
    assert target == tmp_path / "copy.sqlite"
    assert ids(target) == ["in-wal"]
    shutil.copyfile(db_path, tmp_path / "file-copy.sqlite")  # a plain file copy misses it
    assert b"in-wal" not in (tmp_path / "file-copy.sqlite").read_bytes()
    folder = tmp_path / "out"
    folder.mkdir()
    (inside,) = [store.backup_to(folder)]
    assert inside.parent == folder
    assert inside.name.startswith("curation.sqlite.manual.")
    with pytest.raises(BackupError, match="database itself") as caught:
        store.backup_to(db_path)
    assert caught.value.path == db_path
    with pytest.raises(BackupError, match="choose another place"):
        store.backup_to(tmp_path / "copy.sqlite" / "inside-a-file.sqlite")


def test_backup_database_for_the_cli(
    store: SqlStore, db_path: Path, make_doc: Any, tmp_path: Path
) -> None:
    store.add_documents([make_doc("a")])
    written = backup_database(db_path)  # while the store is open
    assert list_backups(db_path, "manual") == [written]
    assert ids(written) == ["a"]
    assert ids(backup_database(db_path, tmp_path / "x.sqlite")) == ["a"]
    with pytest.raises(BackupError, match="database itself"):
        backup_database(db_path, db_path)
    store.close()
    before = db_path.read_bytes()
    backup_database(db_path, tmp_path / "y.sqlite")
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.glob("curation.sqlite*")) == ["curation.sqlite"]
    with pytest.raises(NotADatabaseError, match="no database") as caught:
        backup_database(tmp_path / "missing.sqlite")
    assert caught.value.path == tmp_path / "missing.sqlite"
    with pytest.raises(BackupError) as failed:
        backup_database(db_path, tmp_path / "y.sqlite" / "inside-a-file.sqlite")
    assert failed.value.path == tmp_path / "y.sqlite" / "inside-a-file.sqlite"


def test_restore_checks_the_backup_first(db_path: Path, make_doc: Any, tmp_path: Path) -> None:
    add(db_path, make_doc, "a")
    good = backup_database(db_path, tmp_path / "good.sqlite")
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(CorruptDatabaseError) as caught:
        restore_backup(damaged, db_path)
    assert caught.value.path == damaged
    with pytest.raises(NotADatabaseError):
        restore_backup(other, db_path)
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == []


def test_restore_into_a_database_another_window_has_open(
    db_path: Path, make_doc: Any, tmp_path: Path
) -> None:
    add(db_path, make_doc, "a")
    saved = backup_database(db_path, tmp_path / "saved.sqlite")
    with SqlStore.open(db_path, keep_backups=0) as window:
        window.add_documents([make_doc("b")])
        kept = restore_backup(saved, db_path)
        assert kept is not None
        assert kept in list_backups(db_path, "before-restore")
        assert ids(kept) == ["a", "b"]  # what was replaced
        assert [d.id for d in window.list_documents()] == ["a"]  # the window sees the restore
        window.add_documents([make_doc("c")])  # and goes on working
    assert ids(db_path) == ["a", "c"]


def test_restore_over_a_damaged_database_keeps_the_damaged_file(
    db_path: Path, make_doc: Any, tmp_path: Path
) -> None:
    add(db_path, make_doc, "a")
    saved = backup_database(db_path, tmp_path / "saved.sqlite")
    damaged = db_path.read_bytes()[:5000]
    db_path.write_bytes(damaged)
    with pytest.raises(CorruptDatabaseError):
        SqlStore.open(db_path)
    kept = restore_backup(saved, db_path)
    assert kept is not None
    assert kept.read_bytes() == damaged
    assert kept in list_backups(db_path, "damaged")
    with SqlStore.open(db_path) as store:
        assert [d.id for d in store.list_documents()] == ["a"]
    fresh = tmp_path / "new" / "fresh.sqlite"
    assert restore_backup(saved, fresh) is None  # no database there yet: a plain copy
    assert ids(fresh) == ["a"]


def test_a_backup_says_when_it_was_made(store: SqlStore, tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from curator.store import backup_time

    before = datetime.now(UTC)
    made = store.backup_to()
    moment = backup_time(made)
    assert moment is not None
    assert before - timedelta(seconds=1) <= moment <= datetime.now(UTC)
    assert backup_time(tmp_path / "copy-of-curation.sqlite") is None
