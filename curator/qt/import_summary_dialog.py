"""ImportSummaryDialog: what an import did, one line per file (status, file, reason)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QWidget

from curator.qt._generated.ui_import_summary_dialog import Ui_ImportSummaryDialog

if TYPE_CHECKING:
    from curator.core.jobs import ImportReport


def common_folder(report: ImportReport) -> str:
    """The folder all the report's files are in ("" when they have none in common)."""
    folders = [os.path.dirname(line.path) for line in report.lines]
    if not folders:
        return ""
    try:
        common = os.path.commonpath(folders)
    except ValueError:  # relative and absolute paths mixed
        return ""
    return "" if common in ("", os.sep) else common


def report_lines(report: ImportReport, folder: str = "") -> list[str]:
    """``status  path  — reason``; paths relative to ``folder`` when given."""
    lines = []
    for line in report.lines:
        path = os.path.relpath(line.path, folder) if folder else line.path
        detail = f"  — {line.detail}" if line.detail else ""
        lines.append(f"{line.status.value:<9}  {path}{detail}")
    return lines


class ImportSummaryDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportSummaryDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        folder = common_folder(report)
        where = f"<br>Files in {folder}:" if folder and len(report.lines) > 1 else ""
        self.ui.headline.setText(f"Import finished: {report.summary()}.{where}")
        self.ui.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        shown = folder if len(report.lines) > 1 else ""
        self.ui.details.setPlainText("\n".join(report_lines(report, shown)))

    @classmethod
    def show_report(cls, report: ImportReport, parent: QWidget | None = None) -> None:
        """Show the summary without blocking (tests patch this)."""
        dialog = cls(report, parent)
        dialog.setModal(False)
        dialog.show()
