"""Migrations: one chain matching the models; old files backed up, foreign ones refused."""

from __future__ import annotations

import shutil
import sqlite3
from typing import TYPE_CHECKING

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from curator.store import (
    CorruptDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    SqlStore,
    StoreError,
)
from curator.store.database import MIGRATIONS, alembic_config, open_engine
from curator.store.rows import Base
from curator.store.sqlite import HEADER, include_name
from tests.store.conftest import migrating

if TYPE_CHECKING:
    from pathlib import Path

EXTRA_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("test_extra", sa.Column("id", sa.Integer, primary_key=True))


def downgrade():
    op.drop_table("test_extra")
"""


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    return str(revision)


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def test_migrations_form_one_chain() -> None:
    scripts = script()
    assert len(scripts.get_heads()) == 1
    assert len(scripts.get_bases()) == 1
    chain = list(scripts.walk_revisions())  # head to base, following down_revision
    assert len(chain) == len(list(scripts.revision_map.iterate_revisions("heads", "base")))
    assert chain[-1].down_revision is None


def test_migrations_are_found_through_the_package() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert MIGRATIONS.parent.name == "store"


def test_models_match_migrations(store: SqlStore, db_path: Path) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": include_name, "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
            tables = set(connection.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
            assert {"documents_fts", "documents_fts_insert"} <= tables
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(store: SqlStore, db_path: Path) -> None:
    store.close()
    with migrating(db_path) as (config, connection):
        command.downgrade(config, "base")
        names = text("SELECT name FROM sqlite_master WHERE tbl_name != 'alembic_version'")
        assert connection.execute(names).all() == []
        command.upgrade(config, "head")
    with SqlStore.open(db_path) as reopened:
        assert reopened.list_documents() == []


def test_new_file_created_at_head_in_a_new_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "curation.sqlite"
    SqlStore.open(path).close()
    assert revision_of(path) == script().get_current_head()
    assert not list(path.parent.glob("*.backup-*"))


def test_empty_file_is_initialised(db_path: Path) -> None:
    db_path.touch()
    SqlStore.open(db_path).close()
    assert revision_of(db_path) == script().get_current_head()


def test_pragmas_in_effect(store: SqlStore) -> None:
    with store._engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA busy_timeout").scalar() == 5000
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL


def test_older_database_is_backed_up_then_upgraded(
    store: SqlStore, db_path: Path, make_doc: object, tmp_path: Path
) -> None:
    store.add_documents([make_doc("a")])  # type: ignore[operator]
    store.close()
    old = revision_of(db_path)
    newer = tmp_path / "newer-migrations"
    shutil.copytree(MIGRATIONS, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9001_test_extra.py").write_text(EXTRA_REVISION.format(head=old))
    engine, _ = open_engine(db_path, migrations=newer)
    engine.dispose()
    assert revision_of(db_path) == "9001"
    (backup,) = db_path.parent.glob(f"curation.backup-{old}-*.sqlite")
    assert revision_of(backup) == old
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT id FROM documents").fetchall() == [("a",)]
    connection.close()
    # and now this (older) app meets a database of a newer one
    with pytest.raises(NewerDatabaseError, match="newer version of Evidence Curator") as caught:
        SqlStore.open(db_path)
    assert str(db_path) in str(caught.value)
    assert revision_of(db_path) == "9001"


def test_unknown_revision_is_refused(store: SqlStore, db_path: Path) -> None:
    store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError, match=r"newer version.*ffffffffffff"):
        SqlStore.open(db_path)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"Title,Year\nAspirin,2019\n", NotADatabaseError),
        (b"\x00" * 4096, NotADatabaseError),
        (HEADER + b"\xff" * 4000, CorruptDatabaseError),
    ],
)
def test_foreign_or_corrupt_file_refused_and_unchanged(
    db_path: Path, content: bytes, error: type[StoreError]
) -> None:
    db_path.write_bytes(content)
    with pytest.raises(error) as caught:
        SqlStore.open(db_path)
    message = str(caught.value)
    assert str(db_path) in message
    assert "\n" not in message
    assert db_path.read_bytes() == content
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_sqlite_database_of_another_program_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(NotADatabaseError, match="another program"):
        SqlStore.open(db_path)
    assert db_path.read_bytes() == before


def test_folder_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="folder"):
        SqlStore.open(tmp_path)


def test_url_location_hides_password() -> None:
    from curator.store.database import describe, resolve

    url, path = resolve("postgresql://ann:secret@db.example/curation")
    assert path is None
    assert "secret" not in describe(url, path)


def test_sqlite_url_is_a_file(db_path: Path) -> None:
    with SqlStore.open(f"sqlite:///{db_path}") as store:
        assert store.location == str(db_path.resolve())
    assert db_path.exists()
