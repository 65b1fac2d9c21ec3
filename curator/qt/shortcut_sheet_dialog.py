"""ShortcutSheetDialog (F1): every action and its keys, generated from the keymap."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from curator.qt._generated.ui_shortcut_sheet_dialog import Ui_ShortcutSheetDialog
from curator.qt.actions import sheet_rows


class ShortcutSheetDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ShortcutSheetDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        rows = sheet_rows()
        table = self.ui.table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        header = table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def listed_actions(self) -> list[str]:
        """The action names shown, in order (for tests and automation)."""
        table = self.ui.table
        return [item.text() for r in range(table.rowCount()) if (item := table.item(r, 1))]
