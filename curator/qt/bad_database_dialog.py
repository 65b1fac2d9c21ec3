"""BadDatabaseDialog: the database cannot be opened -- say which file and why, offer a way on.

The file was not modified (the store refuses before writing anything). The curator can
open another file, create a new database, restore the latest backup (damaged databases
with a backup beside them), or quit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from curator.store import (
    CorruptDatabaseError,
    DatabaseBusyError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from curator.store import backup_time as made_at

if TYPE_CHECKING:
    from curator.store import StoreError

FILTER = "Evidence Curator databases (*.sqlite *.db);;All files (*)"


class Recovery(Enum):
    OPEN = "open"  # open another existing file
    CREATE = "create"  # create a new database at a path
    RESTORE = "restore"  # restore the latest backup over the damaged database
    QUIT = "quit"


@dataclass(frozen=True, slots=True)
class RecoveryChoice:
    action: Recovery
    path: Path | None = None  # the file to open or create


def headline(error: StoreError) -> str:
    """What happened, in a few words (the error's message says the details)."""
    if isinstance(error, NotADatabaseError):
        return "This file is not an Evidence Curator database"
    if isinstance(error, CorruptDatabaseError):
        return "The database is damaged"
    if isinstance(error, NewerDatabaseError):
        return "The database is from a newer version of Evidence Curator"
    if isinstance(error, ReadOnlyDatabaseError):
        return "The database cannot be written"
    if isinstance(error, DatabaseBusyError):
        return "The database is locked by another program"
    return "The database cannot be opened"


def backup_time(backup: Path) -> str:
    """When the backup was made, in local time for people ("" if its name has none)."""
    moment = made_at(backup)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class BadDatabaseDialog(QMessageBox):
    def __init__(
        self, error: StoreError, latest_backup: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("badDatabaseDialog")
        self.setWindowTitle("Cannot open the database")
        self.setIcon(QMessageBox.Icon.Critical)
        where = str(error.path) if error.path is not None else ""
        self.setText(f"<b>{escape(headline(error))}</b>")
        details = [escape(str(error))]
        details.append("The file has not been changed.")
        if latest_backup is not None:
            when = backup_time(latest_backup)
            details.append(
                f"Latest backup{f' ({when})' if when else ''}: {escape(latest_backup.name)}"
            )
        self.setInformativeText("<br><br>".join(details))
        self.setAccessibleDescription(f"{headline(error)}: {where}")
        role = QMessageBox.ButtonRole
        self.restore_button = None
        if latest_backup is not None:
            self.restore_button = self.addButton("Restore latest backup", role.AcceptRole)
            self.restore_button.setObjectName("restoreBackup")
        self.open_button = self.addButton("Open another…", role.ActionRole)
        self.open_button.setObjectName("openAnother")
        self.create_button = self.addButton("Create new…", role.ActionRole)
        self.create_button.setObjectName("createNew")
        self.quit_button = self.addButton("Quit", role.RejectRole)
        self.quit_button.setObjectName("quit")
        self.setEscapeButton(self.quit_button)
        self.setDefaultButton(self.restore_button or self.open_button)
        self.folder = str(error.path.parent) if error.path is not None else ""

    @classmethod
    def ask(
        cls, error: StoreError, latest_backup: Path | None, parent: QWidget | None = None
    ) -> RecoveryChoice:
        """What the curator wants to do (tests patch this)."""
        dialog = cls(error, latest_backup, parent)
        while True:
            dialog.exec()
            clicked = dialog.clickedButton()
            if clicked is None or clicked is dialog.quit_button:
                return RecoveryChoice(Recovery.QUIT)
            if clicked is dialog.restore_button:
                return RecoveryChoice(Recovery.RESTORE, latest_backup)
            if clicked is dialog.open_button:
                name, _ = QFileDialog.getOpenFileName(
                    parent, "Open a database", dialog.folder, FILTER
                )
                if name:
                    return RecoveryChoice(Recovery.OPEN, Path(name))
            elif clicked is dialog.create_button:
                name, _ = QFileDialog.getSaveFileName(
                    parent, "Create a new database", dialog.folder, FILTER
                )
                if name:
                    return RecoveryChoice(Recovery.CREATE, Path(name))
            # a file dialog was cancelled: back to the choices
