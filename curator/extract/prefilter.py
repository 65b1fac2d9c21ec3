"""One Aho-Corasick pass per document that tells where each rule can match.

For every rule pattern the literal prefixes that any match must start with are derived
from its parse tree (``\\b(?:were|was)\\s{1,3}randomi[sz]ed`` -> "were", "was"); the
prefixes and all trigger words go into one automaton. A document is scanned once, and a
pattern is then tried only at the positions where one of its prefixes occurs (with
``match``, which gives exactly the matches ``finditer`` would: every match starts at such
a position). Patterns whose start cannot be pinned down keep the ``finditer`` scan.

The lower-cased text is searched, which is exact for case-insensitive patterns except for
the few characters that match an ASCII letter without lower-casing to it and non-ASCII
digits: documents holding one (see :func:`exact`) use the plain scans.
"""

from __future__ import annotations

import bisect
import importlib
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick
import regex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from curator.extract.lexicon import Forms, Lexicon

    Raw = tuple[int, int, Forms]  # a lexicon key's (start, end, forms) in the lowered text

#: The standard library's regular-expression parser (its syntax is close enough to the
#: ``regex`` module's V0 for the pattern starts; anything it cannot parse is not prefiltered).
sre_parse: Any = importlib.import_module("re._parser")
C: Any = importlib.import_module("re._constants")

MAX_LEN = 8  # longest prefix kept
MAX_SET = 40  # most prefixes per pattern
MAX_CLASS = 12  # largest character class enumerated
MIN_LEN = 2  # a one-letter prefix is too frequent to be worth a look-up
MIN_REQUIRED = 3  # shortest word worth requiring somewhere in a match
MAX_WIDTH = 2000  # longest match for which a required word is looked up
#: Characters that break the lower-case search: they match an ASCII letter
#: case-insensitively without lower-casing to it, or are digits beyond ASCII.
_INEXACT = regex.compile(r"[\u0130\u017f\u212a]|(?![0-9])\d")

Prefixes = frozenset[tuple[str, bool]]  # (prefix, more of the pattern may extend it)


def exact(text: str, lowered: str) -> bool:
    """Whether prefix positions found in ``lowered`` are exact for ``text``."""
    return len(text) == len(lowered) and (text.isascii() or _INEXACT.search(text) is None)


class Plan(NamedTuple):
    """What the prefilter knows about one pattern (all lower case)."""

    prefixes: tuple[str, ...] | None  # every match starts with one of these
    required: tuple[str, ...] | None  # every match holds one of these, starting...
    width: int  # ...less than this many characters after the match start


