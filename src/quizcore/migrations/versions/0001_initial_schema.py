"""initial schema

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "communities",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("config", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_communities")),
    )
    op.create_table(
        "dailies",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.String(length=500), nullable=False),
        sa.Column("channel", sa.String(length=200), nullable=True),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.Column("closes_at", sa.DateTime(), nullable=False),
        sa.Column("revealed_at", sa.DateTime(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dailies")),
        sa.UniqueConstraint("community", "local_date", name=op.f("uq_dailies_community_local_date")),
    )
    with op.batch_alter_table("dailies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dailies_community_question_id"), ["community", "question_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dailies_revealed_at_closes_at"), ["revealed_at", "closes_at"], unique=False
        )

    op.create_table(
        "members",
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("community", "member_id", name=op.f("pk_members")),
    )
    op.create_table(
        "quiz_sessions",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=200), nullable=False),
        sa.Column("active_channel", sa.String(length=200), nullable=True),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("next_due", sa.DateTime(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quiz_sessions")),
        sa.UniqueConstraint("community", "active_channel", name=op.f("uq_quiz_sessions_community_active_channel")),
    )
    with op.batch_alter_table("quiz_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quiz_sessions_active_channel_next_due"), ["active_channel", "next_due"], unique=False
        )

    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("cleared_at", sa.DateTime(), nullable=True),
        sa.Column("cleared_by", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reports_community_cleared_at_question_id"),
            ["community", "cleared_at", "question_id"],
            unique=False,
        )

    op.create_table(
        "standings",
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("period", sa.String(length=12), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("community", "period", "member_id", name=op.f("pk_standings")),
    )
    with op.batch_alter_table("standings", schema=None) as batch_op:
        batch_op.create_index(
            "ix_standings_rank", ["community", "period", "points", "correct", "member_id"], unique=False
        )

    op.create_table(
        "streaks",
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("current", sa.Integer(), nullable=False),
        sa.Column("best", sa.Integer(), nullable=False),
        sa.Column("last_daily_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("community", "member_id", name=op.f("pk_streaks")),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("daily_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.String(length=100), nullable=True),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("topic", sa.String(length=500), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("choice", sa.Integer(), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["daily_id"], ["dailies.id"], name=op.f("fk_answers_daily_id_dailies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
        sa.UniqueConstraint("daily_id", "member_id", name=op.f("uq_answers_daily_id_member_id")),
        sa.UniqueConstraint("session_id", "number", "member_id", name=op.f("uq_answers_session_id_number_member_id")),
    )
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_answers_community_member_id_answered_at"),
            ["community", "member_id", "answered_at"],
            unique=False,
        )

    op.create_table(
        "ledger",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("member_id", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["answer_id"], ["answers.id"], name=op.f("fk_ledger_answer_id_answers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger")),
    )
    with op.batch_alter_table("ledger", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ledger_community_created_at"), ["community", "created_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ledger_community_member_id_created_at"),
            ["community", "member_id", "created_at"],
            unique=False,
        )


def downgrade() -> None:

    with op.batch_alter_table("ledger", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ledger_community_member_id_created_at"))
        batch_op.drop_index(batch_op.f("ix_ledger_community_created_at"))

    op.drop_table("ledger")
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answers_community_member_id_answered_at"))

    op.drop_table("answers")
    op.drop_table("streaks")
    with op.batch_alter_table("standings", schema=None) as batch_op:
        batch_op.drop_index("ix_standings_rank")

    op.drop_table("standings")
    with op.batch_alter_table("reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reports_community_cleared_at_question_id"))

    op.drop_table("reports")
    with op.batch_alter_table("quiz_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quiz_sessions_active_channel_next_due"))

    op.drop_table("quiz_sessions")
    op.drop_table("members")
    with op.batch_alter_table("dailies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dailies_revealed_at_closes_at"))
        batch_op.drop_index(batch_op.f("ix_dailies_community_question_id"))

    op.drop_table("dailies")
    op.drop_table("communities")
