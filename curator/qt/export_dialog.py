"""ExportDialog: choose a folder and options for the CSV tables."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from curator.qt._generated.ui_export_dialog import Ui_ExportDialog


@dataclass(frozen=True, slots=True)
class ExportChoice:
    folder: str
    include_suggestions: bool
    bom: bool


class ExportDialog(QDialog):
    def __init__(self, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.folder.setText(folder)
        self.ui.browse.clicked.connect(self._on_browse_clicked)

    def choice(self) -> ExportChoice:
        return ExportChoice(
            self.ui.folder.text().strip(), self.ui.includeOpen.isChecked(), self.ui.bom.isChecked()
        )

    @classmethod
    def ask(cls, folder: str, parent: QWidget | None = None) -> ExportChoice | None:
        """The user's choice, or None when cancelled (tests patch this)."""
        dialog = cls(folder, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.choice().folder:
            return None
        return dialog.choice()

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export to folder", self.ui.folder.text())
        if folder:
            self.ui.folder.setText(folder)
