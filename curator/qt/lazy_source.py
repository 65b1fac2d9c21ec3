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
    asked (from whichever thread asks first; loading is guarded by a lock)."""

    def __init__(self, load: Callable[[], SuggestionSource]) -> None:
        self._load = load
        self._source: SuggestionSource | None = None
        self._lock = threading.Lock()

    def _get(self) -> SuggestionSource:
        with self._lock:
            if self._source is None:
                self._source = self._load()
            return self._source

    @property
    def version(self) -> str:
        return self._get().version

    def extract(self, text: str) -> list[Extracted]:
        return self._get().extract(text)

    def describe(self, rule_id: str) -> str:
        try:
            return self._get().describe(rule_id)
        except Exception:  # a rule unknown to this extractor version
            return "(no description)"
