"""LazySource: loads once, remembers a failure, never blocks a tooltip."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from curator.core.model import Extracted
from curator.qt.lazy_source import LazySource
from curator.qt.main_window import MainWindow
from curator.qt.task_runner import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from curator.core.schema import Schema
    from curator.store import SqlStore

    from .conftest import FakeSource


class _Tiny:
    version = "tiny-1"

    def extract(self, text: str) -> list[Extracted]:
        return [Extracted("year", 2019, "2019", 0, 4, "tiny.year", 0.9)] if "2019" in text else []

    def describe(self, rule_id: str) -> str:
        return f"about {rule_id}"


def test_loads_once_on_first_extraction_and_describe_waits_for_it() -> None:
    loads: list[int] = []

    def load() -> _Tiny:
        loads.append(1)
        return _Tiny()

    source = LazySource(load)
    assert source.describe("tiny.year") == ""  # not loaded: no blocking load for a tooltip
    assert loads == []
    assert source.version == "tiny-1"
    assert len(source.extract("2019")) == 1
    assert source.describe("tiny.year") == "about tiny.year"
    assert loads == [1]


def test_a_failed_load_is_remembered() -> None:
    calls: list[int] = []

    def load() -> _Tiny:
        calls.append(1)
        raise ValueError("rules/x.toml: unknown normalizer")

    source = LazySource(load)
    for _ in range(3):
        with pytest.raises(ValueError, match="unknown normalizer"):
            source.extract("text")
    assert calls == [1]
    assert source.describe("any") == ""


def test_the_window_shows_rule_descriptions_once_the_extractor_is_loaded(
    qtbot: QtBot, store: SqlStore, source: FakeSource, schema: Schema, settings: QSettings
) -> None:
    """A database extracted earlier: the extractor loads in the background job at start,
    and the current-field panel then shows the rule's description (it had none before)."""
    runner = TaskRunner()
    window = MainWindow(store, schema, LazySource(lambda: source), runner, settings, "tester")
    qtbot.addWidget(window)
    window.review.set_current(window.review.form.index_of("n_total", 0) or 0)
    assert "Fake rule" not in window.detail.rule.text()
    with qtbot.waitSignal(window.jobs.extracted, timeout=5000):
        window.jobs.extract()
    assert "Fake rule fake.n_total" in window.detail.rule.text()
    runner.shutdown()
