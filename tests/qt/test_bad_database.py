"""Opening a database that cannot be used: a dialog naming the file and the problem, the
file untouched, and a way on (open another, create new, restore the latest backup, quit)."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings

from curator.core.model import NewDocument
from curator.qt import startup
from curator.qt.bad_database_dialog import BadDatabaseDialog, Recovery, RecoveryChoice
from curator.qt.future_store import FutureStore, open_store
from curator.store import (
    CorruptDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    SqlStore,
    StoreError,
    list_backups,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def opening(path: Path) -> FutureStore:
    """What app.py hands the window: the store being opened (here: already finished)."""
    future: Future[object] = Future()
    try:
        future.set_result(open_store(str(path)))
    except StoreError as error:
        future.set_exception(error)
    return FutureStore(future)  # type: ignore[arg-type]


def make_db(path: Path, title: str) -> Path:
    with SqlStore.open(path, keep_backups=0) as store:
        store.add_documents([NewDocument(f"id-{title}", title, "x.txt", f"Text of {title}.")])
    return path


class Asked:
    """A stand-in for BadDatabaseDialog.ask: records each question, answers from a list."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: RecoveryChoice) -> None:
        self.answers = list(answers)
        self.questions: list[tuple[StoreError, Path | None]] = []
        asked = self

        def ask(
            cls: object, error: StoreError, latest: Path | None, parent: object = None
        ) -> RecoveryChoice:
            asked.questions.append((error, latest))
            return asked.answers.pop(0)

        monkeypatch.setattr(BadDatabaseDialog, "ask", classmethod(ask))


