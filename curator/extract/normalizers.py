"""Normalizers: surface text -> normalized value, looked up by the name a rule gives.

Each takes the span text and returns the value or None (no suggestion). Names are a
contract with the rule files; :data:`TEXT_NORMALIZERS` lists them.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from curator.core.model import Scalar
from curator.extract.numbers import NUM, WORDNUM, parse_count, parse_number, tidy_number

TextNormalizer = Callable[[str], Scalar | None]

_WS = regex.compile(r"\s+")
_EDGE = " \t\n,;:.([{)]}"
_MEASURES = {
    "hr": "hazard ratio",
    "hazard ratio": "hazard ratio",
    "exp(b)": "hazard ratio",
    "exp[b]": "hazard ratio",
    "expb": "hazard ratio",
    "adjusted hr": "hazard ratio",
    "or": "odds ratio",
    "odds ratio": "odds ratio",
    "adjusted or": "odds ratio",
    "rr": "risk ratio",
    "relative risk": "risk ratio",
    "risk ratio": "risk ratio",
    "irr": "rate",
    "incidence rate ratio": "rate",
    "rate ratio": "rate",
    "median": "median",
    "mean": "mean",
    "md": "difference",
    "mean difference": "difference",
    "difference": "difference",
}
_ROUTES = {
    "oral": "oral",
    "orally": "oral",
    "p.o.": "oral",
    "po": "oral",
    "by mouth": "oral",
    "intravenous": "intravenous",
    "intravenously": "intravenous",
    "i.v.": "intravenous",
    "iv": "intravenous",
    "infusion": "intravenous",
    "infusions": "intravenous",
    "subcutaneous": "subcutaneous",
    "subcutaneously": "subcutaneous",
    "s.c.": "subcutaneous",
    "sc": "subcutaneous",
    "intramuscular": "intramuscular",
    "intramuscularly": "intramuscular",
    "i.m.": "intramuscular",
    "im": "intramuscular",
}
_UNIT = regex.compile(
    r"^(?P<amount>" + NUM + r"(?:\s{0,2}(?:-|–|to)\s{0,2}" + NUM + r")?)\s{0,2}(?P<rest>.*)$",
    regex.S,
)
_AGE_RANGE = regex.compile(
    rf"({NUM}|{WORDNUM})\s{{0,3}}(?:-|–|to|and)\s{{0,3}}({NUM}|{WORDNUM})", regex.I
)
_AGE_ONE = regex.compile(NUM)
_DOI = regex.compile(r"10\.\d{4,9}/\S{1,200}")
_P_PREFIX = regex.compile(r"^[pP]\s{0,3}")
_P_VALUE = regex.compile(r"[<>]?=?\.?\d[\d.]{0,9}")
_TIME_UNIT = regex.compile(r"(day|week|month|year)")
_AMOUNT = regex.compile(rf"^({NUM}|{WORDNUM})", regex.I)
_BRACKETS = regex.compile(r"[()\[\]]")
_SLASH = regex.compile(r"\s{0,2}/\s{0,2}")
_PER = regex.compile(r"\s{1,3}per\s{1,3}")
_PER_D = regex.compile(r"/d\b")
_CLASS = regex.compile(r"class\s{1,3}(IV|I{1,3}|[1-4])\b", regex.I)
_GRADE = regex.compile(r"[A-Za-z][+-]?")


def clean(text: str) -> str:
    return str(_WS.sub(" ", text)).strip(_EDGE)


def text_value(text: str) -> Scalar | None:
    value = clean(text.replace("(", " ").replace(")", " ")) if "(" not in text else clean(text)
    return value or None


def number(text: str) -> Scalar | None:
    value = parse_number(clean(text).rstrip("%").strip())
    return None if value is None else tidy_number(value)


def count(text: str) -> Scalar | None:
    value = parse_count(clean(text))
    return value if value is not None and 0 < value < 10_000_000 else None


def whole(text: str) -> Scalar | None:
    return parse_count(clean(text))


def year(text: str) -> Scalar | None:
    value = parse_count(clean(text))
    return value if value is not None and 1900 <= value <= 2100 else None


def doi(text: str) -> Scalar | None:
    value = text.strip().rstrip(".,;:)]}>")
    return value if _DOI.fullmatch(value) else None


def p_value(text: str) -> Scalar | None:
    raw = clean(text).replace("&lt;", "<").replace("&gt;", ">").replace("≤", "<=")
    raw = _P_PREFIX.sub("", raw).replace(" ", "")
    raw = raw[1:] if raw.startswith("=") else raw
    return raw if _P_VALUE.fullmatch(raw) else None


def effect_measure(text: str) -> Scalar | None:
    key = _WS.sub(" ", text).strip().lower().replace(" ", "") if "exp" in text.lower() else None
    if key:
        return _MEASURES.get(key, "hazard ratio")
    return _MEASURES.get(_WS.sub(" ", text).strip().lower())


def route(text: str) -> Scalar | None:
    return _ROUTES.get(clean(text).lower())


def months(text: str) -> Scalar | None:
    raw = clean(text).lower()
    unit = _TIME_UNIT.search(raw)
    amount = _AMOUNT.match(raw)
    if not unit or not amount:
        return None
    value = parse_number(amount.group(1).replace("-", " "))
    if value is None or value <= 0:
        return None
    factor = {"day": 1 / 30.4375, "week": 7 / 30.4375, "month": 1.0, "year": 12.0}[unit.group(1)]
    return tidy_number(round(value * factor, 1))


def dose(text: str) -> Scalar | None:
    raw = clean(_BRACKETS.sub(" ", text))
    m = _UNIT.match(raw)
    if not m:
        return None
    rest = _SLASH.sub("/", m.group("rest"))
    rest = _PER.sub("/", rest)
    rest = _PER_D.sub("/day", rest)
    return clean(f"{m.group('amount')} {rest}")


def age(text: str) -> Scalar | None:
    raw = clean(text)
    low = raw.lower()
    unit = " months" if "month" in low else " years" if "year" in low or "age" in low else ""
    stat = next((s for s in ("median", "mean", "average") if s in low), "")
    rng = _AGE_RANGE.search(raw)
    if rng and not stat:
        lo, hi = parse_number(rng.group(1)), parse_number(rng.group(2))
        if lo is not None and hi is not None and lo < hi:
            return f"age {tidy_number(lo)} to {tidy_number(hi)}{unit}"
    one = _AGE_ONE.search(raw)
    if stat and one:
        return f"{'mean' if stat == 'average' else stat} age {one.group()}{unit}"
    return raw or None


def evidence_class(text: str) -> Scalar | None:
    m = _CLASS.search(text)
    return f"Class {m.group(1).upper()}" if m else None


def grade(text: str) -> Scalar | None:
    value = clean(text).strip("\"'“”‘’")
    return value.upper() if _GRADE.fullmatch(value) else None


def domain(text: str) -> Scalar | None:
    value = clean(text).strip("\"'“”‘’")
    return value or None


TEXT_NORMALIZERS: dict[str, TextNormalizer] = {
    "text": text_value,
    "number": number,
    "count": count,
    "whole": whole,
    "year": year,
    "doi": doi,
    "p_value": p_value,
    "effect_measure": effect_measure,
    "route": route,
    "months": months,
    "dose": dose,
    "age": age,
    "evidence_class": evidence_class,
    "grade": grade,
    "domain": domain,
}
