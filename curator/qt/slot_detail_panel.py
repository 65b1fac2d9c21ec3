"""SlotDetailPanel: the current field at a glance, and inline messages.

Shows where the keyboard is (group, row, field), the state as glyph and word, the rule
with its one-line description, the confidence and the number of alternatives, and the
last message (an invalid value, "nothing to accept").
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from curator.qt import slot_style
from curator.qt.form_models import shown_value

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.core.review import Slot
    from curator.core.schema import Schema


class SlotDetailPanel(QFrame):
    def __init__(
        self, schema: Schema, describe: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slotDetail")
        self.setAccessibleName("Current field")
        self.schema, self.describe = schema, describe
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.title, self.state, self.rule, self.message = (QLabel(self) for _ in range(4))
        for label, name in zip(
            (self.title, self.state, self.rule, self.message),
            ("slotTitle", "slotState", "slotRule", "slotMessage"),
            strict=True,
        ):
            label.setObjectName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.rule.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A fixed height: moving between fields never re-lays out (and repaints) the form.
        line = self.fontMetrics().lineSpacing()
        self.title.setFixedHeight(round(line * 1.4))
        self.state.setFixedHeight(line + 2)
        self.rule.setFixedHeight(2 * line + 2)
        self.message.setFixedHeight(2 * line + 4)  # a warning names two fields and values
        margins = layout.contentsMargins()
        self.setFixedHeight(
            round(line * 1.4) + 6 * line + 8 + 3 * layout.spacing()
            + margins.top() + margins.bottom() + 2 * self.frameWidth() + 4
        )  # fmt: skip
        self.show_slot(None, 0)

    def show_slot(self, slot: Slot | None, open_count: int, warning: str | None = None) -> None:
        """Show ``slot``; ``warning``: a check its value breaks (kept in the message strip)."""
        if slot is None:
            self.title.setText("No field")
            self.state.setText("")
            self.rule.setText("")
            self.setAccessibleDescription("")
            return
        group = self.schema.group(slot.spec.group)
        where = f"{group.label} · row {slot.row + 1} · " if group.repeated else f"{group.label} · "
        self.title.setText(f"{where}<b>{slot.spec.label}</b>")
        value = shown_value(slot)
        status = slot.status
        color = slot_style.INK[status].name()
        state = f'<span style="color:{color}">{slot_style.label(status)}</span>'
        self.state.setText(f"{state}  {_quote(value)}" if value else state)
        suggestion = slot.suggestion
        if suggestion is not None:
            extra = f" · {len(slot.alternatives)} more" if slot.alternatives else ""
            description = self.describe(suggestion.rule)
            # the description last: a long one is cut in the fixed two lines, never the
            # confidence (the whole of it is in the tooltip)
            self.rule.setText(
                f"rule <tt>{suggestion.rule}</tt> · confidence {suggestion.confidence:.2f}"
                f"{extra} — {escape(description)}"
            )
            self.rule.setToolTip(description)
        else:
            self.rule.setText(f"<i>{slot.spec.help}</i>" if slot.spec.help else "")
            self.rule.setToolTip("")
        self.setAccessibleDescription(
            f"{slot.spec.label}: {value or 'empty'}, {slot_style.WORD[status]}; "
            f"{open_count} open in this document"
        )
        if warning:
            self.show_message(warning, warning=True)
        else:
            self.clear_message()

    def show_message(self, text: str, error: bool = False, warning: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.setProperty("warning", warning and not error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(("⚠ " if error or warning else "") + text)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setToolTip(text)

    def clear_message(self) -> None:
        self.message.clear()


def _quote(value: str) -> str:
    return f"“{escape(value)}”"
