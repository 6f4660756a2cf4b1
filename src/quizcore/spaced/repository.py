"""The spaced-review storage of one unit of work: cards, the review log and member settings."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.spaced.cards import CardRepository
from quizcore.spaced.members import ReviewMemberRepository
from quizcore.spaced.reviewlog import ReviewLogRepository

__all__ = ["ReviewStore"]


class ReviewStore:
    """The spaced-review repositories working on one connection (a unit of work's ``conn``).

    Attributes:
        cards: memory cards, one per member per question.
        log: the append-only review log.
        members: members' new-question limits and review streaks.
    """

    def __init__(self, conn: AsyncConnection) -> None:
        self.cards = CardRepository(conn)
        self.log = ReviewLogRepository(conn)
        self.members = ReviewMemberRepository(conn)
