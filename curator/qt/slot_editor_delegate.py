"""SlotEditorDelegate: edit a value in place. Enter commits, Esc cancels.

An invalid value (``validate`` raises InvalidValueError: wrong type, a p value out of
[0, 1], a CI bound on the wrong side of the estimate) is shown inline: the editor stays
open with the text, marked invalid, until it is fixed or cancelled; nothing is stored.
A valid value closes the editor first and is then reported through :attr:`value_committed`,
so the controller's decision never races the editor's closing.
Losing focus cancels (only Enter commits: ``setModelData`` stores nothing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from curator.core.schema import FieldType, InvalidValueError
from curator.qt.form_models import SLOT_ROLE
from curator.qt.typing_guard import guard

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.core.schema import FieldSpec

    Index = QModelIndex | QPersistentModelIndex


_STAY = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Tab)


class SlotEditorDelegate(QStyledItemDelegate):
    value_committed = Signal(int, str)  # slot index, text
    value_refused = Signal(str)  # the inline message
    editing_changed = Signal(bool)

    def __init__(
        self,
        spec_of: Callable[[int], FieldSpec],
        validate: Callable[[int, str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._spec_of, self._validate = spec_of, validate
        self._slots: dict[QWidget, int] = {}

    @property
    def editing(self) -> bool:
        return bool(self._slots)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        slot_index = int(index.data(SLOT_ROLE))
        spec = self._spec_of(slot_index)
        editor = QLineEdit(parent)
        editor.setObjectName("slotEditor")
        editor.setAccessibleName(f"Edit {spec.label}")
        editor.setToolTip(spec.help)
        choices = spec.choices or (("yes", "no") if spec.type is FieldType.BOOL else ())
        if choices:
            completer = QCompleter(list(choices), editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        guard(editor)
        self._slots[editor] = slot_index
        editor.destroyed.connect(lambda *_: self._forget())
        self.editing_changed.emit(True)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QLineEdit) and not editor.property("touched"):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Values are committed through the controller on Enter, never by the view."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QLineEdit) or watched not in self._slots:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            watched.setProperty("touched", True)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                popup = watched.completer().popup() if watched.completer() else None
                if popup is not None and popup.isVisible():
                    return super().eventFilter(watched, event)
                self._commit(watched)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self._close(watched)
                return True
            if event.key() in _STAY:  # the view would move its current cell: not while typing
                return True
        return super().eventFilter(watched, event)

    def _commit(self, editor: QLineEdit) -> None:
        slot_index = self._slots[editor]
        text = editor.text()
        try:
            self._validate(slot_index, text)
        except InvalidValueError as exc:
            editor.setProperty("invalid", True)
            editor.style().unpolish(editor)
            editor.style().polish(editor)
            editor.setToolTip(str(exc))
            self.value_refused.emit(str(exc))
            return
        self._close(editor)
        self.value_committed.emit(slot_index, text)

    def _close(self, editor: QLineEdit) -> None:
        self._slots.pop(editor, None)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.editing_changed.emit(self.editing)

    def _forget(self) -> None:
        alive = {editor: i for editor, i in self._slots.items() if _alive(editor)}
        if len(alive) != len(self._slots):
            self._slots = alive
            self.editing_changed.emit(self.editing)


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True
