"""PySide6 6.12 on CPython 3.11 leaks references to None; the guard keeps the app alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint

from curator.qt.none_refcount_guard import HEADROOM, guard_none_refcount, leaks_none


def test_void_calls_cannot_exhaust_none() -> None:
    active = guard_none_refcount()
    if sys.version_info < (3, 12) and leaks_none():
        assert active
        assert sys.getrefcount(None) > HEADROOM // 2
    point = QPoint()
    for _ in range(50_000):  # more void calls than None had references at start-up
        point.setX(1)
    assert sys.getrefcount(None) > 1000
