"""PySide6-Essentials 6.12.0 on CPython 3.11 dropped a reference to None on every call of
a C++ method returning void, and to True/False on every emission of a bool signal; after a
few thousand UI calls the app aborted with "Fatal Python error: none_dealloc". We pin a
release without the bug (pyproject.toml); this test stops an upgrade that brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QPoint, Signal


class _Emitter(QObject):
    flagged = Signal(bool)


def test_void_calls_and_bool_signals_keep_their_references() -> None:
    point, emitter = QPoint(), _Emitter()
    emitter.flagged.connect(lambda _flag: None)
    singletons = (None, True, False)
    before = [sys.getrefcount(s) for s in singletons]
    for _ in range(500):  # a leaking build loses 500 references of each here
        point.setX(1)
        emitter.flagged.emit(True)
        emitter.flagged.emit(False)
    after = [sys.getrefcount(s) for s in singletons]
    assert all(a >= b - 50 for a, b in zip(after, before, strict=True)), (before, after)
