"""Run the engine on time: APScheduler 3 calls ``service.tick()`` and hands the events to the adapter.

A timezone-aware cron job per community fires at its post time, and a periodic job catches
reveals, quiz time-outs and anything missed; ``tick`` itself decides what is due, so a job that
fires twice or late does no harm. Jobs are rebuilt from the database at start and on config changes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from quizcore.events import ConfigChanged, Event
from quizcore.service import QuizService

__all__ = ["EventSink", "QuizScheduler"]

log = logging.getLogger(__name__)

EventSink = Callable[[list[Event]], Awaitable[None]]
"""What the adapter gives to receive the events of scheduled ticks."""

_TICK_JOB = "quizbot-tick"
_POST_PREFIX = "quizbot-post:"


class QuizScheduler:
    """Scheduled ticks for every community of one service.

    Args:
        service: the engine.
        on_events: awaited with the events of each tick that produced any.
        tick_seconds: period of the catch-all tick (reveals, quiz time-outs).
    """

    def __init__(self, service: QuizService, on_events: EventSink, *, tick_seconds: float = 15) -> None:
        self.service = service
        self.on_events = on_events
        self.tick_seconds = tick_seconds
        self.scheduler = AsyncIOScheduler(timezone="UTC")
        self._ticking = asyncio.Lock()

    async def start(self) -> None:
        """Build the jobs from the database, start them, and tick once to catch up after downtime."""
        await self.rebuild()
        self.scheduler.add_job(
            self.run_tick,
            IntervalTrigger(seconds=self.tick_seconds),
            id=_TICK_JOB,
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )
        self.scheduler.start()
        await self.run_tick()

    async def rebuild(self) -> None:
        """Make one post job per enabled community, at its post time in its timezone."""
        for job in self.scheduler.get_jobs():
            if job.id.startswith(_POST_PREFIX):
                job.remove()
        for community, config in await self.service.communities():
            if not config.enabled:
                continue
            trigger = CronTrigger(
                hour=config.post_time.hour,
                minute=config.post_time.minute,
                second=config.post_time.second,
                timezone=config.tz,
            )
            self.scheduler.add_job(
                self.run_tick,
                trigger,
                id=_POST_PREFIX + community,
                max_instances=1,
                coalesce=True,
                misfire_grace_time=config.grace_minutes * 60 or None,
                replace_existing=True,
            )
        log.info("scheduler rebuilt: %d post jobs", len(self.post_jobs()))

    def post_jobs(self) -> dict[str, CronTrigger]:
        """The post job of each community, by community id."""
        return {
            job.id.removeprefix(_POST_PREFIX): job.trigger
            for job in self.scheduler.get_jobs()
            if job.id.startswith(_POST_PREFIX)
        }

    async def run_tick(self) -> list[Event]:
        """Tick the service now and pass the events on (ticks never overlap in one process)."""
        async with self._ticking:
            try:
                events = await self.service.tick()
            except Exception:
                log.exception("scheduled tick failed")
                return []
        if events:
            await self.on_events(events)
        return events

    async def notify(self, events: Iterable[Event]) -> None:
        """Tell the scheduler about events from commands; a ``ConfigChanged`` rebuilds the jobs."""
        if any(isinstance(e, ConfigChanged) for e in events):
            await self.rebuild()

    def shutdown(self) -> None:
        """Stop every job (does not close the database)."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
