"""The pieces of the forest view: rows placed under group headers, the axes, the tips.

Rows sit one per unit of y, top to bottom (the views are inverted), each group of rows
under a header position of its own. :class:`RowAxis` labels only the positions in view,
eliding them to its width as they are drawn, so 20,000 rows cost nothing until shown;
headers are bold and flush left. :class:`RatioAxis` reads log10 positions as ratios
(0.1, 1, 10). Tips quote the text the curator decided, cell by cell, never a float.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QPainter

    from curator.core.insights import OutcomeRow

#: A label is elided to the width of this many average characters, at most.
LABEL_CHARACTERS = 60
#: Up to this many labels a plot's axis is as wide as they need (measured), not wider.
MEASURED = 400
#: Between the parts of a label (as core.insights writes them).
SEPARATOR = " — "
#: The not-drawn rows listed in the notes' tooltip.
LISTED = 25


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one plot's rows go: ``ys[i]`` for ``sources[i]``; a header before each group.

    ``headers``: (y, "interventions — conditions"). Row labels are made when drawn.
    """

    ys: tuple[int, ...]
    sources: tuple[OutcomeRow, ...]
    headers: tuple[tuple[int, str], ...]
    size: int  # positions used (rows and headers)


def place(sources: Sequence[OutcomeRow]) -> Placement:
    """Rows in the order given, a header position opening each run of one group."""
    ys: list[int] = []
    headers: list[tuple[int, str]] = []
    current: str | None = None
    last: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    y = 0
    for source in sources:
        key = (source.interventions, source.conditions)
        if key != last:  # a new group, unless it differs only in case
            last, group = key, source.group
            if group.casefold() != current:  # evidence() sorts groups by casefold
                headers.append((y, group))
                current = group.casefold()
                y += 1
        ys.append(y)
        y += 1
    return Placement(tuple(ys), tuple(sources), tuple(headers), y)


def elide(metrics: QFontMetricsF, text: str, cut: int, width: float) -> str:
    """``text`` in ``width``: the first part (before ``cut``) whole when it leaves the
    second part at least 30%, else each part elided to its share.

    "IVIG versus none in AQP4-positive NMOSD — EDSS wor…" or "A very long title of a
    multicentre retro… — time to the fir…", never "A very long title ... —…": rows of
    one document stay apart.
    """
    if metrics.horizontalAdvance(text) <= width:
        return text
    right_mode = Qt.TextElideMode.ElideRight
    if cut < 0 or not text.startswith(SEPARATOR, cut):
        return metrics.elidedText(text, right_mode, width)
    first, second = text[:cut], text[cut + len(SEPARATOR) :]
    room = width - metrics.horizontalAdvance(SEPARATOR)
    second_room = max(
        room - metrics.horizontalAdvance(first),
        min(metrics.horizontalAdvance(second), room * 0.3),
    )
    second = metrics.elidedText(second, right_mode, second_room)
    first = metrics.elidedText(first, right_mode, room - metrics.horizontalAdvance(second))
    return first + SEPARATOR + second


def _within(values: Sequence[int], low: float, high: float) -> list[int]:
    return list(values[bisect.bisect_left(values, low) : bisect.bisect_right(values, high)])


class RowAxis(pg.AxisItem):  # type: ignore[misc]
    """A left axis naming each row and group header in view (explicit, not numeric)."""

    def __init__(self, font: QFont) -> None:
        super().__init__("left")
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._metrics = QFontMetricsF(font)
        self._bold_metrics = QFontMetricsF(self._bold)
        #: The widest a label may be (elided beyond), and the width the labels now get.
        self.most_width = self._metrics.averageCharWidth() * LABEL_CHARACTERS
        self.label_width = self.most_width
        self._placement = place(())
        self._headers: dict[int, str] = {}
        self._drawn_headers: set[str] = set()
        # level 0 stays empty so that headers, like rows, give way when crowded
        self.setStyle(tickFont=font, textFillLimits=[(0, 0.95)], tickLength=4)
        self.setPen("#9aa3ad")
        self.setTextPen("#303030")

    def set_rows(self, placement: Placement) -> None:
        self._placement = placement
        self._headers = dict(placement.headers)
        self._drawn_headers = set()
        self.picture = None
        self.update()

    def label_at(self, y: float) -> str:
        """The full label at ``y``: a group header, "title — outcome", or ""."""
        text, _ = self._label(round(y))
        return text

    def _label(self, y: int) -> tuple[str, int]:
        """(text, where its first part ends) at ``y``."""
        if y in self._headers:
            text = self._headers[y]
            return text, text.find(SEPARATOR)
        ys = self._placement.ys
        index = bisect.bisect_left(ys, y)
        if index == len(ys) or ys[index] != y:
            return "", -1
        source = self._placement.sources[index]
        return source.label, len(source.title)

    def fit_width(self, placement: Placement) -> float:
        """The text width the placement's labels need, at most :attr:`most_width`.

        Measured when there are a few hundred labels; more always get the most.
        """
        if len(placement.sources) + len(placement.headers) > MEASURED:
            return self.most_width
        texts = [(source.label, self._metrics) for source in placement.sources]
        texts += [(text, self._bold_metrics) for _, text in placement.headers]
        widest = 0.0
        for text, metrics in texts:
            widest = max(widest, metrics.horizontalAdvance(text))
            if widest >= self.most_width:
                return self.most_width
        return widest

    def set_text_width(self, width: float) -> None:
        self.label_width = width
        self.setWidth(int(width + self.style["tickTextOffset"][0] + 4 + 6))

    def tickValues(self, min_value: float, max_value: float, size: float) -> list[Any]:
        low, high = sorted((min_value, max_value))
        headers = _within([y for y, _ in self._placement.headers], low, high)
        return [(1.0, []), (1.0, headers), (1.0, _within(self._placement.ys, low, high))]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = []
        for value in values:
            y = round(value)
            if y in self._headers:
                text = elide(self._bold_metrics, *self._label(y), self.label_width)
                self._drawn_headers.add(text)
            else:
                text = elide(self._metrics, *self._label(y), self.label_width)
            strings.append(text)
        return strings

    def drawPicture(
        self, p: QPainter, axis_spec: Any, tick_specs: Any, text_specs: list[Any]
    ) -> None:
        rows = [spec for spec in text_specs if spec[2] not in self._drawn_headers]
        headers = [spec for spec in text_specs if spec[2] in self._drawn_headers]
        super().drawPicture(p, axis_spec, tick_specs, rows)
        p.setFont(self._bold)
        left = self.boundingRect().left() + 2
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for rect, _flags, text in headers:
            box = QRectF(left, rect.top() - 4, self.label_width + 4, rect.height() + 8)
            p.drawText(box, int(flags | Qt.TextFlag.TextDontClip), text)


