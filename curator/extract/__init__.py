"""Rule-based extraction of evidence-schema fields from document text.

Pure Python: no Qt, no database. Rules and lexicons are data files under ``rules/`` and
``lexicons/``, loaded and validated by :func:`load_extractor`::

    ex = load_extractor()
    for s in ex.extract(text):
        print(s.field, s.value, s.text, ex.describe(s.rule))
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from curator.core.schema import Schema, load_default_schema
from curator.extract.extractor import LEXICON_NORMALIZERS, Extractor
from curator.extract.hooks import HOOKS
from curator.extract.lexicon import Lexicon, load_lexicon
from curator.extract.normalizers import TEXT_NORMALIZERS
from curator.extract.rules import RuleFileError, builtin_sources, parse_rules, read_source

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

__all__ = ["RULES_VERSION", "Extractor", "RuleFileError", "load_extractor"]

#: Bump whenever a packaged rule, lexicon or the engine changes behaviour.
RULES_VERSION = "rules-2026.11.4"
LEXICONS = ("drugs", "conditions", "events")


def load_extractor(
    extra_rule_files: Iterable[str | Path] = (), schema: Schema | None = None
) -> Extractor:
    """Load and validate the packaged rules plus ``extra_rule_files`` (curator rules).

    Raises :class:`RuleFileError` naming the file and rule id of the first bad rule.
    """
    schema = schema or load_default_schema()
    sources = builtin_sources()
    extra = [read_source(p) for p in extra_rule_files]
    normalizers = set(TEXT_NORMALIZERS) | set(LEXICON_NORMALIZERS)
    rules = parse_rules(sources + extra, schema, normalizers, set(HOOKS))
    lexicons: dict[str, Lexicon] = {name: load_lexicon(name) for name in LEXICONS}
    version = RULES_VERSION
    if extra:
        digest = hashlib.sha256("\0".join(text for _, text in extra).encode()).hexdigest()
        version = f"{RULES_VERSION}+{digest[:8]}"
    return Extractor(rules, lexicons, schema, version)
