"""Fixtures for the extractor tests: one extractor per session, helpers by field."""

from __future__ import annotations

import faulthandler
from collections.abc import Callable, Iterator

import pytest

from curator.core.model import Extracted
from curator.extract import Extractor, load_extractor

Run = Callable[[str], list[Extracted]]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return load_extractor()


@pytest.fixture(scope="session")
def run(extractor: Extractor) -> Run:
    """Extract with the strict entry point, so that a bug raises instead of returning []."""

    def _run(text: str) -> list[Extracted]:
        found = extractor.extract_strict(text)
        for e in found:
            assert 0 <= e.start < e.end <= len(text)
            assert text[e.start : e.end] == e.text
            assert 0.0 <= e.confidence <= 1.0
        return found

    return _run


@pytest.fixture
def watchdog() -> Iterator[None]:
    """Abort with all tracebacks if a test hangs (catastrophic backtracking), no timed assert."""
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def values(found: list[Extracted], field: str) -> list[object]:
    return [e.value for e in found if e.field == field]


def best(found: list[Extracted], field: str) -> Extracted | None:
    cands = [e for e in found if e.field == field]
    return max(cands, key=lambda e: e.confidence) if cands else None


def rows(found: list[Extracted], group: str) -> list[dict[str, object]]:
    table: dict[int, dict[str, object]] = {}
    for e in found:
        if e.field.startswith(group + ".") and e.row is not None:
            table.setdefault(e.row, {})[e.field.split(".", 1)[1]] = e.value
    return [table[k] for k in sorted(table)]
