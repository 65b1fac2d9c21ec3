"""CuratorNameDialog: asked once, the name recorded with every decision."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


class CuratorNameDialog:
    @classmethod
    def ask(cls, parent: QWidget | None = None, default: str = "") -> str | None:
        """The name typed, or None when cancelled (tests patch this)."""
        name, ok = QInputDialog.getText(
            parent, "Evidence Curator", "Your name (recorded with every decision):",
            QLineEdit.EchoMode.Normal, default or _os_user(),
        )  # fmt: skip
        return name.strip() if ok and name.strip() else None


class ThresholdDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, current: float) -> float | None:
        value, ok = QInputDialog.getDouble(
            parent, "Accept all", "Accept open suggestions with confidence at or above:",
            current, 0.0, 1.0, 2,
        )  # fmt: skip
        return value if ok else None


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
