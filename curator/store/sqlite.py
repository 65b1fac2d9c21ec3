"""Everything specific to SQLite: connection PRAGMAs, write locks, FTS5, file checks, backup.

Other dialects (PostgreSQL later) go through the same store without any of this: no
PRAGMAs, and search falls back to ILIKE (see :mod:`curator.store.search`).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import event

from curator.store.errors import CorruptDatabaseError, NotADatabaseError

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Connection, Engine

#: Execution option that makes a unit of work take the write lock up front.
WRITE = "curator_write"
FTS_TABLE = "documents_fts"
HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def configure(engine: Engine) -> None:
    """Install the PRAGMAs and the transaction handling on every new connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We emit BEGIN ourselves (below); pysqlite's implicit transactions would
        # otherwise start late and in the wrong mode.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Wait for another writer (GUI, background job, second window) instead of
        # failing at once with "database is locked".
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # WAL: readers never block the writer, and the writer never blocks readers.
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL, not NORMAL: in WAL mode NORMAL survives an application crash but a power
        # cut or OS crash may lose the last commits. Every commit here is a curator's
        # decision, made at human pace, so one fsync per commit costs nothing noticeable
        # and a decision the screen showed as saved is never lost.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A write unit of work reads the prior state and then writes: BEGIN IMMEDIATE takes
        # the write lock first, so another connection's commit in between cannot make
        # it fail with SQLITE_BUSY_SNAPSHOT (which busy_timeout does not retry).
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """For Alembic autogenerate: leave out the FTS5 table and its shadow tables."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def fts_match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for text typed by a user, or None if nothing to search.

    Every whitespace-separated term becomes a quoted phrase (so quotes, parentheses,
    AND/OR/NOT/NEAR, ``*``, ``:`` and ``^`` are plain text, never syntax); terms are
    ANDed and the last one is a prefix, so results narrow while the user types.
    Terms without a letter or digit are dropped (the tokenizer would ignore them), and
    so are control characters (FTS5 ends a string at NUL).
    """
    printable = "".join(ch if ch.isprintable() else " " for ch in query)
    terms = [t for t in printable.split() if any(ch.isalnum() for ch in t)]
    if not terms:
        return None
    phrases = ['"' + term.replace('"', '""') + '"' for term in terms]
    phrases[-1] += "*"
    return " ".join(phrases)


def read_only_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)


def probe(path: Path) -> tuple[bool, str | None]:
    """Check an existing file without modifying it: (has our tables, alembic revision).

    Raises NotADatabaseError for a non-SQLite file or another program's database and
    CorruptDatabaseError for an SQLite file that cannot be read.
    """
    with path.open("rb") as handle:
        header = handle.read(len(HEADER))
    if header != HEADER:
        raise NotADatabaseError(
            f"{path} is not an Evidence Curator database (not an SQLite file); "
            "choose another file or move this one away."
        )
    try:
        connection = read_only_connection(path)
        try:
            names = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            if "alembic_version" not in names:
                if names:
                    raise NotADatabaseError(
                        f"{path} is an SQLite database of another program, not of Evidence "
                        "Curator; choose another file."
                    )
                return False, None
            found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            return True, (found[0][0] if found else None)
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(
            f"{path} is damaged and cannot be read ({error}); restore it from a backup."
        ) from error


def backup(source: Path, target: Path) -> None:
    """Copy a live database consistently with the SQLite online backup API."""
    src = read_only_connection(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
