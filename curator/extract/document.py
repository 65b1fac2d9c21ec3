"""The structure of one document text: title, sentences, body, conclusion, negation.

Everything is computed once per document with linear-time patterns (no nested
unbounded quantifiers) so that any input, however hostile, is handled in linear time.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from itertools import islice

import regex

#: ``find(pattern, lo, hi, limit)``: the first ``limit`` matches of ``pattern.finditer(text,
#: lo, hi)``; the extractor swaps in one that tries the pattern only at its literal prefixes.
Find = Callable[[regex.Pattern[str], int, int, int], list[regex.Match[str]]]

_SENT_END = regex.compile(r"(?:[.!?](?=\s{1,8}[\"'“(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s{0,4}[-#*•]))")
_LINE = regex.compile(r"[^\n]{1,2000}")
_REFS = regex.compile(
    r"(?m)^[ \t]{0,4}(?:#{1,4}[ \t]{0,2})?(?:References|REFERENCES|Bibliography)[ \t:]*$"
)
_CONCL_HEAD = regex.compile(
    r"(?:^|(?<=[\n.]\s{0,3})|(?<=[a-z\]).]))(?:#{1,4}\s{0,2})?(?:Conclusions?|CONCLUSIONS?"
    r"|Interpretation|INTERPRETATION)(?::\s{0,3}|\s{1,3}(?=[A-Z\n])|(?=[A-Z]))"
)
#: Words without which _REFS / _CONCL_HEAD cannot match (a cheap test before the scan).
_REFS_WORDS = ("References", "REFERENCES", "Bibliography")
_CONCL_WORDS = ("Conclusion", "CONCLUSION", "Interpretation", "INTERPRETATION")
_CONCL_INLINE = regex.compile(
    r"\b(?:In conclusion|In summary|To conclude|Taken together|Overall)\b,?\s{0,3}"
    r"|\b(?:We|The authors) conclude(?:d)? that\s"
    r"|\b(?:[Tt]hese|[Oo]ur|[Tt]he) (?:results|findings|data) "
    r"(?:suggests?|indicates?|shows?|demonstrates?|supports?)"
)
_TITLE_SKIP = regex.compile(
    r"^(?:abstract|skip to|menu|home|search|sign in|log ?in|share|pdf|full text|cite|"
    r"an official website|view|download|access|open access|research article|original article)",
    regex.I,
)
_TITLE_STOP = regex.compile(r"[.?!](?=\s{1,3}[A-Z])")
_SUFFIX = regex.compile(r"\s{1,3}[–|-]\s{1,3}[\w .&]{2,25}$")
_NEG = regex.compile(
    r"\b(?:no|not|without|neither|nor|never|none|absence of|free of|lack of|failed to|"
    r"did not|does not|do not|was not|were not|cannot|unable to|ruled out|n[o']t)\b",
    regex.I,
)
_NEG_BREAK = regex.compile(r"\b(?:but|however|although|except|whereas|while)\b", regex.I)
_HEDGE = regex.compile(
    r"\b(?:may|might|could|possibly|perhaps|appears?|seems?|suggests?|likely|unclear|"
    r"whether|potential(?:ly)?|hypothes[ie][sz]e?d?|theoretical(?:ly)?)\b",
    regex.I,
)


#: The patterns searched with ``Document.find`` (the extractor plans their prefixes).
SCANNED = (_HEDGE, _CONCL_INLINE)
SENTENCE_REACH = 500
_UNSET = (-1, -1)  # the conclusion not looked for yet


class Document:
    """Lazy structural views of ``text``; offsets are always into ``text`` itself."""

    def __init__(self, text: str) -> None:
        self.text = text
        refs = _REFS.search(text) if any(w in text for w in _REFS_WORDS) else None
        self.body_end = refs.start() if refs and refs.start() > len(text) // 3 else len(text)
        starts = [0]
        for m in _SENT_END.finditer(text):
            starts.append(m.end())
        self._starts = starts
        #: sentence start offsets (sorted; 0 first), and the same with the text's end
        self.starts = starts
        self.bounds = [*starts, len(text)]
        self._hedged: dict[tuple[int, int], bool] = {}
        self.title = self._find_title()
        self._conclusion: tuple[int, int] | None = _UNSET
        self.find: Find = self._finditer

    def _finditer(
        self, pattern: regex.Pattern[str], lo: int, hi: int, limit: int
    ) -> list[regex.Match[str]]:
        return list(islice(pattern.finditer(self.text, lo, hi), limit))

    @property
    def conclusion(self) -> tuple[int, int] | None:
        """(start, end) of the conclusion, found when first asked for."""
        if self._conclusion is _UNSET:
            self._conclusion = self._find_conclusion()
        return self._conclusion

    # ---- sentences -------------------------------------------------------------
    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``, at most SENTENCE_REACH either side.

        The cap keeps per-match context checks linear on texts without sentence breaks.
        """
        i = bisect.bisect_right(self._starts, pos) - 1
        start = self._starts[max(i, 0)]
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return max(start, pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)

    def sentences(self, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
        hi = len(self.text) if hi is None else hi
        out = []
        i = max(bisect.bisect_right(self._starts, lo) - 1, 0)
        while i < len(self._starts) and self._starts[i] < hi:
            end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
            out.append((self._starts[i], min(end, hi)))
            i += 1
        return out

    # ---- negation and hedging ---------------------------------------------------
    def negated(self, start: int, window: int = 60) -> bool:
        s_start, _ = self.sentence(start)
        lo = max(s_start, start - window)
        before = self.text[lo:start]
        cues = list(_NEG.finditer(before))
        if not cues:
            return False
        return _NEG_BREAK.search(before, cues[-1].end()) is None

    def hedged(self, start: int) -> bool:
        s_start, s_end = self.sentence(start)
        key = (s_start, min(s_end, s_start + 600))
        found = self._hedged.get(key)
        if found is None:
            found = bool(self.find(_HEDGE, key[0], key[1], 1))
            self._hedged[key] = found
        return found

    # ---- regions -----------------------------------------------------------------
    def region(self, scope: str) -> tuple[int, int]:
        if scope == "document":
            return 0, len(self.text)
        if scope == "title":
            return self.title or (0, 0)
        if scope == "conclusion":
            return self.conclusion or (0, 0)
        if scope == "head":
            return 0, min(self.body_end, max(1500, self.body_end * 2 // 5))
        return 0, self.body_end

    def _find_title(self) -> tuple[int, int] | None:
        text = self.text
        found = _LINE.finditer(text)
        lines = [_strip(text, m.start(), m.end()) for _, m in zip(range(80), found, strict=False)]
        lines = [(s, e) for s, e in lines if e > s]
        if not lines:
            return None
        if len(lines) == 1 or lines[0][1] - lines[0][0] > 400:
            s, e = lines[0]
            stop = _TITLE_STOP.search(text, s, min(e, s + 400))
            return (s, stop.start() + 1) if stop else None
        counts: dict[str, int] = {}
        for s, e in lines:
            counts[text[s:e]] = counts.get(text[s:e], 0) + 1
        for s, e in lines:
            line = text[s:e]
            if counts[line] > 1 and _title_like(line):
                return s, e
        for s, e in lines[:6]:
            line = text[s:e]
            if _TITLE_SKIP.match(line):
                continue
            if _title_like(line):
                suffix = _SUFFIX.search(line)
                return s, (s + suffix.start()) if suffix else e
            break
        return None

    def _find_conclusion(self) -> tuple[int, int] | None:
        text, end = self.text, self.body_end
        found = None
        if any(w in text for w in _CONCL_WORDS):  # the heading words _CONCL_HEAD needs
            for m in _CONCL_HEAD.finditer(text, 0, end):
                found = m
        if found is None:
            inline = self.find(_CONCL_INLINE, 0, end, end + 1)
            found = inline[-1] if inline else None
        if found is None:
            return None
        start = found.end() if found.re is _CONCL_HEAD else found.start()
        while start < end and text[start] in " \t\n#":
            start += 1
        para = text.find("\n\n", start, end)
        stop = min(para if para > start else end, start + 1500)
        return (start, stop) if stop > start else None


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t#*>-•":
        s += 1
    while e > s and text[e - 1] in " \t*":
        e -= 1
    return s, e


def _title_like(line: str) -> bool:
    words = line.split()
    return (
        15 <= len(line) <= 300
        and len(words) >= 3
        and not line.endswith((".", ":", ";", ","))
        and sum(w[:1].isalpha() for w in words) >= 2
        and not _TITLE_SKIP.match(line)
    )
