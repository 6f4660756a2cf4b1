"""The scheduler: a post job per community at its local time, rebuilt on config changes, ticks handed on."""

from __future__ import annotations

from datetime import UTC, datetime

from quizcore.clock import ManualClock
from quizcore.events import DailyPosted, Event
from quizcore.members import Member
from quizcore.scheduler import QuizScheduler
from quizcore.service import QuizService

MOD = Member("console:mod", "Mod")


async def test_post_jobs_fire_at_each_communitys_local_post_time_and_follow_config_changes(
    service: QuizService,
) -> None:
    await service.configure("discord:1", MOD, is_moderator=True, timezone="Asia/Shanghai", post_time="09:00")
    await service.configure("discord:2", MOD, is_moderator=True, timezone="Europe/Paris", post_time="18:30")
    await service.configure("discord:3", MOD, is_moderator=True, enabled=False)
    received: list[list[Event]] = []

    async def sink(events: list[Event]) -> None:
        received.append(events)

    scheduler = QuizScheduler(service, sink)
    await scheduler.start()
    try:
        after = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
        jobs = scheduler.post_jobs()
        assert set(jobs) == {"discord:1", "discord:2"}
        assert jobs["discord:1"].get_next_fire_time(None, after) == datetime(2026, 7, 2, 1, 0, tzinfo=UTC)
        assert jobs["discord:2"].get_next_fire_time(None, after) == datetime(2026, 7, 1, 16, 30, tzinfo=UTC)
        events = await service.configure("discord:2", MOD, is_moderator=True, post_time="07:15")
        await scheduler.notify(events)
        moved = scheduler.post_jobs()["discord:2"].get_next_fire_time(None, after)
        assert moved == datetime(2026, 7, 2, 5, 15, tzinfo=UTC)
    finally:
        scheduler.shutdown()


async def test_a_scheduled_tick_hands_the_engines_events_to_the_adapter(
    service: QuizService, clock: ManualClock
) -> None:
    await service.configure("console", MOD, is_moderator=True, post_time="09:00")
    received: list[list[Event]] = []

    async def sink(events: list[Event]) -> None:
        received.append(events)

    scheduler = QuizScheduler(service, sink)
    clock.set(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    await scheduler.start()  # starting catches up at once
    try:
        assert len(received) == 1 and isinstance(received[0][0], DailyPosted)
        assert await scheduler.run_tick() == []
        assert len(received) == 1  # nothing new, nothing sent
    finally:
        scheduler.shutdown()
