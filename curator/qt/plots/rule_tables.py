"""Table models of the rule-quality view: the rules, and one rule's misses.

Both are read-only. Numeric columns sort by number (``SORT_ROLE``), not by text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from curator.core.insights import RuleMiss, RuleStats

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole


class _ReadOnlyTable(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == _DISPLAY:
            return self.headers[section]
        return None


class RuleStatsModel(_ReadOnlyTable):
    headers = ("Rule", "Accepted %", "Made", "Accepted", "Corrected", "Rejected", "Open")

    def __init__(self, describe: Callable[[str], str]) -> None:
        super().__init__()
        self.stats: list[RuleStats] = []
        self._describe = describe

    def set_stats(self, stats: Sequence[RuleStats]) -> None:
        self.beginResetModel()
        self.stats = list(stats)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.stats)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        s, column = self.stats[index.row()], index.column()
        numbers = (s.acceptance, s.made, s.accepted, s.corrected, s.rejected, s.open)
        if role == SORT_ROLE:
            if column == 0:
                return s.rule
            number = numbers[column - 1]
            return 2.0 if number is None else float(number)  # undecided after 100%, as drawn
        if role == _DISPLAY:
            if column == 0:
                return s.rule
            if column == 1:
                return "–" if s.acceptance is None else f"{s.acceptance:.0%}"
            return f"{numbers[column - 1]:,}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._describe(s.rule) or s.rule
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RuleMissModel(_ReadOnlyTable):
    headers = ("Document", "Field", "Verdict", "Suggested", "Kept", "Curator", "Decided")

    def __init__(self) -> None:
        super().__init__()
        self.misses: list[RuleMiss] = []

    def set_misses(self, misses: Sequence[RuleMiss]) -> None:
        self.beginResetModel()
        self.misses = list(misses)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.misses)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        m = self.misses[index.row()]
        if role == _DISPLAY:
            row = f" [{m.row + 1}]" if "." in m.field or m.row else ""
            return (
                m.title, f"{m.field}{row}", str(m.verdict), m.suggested,
                "" if m.kept is None else m.kept, m.curator,
                m.decided_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            )[index.column()]  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole:
            kept = "rejected" if m.kept is None else f"kept “{m.kept}”"
            return f"{m.title}\n{m.field}: suggested “{m.suggested}”, {kept}"
        return None
