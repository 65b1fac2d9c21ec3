"""MainWindow: document list | document text | evidence form, composed from small views.

The window wires views, the review controller, the keymap actions and the background
jobs together; it holds no review logic. Everything it needs is injected.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QWidget,
)

from curator.core.model import DocStatus
from curator.core.schema import InvalidValueError
from curator.keymap import DEFAULT_ACCEPT_THRESHOLD
from curator.qt._generated import curator_rc  # noqa: F401  (registers the :/ resources)
from curator.qt._generated.ui_main_window import Ui_MainWindow
from curator.qt.about_dialog import AboutDialog, AboutInfo
from curator.qt.actions import bind_form_keys, build_actions, build_menus
from curator.qt.change_watcher import ChangeWatcher
from curator.qt.curator_name_dialog import ThresholdDialog
from curator.qt.document_list_view import DocumentListView
from curator.qt.document_view import DocumentView
from curator.qt.evidence_form_view import EvidenceFormView
from curator.qt.export_dialog import ExportDialog
from curator.qt.import_summary_dialog import ImportSummaryDialog
from curator.qt.job_launcher import JobLauncher
from curator.qt.plots.insight_docks import VIEWS, InsightDocks
from curator.qt.review_controller import ReviewController
from curator.qt.shortcut_sheet_dialog import ShortcutSheetDialog
from curator.qt.slot_detail_panel import SlotDetailPanel
from curator.qt.startup import APP_ICON
from curator.qt.status_panel import StatusPanel
from curator.qt.window_layout import restore_layout, save_layout

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QAction

    from curator.core.jobs import ImportReport
    from curator.core.ports import EvidenceStore, SuggestionSource
    from curator.core.schema import Schema
    from curator.qt.plots.plot_panel import OpenTarget
    from curator.qt.task_runner import TaskRunner


class MainWindow(QMainWindow):
    document_opened = Signal(str)

    def __init__(
        self,
        store: EvidenceStore,
        schema: Schema,
        source: SuggestionSource | None,
        runner: TaskRunner,
        settings: QSettings,
        curator: str,
        parent: QWidget | None = None,
        load: bool = True,
        configure_plots: Callable[[], None] | None = None,
    ) -> None:
        """``load=False``: build and paint without touching the store; call
        :meth:`load_session` later (app.py opens the store while the window paints).
        ``configure_plots`` is called before the first insight view is built."""
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setWindowIcon(QIcon(APP_ICON))
        self.store, self.settings, self.runner = store, settings, runner
        self.schema, self.source = schema, source
        stored = settings.value("review/accept_threshold", DEFAULT_ACCEPT_THRESHOLD)
        self.threshold = float(str(stored))
        self.undo_stack = QUndoStack(self)
        self.review = ReviewController(store, schema, curator, self.undo_stack, self)
        self.jobs = JobLauncher(store, schema, source, runner, self)
        describe = source.describe if source is not None else (lambda _rule: "")
        self.documents = DocumentListView(
            lambda status, query: store.list_documents(status, query), self.ui.listPane
        )
        self.ui.listLayout.addWidget(self.documents)
        self.viewer = DocumentView(self.ui.viewerPane)
        self.ui.viewerLayout.addWidget(self.viewer, 1)
        self.detail = SlotDetailPanel(schema, describe, self.ui.formPane)
        self.form = EvidenceFormView(self.review, schema, describe, self.ui.formPane)
        self.ui.formLayout.addWidget(self.detail)
        self.ui.formLayout.addWidget(self.form, 1)
        self.shortcut_sheet: ShortcutSheetDialog | None = None
        self.about: AboutDialog | None = None
        self._reload_after_edit = False
        self._refresh_after_edit = False
        self.watcher = ChangeWatcher(lambda: store.change_marker(), self)
        self.status = StatusPanel(lambda: store.progress(), self)
        self.insights = InsightDocks(self, store, describe, configure_plots)
        self.statusBar().addPermanentWidget(self.status)
        self._spans_timer = QTimer(self, singleShot=True, interval=0)
        self._spans_timer.timeout.connect(self._paint_spans)
        self.actions_by_id = build_actions(self, self._handlers(), self._stack_actions())
        self._form_shortcuts = bind_form_keys(self.actions_by_id, self.form)
        build_menus(self.ui.menubar, self.actions_by_id)
        self._show_threshold()
        self._connect()
        self.setAcceptDrops(True)
        restore_layout(self, self.ui.mainSplitter, settings)
        if load:
            self.load_session()

    # -- composition ---------------------------------------------------------------
    def action(self, action_id: str) -> QAction:
        return self.actions_by_id[action_id]

    def _handlers(self) -> dict[str, Callable[[], object]]:
        r = self.review
        return {
            "file.import": self._on_import_triggered,
            "file.import_folder": self._on_import_folder_triggered,
            "file.export": self._on_export_triggered,
            "file.quit": self.close,
            "edit.settings": self._on_threshold_triggered,
            "review.accept": r.accept,
            "review.reject": r.reject,
            "review.correct": self._on_correct_triggered,
            "review.skip": r.skip,
            "review.accept_all": lambda: r.accept_all(self.threshold),
            "review.take": self._on_take_triggered,
            "review.add_row": r.add_row,
            "review.remove_row": r.remove_row,
            "nav.next_field": lambda: r.step(1),
            "nav.previous_field": lambda: r.step(-1),
            "nav.next_document": lambda: self._open_neighbour(1),
            "nav.previous_document": lambda: self._open_neighbour(-1),
            "doc.mark_done": self._on_mark_done_triggered,
            "view.search": self.documents.focus_search,
            "view.focus_form": self.form.focus_current,
            "view.focus_text": lambda: self.viewer.setFocus(Qt.FocusReason.ShortcutFocusReason),
            **{f"view.{kind}": partial(self.insights.toggle, kind) for kind in VIEWS},
            "help.shortcuts": self._on_shortcuts_triggered,
            "help.about": self._on_about_triggered,
        }

    def _stack_actions(self) -> dict[str, QAction]:
        return {
            "edit.undo": self.undo_stack.createUndoAction(self, "&Undo"),
            "edit.redo": self.undo_stack.createRedoAction(self, "&Redo"),
        }

    def _connect(self) -> None:
        r = self.review
        r.document_opened.connect(self._on_review_document_opened)
        r.form_changed.connect(self._on_review_form_changed)
        r.current_changed.connect(self._on_review_current_changed)
        r.suggestion_changed.connect(self._on_review_suggestion_changed)
        r.status_changed.connect(self._on_review_status_changed)
        r.message_posted.connect(self._on_message_posted)
        r.warning_posted.connect(self._on_review_warning_posted)
        self.form.value_refused.connect(lambda text: self.detail.show_message(text, error=True))
        self.form.editing_changed.connect(self._on_form_editing_changed)
        self.documents.document_selected.connect(self.open_document)
        self.jobs.message_posted.connect(self._on_message_posted)
        self.jobs.imported.connect(self._on_jobs_imported)
        self.jobs.extracted.connect(self._on_jobs_extracted)
        self.watcher.changed.connect(self._on_watcher_changed)
        self.status.follow(self.runner)
        self.insights.open_requested.connect(self.open_target)
        self.insights.message_posted.connect(self._on_message_posted)
        for changed in (r.suggestion_changed, r.status_changed, self.watcher.changed):
            changed.connect(self.insights.mark_stale)

    def load_session(self) -> None:
        """List the documents and reopen the last one (or the first)."""
        self.documents.reload()
        self.status.refresh()
        last = str(self.settings.value("session/last_document", ""))
        first = self.documents.neighbour(None, 1)
        target = last if last and self.documents.model.row_of(last) is not None else first
        if target is not None:
            self.open_document(target)
        self.form.focus_current()  # the keyboard starts in the form, ready to review
        self.watcher.start()

    def save_layout(self) -> None:
        save_layout(self, self.ui.mainSplitter, self.settings)
        if self.review.document is not None:
            self.settings.setValue("session/last_document", self.review.document.id)
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.watcher.check()  # back from another window: show what it changed

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watcher.timer.stop()
        self.save_layout()
        self.runner.cancel_all()
        self.insights.close()
        super().closeEvent(event)

    # -- documents -----------------------------------------------------------------
    def open_document(self, document_id: str) -> None:
        if self.review.document is None or self.review.document.id != document_id:
            self.review.open_document(document_id)

    def open_target(self, target: OpenTarget) -> None:
        """Open a document at a slot (from a plot), selecting the evidence span if given."""
        self.review.open_document(target.document_id, (target.field, target.row))
        if target.span is not None:
            self.viewer.select_span(*target.span)
            self.viewer.reveal(target.span[0])
        self.form.focus_current()

    def _open_neighbour(self, step: int) -> None:
        current = self.review.document.id if self.review.document else None
        target = self.documents.neighbour(current, step)
        if target is None:
            self._on_message_posted("No more documents in the list")
        else:
            self.open_document(target)

    def _on_mark_done_triggered(self) -> None:
        current = self.review.document.id if self.review.document else None
        self.review.mark_done()
        target = self.documents.next_not_done(current)
        if target is None:
            self._on_message_posted("Every document in the list is done")
        else:
            self.open_document(target)

    def refresh_documents(self) -> None:
        self.insights.mark_stale()
        self.documents.reload()
        if self.review.document is None:
            first = self.documents.neighbour(None, 1)
            if first is not None:
                self.open_document(first)
        self.status.refresh()

    # -- review slots --------------------------------------------------------------
    def _on_review_document_opened(self, document_id: str) -> None:
        doc = self.review.document
        assert doc is not None
        self.ui.documentTitle.setText(doc.title)
        self.setWindowTitle(f"{doc.title} — Evidence Curator")
        self.viewer.set_text(doc.text)
        self.documents.select(document_id)
        self.settings.setValue("session/last_document", document_id)
        self.document_opened.emit(document_id)

    def _on_review_form_changed(self, _keys: object) -> None:
        self._spans_timer.start()  # one repaint of the spans per event-loop turn

    def _on_review_current_changed(self, _index: int) -> None:
        self._spans_timer.start()
        r = self.review
        self.detail.show_slot(r.current_slot, r.form.open_count, r.current_warning)

    def _paint_spans(self) -> None:
        current = self.review.current_slot
        self.viewer.set_spans(*self.review.form.spans(), current.span if current else None)

    def _on_review_suggestion_changed(self, document_id: str) -> None:
        info_row = self.documents.model.row_of(document_id)
        info = self.documents.model.info(info_row) if info_row is not None else None
        status = DocStatus.IN_PROGRESS if info and info.status is DocStatus.NEW else None
        open_count = self.review.form.open_count if self.review.document else None
        self.documents.model.update(document_id, status, open_count)
        r = self.review
        self.detail.show_slot(r.current_slot, r.form.open_count, r.current_warning)
        self.status.schedule()

    def _on_review_status_changed(self, document_id: str, status: DocStatus) -> None:
        self.documents.model.update(document_id, status=status)
        self.status.schedule()

    def _on_message_posted(self, text: str) -> None:
        self.detail.show_message(text)
        self.statusBar().showMessage(text, 5000)

    def _on_review_warning_posted(self, text: str) -> None:
        self.detail.show_message(text, warning=True)
        self.statusBar().showMessage(f"⚠ {text}", 15000)

    # -- action handlers -----------------------------------------------------------
    def _on_correct_triggered(self) -> None:
        if self.review.current_slot is not None:
            self.form.edit_current()

    def _on_take_triggered(self) -> None:
        selection = self.viewer.selection()
        if selection is None:
            self._on_message_posted("Select text in the document first, then press T")
            return
        try:
            self.review.take(*selection)
        except InvalidValueError as exc:
            self.detail.show_message(str(exc), error=True)

    def _on_threshold_triggered(self) -> None:
        value = ThresholdDialog.ask(self, self.threshold)
        if value is not None:
            self.threshold = value
            self.settings.setValue("review/accept_threshold", value)
            self._show_threshold()

    def _show_threshold(self) -> None:
        self.action("review.accept_all").setText(f"Accept a&ll ≥ {self.threshold:.2f}")
        self.status.show_threshold(self.threshold)

    def _on_shortcuts_triggered(self) -> None:
        if self.shortcut_sheet is None:
            self.shortcut_sheet = ShortcutSheetDialog(self)
        self.shortcut_sheet.show()
        self.shortcut_sheet.raise_()

    def _on_about_triggered(self) -> None:
        info = AboutInfo.gather(self.store.location, self.schema, self.source)
        self.about = AboutDialog.show_for(info, self)

    def _on_import_triggered(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import documents", "", "Documents (*.txt *.md *.html *.htm);;All files (*)"
        )
        self.import_paths(paths)

    def _on_import_folder_triggered(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder")
        self.import_paths([folder] if folder else [])

    def import_paths(self, paths: Sequence[str]) -> None:
        if paths:
            self.jobs.import_paths(list(paths))

    def _on_export_triggered(self) -> None:
        folder = str(self.settings.value("export/folder", ""))
        choice = ExportDialog.ask(folder, self)
        if choice is not None:
            self.settings.setValue("export/folder", choice.folder)
            self.jobs.export(choice)

    # -- background jobs -----------------------------------------------------------
    def _on_jobs_imported(self, report: ImportReport, announce: bool) -> None:
        self.refresh_documents()
        if announce:
            ImportSummaryDialog.show_report(report, self)

    def _on_jobs_extracted(self, ids: tuple[str, ...]) -> None:
        self.refresh_documents()
        if self.review.document is not None and self.review.document.id in ids:
            if self.form.editing:  # never pull the form from under the curator's typing
                self._reload_after_edit = True
            else:
                self.review.reload()
        # the extractor is loaded now: the current rule's description can be shown
        r = self.review
        self.detail.show_slot(r.current_slot, r.form.open_count, r.current_warning)

    def _on_watcher_changed(self) -> None:
        """Another window or process wrote: show the list, progress and document as stored."""
        self.documents.reload()
        self.status.schedule()
        if self.form.editing:  # the curator's typing stays; refresh when the editor closes
            self._refresh_after_edit = True
        else:
            self.review.refresh()

    def _on_form_editing_changed(self, editing: bool) -> None:
        if not editing and self._reload_after_edit:
            self._reload_after_edit = False
            self._refresh_after_edit = False
            QTimer.singleShot(0, self.review.reload)
        elif not editing and self._refresh_after_edit:
            self._refresh_after_edit = False
            QTimer.singleShot(0, self.review.refresh)

    # -- drag and drop -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        self.import_paths(paths)
        event.acceptProposedAction()
