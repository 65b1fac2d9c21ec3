"""Numbers as written in abstracts: digits with separators, decimals and English words.

``NUM`` / ``COUNT`` / ``NUMWORDS`` are regex fragments the rule files use through the
``{NUM}``, ``{COUNT}`` and ``{WORDNUM}`` placeholders; every quantifier in them is
bounded so that no input can make them backtrack catastrophically.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from text_to_num import text2num

if TYPE_CHECKING:
    from collections.abc import Mapping

#: A decimal number: "0.295", ".5", "1,009", "13 388" (thin or plain space groups), "-1.2".
NUM = (
    r"(?:[-\u2212]?(?:\d{1,3}(?:[,\u2009\u202f]\d{3}){1,3}(?!\d)"
    r"|\d{1,9}(?:\.\d{1,6})?|\.\d{1,6}))"
)
#: A whole count: "1,009", "13 388", "53".
COUNT = (
    r"(?<![\d.,\w-])(?:\d{1,3}(?:[,\u2009\u202f\xa0]\d{3}){1,3}(?![\d.])"
    r"|\d{1,3}(?: \d{3})(?![\d.,])|\d{1,7}(?![\d.,]\d))"
)

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SMALL = "|".join(sorted(_UNITS + _TENS, key=len, reverse=True))
_WORD = rf"(?:{_SMALL}|hundred|thousand)"
#: English number words: "Ten", "Seventy-seven", "One hundred and seventy-six" (an atomic
#: group: once matched it is not re-tried shorter, which keeps "Ten Ten Ten ..." linear).
WORDNUM = rf"(?>\b{_WORD}(?:(?:[\s-]{{1,2}}|\s{{1,2}}and\s{{1,2}}){_WORD}){{0,6}}\b)"

#: Where a number (digits or an English number word) can start, on lower-cased text.
NUMBER_START = re.compile(rf"(?<![\w.,])(?:\d|(?:{_SMALL}|hundred|thousand)\b)")
#: The number words of NUMBER_START (the prefilter pass finds them) and its digits: a digit
#: first lets ``re`` skip to the next digit instead of trying the look-behind everywhere.
NUMBER_WORDS = (*_UNITS, *_TENS, "hundred", "thousand")
_DIGIT_START = re.compile(r"\d(?<![\w.,]\d)")


def number_anchors(lowered: str, occ: Mapping[str, list[int]]) -> list[int]:
    """The starts of NUMBER_START matches in ``lowered``, given where each of NUMBER_WORDS
    occurs in it (``occ``, from the prefilter pass)."""
    out = [m.start() for m in _DIGIT_START.finditer(lowered)]
    n = len(lowered)
    words = False
    for word in NUMBER_WORDS:
        for pos in occ.get(word, ()):
            end = pos + len(word)
            if pos and (lowered[pos - 1] in ".,_" or lowered[pos - 1].isalnum()):
                continue
            if end < n and (lowered[end] == "_" or lowered[end].isalnum()):
                continue
            out.append(pos)
            words = True
    if words:
        out.sort()
    return out


_SIMPLE = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}


def parse_number(text: str) -> float | None:
    """A float from digits ("1,009", "0.295", "−1.2") or number words, or None."""
    raw = text.strip().replace("\u2212", "-").replace("\u2009", "").replace("\u202f", "")
    raw = raw.replace(",", "").replace(" ", "") if any(c.isdigit() for c in raw) else raw
    try:
        value = float(raw)
    except ValueError:
        words = parse_words(text)
        return None if words is None else float(words)
    return value if math.isfinite(value) else None


def parse_count(text: str) -> int | None:
    """A whole, non-negative count from digits or words, or None."""
    value = parse_number(text)
    if value is None or value < 0 or not value.is_integer():
        return None
    return int(value)


def parse_words(text: str) -> int | None:
    """Number words to an int ("Twenty-one" -> 21); None if they are not a number."""
    lowered = " ".join(text.lower().split())
    if lowered in _SIMPLE:
        return _SIMPLE[lowered]
    if not lowered or len(lowered) > 120:
        return None
    try:
        value = text2num(lowered, "en")
    except (ValueError, IndexError, KeyError):
        return None
    return value if isinstance(value, int) else None


def tidy_number(value: float) -> int | float:
    """An int when the value is whole and written without decimals, else the float."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value
