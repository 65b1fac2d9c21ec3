"""Shared fixtures. Each test area adds its own in tests/<area>/conftest.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any QApplication exists: without a display Qt would abort the whole run
# (an empty value falls back to xcb, so setdefault is not enough).
if not os.environ.get("QT_QPA_PLATFORM"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from curator.core.schema import Schema, load_default_schema

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def schema() -> Schema:
    return load_default_schema()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file (not created yet)."""
    return tmp_path / "curation.sqlite"