@pytest.fixture
def junk(tmp_path: Path) -> Path:
    path = tmp_path / "db" / "curation.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"Title,Year\nAspirin,2019\n" * 20)
    return path


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A database with an automatic backup of its earlier state, then damaged."""
    path = make_db(tmp_path / "db" / "curation.sqlite", "before")
    SqlStore.open(path).close()  # the open makes an automatic backup
    assert list_backups(path, "auto")
    with SqlStore.open(path, keep_backups=0) as store:
        store.add_documents([NewDocument("id-later", "later", "y.txt", "Later text.")])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def test_quit_leaves_the_file_untouched(monkeypatch: pytest.MonkeyPatch, junk: Path) -> None:
    before = junk.read_bytes()
    asked = Asked(monkeypatch, RecoveryChoice(Recovery.QUIT))
    assert startup.open_or_recover(opening(junk), screenshot=False) is None
    ((error, latest),) = asked.questions
    assert isinstance(error, NotADatabaseError)
    assert error.path == junk.resolve()
    assert latest is None  # not damaged: nothing to restore
    assert junk.read_bytes() == before
    assert [p.name for p in junk.parent.iterdir()] == [junk.name]


def test_open_another_file(monkeypatch: pytest.MonkeyPatch, junk: Path, tmp_path: Path) -> None:
    other = make_db(tmp_path / "other.sqlite", "other")
    Asked(monkeypatch, RecoveryChoice(Recovery.OPEN, other))
    pending = opening(junk)
    store = startup.open_or_recover(pending, screenshot=False)
    assert store is not None
    assert [d.title for d in pending.list_documents()] == ["other"]  # the window's store
    pending.close()


def test_create_new_refuses_an_existing_file_then_creates(
    monkeypatch: pytest.MonkeyPatch, junk: Path, tmp_path: Path
) -> None:
    existing = make_db(tmp_path / "existing.sqlite", "existing")
    fresh = tmp_path / "new" / "fresh.sqlite"
    asked = Asked(
        monkeypatch,
        RecoveryChoice(Recovery.CREATE, existing),
        RecoveryChoice(Recovery.CREATE, fresh),
    )
    pending = opening(junk)
    assert startup.open_or_recover(pending, screenshot=False) is not None
    assert "already exists" in str(asked.questions[1][0])
    assert pending.location == str(fresh)
    assert pending.progress().total == 0
    pending.close()


def test_a_damaged_database_offers_its_latest_backup(
    monkeypatch: pytest.MonkeyPatch, damaged: Path
) -> None:
    before = damaged.read_bytes()
    newest = list_backups(damaged, "auto")[0]
    asked = Asked(monkeypatch, RecoveryChoice(Recovery.RESTORE, None))
    pending = opening(damaged)
    assert startup.open_or_recover(pending, screenshot=False) is not None
    ((error, latest),) = asked.questions
    assert isinstance(error, CorruptDatabaseError)
    assert latest == newest
    assert [d.title for d in pending.list_documents()] == ["before"]
    (kept,) = list_backups(damaged, "damaged")
    assert kept.read_bytes() == before  # the damaged file is kept, byte for byte
    pending.close()


def test_a_failed_choice_asks_again_with_the_new_problem(
    monkeypatch: pytest.MonkeyPatch, junk: Path, tmp_path: Path
) -> None:
    newer = make_db(tmp_path / "newer.sqlite", "n")
    import sqlite3

    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    connection.close()
    asked = Asked(monkeypatch, RecoveryChoice(Recovery.OPEN, newer), RecoveryChoice(Recovery.QUIT))
    assert startup.open_or_recover(opening(junk), screenshot=False) is None
    assert isinstance(asked.questions[1][0], NewerDatabaseError)
    assert asked.questions[1][0].path == newer


def test_screenshot_mode_prints_one_line_and_never_asks(
    monkeypatch: pytest.MonkeyPatch, junk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = Asked(monkeypatch)
    assert startup.open_or_recover(opening(junk), screenshot=True) is None
    err = capsys.readouterr().err
    assert err.startswith(f"curator: error: {junk.resolve()} is not an Evidence Curator database")
    assert err.count("\n") == 1
    assert asked.questions == []


def test_the_app_exits_2_when_the_curator_quits(
    monkeypatch: pytest.MonkeyPatch, junk: Path, tmp_path: Path, qapp: object
) -> None:
    from curator import app

    Asked(monkeypatch, RecoveryChoice(Recovery.QUIT))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(startup, "user_settings", lambda: settings)
    monkeypatch.setenv("CURATOR_NAME", "tester")
    style = qapp.styleSheet()  # type: ignore[attr-defined]
    try:
        with pytest.raises(SystemExit) as exit_info:
            app.main(["--db", str(junk)])
    finally:
        qapp.setStyleSheet(style)  # type: ignore[attr-defined]
        for widget in qapp.topLevelWidgets():  # type: ignore[attr-defined]
            widget.close()
            widget.deleteLater()
    assert exit_info.value.code == 2


@pytest.mark.slow
def test_screenshot_of_a_bad_database_exits_2(junk: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env |= {"XDG_CONFIG_HOME": str(tmp_path / "config"), "CURATOR_NAME": "x"}
    before = junk.read_bytes()
    shot = tmp_path / "s.png"
    result = subprocess.run(
        [sys.executable, "-m", "curator", "--db", str(junk), "--screenshot", str(shot)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("curator:")]
    assert errors == [f"curator: error: {junk} is not an Evidence Curator database (not an "
                      "SQLite file); choose another file or move this one away."]  # fmt: skip
    assert junk.read_bytes() == before
    assert not (tmp_path / "s.png").exists()


def test_the_dialog_names_the_file_and_offers_the_ways_on(
    qtbot: QtBot, damaged: Path, tmp_path: Path
) -> None:
    try:
        SqlStore.open(damaged)
    except CorruptDatabaseError as error:
        refused = error
    latest = list_backups(damaged, "auto")[0]
    dialog = BadDatabaseDialog(refused, latest)
    qtbot.addWidget(dialog)
    assert "The database is damaged" in dialog.text()
    assert str(damaged) in dialog.informativeText()
    assert "has not been changed" in dialog.informativeText()
    assert latest.name in dialog.informativeText()
    texts = [button.text() for button in dialog.buttons()]
    assert {"Restore latest backup", "Open another…", "Create new…", "Quit"} <= set(texts)
    assert dialog.escapeButton() is dialog.quit_button
    plain = BadDatabaseDialog(NotADatabaseError(f"{damaged} is not ...", damaged), None)
    qtbot.addWidget(plain)
    assert "Restore latest backup" not in [b.text() for b in plain.buttons()]
    if os.environ.get("CURATOR_DIALOG_PNG"):  # a picture to look at
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(os.environ["CURATOR_DIALOG_PNG"])


def test_backup_time_is_read_from_the_name() -> None:
    from curator.qt.bad_database_dialog import backup_time

    name = Path("/x/backups/curation.sqlite.auto.20261123T013625.291569Z.sqlite")
    assert backup_time(name).startswith("2026-11-2")
    assert backup_time(Path("/x/other.sqlite")) == ""
