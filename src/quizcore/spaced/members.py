"""Members' review settings (their daily limit of new questions) and review streaks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, select
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.spaced.tables import review_members
from quizcore.storage.dialect import insert_for

__all__ = ["MemberSettings", "ReviewMemberRepository"]


@dataclass(frozen=True)
class MemberSettings:
    """A member's review settings and streak as stored (``new_limit`` None: the default)."""

    new_limit: int | None
    streak_current: int
    streak_best: int
    streak_date: date | None


class ReviewMemberRepository:
    """Rows of ``review_members`` for one unit of work; the streak changes in one statement."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def settings(self, community: str, member_id: str) -> MemberSettings:
        """The member's review settings and streak (defaults when never stored)."""
        result = await self.conn.execute(
            select(review_members).where(
                review_members.c.community == community, review_members.c.member_id == member_id
            )
        )
        row = result.first()
        if row is None:
            return MemberSettings(None, 0, 0, None)
        return MemberSettings(row.new_limit, int(row.streak_current), int(row.streak_best), row.streak_date)

    async def set_new_limit(self, community: str, member_id: str, limit: int) -> None:
        """Store the member's daily limit of new questions."""
        stmt = insert_for(self.conn, review_members).values(
            community=community, member_id=member_id, new_limit=limit, streak_current=0, streak_best=0
        )
        stmt = stmt.on_conflict_do_update(index_elements=["community", "member_id"], set_={"new_limit": limit})
        await self.conn.execute(stmt)

    async def record_review_day(self, community: str, member_id: str, day: date) -> tuple[int, int]:
        """Count a day with a review: the streak grows the day after the last one, restarts after a gap.

        Returns:
            (current, best) after it.
        """
        stmt = insert_for(self.conn, review_members).values(
            community=community, member_id=member_id, streak_current=1, streak_best=1, streak_date=day
        )
        current = case(
            (review_members.c.streak_date == day, review_members.c.streak_current),
            (review_members.c.streak_date == day - timedelta(days=1), review_members.c.streak_current + 1),
            else_=1,
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["community", "member_id"],
            set_={
                "streak_current": current,
                "streak_best": case(
                    (current > review_members.c.streak_best, current), else_=review_members.c.streak_best
                ),
                "streak_date": day,
            },
        )
        result = await self.conn.execute(stmt.returning(review_members.c.streak_current, review_members.c.streak_best))
        now_current, best = result.one()
        return int(now_current), int(best)
