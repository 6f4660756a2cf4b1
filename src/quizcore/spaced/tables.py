"""The spaced-review schema: one memory card per member per question, an append-only review log, member settings.

The tables sit on the engine's :data:`quizcore.storage.tables.metadata`, so schema checks see one schema;
migration ``0002_spaced_review`` creates them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Float, Index, Integer, String, Table

from quizcore.storage.tables import UTCDateTime, metadata

__all__ = ["review_cards", "review_log", "review_members"]

review_cards = Table(
    "review_cards",
    metadata,
    Column("community", String(200), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    Column("question_id", String(200), primary_key=True),
    # FSRS card state (fsrs.State value), learning step, stability, difficulty, due and last review.
    Column("state", Integer, nullable=False),
    Column("step", Integer),
    Column("stability", Float),
    Column("difficulty", Float),
    Column("due", UTCDateTime, nullable=False),
    Column("last_review", UTCDateTime),
    # Tallies for retention and weakest topics, changed in the same UPDATE as the card.
    Column("reviews", Integer, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    # The due queue of one member, read from the index alone in due order (question_id makes it covering).
    Index(None, "community", "member_id", "due", "question_id"),
)

review_log = Table(
    "review_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("community", String(200), nullable=False),
    Column("member_id", String(200), nullable=False),
    Column("question_id", String(200), nullable=False),
    # "daily", "quiz" or "review": where the graded answer came from.
    Column("mode", String(10), nullable=False),
    Column("correct", Boolean, nullable=False),
    Column("rating", Integer, nullable=False),
    # The first review of this card: a new question for the member.
    Column("is_new", Boolean, nullable=False),
    Column("reviewed_at", UTCDateTime, nullable=False),
    Column("due_before", UTCDateTime),
    Column("due_after", UTCDateTime, nullable=False),
    Column("state_after", Integer, nullable=False),
    Column("stability_after", Float),
    Column("difficulty_after", Float),
    # New questions introduced today: a range of one member's latest rows.
    Index(None, "community", "member_id", "reviewed_at"),
)

review_members = Table(
    "review_members",
    metadata,
    Column("community", String(200), primary_key=True),
    Column("member_id", String(200), primary_key=True),
    # The member's daily limit of new questions; NULL means the default.
    Column("new_limit", Integer),
    # Days in a row (community's calendar) with at least one review.
    Column("streak_current", Integer, nullable=False),
    Column("streak_best", Integer, nullable=False),
    Column("streak_date", Date),
)
