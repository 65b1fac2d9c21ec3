"""Lexicons as data (drugs, conditions, adverse events) matched with Aho-Corasick.

A lexicon file is TOML with ``[[terms]]`` tables: ``name`` (the normalized value),
``synonyms`` (matched case-insensitively), ``abbreviations`` (matched with exact case)
and optional ``kind`` / ``route``. All names are matched in one pass over the text;
abbreviations the document defines itself ("azathioprine (AZA)") are added per document.

An optional ``[stems]`` table names word endings that mark a term the list lacks: the drug
lexicon holds the WHO INN stems ("-tinib", "-mab", "-taxel"), so "ruxolitinib" is found
as a drug of its own name without being listed. Such a word must be whole (no letter,
digit or hyphen on either side), of letters only, with at least ``min_before`` letters
before the stem.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ahocorasick
import regex

from curator.extract.rules import RuleFileError

if TYPE_CHECKING:
    from collections.abc import Mapping

_LETTERS_BEFORE = regex.compile(r"[A-Za-z]+", regex.REVERSE)  # matched back from a position
_DEFINITION = regex.compile(r"\s{0,2}[(\[]\s{0,1}([A-Za-z][A-Za-z0-9αβ\-/+]{0,11})\s{0,1}[)\];,]")


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    kind: str = ""
    route: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    term: Term
    start: int
    end: int
    abbreviation: bool = False


#: the surface forms of one lower-cased key: (form, term, exact case)
Forms = tuple[tuple[str, Term, bool], ...]


@dataclass(frozen=True, slots=True)
class Stems:
    """Word endings that mark an unlisted term (see the module docstring)."""

    suffixes: tuple[str, ...] = ()  # lower case
    kind: str = ""
    min_before: int = 3


class Lexicon:
    def __init__(
        self, name: str, entries: list[tuple[str, Term, bool]], stems: Stems = Stems()
    ) -> None:
        self.name = name
        self.stems = stems
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, Term, bool]]] = {}
        for surface, term, exact in entries:
            table.setdefault(surface.lower(), []).append((surface, term, exact))
        #: lower-cased surface -> its forms (a combined automaton may search these)
        self.table = {key: tuple(items) for key, items in table.items()}
        for key, items in self.table.items():
            self._auto.add_word(key, (len(key), items))
        if table:
            self._auto.make_automaton()
        self._empty = not table
        self.terms = {t.name: t for _, t, _ in entries}

    def find(self, text: str, lowered: str | None = None) -> list[Hit]:
        """Leftmost-longest whole-word matches of the lexicon in ``text``."""
        if self._empty or not text:
            return []
        low = text.lower() if lowered is None else lowered
        if len(low) != len(text):  # some characters change length when lowered
            low = _lower_in_place(text)
        raw = [(end - length + 1, end + 1, items) for end, (length, items) in self._auto.iter(low)]
        return self.accept(text, raw)

    def accept(self, text: str, raw: list[tuple[int, int, Forms]]) -> list[Hit]:
        """Leftmost-longest whole-word hits among raw (start, end, forms) key matches of
        the lower-cased text (from :meth:`find` or a combined automaton)."""
        found: list[Hit] = []
        n = len(text)
        for start, end, items in raw:
            if (start > 0 and text[start - 1].isalnum()) or (end < n and text[end].isalnum()):
                continue
            surface = text[start:end]
            for form, term, exact in items:
                if not exact or form == surface:
                    found.append(Hit(term, start, end, exact))
                    break
        return _longest(found)

    def unlisted(
        self, text: str, known: list[Hit], starts: Mapping[str, list[int]] | None = None
    ) -> list[Hit]:
        """``known`` plus the whole words ending in one of the stems that no hit covers;
        ``starts`` gives each stem's start positions in ``text`` when the caller has them
        (the prefilter pass), else they are looked up here."""
        stems, n = self.stems, len(text)
        if not stems.suffixes:
            return known
        if starts is None:
            starts = _occurrences(text, stems.suffixes)
        extra: list[Hit] = []
        for suffix in stems.suffixes:
            for pos in starts.get(suffix, ()):
                end = pos + len(suffix)
                if end < n and (text[end].isalnum() or text[end] == "-"):
                    continue
                m = _LETTERS_BEFORE.match(text, max(0, pos - 40), pos)
                start = m.start() if m else pos
                if pos - start < stems.min_before or (
                    start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-")
                ):
                    continue
                word = text[start:end]
                if word.isascii() and word.isalpha():
                    extra.append(Hit(Term(word.lower(), stems.kind), start, end))
        return _longest(known + extra) if extra else known

    def with_definitions(self, text: str, hits: list[Hit], limit: int) -> list[Hit]:
        """Add mentions of abbreviations defined in the text right after a lexicon hit."""
        defined: dict[str, Term] = {}
        for hit in hits:
            after = text[hit.end : hit.end + 3]  # the bracket comes within 3 characters
            if "(" not in after and "[" not in after:
                continue
            m = _DEFINITION.match(text, hit.end, min(len(text), hit.end + 20))
            if m and abbreviates(m.group(1), text[hit.start : hit.end]):
                defined.setdefault(m.group(1), hit.term)
        if not defined:
            return hits
        names = sorted(defined, key=len, reverse=True)
        alternatives = "|".join(map(regex.escape, names))
        pattern = regex.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w])")
        taken = {(h.start, h.end) for h in hits}
        extra = [
            Hit(defined[m.group()], m.start(), m.end(), True)
            for m in pattern.finditer(text, 0, limit)
            if (m.start(), m.end()) not in taken
        ]
        return _longest(hits + extra)


def _lower_in_place(text: str) -> str:
    """``text`` lower-cased character by character, keeping every offset: a character whose
    lower case is longer ("İ") stays as it is."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _occurrences(text: str, words: tuple[str, ...]) -> dict[str, list[int]]:
    """Start positions of each (lower-case ASCII) word in ``text``, ignoring case."""
    low = _lower_in_place(text)
    out: dict[str, list[int]] = {}
    for word in words:
        pos = low.find(word)
        while pos >= 0:
            out.setdefault(word, []).append(pos)
            pos = low.find(word, pos + 1)
    return out


