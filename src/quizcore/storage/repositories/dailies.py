"""Daily posts: one per community per local date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Row, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.dialect import insert_for
from quizcore.storage.tables import communities, dailies

__all__ = ["DailyRepository"]


class DailyRepository:
    """Rows of ``dailies``: id, community, local_date, question_id, topic, channel, posted_at, closes_at, ..."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def post(
        self,
        *,
        community: str,
        local_date: date,
        question_id: str,
        topic: str,
        channel: str | None,
        posted_at: datetime,
        closes_at: datetime,
        late: bool,
        previous_id: int | None,
    ) -> int | None:
        """Record the post; None when this community already has one for this date (another process won)."""
        stmt = (
            insert_for(self.conn, dailies)
            .values(
                community=community,
                local_date=local_date,
                question_id=question_id,
                topic=topic,
                channel=channel,
                posted_at=posted_at,
                closes_at=closes_at,
                late=late,
                previous_id=previous_id,
            )
            .on_conflict_do_nothing(index_elements=["community", "local_date"])
            .returning(dailies.c.id)
        )
        result = await self.conn.execute(stmt)
        return result.scalar_one_or_none()

    async def get(self, daily_id: int) -> Row[tuple[object, ...]] | None:
        """One post by id."""
        result = await self.conn.execute(select(dailies).where(dailies.c.id == daily_id))
        return result.one_or_none()

    async def posted_dates(self, community: str, dates: list[date]) -> set[date]:
        """Which of these local dates already have a post."""
        result = await self.conn.execute(
            select(dailies.c.local_date).where(dailies.c.community == community, dailies.c.local_date.in_(dates))
        )
        return set(result.scalars())

    async def open_for(self, community: str) -> Row[tuple[object, ...]] | None:
        """The newest post not yet revealed."""
        result = await self.conn.execute(
            select(dailies)
            .where(dailies.c.community == community, dailies.c.revealed_at.is_(None))
            .order_by(dailies.c.local_date.desc())
            .limit(1)
        )
        return result.first()

    async def open_with_config(self, community: str) -> Row[tuple[object, ...]] | None:
        """The newest post not yet revealed, with the community's config JSON as ``config`` (one round trip)."""
        result = await self.conn.execute(
            select(dailies, communities.c.config)
            .outerjoin(communities, communities.c.id == dailies.c.community)
            .where(dailies.c.community == community, dailies.c.revealed_at.is_(None))
            .order_by(dailies.c.local_date.desc())
            .limit(1)
        )
        return result.first()

    async def latest(self, community: str) -> Row[tuple[object, ...]] | None:
        """The newest post, open or not."""
        result = await self.conn.execute(
            select(dailies).where(dailies.c.community == community).order_by(dailies.c.local_date.desc()).limit(1)
        )
        return result.first()

    async def due_reveals(self, now: datetime) -> list[Row[tuple[object, ...]]]:
        """Posts of every community whose window has closed and that are not revealed yet."""
        result = await self.conn.execute(
            select(dailies)
            .where(dailies.c.revealed_at.is_(None), dailies.c.closes_at <= now)
            .order_by(dailies.c.closes_at, dailies.c.id)
        )
        return list(result)

    async def mark_revealed(self, daily_id: int, now: datetime) -> bool:
        """Mark the post revealed; False when another process already did (so only one reveal is announced)."""
        result = await self.conn.execute(
            update(dailies).where(dailies.c.id == daily_id, dailies.c.revealed_at.is_(None)).values(revealed_at=now)
        )
        return bool(result.rowcount)

    async def previous_id(self, community: str, local_date: date) -> int | None:
        """The id of the post just before this local date."""
        result = await self.conn.execute(
            select(dailies.c.id)
            .where(dailies.c.community == community, dailies.c.local_date < local_date)
            .order_by(dailies.c.local_date.desc())
            .limit(1)
        )
        return result.scalar_one_or_none()

    async def asked(self, community: str) -> dict[str, date]:
        """Each question ever posted in the community, with the last local date it was posted."""
        result = await self.conn.execute(
            select(dailies.c.question_id, func.max(dailies.c.local_date))
            .where(dailies.c.community == community)
            .group_by(dailies.c.question_id)
        )
        return {qid: last for qid, last in result}

    async def topic_counts(self, community: str) -> dict[str, int]:
        """How many posts each topic had in this community."""
        result = await self.conn.execute(
            select(dailies.c.topic, func.count()).where(dailies.c.community == community).group_by(dailies.c.topic)
        )
        return {topic: n for topic, n in result}
