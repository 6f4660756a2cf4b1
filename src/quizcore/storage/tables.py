"""The schema: SQLAlchemy Core tables (the migrations create them; this module describes them for queries)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

__all__ = [
    "answers",
    "communities",
    "dailies",
    "ledger",
    "members",
    "metadata",
    "quiz_sessions",
    "reports",
    "standings",
    "streaks",
]


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC: the same on SQLite (no timezone type) and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use timezone-aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

communities = Table(
    "communities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("config", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

members = Table(
    "members",
    metadata,
    Column("community", String(200), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("name", String(200), nullable=False),
)

dailies = Table(
    "dailies",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("community", String(200), nullable=False),
    Column("local_date", Date, nullable=False),
    Column("question_id", String(200), nullable=False),
    Column("topic", String(500), nullable=False),
    Column("channel", String(200)),
    Column("posted_at", UTCDateTime, nullable=False),
    Column("closes_at", UTCDateTime, nullable=False),
    Column("revealed_at", UTCDateTime),
    Column("late", Boolean, nullable=False, default=False),
    # The community's post before this one: a correct answer extends a streak that reached it.
    Column("previous_id", Integer),
    # One daily post per community per local date, however many processes tick.
    UniqueConstraint("community", "local_date"),
    Index(None, "community", "question_id"),
    Index(None, "revealed_at", "closes_at"),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("community", String(200), nullable=False),
    Column("member_id", String(200), nullable=False),
    Column("mode", String(10), nullable=False),
    Column("daily_id", Integer, ForeignKey("dailies.id")),
    Column("session_id", String(100)),
    Column("number", Integer),
    Column("question_id", String(200), nullable=False),
    Column("topic", String(500), nullable=False),
    Column("reply", Text, nullable=False),
    Column("choice", Integer),
    Column("correct", Boolean, nullable=False),
    Column("score", Float, nullable=False),
    Column("points", Integer, nullable=False),
    Column("answered_at", UTCDateTime, nullable=False),
    # One counted answer per member per daily question (NULL daily_id rows, i.e. quiz answers, don't collide).
    UniqueConstraint("daily_id", "member_id"),
    # A quiz counts each member's first attempt per question.
    UniqueConstraint("session_id", "number", "member_id"),
    Index(None, "community", "member_id", "answered_at"),
)

ledger = Table(
    "ledger",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("community", String(200), nullable=False),
    Column("member_id", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("reason", String(40), nullable=False),
    Column("points", Integer, nullable=False),
    Column("answered", Integer, nullable=False, default=0),
    Column("correct", Integer, nullable=False, default=0),
    Column("answer_id", Integer, ForeignKey("answers.id")),
    Index(None, "community", "created_at"),
    Index(None, "community", "member_id", "created_at"),
)

standings = Table(
    "standings",
    metadata,
    Column("community", String(200), primary_key=True),
    # "all", "M2026-03" (month), "W2026-10" (ISO week) or "D2026-03-02" (day), in the community's timezone.
    Column("period", String(12), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("points", Integer, nullable=False),
    Column("answered", Integer, nullable=False),
    Column("correct", Integer, nullable=False),
    # A period's top N is a backward scan of this index that stops after N rows.
    Index("ix_standings_rank", "community", "period", "points", "correct", "member_id"),
)

streaks = Table(
    "streaks",
    metadata,
    Column("community", String(200), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("current", Integer, nullable=False),
    Column("best", Integer, nullable=False),
    Column("last_daily_id", Integer, nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("community", String(200), nullable=False),
    Column("question_id", String(200), nullable=False),
    Column("member_id", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("cleared_at", UTCDateTime),
    Column("cleared_by", String(200)),
    Index(None, "community", "cleared_at", "question_id"),
)

quiz_sessions = Table(
    "quiz_sessions",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("community", String(200), nullable=False),
    Column("channel", String(200), nullable=False),
    # Set to the channel while running, NULL once ended: one running quiz per channel.
    Column("active_channel", String(200)),
    Column("state", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("next_due", UTCDateTime),
    Column("started_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime),
    UniqueConstraint("community", "active_channel"),
    Index(None, "active_channel", "next_due"),
)
