"""Where the database lives by default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "evidence-curator"
FILE_NAME = "curation.sqlite"
ENVIRONMENT_VARIABLE = "CURATOR_DB"


def default_database_path() -> Path:
    """``$CURATOR_DB`` if set, else ``<user data dir>/evidence-curator/curation.sqlite``.

    (The GUI's and CLI's ``--db`` option wins over both; that is the caller's business.)
    """
    override = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME
