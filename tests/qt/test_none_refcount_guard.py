"""PySide6 6.12 on CPython 3.11 leaks references to None/True/False; the guard keeps the
app alive (see curator/qt/none_refcount_guard.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QPoint, Signal

from curator.qt.none_refcount_guard import HEADROOM, guard_none_refcount, leaks_none


class _Emitter(QObject):
    flagged = Signal(bool)


def test_void_calls_and_bool_signals_cannot_exhaust_the_singletons() -> None:
    active = guard_none_refcount()
    if sys.version_info < (3, 12) and leaks_none():
        assert active
        for singleton in (None, True, False):
            assert sys.getrefcount(singleton) > HEADROOM // 2
    point, emitter = QPoint(), _Emitter()
    emitter.flagged.connect(lambda _flag: None)
    for _ in range(50_000):  # far more calls than the singletons had references at start
        point.setX(1)
        emitter.flagged.emit(True)
        emitter.flagged.emit(False)
    assert min(sys.getrefcount(s) for s in (None, True, False)) > 1000
