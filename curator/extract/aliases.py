"""Participant nouns a document defines itself.

"breast cancer survivors (BCS)" makes "BCS" a participant noun in that document, so that
"152 BCS were randomized" is read by the same count rules as "152 women were randomized".
The number-anchored count rules get a twin, compiled once, whose ``{PT}`` also takes any
short form (a group named ``_alias``, exact case); a twin's match counts only where that
group holds a short form the document defined, and the twins are tried only at numbers
a mention of one precedes. Documents that define none pay one short scan.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

import regex

from curator.extract.lexicon import abbreviates
from curator.extract.rules import PLACEHOLDERS, expand

if TYPE_CHECKING:
    from curator.extract.rules import Rule

PT = PLACEHOLDERS["PT"]
SHORT_FORM = r"(?-i:[A-Z][A-Za-z]{0,6}[A-Z]s?)"  # "BCS", "YBCS", "CGs"
GROUP = "_alias"
#: a short form in brackets ("(BCS)"), then the participant noun right before it
_BRACKETED = regex.compile(r"\(\s{0,1}(?P<short>" + SHORT_FORM + r")\s{0,1}\)")
_NOUN_BEFORE = regex.compile(expand(r"\b{PT}\s{0,2}"), regex.I | regex.REVERSE)
_WORDS = regex.compile(r"[\w-]+")
MAX_WORDS = 6  # words of the long form looked at, back from the noun
#: farthest a participant noun stands from its count in the count rules (a number, then up
#: to eight words of at most 25 characters each, then the noun)
REACH = 8 * 28 + 40


def participant_aliases(text: str, limit: int) -> tuple[str, ...]:
    """The short forms defined for participant phrases in ``text[:limit]`` (sorted)."""
    if "(" not in text:
        return ()
    found: set[str] = set()
    for m in _BRACKETED.finditer(text, 0, limit):
        short = m.group("short")
        if short in found or not short.isascii():
            continue
        noun = _NOUN_BEFORE.match(text, max(0, m.start() - 40), m.start())
        if noun is None:
            continue
        words = _WORDS.findall(text, max(0, m.start() - 80), m.start())
        words = [w for w in words if w.isalpha() and not w.isupper()][-MAX_WORDS:]
        # the long form: the last few words, starting with the short form's first letter
        for k in range(len(words), 0, -1):
            long = " ".join(words[-k:])
            if long[0].lower() == short[0].lower() and abbreviates(short, long):
                found.add(short)
                break
    return tuple(sorted(found))


def near_aliases(text: str, aliases: tuple[str, ...], anchors: list[int], limit: int) -> list[int]:
    """The number ``anchors`` that a mention of one of ``aliases`` (whole word, exact
    case) follows within :data:`REACH` characters: where a widened rule can match."""
    mentions = []
    for alias in aliases:
        pos = text.find(alias, 0, limit)
        while pos >= 0:
            end = pos + len(alias)
            if not (pos and (text[pos - 1].isalnum() or text[pos - 1] == "-")) and not (
                end < len(text) and text[end].isalnum()
            ):
                mentions.append(pos)
            pos = text.find(alias, end, limit)
    mentions.sort()
    out = []
    for a in anchors:
        i = bisect.bisect_right(mentions, a)
        if i < len(mentions) and mentions[i] - a <= REACH:
            out.append(a)
    return out


def with_aliases(rule: Rule) -> Rule:
    """The twin of the count ``rule`` whose participant nouns include a short form."""
    widened = PT[:-1] + f"|(?P<{GROUP}>{SHORT_FORM}))"
    patterns = tuple(regex.compile(p.pattern.replace(PT, widened), p.flags) for p in rule.patterns)
    return dataclasses.replace(rule, patterns=patterns)


def takes_aliases(rule: Rule) -> bool:
    """Count rules of totals or bare counts, tried at numbers, that name participants."""
    return (
        rule.kind == "count"
        and rule.anchor == "number"
        and rule.role in ("total", "any")
        and any(PT in p.pattern for p in rule.patterns)
    )
