"""Community configs and member display names."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.dialect import insert_for
from quizcore.storage.tables import communities, members

__all__ = ["CommunityRepository"]


class CommunityRepository:
    """Configs (as JSON text) keyed by community id, and the names members go by."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def get(self, community: str) -> str | None:
        """The stored config JSON, or None."""
        result = await self.conn.execute(select(communities.c.config).where(communities.c.id == community))
        return result.scalar_one_or_none()

    async def ensure(self, community: str, config_json: str, now: datetime) -> None:
        """Register the community with this config unless it is already registered."""
        stmt = insert_for(self.conn, communities).values(id=community, config=config_json, updated_at=now)
        await self.conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))

    async def save(self, community: str, config_json: str, now: datetime) -> None:
        """Store the community's config."""
        stmt = insert_for(self.conn, communities).values(id=community, config=config_json, updated_at=now)
        stmt = stmt.on_conflict_do_update(index_elements=["id"], set_={"config": config_json, "updated_at": now})
        await self.conn.execute(stmt)

    async def all(self) -> list[tuple[str, str]]:
        """Every registered community with its config JSON."""
        result = await self.conn.execute(select(communities.c.id, communities.c.config).order_by(communities.c.id))
        return [(row.id, row.config) for row in result]

    async def remember_name(self, community: str, member_id: str, name: str) -> None:
        """Store the member's latest display name."""
        stmt = insert_for(self.conn, members).values(community=community, member_id=member_id, name=name)
        stmt = stmt.on_conflict_do_update(index_elements=["community", "member_id"], set_={"name": name})
        await self.conn.execute(stmt)

    async def names(self, community: str, member_ids: list[str]) -> dict[str, str]:
        """Display names of these members (those never seen are absent)."""
        if not member_ids:
            return {}
        result = await self.conn.execute(
            select(members.c.member_id, members.c.name).where(
                members.c.community == community, members.c.member_id.in_(member_ids)
            )
        )
        return {row.member_id: row.name for row in result}