def plan(pattern: str, anchored: bool = False) -> Plan:
    """The :class:`Plan` of ``pattern`` (no prefixes for number-anchored patterns)."""
    try:
        tree = sre_parse.parse(pattern)
        width = int(tree.getwidth()[1])
    except Exception:  # regex-only syntax: no prefilter for this pattern
        return Plan(None, None, 0)
    prefixes = None if anchored else _prefixes(tree)
    found = _required(list(tree), tree.state) if width <= MAX_WIDTH else None
    if found is None:
        return Plan(prefixes, None, width)
    words, offset = found  # the word starts at most ``offset`` after the match start
    return Plan(prefixes, words, min(width, offset + 1))


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings of which every match of ``pattern`` starts with one, or None."""
    return plan(pattern).prefixes


def _required(items: list[Any], state: Any) -> tuple[tuple[str, ...], int] | None:
    """The rarest-looking set of words one of which every match holds, or None: the
    prefixes of the pattern from a part every match passes through, or such a set
    inside a mandatory group; with the most characters before the word."""
    best: tuple[tuple[int, int], tuple[str, ...], int] | None = None
    for i, (op, arg) in enumerate(items):
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        inner: tuple[tuple[str, ...], int] | None = None
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if arg[0] == 0:
                continue
            inner = _required(list(arg[2]), state)
        elif op in (C.SUBPATTERN, C.ATOMIC_GROUP):
            inner = _required(list(arg[3] if op is C.SUBPATTERN else arg), state)
        before = int(sre_parse.SubPattern(state, items[:i]).getwidth()[1])
        here = _words(_sequence(items[i:]))
        for words, offset in (inner or ((), 0), (here or (), 0)):
            if words:
                score = (min(map(len, words)), -len(words))
                if best is None or score > best[0]:
                    best = (score, words, before + offset)
    return (best[1], best[2]) if best else None


def _words(found: Prefixes | None) -> tuple[str, ...] | None:
    words = _covering({p for p, _ in found}) if found is not None else ()
    return words if words and min(map(len, words)) >= MIN_REQUIRED else None


def _covering(words: set[str]) -> tuple[str, ...]:
    """``words`` without those another one starts ("ab" occurs wherever "abc" does)."""
    kept: list[str] = []
    for word in sorted(words, key=len):
        if not any(word.startswith(k) for k in kept):
            kept.append(word)
    return tuple(sorted(kept))


def _prefixes(tree: Any) -> tuple[str, ...] | None:
    found = _sequence(list(tree))
    if found is None:
        return None
    words = _covering({p for p, _ in found})
    return words if words and min(map(len, words)) >= MIN_LEN else None


def _sequence(items: list[Any]) -> Prefixes | None:
    current: set[tuple[str, bool]] = {("", True)}
    for item in items:
        if not any(more for _, more in current):
            break
        first = _item(item)
        if first is None:
            current = {(p, False) for p, _ in current}
            break
        nxt: set[tuple[str, bool]] = {(p, False) for p, more in current if not more}
        for p, more in current:
            if not more:
                continue
            for q, q_more in first:
                s = p + q
                nxt.add((s[:MAX_LEN], False) if len(s) >= MAX_LEN else (s, q_more))
        current = nxt
        if len(current) > MAX_SET:
            shrunk = _shrink(current)
            if shrunk is None:
                return None
            current = set(shrunk)
    if any(p == "" for p, _ in current):
        return None
    return frozenset(current)


def _shrink(found: set[tuple[str, bool]]) -> Prefixes | None:
    length = max(len(p) for p, _ in found)
    while length > 0:
        length -= 1
        cut = {(p[:length], False) for p, _ in found}
        if len(cut) <= MAX_SET:
            return None if any(p == "" for p, _ in cut) else frozenset(cut)
    return None


def _item(item: tuple[Any, Any]) -> Prefixes | None:
    op, arg = item
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: the match starts later
        return frozenset({("", True)})
    if op is C.LITERAL:
        ch = _lower(arg)
        return None if ch is None else frozenset({(ch, True)})
    if op is C.IN:
        chars = _class(arg)
        return None if chars is None else frozenset((c, True) for c in chars)
    if op is C.BRANCH:
        out: set[tuple[str, bool]] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            out |= found
        return frozenset(out)
    if op is C.SUBPATTERN:
        return _sequence(list(arg[3]))
    if op is C.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = arg
        found = _sequence(list(sub))
        if found is None:
            return None
        once = lo == hi == 1
        out = {(p, more and once) for p, more in found}
        if lo == 0:
            out.add(("", True))
        return frozenset(out)
    return None


def _lower(code: int) -> str | None:
    ch = chr(code)
    low = ch.lower()
    return low if ch.isascii() and len(low) == 1 else None


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            ch = _lower(arg)
            if ch is None:
                return None
            chars.add(ch)
        elif op is C.RANGE and arg[1] - arg[0] < MAX_CLASS:
            for code in range(arg[0], arg[1] + 1):
                ch = _lower(code)
                if ch is None:
                    return None
                chars.add(ch)
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return None
        if len(chars) > MAX_CLASS:
            return None
    return chars


class Prefilter:
    """The automaton of all words and pattern prefixes of a rule set and of the lexicons'
    keys: one pass gives the words' positions and each lexicon's raw key matches."""

    def __init__(self, words: Iterable[str], lexicons: Mapping[str, Lexicon] = {}) -> None:
        self.ids: dict[str, int] = {}
        for word in words:
            if word and word not in self.ids:
                self.ids[word] = len(self.ids)
        self.lexicons = tuple(lexicons)
        payload: dict[str, list[tuple[str, Forms]]] = {}
        for name, lexicon in lexicons.items():
            for key, forms in lexicon.table.items():
                payload.setdefault(key, []).append((name, forms))
        self._auto = ahocorasick.Automaton()
        for key in {*self.ids, *payload}:
            # (the word or None for a lexicon key only, start - end, lexicon payload)
            own = key if key in self.ids else None
            self._auto.add_word(key, (own, 1 - len(key), tuple(payload.get(key, ()))))
        self._empty = not (self.ids or payload)
        if not self._empty:
            self._auto.make_automaton()

    def scan(self, lowered: str) -> tuple[dict[str, list[int]], dict[str, list[Raw]]]:
        """Start positions (sorted) of every word that occurs in ``lowered``, and per
        lexicon its raw key matches (for :meth:`Lexicon.accept`)."""
        raw: dict[str, list[Raw]] = {name: [] for name in self.lexicons}
        occ: dict[str, list[int]] = {}
        if self._empty:
            return occ, raw
        # matches come by end position: a word's starts come sorted (one length per word)
        for end, (word, back, lex) in self._auto.iter(lowered):
            if lex:
                for name, forms in lex:
                    raw[name].append((end + back, end + 1, forms))
                if word is None:
                    continue
            starts = occ.get(word)
            if starts is None:
                occ[word] = [end + back]
            else:
                starts.append(end + back)
        return occ, raw


def positions(occ: dict[str, list[int]], words: tuple[str, ...], lo: int, hi: int) -> list[int]:
    """Sorted start positions in [lo, hi) of any of ``words``."""
    out: list[int] = []
    for word in words:
        starts = occ.get(word)
        if starts:
            out.extend(starts[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)])
    out.sort()
    return out
