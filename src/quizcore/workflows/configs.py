"""Reading and changing a community's config."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from quizcore.config import CommunityConfig, config_error_message
from quizcore.errors import InvalidConfig, NotAllowed
from quizcore.events import ConfigChanged, Event
from quizcore.leaderboards import day_keys
from quizcore.members import Member
from quizcore.workflows.context import Context

__all__ = ["ConfigWorkflow"]


class ConfigWorkflow:
    """Community configs: defaults on first use, validated changes by moderators."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def get(self, community: str) -> CommunityConfig:
        """The community's config (registered with defaults the first time)."""
        async with self.ctx.database.uow() as uow:
            config = await self.ctx.config(uow, community)
            await uow.commit()
        return config

    async def all(self) -> list[tuple[str, CommunityConfig]]:
        """Every registered community and its config."""
        async with self.ctx.database.uow() as uow:
            rows = await uow.communities.all()
        return [(community, CommunityConfig.model_validate_json(raw)) for community, raw in rows]

    async def configure(self, community: str, member: Member, *, is_moderator: bool, **changes: Any) -> list[Event]:
        """Validate and store config changes; ``[ConfigChanged]``."""
        if not is_moderator:
            raise NotAllowed("only a moderator can change the quiz settings")
        async with self.ctx.database.uow() as uow:
            old = await self.ctx.config(uow, community)
            try:
                new = CommunityConfig.model_validate({**old.model_dump(), **changes})
            except ValidationError as error:
                raise InvalidConfig(config_error_message(error)) from None
            self._check_topics(new)
            await uow.communities.save(community, new.model_dump_json(), self.ctx.now())
            if new.timezone != old.timezone:
                # Days, weeks and months now start at other instants: re-bucket the points.
                await uow.ledger.rebuild_standings(community, new.tz, day_keys)
            await uow.commit()
        changed = tuple(sorted(k for k in changes if getattr(new, k) != getattr(old, k)))
        return [ConfigChanged(community=community, member=member, config=new, changed=changed)]

    def _check_topics(self, config: CommunityConfig) -> None:
        known = {t.casefold() for t in self.ctx.bank.topics()}
        unknown = [t for t in config.topics if t.casefold() not in known]
        if unknown:
            raise InvalidConfig(f"topics: unknown topic {unknown[0]!r} (known: {', '.join(self.ctx.bank.topics())})")
