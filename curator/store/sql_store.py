"""SqlStore: the EvidenceStore on SQLAlchemy (SQLite file by default, any URL later).

Every public method is one unit of work (``with sessions.begin()``) and returns core
dataclasses; rows never leave this module. Writes run in a session bound to the
"write" engine view, so on SQLite they take the write lock up front (BEGIN IMMEDIATE).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session, sessionmaker

from curator.core.model import DocStatus, DocumentInfo
from curator.core.review import display, now
from curator.store import convert, derived, insights, sqlite
from curator.store.backups import KEEP, write_backup
from curator.store.changes import (
    apply_change,
    change_marker,
    count_open_slots,
    get_document,
    insert_documents,
    refresh_title,
    set_status,
)
from curator.store.database import open_engine, translated
from curator.store.keyset import keyset
from curator.store.rows import CuratedValueRow, DocumentRow, HistoryRow, SuggestionRow
from curator.store.search import document_filter

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator, Sequence
    from types import TracebackType

    from sqlalchemy.engine import Engine

    from curator.core.insights import OutcomeRow, ProgressInsight, RuleMiss, RuleStats
    from curator.core.model import (
        CuratedValue,
        Document,
        Extracted,
        HistoryEntry,
        NewDocument,
        Progress,
        Suggestion,
    )
    from curator.core.ports import (
        AddResult,
        EvidenceStore,
        HistoryKind,
        InsightSource,
        SlotChange,
    )


class SqlStore:
    """The database of one curation project. Open with :meth:`open`, end with :meth:`close`.

    Safe to share between threads: every call uses its own session and connection.
    """

    def __init__(self, engine: Engine, location: str) -> None:
        self._engine = engine
        self._location = location
        self._path = Path(location) if engine.dialect.name == "sqlite" else None  # resolved
        self._dialect = engine.dialect.name
        self._reader = sessionmaker(engine, expire_on_commit=False)
        writer = engine.execution_options(**{sqlite.WRITE: True})
        self._writer = sessionmaker(writer, expire_on_commit=False)
        self._outcomes = insights.OutcomeRows()  # kept between calls, updated per document

    @classmethod
    def open(cls, target: str | os.PathLike[str], *, keep_backups: int = KEEP) -> SqlStore:
        """Open (creating or upgrading) the database at a file path or SQLAlchemy URL.

        An existing file is checked (``quick_check``) and, if it changed since the last
        time, backed up to ``backups/`` beside it, keeping the newest ``keep_backups``
        (0: none). Raises a :class:`~curator.store.errors.StoreError` subclass with a
        message for the user (and ``.path``) when the file cannot be used.
        """
        engine, location = open_engine(target, keep_backups=keep_backups)
        return cls(engine, location)

    @property
    def location(self) -> str:
        return self._location

    def close(self) -> None:
        self._engine.dispose()

    def backup_to(self, destination: str | os.PathLike[str] | None = None) -> Path:
        """Copy the database with the SQLite backup API (other windows may keep writing).

        ``destination``: a file or a folder; default a ``manual`` backup in ``backups/``.
        Returns the file written (complete, or not there at all); raises BackupError.
        """
        if self._path is None:
            raise NotImplementedError("backup_to needs an SQLite file")
        with translated(self._location, self._path), self._engine.connect() as connection:
            return write_backup(sqlite.dbapi(connection), self._path, destination)

    def change_marker(self) -> tuple[int, ...]:
        """Cheap token that changes whenever anything a window shows changes (any process).

        Poll it (e.g. on window activation or every few seconds) and refresh when it
        differs from the last one seen.
        """
        with self._read() as session:
            return change_marker(session)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with translated(self._location, self._path), self._reader.begin() as session:
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with translated(self._location, self._path), self._writer.begin() as session:
            yield session

    # documents

    def add_documents(self, docs: Iterable[NewDocument]) -> AddResult:
        incoming = list(docs)
        with self._write() as session:
            return insert_documents(session, incoming, now())

    def list_documents(
        self, status: DocStatus | None = None, query: str | None = None
    ) -> list[DocumentInfo]:
        d = DocumentRow
        statement = select(d.id, d.title, d.status, d.open_suggestions)
        if status is not None:
            statement = statement.where(d.status == str(status))
        matching = document_filter(self._dialect, query)
        if matching is not None:
            statement = statement.where(matching)
        statement = statement.order_by(d.title_key, d.id)
        with self._read() as session:  # Core rows: no ORM loading for 20,000 tuples
            rows = session.connection().execute(statement).all()
        statuses = {str(s): s for s in DocStatus}
        return [DocumentInfo(i, title, statuses[st], count) for i, title, st, count in rows]

    def document(self, document_id: str) -> Document:
        with self._read() as session:
            return convert.document(get_document(session, document_id))

    def set_document_status(self, document_id: str, status: DocStatus, curator: str) -> None:
        with self._write() as session:
            set_status(session, get_document(session, document_id), status, curator, now())

    def progress(self) -> Progress:
        with self._read() as session:
            return insights.progress(session)

    def documents_needing_extraction(self, extractor_version: str) -> list[str]:
        d = DocumentRow
        statement = (
            select(d.id)
            .where(or_(d.extracted_version.is_(None), d.extracted_version != extractor_version))
            .order_by(d.id)
        )
        with self._read() as session:
            return list(session.scalars(statement))

    # suggestions

    def add_suggestions(
        self, document_id: str, placed: Sequence[Extracted], extractor_version: str
    ) -> int:
        at = now()
        values: list[dict[str, object]] = []
        for item in placed:
            if item.row is None:
                raise ValueError(f"{item.field}: suggestion has no row (use core.review.place)")
            values.append(
                {
                    "document_id": document_id, "field": item.field, "row": item.row,
                    "value": display(item.value), "normalized": item.value, "text": item.text,
                    "start": item.start, "end": item.end, "rule": item.rule,
                    "confidence": item.confidence, "extractor_version": extractor_version,
                    "created_at": at,
                }
            )  # fmt: skip
        with self._write() as session:
            document = get_document(session, document_id)
            if values:
                session.execute(insert(SuggestionRow), values)
                tally = derived.Tally()
                tally.suggestions_added(session, document_id, placed)
                tally.write(session)
            document.extracted_version = extractor_version
            document.open_suggestions = count_open_slots(session, document_id)
            if any(item.field == "title" for item in placed):
                refresh_title(session, document)
        return len(values)

    def suggestions(self, document_id: str) -> list[Suggestion]:
        s = SuggestionRow
        statement = select(s).where(s.document_id == document_id).order_by(s.field, s.row, s.id)
        with self._read() as session:
            return [convert.suggestion(row) for row in session.scalars(statement)]

    # decisions

    def curated(self, document_id: str) -> list[CuratedValue]:
        c = CuratedValueRow
        statement = select(c).where(c.document_id == document_id).order_by(c.field, c.row)
        with self._read() as session:
            return [convert.curated(row) for row in session.scalars(statement)]

    def apply(
        self, changes: Sequence[SlotChange], curator: str, *, kind: HistoryKind = "decision"
    ) -> list[SlotChange]:
        """Apply all ``changes`` in one transaction; the later write wins.

        Returns the changes as applied: ``before`` is the value the database really held
        (another window may have changed it since the caller looked). ``kind='undo'``
        marks the history rows of an undo (the port's callers need not pass it).
        """
        if not changes:
            return []
        at = now()
        applied: list[SlotChange] = []
        with self._write() as session:
            touched: dict[str, DocumentRow] = {}
            written: set[str] = set()
            tally = derived.Tally()
            for change in changes:
                if change.document_id not in touched:
                    touched[change.document_id] = get_document(session, change.document_id)
                done = apply_change(session, change, curator, kind, at, tally)
                if done.before != done.after:
                    written.add(change.document_id)
                applied.append(done)
            for document_id in written:
                document = touched[document_id]
                if document.status == str(DocStatus.NEW):  # the first decision
                    set_status(session, document, DocStatus.IN_PROGRESS, curator, at)
                document.open_suggestions = count_open_slots(session, document_id)
                if any(c.field == "title" for c in changes if c.document_id == document_id):
                    refresh_title(session, document)
            tally.write(session)
        return applied

    def history(self, document_id: str | None = None) -> list[HistoryEntry]:
        h = HistoryRow
        statement = select(h).where(h.kind != "document-status").order_by(h.id)
        if document_id is not None:
            statement = statement.where(h.document_id == document_id)
        with self._read() as session:
            return [convert.history(row) for row in session.scalars(statement)]

    # insights (the plots)

    def progress_insight(self) -> ProgressInsight:
        with self._read() as session:
            return insights.progress_insight(session)

    def rule_stats(self) -> list[RuleStats]:
        with self._read() as session:
            return insights.rule_stats(session)

    def rule_misses(self, rule: str) -> list[RuleMiss]:
        with self._read() as session:
            return insights.rule_misses(session, rule)

    def outcome_rows(self) -> list[OutcomeRow]:
        with self._read() as session:
            return self._outcomes.read(session)

    # bulk reads for export (in batches: no transaction stays open between them)

    def all_documents(self) -> Iterator[Document]:
        return keyset(self._read, DocumentRow, (DocumentRow.id,), convert.document)

    def all_curated(self) -> Iterator[CuratedValue]:
        c = CuratedValueRow
        return keyset(self._read, c, (c.document_id, c.field, c.row), convert.curated)

    def all_suggestions(self) -> Iterator[Suggestion]:
        s = SuggestionRow
        return keyset(self._read, s, (s.document_id, s.field, s.row, s.id), convert.suggestion)


if TYPE_CHECKING:

    def _implements_the_port(store: SqlStore) -> EvidenceStore:
        return store  # mypy checks SqlStore against the EvidenceStore protocol here

    def _implements_insights(store: SqlStore) -> InsightSource:
        return store  # ... and against InsightSource
