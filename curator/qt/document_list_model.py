"""DocumentListModel: the document list as a table model (title | status | open).

Holds plain :class:`~curator.core.model.DocumentInfo` rows; 20,000 rows are one list and
one dict, painted lazily by the view. A decision updates one row in place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from curator.core.model import DocStatus

if TYPE_CHECKING:
    from collections.abc import Sequence

    from curator.core.model import DocumentInfo

    Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_LABEL = {
    DocStatus.NEW: "○ new",
    DocStatus.IN_PROGRESS: "◐ in progress",
    DocStatus.DONE: "● done",
}
_DONE_INK = QColor("#6b6b6b")
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole, ID_ROLE,
    )
)  # fmt: skip


class DocumentListModel(QAbstractTableModel):
    HEADERS = ("Title", "Status", "Open")

    def __init__(self) -> None:
        super().__init__()
        self._all: list[DocumentInfo] = []  # what the store listed (for the current query)
        self._all_row: dict[str, int] = {}
        self._status: DocStatus | None = None
        self._rows: list[DocumentInfo] = []  # shown: _all filtered by status
        self._row_of: dict[str, int] = {}

    def set_documents(
        self, documents: Sequence[DocumentInfo], status: DocStatus | None = None
    ) -> None:
        """All documents of a query; ``status`` filters them here, without the store.

        The same documents again (a refresh that found nothing new) reset nothing.
        """
        documents = list(documents)
        if documents == self._all and status is self._status:
            return
        self._all = documents
        self._all_row = {info.id: row for row, info in enumerate(self._all)}
        self.set_status_filter(status)

    def set_status_filter(self, status: DocStatus | None) -> None:
        self.beginResetModel()
        self._status = status
        self._rows = self._all if status is None else [i for i in self._all if i.status is status]
        self._row_of = {info.id: row for row, info in enumerate(self._rows)}
        self.endResetModel()

    def info(self, row: int) -> DocumentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, document_id: str) -> int | None:
        return self._row_of.get(document_id)

    def update(
        self, document_id: str, status: DocStatus | None = None, open_count: int | None = None
    ) -> None:
        row = self._row_of.get(document_id)
        if row is None:
            return
        info = self._rows[row]
        new = replace(
            info,
            status=info.status if status is None else status,
            open_suggestions=info.open_suggestions if open_count is None else open_count,
        )
        self._rows[row] = new
        if self._rows is not self._all:  # keep the unfiltered list current for the next filter
            self._all[self._all_row[document_id]] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return info.title
            if column == 1:
                return STATUS_LABEL[info.status]
            return str(info.open_suggestions) if info.open_suggestions else "–"
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return info.title
        if role == ID_ROLE:
            return info.id
        if role == Qt.ItemDataRole.ForegroundRole and info.status is DocStatus.DONE:
            return _DONE_INK
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
