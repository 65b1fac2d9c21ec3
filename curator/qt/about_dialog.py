"""AboutDialog (Help ▸ About): the app's version and what this window works on.

The version is the installed package's (``curator.__version__``, from the metadata that
pyproject.toml's version becomes); the database path, the evidence schema and the
extractor version are those of the running window, so a bug report can quote them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from curator.qt.startup import APP_ICON

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from curator.core.ports import SuggestionSource
    from curator.core.schema import Schema


@dataclass(frozen=True, slots=True)
class AboutInfo:
    version: str
    database: str
    schema: str  # "name, version N"
    extractor: str

    @classmethod
    def gather(cls, database: str, schema: Schema, source: SuggestionSource | None) -> AboutInfo:
        from curator import __version__

        return cls(__version__, database, f"{schema.name}, version {schema.version}",
                   _extractor_version(source))  # fmt: skip

    def rows(self) -> tuple[tuple[str, str, str], ...]:
        """(object name, label, value) for each line of the dialog."""
        return (
            ("about.version", "Version", self.version),
            ("about.database", "Database", self.database),
            ("about.schema", "Evidence schema", self.schema),
            ("about.extractor", "Extractor", self.extractor),
        )


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Evidence Curator")
        self.setWindowIcon(QIcon(APP_ICON))
        layout = QVBoxLayout(self)
        head = QLabel(self)
        head.setPixmap(QIcon(APP_ICON).pixmap(64, 64))
        head.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(head)
        self.title = QLabel(f"<h2>Evidence Curator {info.version}</h2>", self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title)
        blurb = QLabel("A desktop workstation for curating medical evidence.", self)
        blurb.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(blurb)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, label, value in info.rows():
            shown = QLabel(value, self)
            shown.setObjectName(name)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(f"{label}:", shown)
            self.values[name] = shown
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def text_of(self, name: str) -> str:
        """The value shown on line ``name`` (``about.version``...), for tests."""
        return self.values[name].text()

    @classmethod
    def show_for(cls, info: AboutInfo, parent: QWidget | None = None) -> AboutDialog:
        """Open it (non-modal, deleted when closed); returned for tests."""
        dialog = cls(info, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def _extractor_version(source: SuggestionSource | None) -> str:
    if source is None:
        return "not available (the extractor is not installed)"
    try:
        return source.version  # loads the rules if no job has yet (a fraction of a second)
    except Exception as exc:  # a broken rule file: say so rather than fail to open
        return f"not available ({exc})"
