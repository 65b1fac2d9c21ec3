"""The ``condition`` hook: the condition of the studied population, and the condition a
trial treats or prevents.

A report names its population once or twice in a sentence saying who was studied
("Postmenopausal women with early breast cancer were randomized", "We compared X and Y in
patients with metastatic disease", "Patients were eligible if ..."). The hook finds
population phrases (a participant noun with the modifiers before it and the qualifier
after it, or a lexicon condition after "in"/"for"), scores them by the sentence they stand
in, and suggests the best one; its value is the lexicon condition inside, else the phrase.

In the title (``scope = "title"``) the condition treated or prevented ("... for the
prevention of chemotherapy-induced nausea", "Drug X for hot flashes in women with breast
cancer") is suggested; the population's disease named there only when the body names no
population.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from curator.core.model import Extracted
from curator.extract.scan import finditer

if TYPE_CHECKING:
    from curator.extract.context import Context
    from curator.extract.lexicon import Hit
    from curator.extract.rules import Rule

#: Words a population phrase does not extend left over ("in 40 premenopausal women",
#: "placebo patients").
_STOP_WORDS = """a an the of in on at by to for from with within among amongst between into than as
    and or nor but versus vs vs. v. via per all total these those this that such our their
    its his her we they it who which whose there here were was are is be been being have has
    had do does did will would can could may might should must not no only also both each
    either other another any some most many more less few several overall whereas while
    when where if whether eligible enrolled randomized randomised randomly included
    recruited consecutive assigned allocated studied evaluated compared selected analyzed
    analysed identified involved involving including comprising underwent received
    receiving treated entered registered accrued participating invited contacted screened
    consented agreed approached surveyed interviewed followed tracked remaining
    respectively approximately about nearly almost around least moreover however therefore
    thus then finally additionally furthermore hence later last first placebo control
    controls intervention treatment study trial arm group sham usual"""
_STOP = frozenset(_STOP_WORDS.split())
_NUMBER_WORD = regex.compile(
    r"^(?:\d[\d,.\s]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)(?:[-\s]\w+)?$",
    regex.I,
)
_WORD_LEFT = regex.compile(r"(?r)(?:\([A-Za-z][^()\s]{0,14}\)|[\w][\w'’+/-]{0,30})\s{1,3}$")

#: A condition naming an intervention ('a pain education video', 'lymphedema prevention
#: protocol') is not the condition studied (a title names that elsewhere, if at all).
_NAMES_AN_INTERVENTION = regex.compile(
    r"\s{1,2}(?:[\w-]{2,20}\s{1,2})?(?:education|protocol|program(?:me)?|video|clinic|service"
    r"|app|tool|training|class(?:es)?|booklet|intervention)\b",
    regex.I,
)
_TRAILING = regex.compile(
    r"\s(?:who|whom|that|which|and|or|with|in|of|the|a|an|to|for|from|at)$", regex.I
)

MAX_PHRASES = 200
COMPLICATION = "complication"
LEFT_WORDS = 6


@dataclass(slots=True)
class Phrase:
    start: int
    end: int
    score: float
    hits: list[Hit]
    features: dict[str, float]


def _extend_left(text: str, start: int, floor: int, words: int = LEFT_WORDS) -> int:
    """Move ``start`` back over up to ``words`` modifier words ('node-positive
    postmenopausal breast cancer (PMBC)' before 'patients'), never over a number,
    a function word or a verb of enrolment."""
    pos = start
    for _ in range(words):
        m = _WORD_LEFT.search(text, floor, pos)
        if m is None:
            break
        word = m.group().rstrip()
        low = word.lower()
        if low in _STOP or _NUMBER_WORD.match(word) or not (word[0].isalnum() or word[0] == "("):
            break
        pos = m.start()
    return pos


def _trim_end(text: str, start: int, end: int) -> int:
    """Drop a dangling end: spaces, commas, an unclosed '(' and trailing function words
    ('women with breast cancer who' -> 'women with breast cancer')."""
    while True:
        stripped = text[start:end].rstrip(" \t\n,")
        end = start + len(stripped)
        opened = stripped.rfind("(")
        if opened > stripped.rfind(")"):
            end = start + opened
            continue
        m = _TRAILING.search(text, max(start, end - 8), end)
        if m is None or m.start() <= start:
            return end
        end = m.start()


def condition(rule: Rule, ctx: Context) -> None:
    if rule.scope == "title":
        _title(rule, ctx)
    else:
        _body(rule, ctx)


def phrases(rule: Rule, ctx: Context, best_only: bool = False) -> list[Phrase]:
    """Population phrases of the body (after the title), scored by where they stand.

    With ``best_only``, sentence cues are looked at only for phrases that could still
    beat the best one found so far (most phrases are ruled out by their own features).
    """
    if len(rule.patterns) < 9:
        return []
    pt, key, prep, verb_after, verb_before, eligible, stats, general, has = rule.patterns[:9]
    text, doc = ctx.text, ctx.doc
    lo = doc.title[1] if doc.title else 0
    hi = doc.body_end
    cues: dict[int, tuple[bool, ...]] = {}
    opening = {s for s, _ in doc.sentences(lo, hi)[:2]}

    def cue(s: int, e: int) -> tuple[bool, ...]:
        if s not in cues:
            if rule.exclude is not None and finditer(ctx, rule.exclude, s, e, 1):
                cues[s] = ()
            else:
                cues[s] = (
                    bool(finditer(ctx, key, s, e, 1)),
                    bool(finditer(ctx, eligible, s, e, 1)),
                    stats.search(text, s, e) is not None,
                    s in opening and general.search(text, s, e) is not None,
                )
        return cues[s]

    late = lo + (hi - lo) * LATE

    def own(start: int, end: int, s: int, e: int) -> dict[str, float]:
        return {
            "late": float(start > late),
            "after": float(verb_after.match(text, end, e) is not None),
            "before": float(verb_before.search(text, max(s, start - 60), start) is not None),
            "first": float(start - s < 3),
        }

    found: list[tuple[Phrase, int, int]] = []
    for m in finditer(ctx, pt, lo, hi, MAX_PHRASES):
        s, e = doc.sentence(m.start())
        start = _extend_left(text, m.start(), s)
        drugs = [
            h
            for h in (ctx.hits_in("drugs", start, m.start()) if start < m.start() else [])
            if h.term.kind != "generic" and "-" not in text[h.start - 1 : h.end + 1]
        ]
        if drugs:  # 'azathioprine patients' names an arm, 'azathioprine-naive' does not
            start = _extend_left(text, m.start(), drugs[-1].end)
        end = _trim_end(text, m.start(), m.end())
        inside = ctx.hits_in("conditions", start, end)
        tail = m.start("_q")
        modified = start < m.start()
        if not (inside or tail >= 0 or modified):
            continue
        qualified = tail >= 0 and has.search(text, tail, end) is not None
        f = own(start, end, s, e)
        f.update(cond=float(bool(inside)), qual=float(qualified), mod=float(modified), pt=1.0)
        found.append((Phrase(start, end, _score(f), inside, f), s, e))
    taken = sorted((p.start, p.end) for p, _, _ in found)
    starts = [a for a, _ in taken]
    hits = ctx.hits.get("conditions", [])
    first = bisect.bisect_left([h.start for h in hits], lo)
    for hit in hits[first : first + MAX_PHRASES]:
        if hit.start >= hi or hit.term.kind == COMPLICATION:
            continue
        i = bisect.bisect_right(starts, hit.start)
        if any(a <= hit.start < b for a, b in taken[max(0, i - 3) : i]):
            continue
        s, e = doc.sentence(hit.start)
        start = _extend_left(text, hit.start, s)
        if not prep.search(text, max(s, start - 30), start):
            continue
        f = own(start, hit.end, s, e)
        f.update(cond=1.0, qual=0.0, mod=float(start < hit.start), pt=0.0)
        found.append((Phrase(start, hit.end, _score(f), [hit], f), s, e))
    if best_only:
        found.sort(key=lambda x: (-x[0].score, x[0].start))
    out: list[Phrase] = []
    best: Phrase | None = None
    for phrase, s, e in found:
        if best_only and best is not None and phrase.score + SENTENCE_BONUS < best.score:
            break
        c = cue(s, e)
        if not c:
            continue
        phrase.features.update(key=c[0], eligible=c[1], stats=c[2], general=c[3])
        phrase.score = _score(phrase.features)
        out.append(phrase)
        if best is None or (phrase.score, -phrase.start) > (best.score, -best.start):
            best = phrase
    return out


#: Weights of a population phrase's features (fitted on dev data by hand, kept round).
WEIGHTS = {
    "key": 0.5,
    "eligible": 2.5,
    "stats": -1.0,
    "general": -3.0,
    "after": 1.0,
    "before": 1.5,
    "first": 1.0,
    "cond": 1.5,
    "qual": 2.0,
    "mod": 1.0,
    "pt": 0.5,
    "late": -3.0,
}
#: A phrase after this share of the body stands in results or conclusions: reports name
#: their population before.
LATE = 0.5
MIN_SCORE = 2.5
#: A weaker phrase is suggested when the title names no population's disease either.
LAST_RESORT = 2.0
#: (lowest score, confidence factor): a phrase that is the subject or object of an
#: enrolment verb in a methods sentence and names a condition is right most often.
CONFIDENCE_STEPS = ((5.5, 1.0), (4.5, 0.8), (float("-inf"), 0.6))


#: The most a sentence cue can add to a phrase's own score.
SENTENCE_BONUS = sum(max(0.0, WEIGHTS[k]) for k in ("key", "eligible", "stats", "general"))


def _score(f: dict[str, float]) -> float:
    return sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items())


def _body(rule: Rule, ctx: Context) -> None:
    found = phrases(rule, ctx, best_only=True)
    if not found:
        return
    best = max(found, key=lambda p: (p.score, -p.start))
    if best.score < MIN_SCORE:
        title = ctx.doc.title
        named = ctx.hits_in("conditions", *title) if title else []
        if best.score < LAST_RESORT or any(h.term.kind != COMPLICATION for h in named):
            return
    text = ctx.text
    if best.hits:  # the population's disease before a complication it has
        value = max(
            best.hits, key=lambda h: (h.term.kind != COMPLICATION, h.end - h.start)
        ).term.name
    else:
        value = " ".join(text[best.start : best.end].split())
    factor = next(f for lowest, f in CONFIDENCE_STEPS if best.score >= lowest)
    conf = round(rule.confidence * factor, 3)
    ctx.found.append(
        Extracted(
            "condition", value, text[best.start : best.end], best.start, best.end, rule.id, conf
        )
    )


def _title(rule: Rule, ctx: Context) -> None:
    """Conditions a title says the trial treats or prevents; the population's disease only
    when the body named no population."""
    if ctx.doc.title is None:
        return
    ts, te = ctx.doc.title
    text = ctx.text
    hits = ctx.hits_in("conditions", ts, te)
    spans: list[tuple[int, int, str, float]] = []
    for hit in hits:
        if hit.term.kind == COMPLICATION and not _NAMES_AN_INTERVENTION.match(text, hit.end, te):
            spans.append((hit.start, hit.end, hit.term.name, rule.confidence))
    for pattern in rule.patterns[1:3]:
        for m in pattern.finditer(text, ts, te):
            s, e = m.span("x") if m.start("x") >= 0 else m.span()
            inside = [h for h in hits if s <= h.start and h.end <= e]
            if any(h.term.kind != COMPLICATION for h in inside):
                continue
            if any(a < e and s < b for a, b, _, _ in spans):
                continue
            value = inside[0].term.name if inside else " ".join(text[s:e].split())
            spans.append((s, e, value, rule.confidence * 0.95))
    if not spans and not any(x.field == "condition" for x in ctx.found):
        spans = _title_population(rule, ctx, hits)
    for s, e, value, conf in spans:
        ctx.found.append(Extracted("condition", value, text[s:e], s, e, rule.id, round(conf, 3)))


def _title_population(
    rule: Rule, ctx: Context, hits: list[Hit]
) -> list[tuple[int, int, str, float]]:
    """The title's population phrase with a lexicon condition in it (a bare disease name
    in a title is not suggested: it is as often the trial's setting as its population)."""
    if ctx.doc.title is None:
        return []
    ts, te = ctx.doc.title
    text = ctx.text
    if rule.patterns:
        for m in rule.patterns[0].finditer(text, ts, te):
            start = _extend_left(text, m.start(), ts)
            end = _trim_end(text, m.start(), m.end())
            inside = [h for h in hits if start <= h.start and h.end <= end]
            if inside:
                value = max(inside, key=lambda h: h.end - h.start).term.name
                return [(start, end, value, rule.confidence * 0.6)]
    return []
