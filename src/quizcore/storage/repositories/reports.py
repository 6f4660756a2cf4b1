"""Reports of wrong or unclear questions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Row, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.tables import reports

__all__ = ["ReportRepository"]


class ReportRepository:
    """Rows of ``reports``; a report is open until a moderator clears it."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def add(self, community: str, question_id: str, member_id: str, reason: str, now: datetime) -> None:
        """File a report."""
        await self.conn.execute(
            insert(reports).values(
                community=community, question_id=question_id, member_id=member_id, reason=reason, created_at=now
            )
        )

    async def held_back(self, community: str) -> set[str]:
        """Ids of questions with an open report in this community."""
        result = await self.conn.execute(
            select(reports.c.question_id)
            .where(reports.c.community == community, reports.c.cleared_at.is_(None))
            .distinct()
        )
        return set(result.scalars())

    async def open(self, community: str) -> list[Row[tuple[object, ...]]]:
        """Every open report of the community, oldest first."""
        result = await self.conn.execute(
            select(reports)
            .where(reports.c.community == community, reports.c.cleared_at.is_(None))
            .order_by(reports.c.created_at, reports.c.id)
        )
        return list(result)

    async def clear(self, community: str, question_id: str, moderator_id: str, now: datetime) -> int:
        """Clear every open report on the question; how many were cleared."""
        result = await self.conn.execute(
            update(reports)
            .where(
                reports.c.community == community,
                reports.c.question_id == question_id,
                reports.c.cleared_at.is_(None),
            )
            .values(cleared_at=now, cleared_by=moderator_id)
        )
        return int(result.rowcount)
