"""LazySource: the extractor loaded on first use (off the path to the first paint)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from curator.core.model import Extracted
    from curator.core.ports import SuggestionSource


class LazySource:
    """A :class:`~curator.core.ports.SuggestionSource` that loads the real one when first
    asked for suggestions (normally by the extraction job, in the worker thread).

    ``describe`` never loads: until the extractor is there (or if it failed to load) it
    answers with an empty description, so a tooltip never blocks the GUI thread.
    """

    def __init__(self, load: Callable[[], SuggestionSource]) -> None:
        self._load = load
        self._source: SuggestionSource | None = None
        self._error: Exception | None = None
        self._lock = threading.Lock()

    def _get(self) -> SuggestionSource:
        with self._lock:
            if self._error is not None:
                raise self._error
            if self._source is None:
                try:
                    self._source = self._load()
                except Exception as exc:  # remembered: a broken rule file is not retried
                    self._error = exc
                    raise
            return self._source

    @property
    def version(self) -> str:
        return self._get().version

    def extract(self, text: str) -> list[Extracted]:
        return self._get().extract(text)

    def describe(self, rule_id: str) -> str:
        source = self._source
        if source is None:
            return ""
        try:
            return source.describe(rule_id)
        except Exception:  # a rule this extractor version does not know
            return ""
