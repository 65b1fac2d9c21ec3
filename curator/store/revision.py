"""Developer helper: autogenerate a migration from the models (then review and tidy it).

    .venv/bin/python -m curator.store.revision "add something"

Upgrades a scratch SQLite database to head and compares it with ``rows.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from curator.store import sqlite
from curator.store.database import alembic_config


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m curator.store.revision MESSAGE", file=sys.stderr)
        return 2
    scratch = Path.cwd() / ".migration-scratch.sqlite"
    scratch.unlink(missing_ok=True)
    try:
        engine = create_engine(f"sqlite:///{scratch}")
        sqlite.configure(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            command.revision(config, message=argv[0], autogenerate=True)
        engine.dispose()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
