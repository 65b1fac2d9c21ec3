"""Qt fixtures: the real window built from injected dependencies.

A real SqlStore on a temp file, three small documents, suggestions from a fake
SuggestionSource (exact, so assertions do not depend on the real rules), settings in an
isolated INI file (never the user's).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings

from curator.core import jobs
from curator.core.model import Extracted, NewDocument
from curator.qt.main_window import MainWindow
from curator.qt.task_runner import TaskRunner
from curator.store import SqlStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from curator.core.schema import Schema

DOCS = (
    NewDocument("doc-a", "Azathioprine in Rasmussen syndrome", "a.txt",
                "Azathioprine in Rasmussen syndrome.\nWe followed 53 patients in a retrospective "
                "cohort. Hazard ratio 0.295 (95% CI 0.108-0.807). Pancytopenia in 1 patient. "
                "Published 2019 in Neurology."),
    NewDocument("doc-b", "IVIG in NMOSD", "b.txt",
                "IVIG in NMOSD.\nWe followed 20 patients in a retrospective cohort treated with "
                "intravenous immunoglobulin. Hazard ratio 0.5 (95% CI 0.2-0.9)."),
    NewDocument("doc-c", "Case report of edaravone", "c.txt",
                "Case report of edaravone.\nOne patient with ALS. Nothing else to see."),
)  # fmt: skip

# (pattern, field, value-from-match, confidence, row); group 1 (or 0) is the span
RULES: tuple[tuple[str, str, type, float, int | None], ...] = (
    (r"followed (\d+) patients", "n_total", int, 0.95, None),
    (r"retrospective cohort", "study_design", str, 0.92, None),
    (r"(?i)azathioprine|intravenous immunoglobulin", "intervention", str, 0.60, None),
    (r"Hazard ratio ([\d.]+)", "outcomes.value", float, 0.80, 0),
    (r"Hazard ratio", "outcomes.measure", str, 0.91, 0),
    (r"CI ([\d.]+)-", "outcomes.ci_low", float, 0.70, 0),
    (r"Pancytopenia", "adverse_events.event", str, 0.75, 0),
)


class FakeSource:
    """A SuggestionSource with exact, documented output."""

    version = "fake-1"

    def extract(self, text: str) -> list[Extracted]:
        found = []
        for pattern, field, kind, confidence, row in RULES:
            match = re.search(pattern, text)
            if match is None:
                continue
            group = 1 if match.groups() else 0
            surface = match.group(group)
            value = kind(surface.lower() if kind is str else surface)
            start, end = match.span(group)
            rule = f"fake.{field.replace('.', '_')}"
            found.append(Extracted(field, value, surface, start, end, rule, confidence, row))
        return found

    def describe(self, rule_id: str) -> str:
        return f"Fake rule {rule_id}"


@pytest.fixture
def source() -> FakeSource:
    return FakeSource()


def fill(store: SqlStore, schema: Schema, source: FakeSource) -> None:
    store.add_documents(DOCS)
    jobs.extract_documents(store, source, schema, [d.id for d in DOCS])


@pytest.fixture
def store(db_path: Path, schema: Schema, source: FakeSource) -> Iterator[SqlStore]:
    store = SqlStore.open(db_path)
    fill(store, schema, source)
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(
    qtbot: QtBot, schema: Schema, source: FakeSource, settings: QSettings
) -> Iterator[object]:
    runners: list[TaskRunner] = []

    def make(store: SqlStore) -> MainWindow:
        runner = TaskRunner()
        runners.append(runner)
        window = MainWindow(store, schema, source, runner, settings, "tester")
        qtbot.addWidget(window)
        window.resize(1400, 860)
        return window

    yield make
    for runner in runners:
        runner.shutdown()


@pytest.fixture
def window(make_window: object, store: SqlStore) -> MainWindow:
    return make_window(store)  # type: ignore[operator, no-any-return]


@pytest.fixture
def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window shown and active: keys reach shortcuts only then."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def go_to(window: MainWindow, field: str, row: int = 0) -> None:
    """Make ``(field, row)`` the current slot of the open document's form."""
    index = window.review.form.index_of(field, row)
    assert index is not None, (field, row)
    window.review.set_current(index)
