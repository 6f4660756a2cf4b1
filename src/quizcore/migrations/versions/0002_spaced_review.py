"""spaced review: memory cards, review log, member review settings

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Registers the spaced-review tables on the engine's shared metadata, so a schema comparison made after
# the migrations ran sees them even in a process that never imported quizcore.spaced (the DDL below is
# written out in full and does not depend on that module).
import quizcore.spaced.tables  # noqa: F401

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_cards",
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("reviews", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("community", "member_id", "question_id", name=op.f("pk_review_cards")),
    )
    with op.batch_alter_table("review_cards", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_cards_community_member_id_due_question_id"),
            ["community", "member_id", "due", "question_id"],
            unique=False,
        )

    op.create_table(
        "review_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("is_new", sa.Boolean(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("due_before", sa.DateTime(), nullable=True),
        sa.Column("due_after", sa.DateTime(), nullable=False),
        sa.Column("state_after", sa.Integer(), nullable=False),
        sa.Column("stability_after", sa.Float(), nullable=True),
        sa.Column("difficulty_after", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_log")),
    )
    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_log_community_member_id_reviewed_at"),
            ["community", "member_id", "reviewed_at"],
            unique=False,
        )

    op.create_table(
        "review_members",
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("new_limit", sa.Integer(), nullable=True),
        sa.Column("streak_current", sa.Integer(), nullable=False),
        sa.Column("streak_best", sa.Integer(), nullable=False),
        sa.Column("streak_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("community", "member_id", name=op.f("pk_review_members")),
    )


def downgrade() -> None:
    op.drop_table("review_members")
    with op.batch_alter_table("review_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_log_community_member_id_reviewed_at"))
    op.drop_table("review_log")
    with op.batch_alter_table("review_cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_cards_community_member_id_due_question_id"))
    op.drop_table("review_cards")
