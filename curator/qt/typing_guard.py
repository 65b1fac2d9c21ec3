"""TypingGuard: plain keys belong to the text field that has focus, not to shortcuts.

Installed on line edits and cell editors. A key without Ctrl/Alt/Meta (letters, Space,
Return, arrows) is claimed by the editor through ``ShortcutOverride``, so "A" types an
"a" instead of accepting a suggestion. Ctrl shortcuts and function keys (F1) still work.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

_COMMAND = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class TypingGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            is_function_key = Qt.Key.Key_F1.value <= event.key() <= Qt.Key.Key_F35.value
            if not (event.modifiers() & _COMMAND) and not is_function_key:
                event.accept()
                return True
        return False


def guard(widget: QObject) -> None:
    """Install one shared guard on ``widget`` (owned by the widget)."""
    widget.installEventFilter(TypingGuard(widget))