def abbreviates(short: str, long: str) -> bool:
    """Schwartz-Hearst check: the letters of ``short`` occur in order in ``long``."""
    letters = [c.lower() for c in short if c.isalnum()]
    if not letters or not short[0].isalpha() or short.lower() == long.lower():
        return False
    if letters[0] != long[0].lower():
        return False
    i = len(long) - 1
    for ch in reversed(letters):
        while i >= 0 and long[i].lower() != ch:
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def _longest(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[Hit] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            out.append(hit)
            last_end = hit.end
    return out


def load_lexicon(name: str, path: str | Path | None = None) -> Lexicon:
    """The packaged lexicon ``name`` (lexicons/<name>.toml) or the file ``path``."""
    if path is None:
        source = f"<package>/lexicons/{name}.toml"
        files = resources.files("curator.extract").joinpath("lexicons")
        text = files.joinpath(f"{name}.toml").read_text("utf-8")
    else:
        source, text = str(path), Path(path).read_text("utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(source, None, f"is not valid TOML: {exc}") from None
    entries: list[tuple[str, Term, bool]] = []
    for raw in data.get("terms", []):
        entries.extend(_entries(source, raw))
    if not entries:
        raise RuleFileError(source, None, "needs at least one [[terms]] table")
    return Lexicon(name, entries, _stems(source, data.get("stems", {})))


def _stems(source: str, raw: Any) -> Stems:
    if not isinstance(raw, dict):
        raise RuleFileError(source, None, "'stems' must be a table")
    suffixes, kind = raw.get("suffixes", []), raw.get("kind", "")
    min_before = raw.get("min_before", 3)
    if not isinstance(suffixes, list) or not all(
        isinstance(v, str) and v.isascii() and v.isalpha() for v in suffixes
    ):
        raise RuleFileError(source, None, "'stems.suffixes' must be a list of ASCII words")
    if not isinstance(kind, str) or type(min_before) is not int or min_before < 1:
        raise RuleFileError(
            source, None, "'stems.kind' must be a string, 'stems.min_before' a positive integer"
        )
    return Stems(tuple(sorted({v.lower() for v in suffixes})), kind, min_before)


def _entries(source: str, raw: Any) -> list[tuple[str, Term, bool]]:
    name = raw.get("name") if isinstance(raw, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise RuleFileError(source, None, f"a term has no 'name': {raw!r}")
    term = Term(name, str(raw.get("kind", "")), str(raw.get("route", "")))
    out = [(name, term, False)]
    for key, exact in (("synonyms", False), ("abbreviations", True)):
        values = raw.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise RuleFileError(source, None, f"term '{name}': '{key}' must be a list of strings")
        out.extend((v, term, exact) for v in values)
    return out
