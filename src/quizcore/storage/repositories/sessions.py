"""On-demand quiz sessions, stored as JSON state with a version for optimistic concurrency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.dialect import insert_for
from quizcore.storage.tables import quiz_sessions

__all__ = ["SessionRepository", "StoredSession"]


@dataclass(frozen=True)
class StoredSession:
    """A running session's row."""

    id: str
    community: str
    channel: str
    state: str
    version: int


class SessionRepository:
    """Rows of ``quiz_sessions``; at most one running session per channel (a unique key, not a check)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def create(
        self, *, session_id: str, community: str, channel: str, state: str, next_due: datetime | None, now: datetime
    ) -> bool:
        """Store a new running session; False when the channel already has one."""
        stmt = (
            insert_for(self.conn, quiz_sessions)
            .values(
                id=session_id,
                community=community,
                channel=channel,
                active_channel=channel,
                state=state,
                version=1,
                next_due=next_due,
                started_at=now,
            )
            .on_conflict_do_nothing()
            .returning(quiz_sessions.c.id)
        )
        result = await self.conn.execute(stmt)
        return result.scalar_one_or_none() is not None

    async def running(self, community: str, channel: str) -> StoredSession | None:
        """The channel's running session."""
        result = await self.conn.execute(
            select(quiz_sessions).where(
                quiz_sessions.c.community == community, quiz_sessions.c.active_channel == channel
            )
        )
        row = result.first()
        return StoredSession(row.id, row.community, row.channel, row.state, row.version) if row else None

    async def due(self, now: datetime) -> list[StoredSession]:
        """Running sessions of every community with a deadline at or before ``now``."""
        result = await self.conn.execute(
            select(quiz_sessions)
            .where(quiz_sessions.c.active_channel.is_not(None), quiz_sessions.c.next_due <= now)
            .order_by(quiz_sessions.c.next_due)
        )
        return [StoredSession(r.id, r.community, r.channel, r.state, r.version) for r in result]

    async def save(
        self, stored: StoredSession, *, state: str, next_due: datetime | None, ended_at: datetime | None
    ) -> bool:
        """Write the new state if nobody else did since it was read; False on a lost race (caller retries)."""
        values: dict[str, object] = {"state": state, "version": stored.version + 1, "next_due": next_due}
        if ended_at is not None:
            values.update(active_channel=None, ended_at=ended_at)
        result = await self.conn.execute(
            update(quiz_sessions)
            .where(quiz_sessions.c.id == stored.id, quiz_sessions.c.version == stored.version)
            .values(**values)
        )
        return bool(result.rowcount)
