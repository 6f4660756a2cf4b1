"""The append-only review log: every graded answer that changed a member's memory."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.spaced.memory import Memory
from quizcore.spaced.tables import review_log

__all__ = ["LogEntry", "ReviewLogRepository"]


@dataclass(frozen=True)
class LogEntry:
    """One graded answer as the review log keeps it."""

    question_id: str
    mode: str
    correct: bool
    rating: int
    is_new: bool
    reviewed_at: datetime
    due_before: datetime | None
    after: Memory


class ReviewLogRepository:
    """Rows of ``review_log`` for one unit of work (only ever inserted)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def append(self, community: str, member_id: str, entry: LogEntry) -> None:
        """Add one graded answer to the append-only review log."""
        await self.conn.execute(
            review_log.insert().values(
                community=community,
                member_id=member_id,
                question_id=entry.question_id,
                mode=entry.mode,
                correct=entry.correct,
                rating=entry.rating,
                is_new=entry.is_new,
                reviewed_at=entry.reviewed_at,
                due_before=entry.due_before,
                due_after=entry.after.due,
                state_after=int(entry.after.state),
                stability_after=entry.after.stability,
                difficulty_after=entry.after.difficulty,
            )
        )

    async def recent_results(self, community: str, member_id: str, limit: int) -> list[tuple[str, bool]]:
        """(question id, correct) of the member's latest ``limit`` graded answers, newest first."""
        c = review_log.c
        result = await self.conn.execute(
            select(c.question_id, c.correct)
            .where(c.community == community, c.member_id == member_id)
            .order_by(c.reviewed_at.desc(), c.id.desc())
            .limit(limit)
        )
        return [(qid, bool(correct)) for qid, correct in result.all()]

    async def new_reviewed_since(self, community: str, member_id: str, since: datetime) -> int:
        """How many questions new to the member they answered in review since ``since``."""
        result = await self.conn.execute(
            select(func.count()).where(
                review_log.c.community == community,
                review_log.c.member_id == member_id,
                review_log.c.reviewed_at >= since,
                review_log.c.mode == "review",
                review_log.c.is_new.is_(True),
            )
        )
        return int(result.scalar_one())
