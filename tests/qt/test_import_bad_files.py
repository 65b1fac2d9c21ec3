"""Importing a folder of good and bad files from the window: every good file is imported,
every bad one is listed with its reason in the summary, and reading is lazy."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from curator.core.jobs import ImportStatus
from curator.qt.import_summary_dialog import ImportSummaryDialog
from curator.qt.task_runner import TaskRunner

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.core.jobs import ImportReport
    from curator.qt.main_window import MainWindow
    from curator.store import SqlStore

GOOD = b"Aspirin in stroke\nWe followed 40 patients in a retrospective cohort."
FILES = {
    "a_good.txt": GOOD,
    "b_same_text.md": GOOD,
    "c_binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "d_empty.txt": b"",
    "e_undecodable.txt": "Müller".encode() + "Müller".encode("cp1252") + b"\x81\x8d",
    "f_sheet.xlsx": b"PK\x03\x04 not a text file",
    "g_page.html": (
        b"<html><head><title>Heparin page</title><script>document.write('evil')</script>"
        b"</head><body><p>Heparin in 30 adults.</p><iframe src='http://x'></iframe></body></html>"
    ),
}
EXPECTED = {
    "a_good.txt": (ImportStatus.IMPORTED, ""),
    "b_same_text.md": (ImportStatus.DUPLICATE, "same text as "),
    "c_binary.txt": (ImportStatus.FAILED, "binary: "),
    "d_empty.txt": (ImportStatus.FAILED, "empty: "),
    "e_undecodable.txt": (ImportStatus.FAILED, "undecodable: "),
    "f_sheet.xlsx": (ImportStatus.FAILED, "unsupported type: '.xlsx'"),
    "g_page.html": (ImportStatus.IMPORTED, ""),
}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    return folder


def test_a_folder_of_good_and_bad_files(
    qtbot: QtBot,
    window: MainWindow,
    store: SqlStore,
    mixed: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[ImportSummaryDialog] = []

    def show(report: ImportReport, parent: object = None) -> None:
        dialog = ImportSummaryDialog(report)
        qtbot.addWidget(dialog)
        shown.append(dialog)

    monkeypatch.setattr(ImportSummaryDialog, "show_report", show)
    progress: list[tuple[int, int]] = []
    window.runner.progressed.connect(lambda _label, done, total: progress.append((done, total)))
    with qtbot.waitSignal(window.jobs.imported, timeout=10000):
        window.import_paths([str(mixed)])
    (dialog,) = shown
    headline = dialog.ui.headline.text()
    assert headline == f"Import finished: 2 imported, 1 duplicate, 4 failed.<br>Files in {mixed}:"
    lines = dialog.ui.details.toPlainText().splitlines()
    assert len(lines) == len(FILES)
    for line, (name, (status, reason)) in zip(lines, EXPECTED.items(), strict=True):
        assert line.startswith(f"{status.value:<9}  {name}"), line
        assert reason in line, line
    titles = {info.title for info in store.list_documents()}
    assert {"Aspirin in stroke", "Heparin page"} <= titles
    (page,) = [i for i in store.list_documents() if i.title == "Heparin page"]
    text = store.document(page.id).text
    assert "Heparin in 30 adults." in text
    assert "evil" not in text  # scripts are dropped, nothing fetched
    assert progress[0] == (0, len(FILES))  # the bar knows the total from the start
    assert progress[-1] == (len(FILES), len(FILES))
    with qtbot.waitSignal(window.jobs.imported, timeout=10000):  # again: nothing new
        window.import_paths([str(mixed / "a_good.txt")])
    again = shown[-1].ui.details.toPlainText()
    assert again == f"duplicate  {mixed / 'a_good.txt'}  — already in the database"


def test_the_import_job_reads_lazily(
    qtbot: QtBot, window: MainWindow, mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files are read one at a time while the job stores them, never all first."""
    import curator.ingest.reader as reader

    monkeypatch.setattr(ImportSummaryDialog, "show_report", lambda *_a, **_k: None)
    events: list[str] = []
    real_read = reader.read_file

    def read_file(path: object, **kwargs: object) -> object:
        events.append("read")
        return real_read(path, **kwargs)  # type: ignore[arg-type]

    real_add = window.store.add_documents

    def add_documents(docs: object) -> object:
        events.append("store")
        return real_add(docs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "read_file", read_file)
    monkeypatch.setattr("curator.core.jobs.BATCH", 1)
    monkeypatch.setattr(window.store, "add_documents", add_documents)
    with qtbot.waitSignal(window.jobs.imported, timeout=10000):
        window.import_paths([str(mixed)])
    assert events.index("store") < len(events) - events[::-1].index("read") - 1
    assert isinstance(window.runner, TaskRunner)
