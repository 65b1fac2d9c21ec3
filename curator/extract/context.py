"""Per-document working state shared by the engine and the hooks."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    import regex

    from curator.core.model import Extracted
    from curator.extract.document import Document
    from curator.extract.lexicon import Hit


@dataclass(slots=True)
class Candidate:
    """A count found by a ``count`` rule, before the population hook decides."""

    role: str
    n: int
    start: int
    end: int
    confidence: float
    rule: str


@dataclass(slots=True)
class Row:
    """One row of a repeated group, as found by a rule (numbered at the end)."""

    group: str
    start: int
    end: int
    confidence: float
    rule: str
    cells: list[Extracted] = field(default_factory=list)

    def values(self) -> dict[str, object]:
        return {c.field.split(".", 1)[1]: c.value for c in self.cells}


@dataclass(slots=True)
class Context:
    doc: Document
    hits: dict[str, list[Hit]]
    found: list[Extracted] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    counts: list[Candidate] = field(default_factory=list)
    deferred: list[tuple[Extracted, str]] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)
    lowered: str = ""
    roles: list[tuple[Hit, str]] | None = None
    _starts: dict[str, list[int]] = field(default_factory=dict)
    trigger_spans: dict[tuple[str, int, int], list[tuple[int, int]]] = field(default_factory=dict)
    merged_spans: dict[tuple[tuple[str, ...], int, int], list[tuple[int, int]]] = field(
        default_factory=dict
    )
    positions: dict[tuple[tuple[str, ...], int, int], list[int]] = field(default_factory=dict)
    #: start positions (in ``lowered``) of the prefilter's words that occur in the text
    occ: dict[str, list[int]] = field(default_factory=dict)
    #: whether ``occ`` positions are exact for the text (see prefilter.exact)
    exact: bool = False
    #: literal prefixes of the hooks' patterns that scan.finditer may use
    plans: Mapping[regex.Pattern[str], tuple[str, ...]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.text

    def hits_in(self, lexicon: str, start: int, end: int) -> list[Hit]:
        """Lexicon hits inside [start, end) (hits are sorted by start)."""
        hits = self.hits.get(lexicon, [])
        if lexicon not in self._starts:
            self._starts[lexicon] = [h.start for h in hits]
        starts = self._starts[lexicon]
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [h for h in hits[lo:hi] if h.end <= end]

    def best(self, key: str) -> Extracted | None:
        cands = [e for e in self.found if e.field == key]
        return max(cands, key=lambda e: (e.confidence, -e.start)) if cands else None

    def values(self, key: str) -> list[Extracted]:
        return [e for e in self.found if e.field == key]
