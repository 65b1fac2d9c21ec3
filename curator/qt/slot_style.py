"""How a slot's state looks: a glyph and a word (never colour alone), plus a tint."""

from __future__ import annotations

from PySide6.QtGui import QColor

from curator.core.model import Status

GLYPH: dict[Status | None, str] = {
    Status.SUGGESTED: "◇",
    Status.ACCEPTED: "✓",
    Status.CORRECTED: "✎",
    Status.REJECTED: "✗",
    Status.MANUAL: "✚",
    None: "·",
}

WORD: dict[Status | None, str] = {status: status.value for status in Status} | {None: "empty"}

TINT: dict[Status | None, QColor] = {
    Status.SUGGESTED: QColor("#fff3d6"),
    Status.ACCEPTED: QColor("#e3f3e1"),
    Status.CORRECTED: QColor("#e1ecfb"),
    Status.REJECTED: QColor("#f1e6e6"),
    Status.MANUAL: QColor("#ece4f7"),
}

INK: dict[Status | None, QColor] = {
    Status.SUGGESTED: QColor("#8a5300"),
    Status.ACCEPTED: QColor("#1e6b2a"),
    Status.CORRECTED: QColor("#1f4f9a"),
    Status.REJECTED: QColor("#9b2c2c"),
    Status.MANUAL: QColor("#5b3a91"),
    None: QColor("#8a8a8a"),
}


def label(status: Status | None) -> str:
    """``"✓ accepted"``: readable without colour and by screen readers."""
    return f"{GLYPH[status]} {WORD[status]}"
