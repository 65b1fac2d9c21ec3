"""Table models over one group of a :class:`~curator.core.review.Form`.

``FieldListModel``: a single-valued group as labelled rows (field | value | state | rule |
confidence). ``GroupTableModel``: a repeated group as a table (one row per table row, one
column per field). Both map cells to slot indices of the form, so a decision repaints only
the cells that changed (``refresh``); a new structure resets the model (``set_form``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from curator.core.model import Status
from curator.qt import slot_style

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from curator.core.review import Form, Slot
    from curator.core.schema import GroupSpec

    Index = QModelIndex | QPersistentModelIndex

#: Data role of every cell: its slot index in the form (int), or -1.
SLOT_ROLE = Qt.ItemDataRole.UserRole + 1
_ROLES = frozenset(
    int(role)
    for role in (
        SLOT_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
    )
)  # fmt: skip
_STRIKE = QFont()
_STRIKE.setStrikeOut(True)
_ITALIC = QFont()
_ITALIC.setItalic(True)


def shown_value(slot: Slot) -> str:
    """The value text of a cell; a rejected suggestion keeps its (struck-out) text."""
    if slot.status is Status.REJECTED and slot.suggestion is not None:
        return slot.suggestion.value
    return slot.value


def tooltip(slot: Slot, describe: Callable[[str], str]) -> str:
    parts = [f"<b>{slot.spec.label}</b>: {slot_style.label(slot.status)}"]
    suggestion = slot.suggestion
    if suggestion is not None:
        parts.append(f"suggested “{suggestion.value}” ({suggestion.confidence:.2f})")
        parts.append(f"rule <tt>{suggestion.rule}</tt>: {describe(suggestion.rule)}")
        if slot.alternatives:
            parts.append(f"{len(slot.alternatives)} other suggestion(s)")
    if slot.spec.help:
        parts.append(f"<i>{slot.spec.help}</i>")
    return "<br>".join(parts)


class _SlotModel(QAbstractTableModel):
    FIRST_COLUMN = 0  # the cell that stands for a slot (selected when the slot is current)

    def __init__(self, group: GroupSpec, describe: Callable[[str], str]) -> None:
        super().__init__()
        self.group, self.describe = group, describe
        self.form: Form | None = None
        self._cells: dict[tuple[int, int], int] = {}  # (row, column) -> slot index
        self._where: dict[int, tuple[int, int]] = {}  # slot index -> (row, column)
        self._rows = 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    # structure ------------------------------------------------------------------------
    def set_form(self, form: Form) -> bool:
        """Show ``form``; returns True when the table's shape changed (rows, cells)."""
        cells = self._layout(form)
        if cells == self._cells and self.form is not None:
            self.form = form  # same shape (the usual case between documents): repaint only
            if self._rows:
                last = self.index(self._rows - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return False
        self.beginResetModel()
        self.form = form
        self._cells = cells
        self._where = {}
        for cell, slot in sorted(self._cells.items()):
            if cell[1] >= self.FIRST_COLUMN:
                self._where.setdefault(slot, cell)
        self._rows = len({row for row, _ in self._cells})
        self.endResetModel()
        return True

    def update_form(self, form: Form, keys: Iterable[tuple[str, int]]) -> None:
        """Same structure, new values: repaint only the rows holding ``keys``."""
        self.form = form
        wanted = set(keys)
        rows = {
            self._where[i][0]
            for i, slot in enumerate(form.slots)
            if i in self._where and slot.key in wanted
        }
        last = self.columnCount() - 1
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _layout(self, form: Form) -> dict[tuple[int, int], int]:
        raise NotImplementedError

    def slot_index(self, index: Index) -> int:
        return self._cells.get((index.row(), index.column()), -1)

    def model_index(self, slot_index: int) -> QModelIndex:
        cell = self._where.get(slot_index)
        return self.index(*cell) if cell else QModelIndex()

    def slot(self, index: Index) -> Slot | None:
        at = self.slot_index(index)
        return self.form.slots[at] if self.form is not None and at >= 0 else None

    def has_slot(self, slot_index: int) -> bool:
        return slot_index in self._where


class FieldListModel(_SlotModel):
    """A single-valued group: one row per slot."""

    HEADERS = ("Field", "Value", "State", "Rule", "Conf.")
    VALUE_COLUMN = FIRST_COLUMN = 1

    def _layout(self, form: Form) -> dict[tuple[int, int], int]:
        indices = [i for i, s in enumerate(form.slots) if s.spec.group == self.group.key]
        return {(row, col): i for row, i in enumerate(indices) for col in range(5)}

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def data(self, index: Index, role: int = 0) -> Any:
        if role not in _ROLES:  # most roles a view asks for: answered before any work
            return None
        slot = self.slot(index)
        if slot is None:
            return None
        column = index.column()
        if role == SLOT_ROLE:
            return self.slot_index(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(slot, column)
        if role == Qt.ItemDataRole.EditRole:
            return shown_value(slot)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(slot, self.describe)
        if role == Qt.ItemDataRole.BackgroundRole:
            return slot_style.TINT.get(slot.status)
        if role == Qt.ItemDataRole.ForegroundRole and column in (0, 2):
            return slot_style.INK[slot.status] if column == 2 else None
        if role == Qt.ItemDataRole.FontRole and column == 1:
            return _STRIKE if slot.status is Status.REJECTED else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(slot: Slot, column: int) -> str:
        if column == 0:
            return slot.spec.label + (f" ({slot.row + 1})" if slot.row else "")
        if column == 1:
            return shown_value(slot)
        if column == 2:
            return slot_style.label(slot.status) if slot.status else "—"
        suggestion = slot.suggestion
        if column == 3:
            if suggestion is not None:
                return suggestion.rule.partition(".")[2] or suggestion.rule
            return "taken" if slot.span else ("typed" if slot.curated else "")
        return f"{suggestion.confidence:.2f}" if suggestion is not None else ""


class GroupTableModel(_SlotModel):
    """A repeated group: one row per table row, one column per field."""

    def _layout(self, form: Form) -> dict[tuple[int, int], int]:
        columns = {spec.key: c for c, spec in enumerate(self.group.fields)}
        rows = {row: r for r, row in enumerate(form.rows(self.group.key))}
        return {
            (rows[slot.row], columns[slot.spec.key]): i
            for i, slot in enumerate(form.slots)
            if slot.spec.key in columns
        }

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.group.fields)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self.group.fields[section].label
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.group.fields[section].help
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = 0) -> Any:
        if role not in _ROLES:
            return None
        slot = self.slot(index)
        if slot is None:
            return None
        if role == SLOT_ROLE:
            return self.slot_index(index)
        if role == Qt.ItemDataRole.DisplayRole:
            value = shown_value(slot)
            return f"{slot_style.GLYPH[slot.status]} {value}" if slot.status else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{slot.spec.label}: {shown_value(slot)}, {slot_style.WORD[slot.status]}"
        if role == Qt.ItemDataRole.EditRole:
            return shown_value(slot)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(slot, self.describe)
        if role == Qt.ItemDataRole.BackgroundRole:
            return slot_style.TINT.get(slot.status)
        if role == Qt.ItemDataRole.FontRole:
            return _STRIKE if slot.status is Status.REJECTED else None
        return None
