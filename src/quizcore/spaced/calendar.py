"""The community's day: review streaks and the daily limit of new questions follow its calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from quizcore.config import CommunityConfig
from quizcore.storage import UnitOfWork

__all__ = ["LocalDay", "community_day", "local_day"]


@dataclass(frozen=True)
class LocalDay:
    """One calendar day of a community: its date and its bounds in UTC (``start`` <= t < ``end``)."""

    date: date
    start: datetime
    end: datetime


def local_day(now: datetime, tz: ZoneInfo) -> LocalDay:
    """The day ``now`` falls on in ``tz``."""
    today = now.astimezone(tz).date()
    start = datetime.combine(today, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(today + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return LocalDay(today, start, end)


async def community_day(uow: UnitOfWork, community: str, now: datetime) -> LocalDay:
    """The community's current day, in its configured timezone (UTC when never configured)."""
    raw = await uow.communities.get(community)
    config = CommunityConfig.model_validate_json(raw) if raw is not None else CommunityConfig()
    return local_day(now, config.tz)
