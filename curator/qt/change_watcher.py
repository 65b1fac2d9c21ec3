"""ChangeWatcher: notice what other windows and processes wrote to the database.

Polls the store's :meth:`change_marker` (a few cheap ``max(id)`` reads) every few
seconds and whenever the window is activated; emits :attr:`changed` when it moved since
the last look. The window then reloads what it shows.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from curator.store import StoreError

if TYPE_CHECKING:
    from collections.abc import Callable

log = logging.getLogger("curator.qt")
#: How often the database is looked at while the window is open.
INTERVAL_MS = 3000


class ChangeWatcher(QObject):
    changed = Signal()

    def __init__(
        self,
        marker: Callable[[], tuple[int, ...]],
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._marker = marker
        self._seen: tuple[int, ...] | None = None
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Remember the database as it is now and look again every few seconds."""
        self._seen = self._read()
        self.timer.start()

    def check(self) -> bool:
        """Emit :attr:`changed` (and return True) if the database changed since the last look."""
        if self._seen is None:  # not started: the store may still be opening
            return False
        now = self._read()
        if now is None or now == self._seen:
            return False
        self._seen = now
        self.changed.emit()
        return True

    def _read(self) -> tuple[int, ...] | None:
        try:
            return self._marker()
        except StoreError as error:  # locked or gone for a moment: look again later
            log.info("change marker unavailable: %s", error)
            return None
