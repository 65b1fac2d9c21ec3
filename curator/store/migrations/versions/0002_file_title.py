"""Documents keep the title read from their file; ``title`` becomes the best known title.

The document list shows the curator's title when there is one, else a confident title
suggestion, else the title read from the file (``file_title``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("file_title", sa.Text(), nullable=True))
    op.execute("UPDATE documents SET file_title = title")


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("file_title")
