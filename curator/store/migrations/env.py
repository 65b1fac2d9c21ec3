"""Alembic environment. Run by :func:`curator.store.database.upgrade` on the app's own
connection (``config.attributes["connection"]``); no alembic.ini is needed.

For developers, a new revision (then review and tidy it by hand)::

    .venv/bin/python -m curator.store.revision "add something"
"""

from __future__ import annotations

from alembic import context

from curator.store.rows import Base, ScalarJSON, UtcDateTime
from curator.store.sqlite import include_name


def render_item(type_: str, obj: object, _context: object) -> str | bool:
    """Autogenerate our column types as plain SQLAlchemy types (migrations stay frozen)."""
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    if type_ == "type" and isinstance(obj, ScalarJSON):
        return "sa.Text()"
    return False


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("curator migrations run on a connection given by the app")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move instead
        include_name=include_name,
        render_item=render_item,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
