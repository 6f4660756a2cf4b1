"""The console clock: real until moved, and what /clock accepts."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.console.clock import (
    ClockError,
    ConsoleClock,
    next_post_time,
    next_stop,
    parse_clock_target,
    parse_duration,
)
from quizcore.clock import ManualClock

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


def test_the_clock_follows_real_time_until_it_is_moved() -> None:
    real = ManualClock(NOW)
    clock = ConsoleClock(real=real)
    real.advance(30)
    assert not clock.simulated
    assert clock.now() == NOW + timedelta(seconds=30)
    clock.set(NOW + timedelta(hours=2))
    real.advance(3600)
    assert clock.simulated
    assert clock.now() == NOW + timedelta(hours=2)


def test_a_clock_given_a_start_is_simulated_from_the_beginning() -> None:
    clock = ConsoleClock(NOW)
    assert clock.simulated
    assert clock.now() == NOW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+2h", timedelta(hours=2)),
        ("+1d", timedelta(days=1)),
        ("1h30m", timedelta(minutes=90)),
        ("+90s", timedelta(seconds=90)),
    ],
)
def test_steps_are_read_in_days_hours_minutes_and_seconds(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


def test_a_date_and_time_is_read_in_the_rooms_timezone() -> None:
    assert parse_clock_target("2026-12-01 09:00", NOW, SHANGHAI) == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


def test_a_time_with_an_offset_keeps_its_offset() -> None:
    assert parse_clock_target("2026-12-01T09:00+00:00", NOW, SHANGHAI) == datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_step_moves_from_now() -> None:
    assert parse_clock_target("+1d", NOW, SHANGHAI) == NOW + timedelta(days=1)


def test_nonsense_is_refused() -> None:
    with pytest.raises(ClockError):
        parse_clock_target("next tuesday", NOW, SHANGHAI)


def test_the_next_post_time_is_today_when_it_is_still_ahead_and_tomorrow_once_passed() -> None:
    nine = time(9, 0)
    before = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai
    assert next_post_time(before, nine, SHANGHAI) == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    at = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    assert next_post_time(at, nine, SHANGHAI) == datetime(2026, 12, 2, 1, 0, tzinfo=UTC)


def test_a_jump_stops_at_the_earliest_due_time_inside_it_else_one_step_on() -> None:
    step = timedelta(minutes=15)
    target = NOW + timedelta(hours=5)
    due = NOW + timedelta(minutes=7)
    assert next_stop(NOW, target, step, [None, NOW + timedelta(hours=9), due]) == due
    assert next_stop(NOW, target, step, [None, NOW - timedelta(hours=1)]) == NOW + step
    assert next_stop(NOW, NOW + timedelta(minutes=3), step, []) == NOW + timedelta(minutes=3)
