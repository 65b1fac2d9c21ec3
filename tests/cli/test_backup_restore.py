"""``curator backup`` and ``curator restore`` end to end, in-process."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from curator.core.model import NewDocument
from curator.store import SqlStore, list_backups
from tests.cli.conftest import run

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def make_db(path: Path, titles: list[str]) -> None:
    with SqlStore.open(path, keep_backups=0) as store:
        store.add_documents(NewDocument(f"id-{t}", t, f"{t}.txt", f"Text of {t}.") for t in titles)


def titles(path: Path) -> list[str]:
    with SqlStore.open(path, keep_backups=0) as store:
        return [d.title for d in store.list_documents()]


def test_backup_to_a_file_and_to_the_backups_folder(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    make_db(db_path, ["alpha"])
    out_file = tmp_path / "copy.sqlite"
    code, out, err = run(capsys, "backup", "--db", str(db_path), "--out", str(out_file))
    assert code == 0, err
    assert out == f"backup written to {out_file}\n"
    assert titles(out_file) == ["alpha"]
    code, out, _ = run(capsys, "backup", "--db", str(db_path))
    assert code == 0
    (manual,) = list_backups(db_path, "manual")
    assert out == f"backup written to {manual}\n"


def test_backup_never_migrates_or_changes_the_database(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    make_db(db_path, ["alpha"])
    with sqlite3.connect(db_path) as connection:  # an older (unknown-to-migrate) state
        connection.execute("DELETE FROM alembic_version")
    connection.close()
    before = db_path.read_bytes()
    names = sorted(p.name for p in db_path.parent.iterdir())
    assert (
        run(capsys, "backup", "--db", str(db_path), "--out", str(tmp_path / "o" / "b.sqlite"))[0]
        == 0
    )
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [*names, "o"]


def test_backup_of_a_missing_database_is_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "none.sqlite"
    code, out, err = run(capsys, "backup", "--db", str(missing))
    assert (code, out) == (2, "")
    assert err.startswith(f"curator: error: There is no database at {missing}")
    assert not missing.exists()


def test_restore_replaces_the_database_and_keeps_the_old_one(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    make_db(db_path, ["alpha"])
    backup = tmp_path / "saved.sqlite"
    assert run(capsys, "backup", "--db", str(db_path), "--out", str(backup))[0] == 0
    make_db(db_path, ["beta"])  # a later change, to be undone by the restore
    assert titles(db_path) == ["alpha", "beta"]
    code, out, err = run(capsys, "restore", str(backup), "--db", str(db_path))
    assert code == 0, err
    (kept,) = list_backups(db_path, "before-restore")
    assert out.splitlines() == [
        f"restored {backup} to {db_path}",
        f"the replaced database was kept as {kept}",
    ]
    assert titles(db_path) == ["alpha"]
    assert titles(kept) == ["alpha", "beta"]


def test_restore_over_a_damaged_database_moves_it_aside(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    make_db(db_path, ["alpha"])
    backup = tmp_path / "saved.sqlite"
    assert run(capsys, "backup", "--db", str(db_path), "--out", str(backup))[0] == 0
    damaged = db_path.read_bytes()[:5000]
    db_path.write_bytes(damaged)
    assert run(capsys, "search", "x", "--db", str(db_path))[0] == 2
    code, out, _ = run(capsys, "restore", str(backup), "--db", str(db_path))
    assert code == 0
    (kept,) = list_backups(db_path, "damaged")
    assert f"kept as {kept}" in out
    assert kept.read_bytes() == damaged
    assert titles(db_path) == ["alpha"]


def test_restore_refuses_a_bad_backup_and_touches_nothing(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    make_db(db_path, ["alpha"])
    before = db_path.read_bytes()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("Title,Year\n", encoding="utf-8")
    code, out, err = run(capsys, "restore", str(junk), "--db", str(db_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"curator: error: {junk}")
    assert err.count("\n") == 1
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == []
