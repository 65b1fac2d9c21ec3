"""The table of actions and keys: plain data, no Qt.

Menus, the shortcut sheet (F1), tooltips and the key bindings are all generated from
:data:`ACTIONS`. An action id is ``area.verb``; the Qt layer gives the QAction the same
objectName so tests, automation and screen readers can find it.

Contexts:

- ``keys`` are window-wide. Keys without Ctrl/Alt never fire while a text field or a
  cell editor has focus (the Qt layer lets the editor have them).
- ``form_keys`` are bound only while the evidence form has focus (Down/Up move between
  fields there, while the same keys scroll the document list or the text elsewhere).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

#: Default confidence threshold of review.accept_all (kept in the settings).
DEFAULT_ACCEPT_THRESHOLD = 0.9


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str  # "area.verb": also the QAction's objectName
    text: str  # menu text with & mnemonic
    keys: tuple[str, ...] = ()  # window-wide shortcuts (QKeySequence portable text)
    tip: str = ""  # one line for the status bar, tooltips and the shortcut sheet
    icon: str = ""  # name of an icon in resources/icons (without .svg)
    form_keys: tuple[str, ...] = ()  # shortcuts active only while the form has focus

    @property
    def area(self) -> str:
        return self.id.partition(".")[0]

    @property
    def all_keys(self) -> tuple[str, ...]:
        return self.keys + self.form_keys

    @property
    def plain_text(self) -> str:
        """The text without mnemonic markers or a trailing ellipsis."""
        return self.text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".")


#: Menu titles, in menu-bar order, by action area.
MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("review", "&Review"),
    ("nav", "&Navigate"),
    ("doc", "&Document"),
    ("view", "&View"),
    ("help", "&Help"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.import", "&Import files...", ("Ctrl+O",),
               "Import text, Markdown or HTML files (or drop files and folders on the window)",
               "import"),
    ActionSpec("file.import_folder", "Import &folder...", ("Ctrl+Shift+O",),
               "Import every supported file in a folder and its subfolders", "import"),
    ActionSpec("file.export", "&Export tables...", ("Ctrl+E",),
               "Export the curated evidence as CSV tables", "export"),
    ActionSpec("file.quit", "&Quit", ("Ctrl+Q",), "Close Evidence Curator"),
    ActionSpec("edit.undo", "&Undo", ("Ctrl+Z",),
               "Undo the last decision (in any document)", "undo"),
    ActionSpec("edit.redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"),
               "Redo the last undone decision", "redo"),
    ActionSpec("edit.settings", "Accept-all &threshold...", (),
               "Set the confidence threshold used by Accept all"),
    ActionSpec("review.accept", "&Accept", ("A",),
               "Accept the suggested value of the current field", "accept"),
    ActionSpec("review.reject", "Re&ject", ("X",),
               "Reject the suggestion (or clear a typed value)", "reject"),
    ActionSpec("review.correct", "&Correct...", ("E", "Return", "Enter"),
               "Edit the value in place: Enter commits, Esc cancels", "correct"),
    ActionSpec("review.skip", "&Skip", ("Space",),
               "Leave the field open and go to the next open suggestion", "skip"),
    ActionSpec("review.accept_all", "Accept a&ll above threshold", ("Shift+A",),
               "Accept every open suggestion of this document at or above the threshold",
               "accept_all"),
    ActionSpec("review.take", "&Take selection", ("T",),
               "Assign the text selected in the document to the current field "
               "(or to a new row of its table)", "take"),
    ActionSpec("review.add_row", "Add &row", ("Ctrl+Shift+N",),
               "Add an empty row to the current table"),
    ActionSpec("review.remove_row", "Remo&ve row", ("Ctrl+Shift+Delete",),
               "Reject or clear every value in the current table row"),
    ActionSpec("nav.next_field", "Next &field", ("J",), "Go to the next field",
               "next", form_keys=("Down",)),
    ActionSpec("nav.previous_field", "&Previous field", ("K",), "Go to the previous field",
               "previous", form_keys=("Up",)),
    ActionSpec("nav.next_document", "&Next document", ("N",), "Open the next document in the list"),
    ActionSpec("nav.previous_document", "P&revious document", ("P",),
               "Open the previous document in the list"),
    ActionSpec("doc.mark_done", "Mark &done and go to next", ("Ctrl+Return", "Ctrl+Enter"),
               "Mark this document done and open the next one not done", "done"),
    ActionSpec("view.search", "&Search documents", ("Ctrl+F", "/"),
               "Full-text search in the document list", "search"),
    ActionSpec("view.focus_form", "Focus the &form", ("Ctrl+2",), "Move the keyboard to the form"),
    ActionSpec("view.focus_text", "Focus the &text", ("Ctrl+1",),
               "Move the keyboard to the document text (select, then Take)"),
    ActionSpec("view.progress", "&Progress", ("Ctrl+3",),
               "Show or hide the progress charts: documents by status, decisions over time, "
               "time per document", "progress"),
    ActionSpec("view.rules", "&Rule quality", ("Ctrl+4",),
               "Show or hide each rule's accepted, corrected and rejected suggestions",
               "rules"),
    ActionSpec("view.forest", "&Forest plot", ("Ctrl+5",),
               "Show or hide the forest plot of the curated effect estimates", "forest"),
    ActionSpec("help.shortcuts", "&Keyboard shortcuts", ("F1",),
               "Show every action and its keys", "help"),
    ActionSpec("help.about", "&About Evidence Curator", (),
               "The version, the database file, the evidence schema and the extractor"),
)  # fmt: skip


def by_id() -> dict[str, ActionSpec]:
    return {spec.id: spec for spec in ACTIONS}


def conflicts(actions: tuple[ActionSpec, ...] = ACTIONS) -> dict[str, list[str]]:
    """Keys bound more than once where they could fire together: ``{key: [ids]}``.

    Window keys are live everywhere, so a form key must not repeat a window key either.
    Keys compare case-insensitively ("a" and "A" are the same key).
    """
    window: dict[str, list[str]] = defaultdict(list)
    form: dict[str, list[str]] = defaultdict(list)
    for spec in actions:
        for key in spec.keys:
            window[_norm(key)].append(spec.id)
        for key in spec.form_keys:
            form[_norm(key)].append(spec.id)
    clashes = {k: ids for k, ids in window.items() if len(ids) > 1}
    for key, ids in form.items():
        both = ids + window.get(key, [])
        if len(both) > 1:
            clashes[key] = both
    return clashes


def _norm(key: str) -> str:
    parts = [p.strip().casefold() for p in key.split("+")]
    return "+".join(sorted(parts[:-1]) + parts[-1:])
