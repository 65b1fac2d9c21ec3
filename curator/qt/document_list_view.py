"""DocumentListView: search box, status filter and the document table.

Filtering and full-text search are the store's (``list_documents(status, query)``); the
view only shows the rows it gets. Typing in the search box applies after a short pause,
Enter applies at once and moves the keyboard to the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from curator.core.model import DocStatus
from curator.qt.document_list_model import ID_ROLE, DocumentListModel
from curator.qt.typing_guard import guard

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.core.model import DocumentInfo

    Loader = Callable[[DocStatus | None, str | None], list[DocumentInfo]]

_FILTERS: tuple[tuple[str, DocStatus | None], ...] = (
    ("All documents", None),
    ("New", DocStatus.NEW),
    ("In progress", DocStatus.IN_PROGRESS),
    ("Done", DocStatus.DONE),
)


class DocumentListView(QWidget):
    document_selected = Signal(str)

    def __init__(self, loader: Loader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentList")
        self._loader = loader
        self._quiet = False
        self.search = QLineEdit(self)
        self.search.setObjectName("documentSearch")
        self.search.setPlaceholderText("Search text  (Ctrl+F or /)")
        self.search.setAccessibleName("Search documents")
        self.search.setClearButtonEnabled(True)
        guard(self.search)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName("Filter by status")
        for text, status in _FILTERS:
            self.status_filter.addItem(text, status)
        self.model = DocumentListModel()
        self.table = QTableView(self)
        self.table.setObjectName("documentTable")
        self.table.setAccessibleName("Documents")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 104), (2, 48)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.search.installEventFilter(self)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Query the store with the current filter and keep the selected document."""
        self._debounce.stop()
        keep = self.current_id()
        query = self.search.text().strip() or None
        self.model.set_documents(self._loader(None, query), self._status())
        if keep is not None:
            self.select(keep)

    def _status(self) -> DocStatus | None:
        data = self.status_filter.currentData()  # a QVariant gives the enum back as str
        return DocStatus(data) if data else None

    def _on_status_filter_changed(self) -> None:
        keep = self.current_id()
        self.model.set_status_filter(self._status())
        if keep is not None:
            self.select(keep)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select(self, document_id: str, notify: bool = False) -> bool:
        """Make ``document_id`` the current row (if listed); emits only when ``notify``."""
        row = self.model.row_of(document_id)
        if row is None:
            return False
        self._quiet = not notify
        try:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._quiet = False
        return True

    def neighbour(self, document_id: str | None, step: int) -> str | None:
        """The document ``step`` rows away from ``document_id`` (no wrapping)."""
        row = self.model.row_of(document_id) if document_id else None
        target = (0 if step > 0 else self.model.rowCount() - 1) if row is None else row + step
        info = self.model.info(target)
        return info.id if info else None

    def next_not_done(self, document_id: str | None) -> str | None:
        """The first document after ``document_id`` (wrapping) that is not done."""
        count = self.model.rowCount()
        start = self.model.row_of(document_id) if document_id else -1
        start = -1 if start is None else start
        for offset in range(1, count + 1):
            info = self.model.info((start + offset) % count)
            if info is not None and info.status is not DocStatus.DONE and info.id != document_id:
                return info.id
        return None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- slots ---------------------------------------------------------------------
    def _on_search_return_pressed(self) -> None:
        self.reload()
        if self.model.rowCount():
            if self.current_id() is None:
                self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.document_selected.emit(str(current.data(ID_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.search.clear()
            self.reload()
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False
