"""Jobs over the ports: import documents, run extraction, export a store.

These are the functions both the GUI's background task runner and the CLI call. They
depend only on the Protocols in :mod:`curator.core.ports`, so a test can run them on
fakes. They are plain blocking calls: progress and cancellation are callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sized
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from curator.core.export import ExportSummary, write_export
from curator.core.review import place

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from curator.core.model import NewDocument
    from curator.core.ports import EvidenceStore, SuggestionSource
    from curator.core.schema import Schema

ProgressCallback = Callable[[int, int], None]  # (done, total); total 0 when unknown
CancelCheck = Callable[[], bool]
BATCH = 500  # documents handed to the store per transaction


class ReadResult(Protocol):
    """What an import needs from one read file (``curator.ingest.ReadOutcome`` fits)."""

    @property
    def path(self) -> str: ...

    @property
    def document(self) -> NewDocument | None: ...

    @property
    def reason(self) -> str: ...


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # the same text is already in the database (or this import)
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ImportLine:
    """One file of an import: ``detail`` is the failure reason or a note (encoding...)."""

    path: str
    status: ImportStatus
    document_id: str | None
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    lines: tuple[ImportLine, ...]

    def count(self, status: ImportStatus) -> int:
        return sum(1 for line in self.lines if line.status is status)

    @property
    def imported_ids(self) -> tuple[str, ...]:
        return tuple(
            line.document_id
            for line in self.lines
            if line.status is ImportStatus.IMPORTED and line.document_id is not None
        )

    @property
    def failed(self) -> int:
        return self.count(ImportStatus.FAILED)

    def summary(self) -> str:
        return ", ".join(f"{self.count(s)} {s.value}" for s in ImportStatus)


def import_documents(
    store: EvidenceStore,
    results: Iterable[ReadResult],
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Add the documents read to ``store``; one report line per file, in input order.

    A document whose text is already stored, or was read earlier in the same import,
    is a duplicate. Documents are added in batches of :data:`BATCH`. When ``cancelled()``
    turns true, the files not yet looked at are left out of the report.
    """
    total = len(results) if isinstance(results, Sized) else 0
    lines: list[ImportLine] = []
    batch: list[tuple[int, NewDocument]] = []  # (line index, document)
    first_seen: dict[str, str] = {}  # document id -> path that brought it

    def flush() -> None:
        if not batch:
            return
        outcome = store.add_documents([doc for _, doc in batch])
        added = set(outcome.added)
        for index, doc in batch:
            line = lines[index]
            if doc.id in added:
                lines[index] = ImportLine(line.path, ImportStatus.IMPORTED, doc.id,
                                          doc.title, line.detail)  # fmt: skip
            else:
                note = "already in the database"
                detail = f"{note}; {line.detail}" if line.detail else note
                lines[index] = ImportLine(line.path, ImportStatus.DUPLICATE, doc.id,
                                          doc.title, detail)  # fmt: skip
        batch.clear()

    for done, result in enumerate(results, start=1):
        if cancelled is not None and cancelled():
            break
        doc = result.document
        if doc is None:
            lines.append(ImportLine(result.path, ImportStatus.FAILED, None, "", result.reason))
        elif doc.id in first_seen:
            detail = f"same text as {first_seen[doc.id]}"
            lines.append(ImportLine(result.path, ImportStatus.DUPLICATE, doc.id, doc.title,
                                    detail))  # fmt: skip
        else:
            first_seen[doc.id] = result.path
            batch.append((len(lines), doc))
            lines.append(ImportLine(result.path, ImportStatus.IMPORTED, doc.id, doc.title,
                                    result.reason))  # fmt: skip
            if len(batch) >= BATCH:
                flush()
        if progress is not None:
            progress(done, total)
    flush()
    return ImportReport(tuple(lines))


def extract_documents(
    store: EvidenceStore,
    source: SuggestionSource,
    schema: Schema,
    document_ids: Sequence[str],
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Run ``source`` on each document and store its placed suggestions.

    Returns the number of suggestions stored. Each document is committed on its own,
    so a cancelled run keeps the documents already done (and a re-run skips exact
    repeats: see :func:`curator.core.review.place`). ``add_suggestions`` is called even
    when nothing was found, so the store can record that the document was extracted.
    """
    stored = 0
    total = len(document_ids)
    for done, document_id in enumerate(document_ids, start=1):
        if cancelled is not None and cancelled():
            break
        text = store.document(document_id).text
        placed = place(schema, store.suggestions(document_id), source.extract(text))
        stored += store.add_suggestions(document_id, placed, source.version)
        if progress is not None:
            progress(done, total)
    return stored


def export_store(
    store: EvidenceStore,
    schema: Schema,
    out_dir: str | Path,
    *,
    include_suggestions: bool = False,
    bom: bool = False,
) -> ExportSummary:
    """Write the CSV tables of :mod:`curator.core.export` for everything in ``store``."""
    return write_export(
        out_dir,
        schema,
        store.all_documents(),
        store.all_curated(),
        store.all_suggestions(),  # the rule and confidence behind accepted values
        include_suggestions=include_suggestions,
        bom=bom,
    )
