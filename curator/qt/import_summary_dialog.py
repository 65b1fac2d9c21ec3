"""ImportSummaryDialog: what an import did, one line per file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from curator.qt._generated.ui_import_summary_dialog import Ui_ImportSummaryDialog

if TYPE_CHECKING:
    from curator.core.jobs import ImportReport


def report_lines(report: ImportReport) -> list[str]:
    return [
        f"{line.status.value:<9}  {line.path}" + (f"  — {line.detail}" if line.detail else "")
        for line in report.lines
    ]


class ImportSummaryDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportSummaryDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.headline.setText(f"Import finished: {report.summary()}.")
        self.ui.details.setPlainText("\n".join(report_lines(report)))

    @classmethod
    def show_report(cls, report: ImportReport, parent: QWidget | None = None) -> None:
        """Show the summary without blocking (tests patch this)."""
        dialog = cls(report, parent)
        dialog.setModal(False)
        dialog.show()
