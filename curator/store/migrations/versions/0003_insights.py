"""Insights: rule counts and time per document kept by the writes; indexes for the plots.

``rule_counts`` holds per rule the suggestions made and how the current decisions judge
them; ``document_time`` the time curators spent per document (gaps between a curator's
decisions up to 10 minutes). Both are filled here from the stored rows (as
``curator.store.derived.rebuild`` does), then kept current by every write. New indexes:
a curator's decisions in time order, decisions by time, and two partial indexes holding
the decided outcomes cells and the interventions and conditions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

MICROSECOND = timedelta(microseconds=1)
IDLE = timedelta(minutes=10)  # core.insights.IDLE
# The judgement of core.insights.RuleStats, frozen as of this revision.
RULE_COUNTS = """
INSERT INTO rule_counts (rule, made, accepted, corrected, rejected)
SELECT rule, count(*),
    count(CASE WHEN verdict = 'accepted' THEN 1 END),
    count(CASE WHEN verdict = 'corrected' THEN 1 END),
    count(CASE WHEN verdict = 'rejected' THEN 1 END)
FROM (
    SELECT s.rule AS rule,
        CASE WHEN c.status = 'rejected' THEN 'rejected'
             WHEN c.status IN ('accepted', 'corrected', 'manual')
                THEN CASE WHEN c.value = s.value THEN 'accepted' ELSE 'corrected' END
        END AS verdict
    FROM suggestions AS s
    LEFT JOIN curated_values AS c
        ON c.document_id = s.document_id AND c.field = s.field AND c.row = s.row
) AS judged
GROUP BY rule
"""

EXPORTED = "status IN ('accepted', 'corrected', 'manual')"
PARTIAL = [
    (
        "ix_curated_values_outcomes",
        ["document_id", "row", "field", "value", "status"],
        f"{EXPORTED} AND field >= 'outcomes.' AND field < 'outcomes/'",
    ),
    (
        "ix_curated_values_context",
        ["document_id", "field", "row", "value", "status"],
        f"{EXPORTED} AND field IN ('intervention', 'condition')",
    ),
]


def upgrade() -> None:
    op.create_table(
        "rule_counts",
        sa.Column("rule", sa.String(length=128), nullable=False),
        sa.Column("made", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("corrected", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("rule", name=op.f("pk_rule_counts")),
    )
    op.create_table(
        "document_time",
        sa.Column("document_id", sa.String(length=128), nullable=False),
        sa.Column("spent_us", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_time_document_id_documents"),
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_time")),
    )
    op.create_index("ix_history_timeline", "history", ["kind", "curator", "at", "document_id"])
    op.create_index("ix_history_kind_at", "history", ["kind", "at"])
    for name, columns, where in PARTIAL:
        op.create_index(
            name, "curated_values", columns, sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )  # fmt: skip
    op.execute(RULE_COUNTS)
    _fill_document_time()


def _fill_document_time() -> None:
    """Each curator's decisions in (at, document_id) order; the gap before each counts
    for its document unless longer than IDLE."""
    history = sa.table(
        "history",
        sa.column("kind", sa.String()),
        sa.column("curator", sa.String()),
        sa.column("document_id", sa.String()),
        sa.column("at", sa.DateTime()),
    )
    h = history.c
    timeline = (
        sa.select(h.curator, h.document_id, h.at)
        .where(h.kind == "decision")
        .order_by(h.curator, h.at, h.document_id)
    )
    bind = op.get_bind()
    spent: dict[str, int] = {}
    last = None
    for curator, document_id, at in bind.execute(timeline):
        gap = (at - last[1]) // MICROSECOND if last is not None and last[0] == curator else None
        counted = gap if gap is not None and gap <= IDLE // MICROSECOND else 0
        spent[document_id] = spent.get(document_id, 0) + counted
        last = (curator, at)
    if spent:
        rows = [{"document_id": d, "spent_us": n} for d, n in spent.items()]
        table = sa.table("document_time", sa.column("document_id"), sa.column("spent_us"))
        bind.execute(table.insert(), rows)


def downgrade() -> None:
    for name, _, _ in PARTIAL:
        op.drop_index(name, table_name="curated_values")
    op.drop_index("ix_history_kind_at", table_name="history")
    op.drop_index("ix_history_timeline", table_name="history")
    op.drop_table("document_time")
    op.drop_table("rule_counts")
