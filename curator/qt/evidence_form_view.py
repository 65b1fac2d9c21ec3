"""EvidenceFormView: the evidence form generated from the schema.

One section per schema group: single-valued groups as labelled rows, repeated groups as
editable tables with add/remove row. The view follows the controller's current slot and
calls its intents; it holds no review logic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from curator.core.schema import InvalidValueError
from curator.qt.form_models import FieldListModel, GroupTableModel
from curator.qt.slot_editor_delegate import SlotEditorDelegate

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QResizeEvent

    from curator.core.schema import Schema
    from curator.qt.form_models import _SlotModel
    from curator.qt.review_controller import ReviewController

_FIELD_WIDTHS = (136, 0, 100, 104, 40)  # 0: stretch


class EvidenceFormView(QScrollArea):
    value_refused = Signal(str)
    editing_changed = Signal(bool)

    def __init__(
        self,
        controller: ReviewController,
        schema: Schema,
        describe: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceForm")
        self.setAccessibleName("Evidence form")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.controller = controller
        self.delegates: list[SlotEditorDelegate] = []
        self._syncing = False
        self.tables: list[QTableView] = []
        self.models: list[_SlotModel] = []
        body = QWidget(self)
        body.setObjectName("formBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        for group in schema.groups:
            model: _SlotModel
            if group.repeated:
                model = GroupTableModel(group, describe)
            else:
                model = FieldListModel(group, describe)
            table = self._table(model, group.label, repeated=group.repeated)
            layout.addWidget(self._header(group.key, group.label, group.repeated))
            layout.addWidget(table)
            self.tables.append(table)
            self.models.append(model)
        layout.addStretch(1)
        self.setWidget(body)
        self.setFocusProxy(self.tables[0])
        controller.form_changed.connect(self._on_controller_form_changed)
        controller.current_changed.connect(self._on_controller_current_changed)

    # -- building ------------------------------------------------------------------
    def _header(self, group: str, label: str, repeated: bool) -> QWidget:
        header = QWidget()
        row = QHBoxLayout(header)
        row.setContentsMargins(0, 8, 0, 0)
        title = QLabel(label)
        title.setObjectName("groupTitle")
        row.addWidget(title)
        row.addStretch(1)
        if repeated:
            add = QToolButton(header)
            add.setText("+ Row")
            add.setObjectName(f"add_row.{group}")
            add.setAccessibleName(f"Add a row to {label}")
            add.setToolTip(f"Add an empty row to {label}")
            add.clicked.connect(lambda: self.controller.add_row(group))
            row.addWidget(add)
            remove = QToolButton(header)
            remove.setText("− Row")
            remove.setObjectName(f"remove_row.{group}")
            remove.setAccessibleName(f"Remove the current row of {label}")
            remove.setToolTip(f"Reject or clear every value in the current row of {label}")
            remove.clicked.connect(lambda: self._remove_row_of(group))
            row.addWidget(remove)
        return header

    def _remove_row_of(self, group: str) -> None:
        slot = self.controller.current_slot
        if slot is None or slot.spec.group != group:
            self.value_refused.emit("Select a cell of the row to remove first")
            return
        self.controller.remove_row()

    def _table(self, model: _SlotModel, label: str, repeated: bool) -> QTableView:
        table = QTableView(self)
        table.setObjectName(f"group.{model.group.key}")
        table.setAccessibleName(f"{label} fields")
        table.setModel(model)
        delegate = SlotEditorDelegate(
            lambda i: self.controller.form.slots[i].spec, self.controller.validate, table
        )
        delegate.value_committed.connect(self._on_delegate_value_committed)
        delegate.value_refused.connect(self.value_refused)
        delegate.editing_changed.connect(lambda _e: self.editing_changed.emit(self.editing))
        table.setItemDelegate(delegate)  # one per view: closeEditor goes to its own view
        self.delegates.append(delegate)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        triggers = QAbstractItemView.EditTrigger
        table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        horizontal = table.horizontalHeader()
        horizontal.setHighlightSections(False)
        if repeated:
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
            horizontal.setDefaultAlignment(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            )
            horizontal.setDefaultSectionSize(104)
            horizontal.resizeSection(0, 170)
            horizontal.setStretchLastSection(True)
        else:
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            vertical.hide()
            horizontal.hide()
            table.setShowGrid(False)
            for column, width in enumerate(_FIELD_WIDTHS):
                if width:
                    horizontal.resizeSection(column, width)
                    horizontal.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                else:
                    horizontal.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentChanged.connect(self._on_table_current_changed)
        return table

    def _fit(self, table: QTableView) -> None:
        height = table.verticalHeader().length() + 2 * table.frameWidth()
        if not table.horizontalHeader().isHidden():
            height += table.horizontalHeader().sizeHint().height()
        bar = table.horizontalScrollBar()
        if table.horizontalHeader().length() > table.viewport().width() + 1:
            height += bar.sizeHint().height()
        table.setFixedHeight(max(height, 2 * table.frameWidth() + 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for table in self.tables:
            self._fit(table)
        located = self._locate(self.controller.current)
        if located is not None:
            self._reveal(*located)

    # -- state ---------------------------------------------------------------------
    @property
    def editing(self) -> bool:
        return any(delegate.editing for delegate in self.delegates)

    def edit_current(self) -> bool:
        """Open the in-place editor on the current slot (E / Enter)."""
        located = self._locate(self.controller.current)
        if located is None or self.editing:
            return False
        table, index = located
        if isinstance(table.model(), FieldListModel):
            index = index.siblingAtColumn(FieldListModel.VALUE_COLUMN)
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        table.setCurrentIndex(index)
        table.edit(index)
        return self.editing

    def focus_current(self) -> None:
        located = self._locate(self.controller.current)
        table = located[0] if located else self.tables[0]
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def has_focus_inside(self) -> bool:
        focus = self.window().focusWidget() if self.window() else None
        return focus is not None and (focus is self or self.isAncestorOf(focus))

    def current_table(self) -> QTableView | None:
        located = self._locate(self.controller.current)
        return located[0] if located else None

    def _locate(self, slot_index: int) -> tuple[QTableView, QModelIndex] | None:
        for table, model in zip(self.tables, self.models, strict=True):
            if model.has_slot(slot_index):
                return table, model.model_index(slot_index)
        return None

    # -- slots ---------------------------------------------------------------------
    def _on_controller_form_changed(self, keys: frozenset[tuple[str, int]] | None) -> None:
        form = self.controller.form
        for table, model in zip(self.tables, self.models, strict=True):
            if keys is None:
                if model.set_form(form):
                    self._fit(table)
            else:
                model.update_form(form, keys)

    def _on_controller_current_changed(self, slot_index: int) -> None:
        located = self._locate(slot_index)
        had_focus = self.has_focus_inside()
        self._syncing = True
        try:
            for table in self.tables:
                if located is None or table is not located[0]:
                    table.selectionModel().clear()
            if located is not None:
                table, index = located
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
                if isinstance(table.model(), FieldListModel):
                    flags |= QItemSelectionModel.SelectionFlag.Rows
                table.selectionModel().setCurrentIndex(index, flags)
                if had_focus and not self.editing:
                    table.setFocus(Qt.FocusReason.OtherFocusReason)
                self._reveal(table, index)
        finally:
            self._syncing = False

    def _reveal(self, table: QTableView, index: QModelIndex) -> None:
        body = self.widget()
        layout = body.layout() if body is not None else None
        if body is None or layout is None:
            return
        layout.activate()  # positions are final before we scroll to them
        rect = table.visualRect(index)
        top_left = table.viewport().mapTo(body, rect.topLeft())
        self.ensureVisible(0, top_left.y() + rect.height() // 2, 0, 3 * rect.height())

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        for model in self.models:
            if model is current.model():
                slot_index = model.slot_index(current)
                if slot_index >= 0:
                    self.controller.set_current(slot_index)

    def _on_delegate_value_committed(self, slot_index: int, text: str) -> None:
        try:
            self.controller.correct(text, index=slot_index)
        except InvalidValueError as exc:  # checked by the delegate already; kept for safety
            self.value_refused.emit(str(exc))
