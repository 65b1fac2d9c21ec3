"""Everything specific to SQLite: connection PRAGMAs, write locks, FTS5, file checks.

Other dialects (PostgreSQL later) go through the same store without any of this: no
PRAGMAs, and search falls back to ILIKE (see :mod:`curator.store.search`).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from curator.store.errors import CorruptDatabaseError, NotADatabaseError

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import Connection, Engine

#: Execution option that makes a unit of work take the write lock up front.
WRITE = "curator_write"
FTS_TABLE = "documents_fts"
HEADER = b"SQLite format 3\x00"
#: How long SQLite itself waits for another connection's lock, per attempt.
BUSY_TIMEOUT_MS = 5000
#: How long a write waits in all for the write lock before DatabaseBusyError.
LOCK_WAIT_S = 60.0
RESTORE_HINT = "restore a backup (see the backups folder beside it) or choose another file"
log = logging.getLogger("curator.store")


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
        # FULL, not NORMAL. Both survive an application crash (SIGKILL included: a commit
        # is in the WAL file, i.e. in the OS, before it returns). In WAL mode NORMAL
        # fsyncs only at checkpoints, so a power cut or OS crash may lose the last
        # commits; FULL fsyncs the WAL at every commit. Every commit here is a curator's
        # decision, made at human pace: one fsync per decision costs a few milliseconds
        # (tests/durability/bench_durability.py) and a decision the screen showed as
        # saved is never lost.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # A write unit of work reads the prior state and then writes: BEGIN IMMEDIATE takes
        # the write lock first, so another connection's commit in between cannot make
        # it fail with SQLITE_BUSY_SNAPSHOT (which busy_timeout does not retry).
        if connection.get_execution_options().get(WRITE, False):
            begin_immediate(dbapi(connection))
        else:
            connection.exec_driver_sql("BEGIN")


def dbapi(connection: Connection) -> sqlite3.Connection:
    """The pysqlite connection under an SQLAlchemy connection."""
    raw = connection.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError(f"not an SQLite connection: {raw!r}")
    return raw


def begin_immediate(dbapi_connection: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting up to LOCK_WAIT_S for another program's write to end.

    busy_timeout already waits BUSY_TIMEOUT_MS per attempt; a long import in another
    process can hold the lock longer, so try again until the deadline. Nothing has been
    read or written yet, so retrying is always safe.
    """
    deadline = time.monotonic() + LOCK_WAIT_S
    attempt = 0
    while True:
        try:
            dbapi_connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            attempt += 1
            if not is_busy(error) or time.monotonic() >= deadline:
                raise OperationalError("BEGIN IMMEDIATE", None, error) from error
            log.info("database busy, waiting for the write lock (attempt %d)", attempt)
            time.sleep(0.01)  # back off a little if SQLite returned at once


def is_busy(error: sqlite3.Error) -> bool:
    message = str(error).lower()
    return "locked" in message or "busy" in message


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


class FileState(NamedTuple):
    """Size and modification time of a database file and of its -wal file (0, 0 if none)."""

    size: int
    mtime_ns: int
    wal_size: int
    wal_mtime_ns: int

    @property
    def has_wal(self) -> bool:
        return self.wal_mtime_ns != 0


def file_state(path: Path) -> FileState:
    stat = path.stat()
    try:
        wal = path.with_name(path.name + "-wal").stat()
    except FileNotFoundError:
        return FileState(stat.st_size, stat.st_mtime_ns, 0, 0)
    return FileState(stat.st_size, stat.st_mtime_ns, wal.st_size, wal.st_mtime_ns)


def read_only_connection(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that never writes the file. ``immutable`` also creates no -wal/-shm
    beside it (a plain read-only connection to a WAL database would), but is only right
    when no other connection has the file open, i.e. when there is no -wal file."""
    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"file:{quote(str(path))}?{flags}", uri=True)


def probe(path: Path, *, full: bool = False) -> tuple[bool, str | None]:
    """Check an existing file without modifying it: (has our tables, alembic revision).

    Runs ``PRAGMA quick_check`` (``integrity_check`` if ``full``). Raises NotADatabaseError
    for a non-SQLite file or another program's database and CorruptDatabaseError for an
    SQLite file that cannot be read or fails the check. Creates no file beside a database
    that nobody has open; if the file changes while it is read (another program opening
    it at that moment), it looks again before calling it damaged.
    """
    with path.open("rb") as handle:
        header = handle.read(len(HEADER))
    if header != HEADER:
        raise NotADatabaseError(
            f"{path} is not an Evidence Curator database (not an SQLite file); "
            "choose another file or move this one away.",
            path,
        )
    for _ in range(3):
        seen = file_state(path)
        try:
            return _probe(path, seen.has_wal, full)
        except CorruptDatabaseError:
            if file_state(path) == seen:
                raise
    return _probe(path, True, full)


def _probe(path: Path, live: bool, full: bool) -> tuple[bool, str | None]:
    try:
        connection = read_only_connection(path, immutable=not live)
        try:
            names = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            if names and "alembic_version" not in names:
                raise NotADatabaseError(
                    f"{path} is an SQLite database of another program, not of Evidence "
                    "Curator; choose another file.",
                    path,
                )
            found = []
            if names:
                found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            check = "integrity_check" if full else "quick_check"
            problems = [row[0] for row in connection.execute(f"PRAGMA {check}(5)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(
            f"{path} is damaged and cannot be read ({error}); {RESTORE_HINT}.", path
        ) from error
    if problems != ["ok"]:
        found = problems[0].replace("*** in database main ***", "").strip()[:100]
        raise CorruptDatabaseError(
            f"{path} is damaged (SQLite's check found: {found}); {RESTORE_HINT}.", path
        )
    return bool(names), (found[0][0] if found else None)


def backup(source: Path, target: Path) -> None:
    """Copy a database consistently with the SQLite online backup API."""
    src = read_only_connection(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
