"""Persistence: SQLAlchemy rows, repositories and Alembic migrations (no Qt)."""
