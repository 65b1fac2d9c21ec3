"""The ORM rows (SQLAlchemy 2 typed declarative). Rows never leave the store package.

``documents.seq`` is a stable integer key used as the rowid of the SQLite full-text
index (``documents_fts``, created by the migration, kept in sync by triggers); the
content hash ``id`` stays the primary key. ``open_suggestions`` is a denormalized count
of open slots, maintained by the store on every write that can change it, so the
document list is one indexed scan.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from curator.core.model import Scalar, Status

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


_EXPORTED = "status IN ({})".format(", ".join(f"'{s}'" for s in Status if s.exported))
#: The decided cells of outcomes rows, and the interventions and conditions beside them:
#: the WHERE of two partial indexes. A query uses such an index only when its WHERE has
#: these very terms with the constants written out (not bound parameters).
OUTCOME_CELLS = f"{_EXPORTED} AND field >= 'outcomes.' AND field < 'outcomes/'"
CONTEXT_ITEMS = f"{_EXPORTED} AND field IN ('intervention', 'condition')"


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every dialect (SQLite keeps naive UTC text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class ScalarJSON(TypeDecorator[Scalar]):
    """A normalized value as JSON text: int, float, str and bool stay apart exactly.

    Stored as TEXT on purpose: SQLite gives a column declared ``JSON`` NUMERIC affinity,
    which silently turns the text ``1.0`` into the integer 1. None is SQL NULL.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Scalar | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Scalar | None:
        if value is None:
            return None
        loaded = json.loads(value)
        if not isinstance(loaded, str | int | float | bool):
            raise TypeError(f"not a normalized scalar: {value!r}")
        return loaded


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        Scalar: ScalarJSON(),
    }


class DocumentRow(Base):
    __tablename__ = "documents"

    # Short columns first and the text last: SQLite then reads a row's status without
    # walking the text's overflow pages.
    id: Mapped[str] = mapped_column(String(128), primary_key=True)  # content hash
    seq: Mapped[int] = mapped_column(Integer, unique=True)  # rowid of documents_fts
    title: Mapped[str] = mapped_column(Text)
    title_key: Mapped[str] = mapped_column(Text)  # title.casefold(): list order
    file_title: Mapped[str | None] = mapped_column(Text)  # as read from the file
    status: Mapped[str] = mapped_column(String(16))
    open_suggestions: Mapped[int] = mapped_column(Integer, default=0)
    extracted_version: Mapped[str | None] = mapped_column(String(64))
    imported_at: Mapped[datetime]
    source_path: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)

    # Covering indexes: the document list (all, or one status) and progress() are
    # answered from the index alone, in order, without touching the table.
    __table_args__ = (
        Index("ix_documents_list", "title_key", "id", "title", "status", "open_suggestions", "seq"),
        Index(
            "ix_documents_status_list",
            "status",
            "title_key",
            "id",
            "title",
            "open_suggestions",
            "seq",
        ),
    )


class SuggestionRow(Base):
    """An immutable proposal of the extractor."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    field: Mapped[str] = mapped_column(String(128))
    row: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)  # display text of ``normalized``
    normalized: Mapped[Scalar | None]
    text: Mapped[str] = mapped_column(Text)  # surface text: document.text[start:end]
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(128))
    confidence: Mapped[float]
    extractor_version: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_suggestions_document_id_field_row", "document_id", "field", "row"),)


class CuratedValueRow(Base):
    """The current decision for one slot (at most one per document, field and row)."""

    __tablename__ = "curated_values"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    field: Mapped[str] = mapped_column(String(128), primary_key=True)
    row: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    value: Mapped[str | None] = mapped_column(Text)
    normalized: Mapped[Scalar | None]
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestions.id"))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    curator: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime]

    # The outcomes rows and their context for the forest plot, from the index alone.
    __table_args__ = (
        Index(
            "ix_curated_values_outcomes",
            "document_id", "row", "field", "value", "status",
            sqlite_where=text(OUTCOME_CELLS), postgresql_where=text(OUTCOME_CELLS),
        ),
        Index(
            "ix_curated_values_context",
            "document_id", "field", "row", "value", "status",
            sqlite_where=text(CONTEXT_ITEMS), postgresql_where=text(CONTEXT_ITEMS),
        ),
    )  # fmt: skip


class HistoryRow(Base):
    """Append-only log. ``kind`` is 'decision', 'undo' or 'document-status'.

    For 'document-status' rows ``field``/``row`` are NULL and ``old_status`` /
    ``new_status`` hold document statuses ('new', 'in progress', 'done').
    """

    __tablename__ = "history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"))
    field: Mapped[str | None] = mapped_column(String(128))
    row: Mapped[int | None] = mapped_column(Integer)
    old_status: Mapped[str | None] = mapped_column(String(16))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_status: Mapped[str | None] = mapped_column(String(16))
    new_value: Mapped[str | None] = mapped_column(Text)
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestions.id"))
    curator: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime]

    __table_args__ = (
        Index("ix_history_document_id_id", "document_id", "id"),
        # A curator's decisions in time order: the neighbours of a new decision.
        Index("ix_history_timeline", "kind", "curator", "at", "document_id"),
        # Decisions per hour: an index seek per hour.
        Index("ix_history_kind_at", "kind", "at"),
    )


class DocumentTimeRow(Base):
    """Derived: the time curators spent on a document, as core.insights.time_spent sums it.

    One row per document with decisions; kept current by every decision (see
    :mod:`curator.store.derived`).
    """

    __tablename__ = "document_time"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    spent_us: Mapped[int] = mapped_column(Integer)  # microseconds


class RuleCountRow(Base):
    """Derived: per rule, its suggestions and how the current decisions judge them.

    Kept current by every write that adds suggestions or changes a slot (see
    :mod:`curator.store.derived`), so rule statistics never recount all suggestions.
    """

    __tablename__ = "rule_counts"

    rule: Mapped[str] = mapped_column(String(128), primary_key=True)
    made: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    corrected: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