class RowErrorBars(pg.ErrorBarItem):  # type: ignore[misc]
    """Horizontal 95% CI bars (``x - left`` to ``x + right`` at ``y``), painted in view only.

    The data stay whole in ``opts`` (what ``setData`` was given); a paint draws the rows
    the view shows, so scrolling 20,000 rows costs what scrolling 30 does.
    """

    def paint(self, p: QPainter, *args: Any) -> None:
        x, y, left, right = (self.opts[key] for key in ("x", "y", "left", "right"))
        view = self.viewRect()
        if view is None or x is None or y is None or left is None or right is None:
            super().paint(p, *args)
            return
        top, bottom = sorted((view.top(), view.bottom()))
        shown = (y >= top - 1) & (y <= bottom + 1)
        x, y, low, high = x[shown], y[shown], (x - left)[shown], (x + right)[shown]
        half = (self.opts["beam"] or 0.0) / 2
        xs = np.column_stack((low, high, low, low, high, high)).ravel()
        ys = np.column_stack((y, y, y - half, y + half, y - half, y + half)).ravel()
        p.setPen(pg.mkPen(self.opts["pen"]))
        p.drawPath(pg.arrayToQPath(xs, ys, connect="pairs"))


def ratio_text(ratio: float) -> str:
    """A tick label of a log axis: 0.1, 0.2, 1, 10, 100 (one significant digit)."""
    return f"{float(f'{ratio:.1g}'):g}"


class RatioAxis(pg.AxisItem):  # type: ignore[misc]
    """A bottom axis in log mode: positions are log10(ratio), labels read as ratios.

    Decades always; 2 and 5 between them over a few decades, every digit within one.
    """

    def __init__(self, font: QFont) -> None:
        super().__init__("bottom")
        self.setLogMode(True)
        self.setStyle(tickFont=font)
        self.setPen("#9aa3ad")
        self.setTextPen("#303030")

    def tickValues(self, min_value: float, max_value: float, size: float) -> list[Any]:
        low, high = sorted((min_value, max_value))
        decades = range(math.floor(low), math.ceil(high) + 1)
        span = high - low
        digits = () if span > 3.5 else (2, 5) if span > 1.2 else range(2, 10)
        minor = [d + math.log10(digit) for d in decades for digit in digits]
        return [
            (1.0, [d for d in decades if low <= d <= high]),
            (None, [v for v in minor if low <= v <= high]),
        ]

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [ratio_text(10.0**value * scale) for value in values]


# -- words -------------------------------------------------------------------------------
def _common(row: OutcomeRow) -> tuple[list[str], list[str]]:
    head = [row.title, f"Outcome: {row.text('outcome') or f'(row {row.row + 1})'}"]
    tail = [f"p value: {row.text('p_value')}"] if row.text("p_value") else []
    if row.text("timepoint"):
        tail.append(f"Timepoint: {row.text('timepoint')}")
    tail.append(row.group)
    return head, tail


def forest_tip(row: OutcomeRow) -> str:
    """The stored text of a ratio row: title, outcome, estimate and CI, p, group."""
    head, tail = _common(row)
    estimate = f"{row.text('measure')} {row.text('value')}"
    interval = f"95% CI {row.text('ci_low')} to {row.text('ci_high')}"
    return "\n".join([*head, f"{estimate} ({interval})", *tail])


def paired_tip(row: OutcomeRow) -> str:
    """The stored text of a paired proportion: value vs comparator value."""
    head, tail = _common(row)
    pair = f"{row.text('measure')} {row.text('value')} vs {row.text('comparator_value')}"
    return "\n".join([*head, f"{pair} (value vs comparator value)", *tail])


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def not_drawn_text(not_drawn: Sequence[tuple[OutcomeRow, str]]) -> str:
    """The notes line: "2 outcome rows not drawn: 1 no 95% CI, 1 ..." (commonest first)."""
    reasons = Counter(reason for _, reason in not_drawn)
    listed = ", ".join(f"{count:,} {reason}" for reason, count in reasons.most_common())
    return f"{plural(len(not_drawn), 'outcome row')} not drawn: {listed}."


def not_drawn_list(not_drawn: Sequence[tuple[OutcomeRow, str]]) -> str:
    """The rows not drawn, one per line (a tooltip)."""
    lines = [f"{row.label}: {reason}" for row, reason in not_drawn[:LISTED]]
    if len(not_drawn) > LISTED:
        lines.append(f"... and {len(not_drawn) - LISTED:,} more")
    return "\n".join(lines)
