"""Background work: the TaskRunner, import (menu / drop) and export."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from curator.core.jobs import ImportStatus
from curator.qt.export_dialog import ExportChoice, ExportDialog
from curator.qt.import_summary_dialog import ImportSummaryDialog, report_lines
from curator.qt.task_runner import TaskRunner

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.core.jobs import ImportReport
    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore


@pytest.fixture
def runner() -> TaskRunner:
    runner = TaskRunner()
    yield runner  # type: ignore[misc]
    runner.shutdown()


def test_runner_delivers_progress_and_result_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    seen: list[tuple[str, object]] = []
    gui = threading.get_ident()

    def job(progress: object, cancelled: object) -> str:
        assert threading.get_ident() != gui
        for i in range(3):
            progress(i + 1, 3)  # type: ignore[operator]
        return "ok"

    runner.progressed.connect(lambda label, done, total: seen.append(("p", done)))
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        runner.submit(
            "Job", job, lambda result: seen.append(("done", threading.get_ident() == gui))
        )
    assert seen == [("p", 1), ("p", 2), ("p", 3), ("done", True)]
    assert not runner.busy


def test_runner_reports_a_failure(qtbot: QtBot, runner: TaskRunner) -> None:
    def job(progress: object, cancelled: object) -> None:
        raise ValueError("broken file")

    with qtbot.waitSignal(runner.failed) as blocker:
        runner.submit("Import", job)
    assert blocker.args == ["Import", "ValueError: broken file"]


def write_files(folder: Path) -> list[str]:
    folder.mkdir()
    (folder / "one.txt").write_text("New trial\nWe followed 12 patients in a retrospective cohort.")
    (folder / "two.md").write_text("# Another\nHazard ratio 0.7 (95% CI 0.5-0.9).")
    (folder / "bad.txt").write_bytes(b"")
    return [str(folder)]


def test_dropping_a_folder_imports_extracts_and_summarises(
    qtbot: QtBot,
    window: MainWindow,
    store: SqlStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reports: list[ImportReport] = []
    monkeypatch.setattr(
        ImportSummaryDialog, "show_report", lambda report, parent=None: reports.append(report)
    )
    paths = write_files(tmp_path / "incoming")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.jobs.extracted, timeout=10000) as blocker:
        window.dropEvent(drop)
    [report] = reports
    assert report.count(ImportStatus.IMPORTED) == 2
    assert any("bad.txt" in line and "failed" in line for line in report_lines(report))
    assert len(blocker.args[0]) == 2
    assert window.documents.model.rowCount() == 5
    new_id = next(i for i in blocker.args[0] if store.document(i).title == "New trial")
    assert any(s.field == "n_total" for s in store.suggestions(new_id))
    assert "5 documents" in window.status.progress_label.text()


def test_export_runs_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "export"
    choice = ExportChoice(str(out), include_suggestions=True, bom=True)
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, folder, parent=None: choice))
    window.action("review.accept_all").trigger()
    with qtbot.waitSignal(window.jobs.exported, timeout=10000):
        window.action("file.export").trigger()
    written = sorted(p.name for p in out.iterdir())
    assert written
    assert all(name.endswith(".csv") for name in written)
    assert "Exported" in window.statusBar().currentMessage()
