"""Default database location and the read-only check."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from curator.store import ReadOnlyDatabaseError, SqlStore, default_database_path


def test_default_path_in_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CURATOR_DB", raising=False)
    path = default_database_path()
    assert path.name == "curation.sqlite"
    assert path.parent.name == "evidence-curator"
    assert path.is_absolute()


def test_environment_variable_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CURATOR_DB", str(tmp_path / "other.sqlite"))
    assert default_database_path() == tmp_path / "other.sqlite"
    monkeypatch.setenv("CURATOR_DB", "~/x.sqlite")
    assert default_database_path() == Path.home() / "x.sqlite"
    monkeypatch.setenv("CURATOR_DB", "  ")
    assert default_database_path().name == "curation.sqlite"


def test_unwritable_location_refused(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    # (root ignores permissions, so pretend the OS says no)
    real_access = os.access

    def access(path: str | os.PathLike[str], mode: int) -> bool:
        return Path(path) != db_path.parent and real_access(path, mode)

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(ReadOnlyDatabaseError, match="cannot be written") as caught:
        SqlStore.open(db_path)
    assert str(db_path) in str(caught.value)
    assert not db_path.exists()
