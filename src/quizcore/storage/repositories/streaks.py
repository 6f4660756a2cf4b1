"""Daily streaks, changed in one SQL statement each (never read-modify-written in Python)."""

from __future__ import annotations

from sqlalchemy import case, select
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.dialect import insert_for
from quizcore.storage.tables import streaks

__all__ = ["StreakRepository"]


class StreakRepository:
    """Rows of ``streaks``: current and best run of correct daily answers, and the last daily it counted."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def record(
        self, community: str, member_id: str, daily_id: int, previous_daily_id: int | None, correct: bool
    ) -> tuple[int, int]:
        """Count a daily answer: a correct one right after the previous daily extends the run, else restarts it.

        Returns:
            (current, best) after the answer.
        """
        stmt = insert_for(self.conn, streaks).values(
            community=community,
            member_id=member_id,
            current=1 if correct else 0,
            best=1 if correct else 0,
            last_daily_id=daily_id,
        )
        if correct:
            new_current = case(
                (
                    streaks.c.last_daily_id == (previous_daily_id if previous_daily_id is not None else -1),
                    streaks.c.current + 1,
                ),
                else_=1,
            )
            changes = {
                "current": new_current,
                "best": case((new_current > streaks.c.best, new_current), else_=streaks.c.best),
                "last_daily_id": daily_id,
            }
        else:
            changes = {"current": 0, "last_daily_id": daily_id}
        stmt = stmt.on_conflict_do_update(index_elements=["community", "member_id"], set_=changes)
        result = await self.conn.execute(stmt.returning(streaks.c.current, streaks.c.best))
        current, best = result.one()
        return int(current), int(best)

    async def get(self, community: str, member_id: str) -> tuple[int, int] | None:
        """(current, best) as stored, or None."""
        result = await self.conn.execute(
            select(streaks.c.current, streaks.c.best).where(
                streaks.c.community == community, streaks.c.member_id == member_id
            )
        )
        row = result.first()
        return (int(row[0]), int(row[1])) if row else None

    async def last_daily(self, community: str, member_id: str) -> int | None:
        """The last daily this member's streak counted."""
        result = await self.conn.execute(
            select(streaks.c.last_daily_id).where(streaks.c.community == community, streaks.c.member_id == member_id)
        )
        return result.scalar_one_or_none()
