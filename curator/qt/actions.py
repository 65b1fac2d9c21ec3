"""Build QActions, menus, form-only keys and the shortcut sheet rows from the keymap.

One QAction per :data:`curator.keymap.ACTIONS` entry, ``objectName == id``. Building
fails loudly (``LookupError``) when an entry has no handler, or a handler no entry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut

from curator import keymap

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from PySide6.QtWidgets import QMenuBar, QWidget

    from curator.keymap import ActionSpec


def icon(name: str) -> QIcon:
    return QIcon(f":/icons/{name}.svg") if name else QIcon()


def key_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def keys_text(spec: ActionSpec) -> str:
    words = [key_text(k) for k in spec.keys]
    words += [f"{key_text(k)} (in the form)" for k in spec.form_keys]
    return ", ".join(words)


def build_actions(
    parent: QWidget,
    handlers: Mapping[str, Callable[[], object]],
    provided: Mapping[str, QAction] | None = None,
    specs: tuple[ActionSpec, ...] = keymap.ACTIONS,
) -> dict[str, QAction]:
    """QActions for ``specs``: ``handlers[id]`` is called on trigger; ``provided[id]`` is an
    action made elsewhere (undo/redo from the QUndoStack) that gets the keymap's keys."""
    provided = provided or {}
    ids = [spec.id for spec in specs]
    missing = [i for i in ids if i not in handlers and i not in provided]
    unknown = sorted((set(handlers) | set(provided)) - set(ids))
    if missing or unknown:
        raise LookupError(f"keymap and handlers disagree: no handler for {missing}, "
                          f"no keymap entry for {unknown}")  # fmt: skip
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = provided.get(spec.id)
        if action is None:
            action = QAction(spec.text, parent)
            action.triggered.connect(lambda _checked=False, f=handlers[spec.id]: f())
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setIcon(icon(spec.icon))
        action.setStatusTip(spec.tip)
        keys = keys_text(spec)
        action.setToolTip(f"{spec.plain_text} ({keys})" if keys else spec.plain_text)
        parent.addAction(action)
        actions[spec.id] = action
    return actions


def bind_form_keys(actions: Mapping[str, QAction], form: QWidget) -> list[QShortcut]:
    """Keys that trigger an action only while ``form`` (or a child) has focus."""
    shortcuts = []
    for spec in keymap.ACTIONS:
        for key in spec.form_keys:
            shortcut = QShortcut(QKeySequence(key), form)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setObjectName(f"{spec.id}@form:{key}")
            shortcut.activated.connect(actions[spec.id].trigger)
            shortcuts.append(shortcut)
    return shortcuts


def build_menus(menubar: QMenuBar, actions: Mapping[str, QAction]) -> None:
    for area, title in keymap.MENUS:
        menu = menubar.addMenu(title)
        menu.setObjectName(f"menu.{area}")
        for spec in keymap.ACTIONS:
            if spec.area == area:
                menu.addAction(actions[spec.id])


def sheet_rows() -> list[tuple[str, str, str, str]]:
    """(menu, action, keys, description) for every action, in menu order."""
    titles = dict(keymap.MENUS)
    order = {area: i for i, (area, _) in enumerate(keymap.MENUS)}
    specs = sorted(keymap.ACTIONS, key=lambda s: order[s.area])
    return [
        (titles[s.area].replace("&", ""), s.plain_text, keys_text(s) or "—", s.tip) for s in specs
    ]
