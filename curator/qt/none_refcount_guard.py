"""Guard against a reference-count bug of PySide6 6.12 on CPython 3.11.

Measured here (PySide6-Essentials 6.12.0 abi3 wheel, Python 3.11.7): every call of a
wrapped C++ method that returns ``void`` hands back ``None`` without a new reference
(``QLabel.setText``, ``QTextCursor.setPosition``, ``QWidget.hide`` ...), and emitting a
signal with a ``bool`` argument (``QAction.triggered``) drops a reference to ``True`` or
``False``. On CPython >= 3.12 these singletons are immortal and nothing happens; on 3.11
their counts reach zero after some thousands of calls and the process aborts with
"Fatal Python error: none_dealloc" (or "bool_dealloc") -- within minutes of reviewing.

:func:`guard_none_refcount` probes for the bug and, only when it is present, raises the
reference counts of ``None``, ``True`` and ``False`` far out of reach (what 3.12 does by
design). Call it before the GUI starts; it is idempotent.
"""

from __future__ import annotations

import sys

HEADROOM = 1 << 40  # a trillion leaked references before anything could happen
_guarded = False


def leaks_none() -> bool:
    """True when void PySide6 calls drop a reference to None (probed, not assumed)."""
    from PySide6.QtCore import QPoint

    point = QPoint()
    before = sys.getrefcount(None)
    for _ in range(64):
        point.setX(1)
    return sys.getrefcount(None) < before - 32


def guard_none_refcount() -> bool:
    """Make ``None``, ``True`` and ``False`` effectively immortal if the bug is present.

    Returns True when the guard is active. Only on a CPython release build < 3.12, where
    ``ob_refcnt`` is an object's first field (checked before relying on it).
    """
    global _guarded
    if _guarded:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if hasattr(sys, "gettotalrefcount") or not leaks_none():  # debug build, or fixed
        return False
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        before = sys.getrefcount(singleton)
        refcount.value += HEADROOM
        if sys.getrefcount(singleton) - before != HEADROOM:  # unexpected layout: undo
            refcount.value -= HEADROOM
            return False
    _guarded = True
    return True
