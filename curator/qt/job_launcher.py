"""JobLauncher: import, extraction and export as background jobs on the TaskRunner.

Job functions are the pure ``curator.core.jobs`` calls on the store; results come back
to the GUI thread as signals. Nothing here touches a widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from curator.core import jobs

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from curator.core.ports import EvidenceStore, SuggestionSource
    from curator.core.schema import Schema
    from curator.qt.export_dialog import ExportChoice
    from curator.qt.task_runner import CancelledFn, ProgressFn, TaskRunner


class JobLauncher(QObject):
    imported = Signal(object, bool)  # ImportReport, announce (show the summary)
    extracted = Signal(object)  # tuple of document ids that got suggestions
    exported = Signal(object)  # ExportSummary
    message_posted = Signal(str)

    def __init__(
        self,
        store: EvidenceStore,
        schema: Schema,
        source: SuggestionSource | None,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.schema, self.source, self.runner = store, schema, source, runner

    def import_paths(
        self, paths: Sequence[str], extract: bool = True, announce: bool = True
    ) -> None:
        store = self.store

        def job(progress: ProgressFn, cancelled: CancelledFn) -> jobs.ImportReport:
            from curator.ingest import PendingReads

            # Listed here (off the GUI thread), read one file at a time: memory stays
            # flat however many files, and the progress bar knows the total.
            reads = PendingReads(paths)
            progress(0, len(reads))
            return jobs.import_documents(store, reads, progress, cancelled)

        def done(report: jobs.ImportReport) -> None:
            self.message_posted.emit(f"Import: {report.summary()}")
            self.imported.emit(report, announce)
            if extract and report.imported_ids:
                self.extract(report.imported_ids)

        self.runner.submit("Importing", job, done, self._failed("Import"))

    def extract(self, document_ids: Sequence[str] | None = None) -> None:
        """Extract suggestions for ``document_ids`` (default: every document not yet
        extracted by this extractor version)."""
        source, store, schema = self.source, self.store, self.schema
        if source is None:
            return
        wanted = tuple(document_ids) if document_ids is not None else None

        def job(progress: ProgressFn, cancelled: CancelledFn) -> tuple[str, ...]:
            ids = wanted
            if ids is None:
                ids = tuple(store.documents_needing_extraction(source.version))
            jobs.extract_documents(store, source, schema, list(ids), progress, cancelled)
            return tuple(ids)

        def done(ids: tuple[str, ...]) -> None:
            if ids:
                self.message_posted.emit(f"Suggestions ready for {len(ids)} document(s)")
            self.extracted.emit(ids)

        self.runner.submit("Extracting", job, done, self._failed("Extraction"))

    def export(self, choice: ExportChoice) -> None:
        store, schema = self.store, self.schema

        def job(_progress: ProgressFn, _cancelled: CancelledFn) -> object:
            return jobs.export_store(
                store, schema, choice.folder,
                include_suggestions=choice.include_suggestions, bom=choice.bom,
            )  # fmt: skip

        def done(summary: object) -> None:
            files = getattr(summary, "files", ())
            self.message_posted.emit(f"Exported {len(files)} table(s) to {choice.folder}")
            self.exported.emit(summary)

        self.runner.submit("Exporting", job, done, self._failed("Export"))

    def _failed(self, what: str) -> Callable[[str], None]:
        def report(message: str) -> None:
            self.message_posted.emit(f"{what} failed: {message}")

        return report
