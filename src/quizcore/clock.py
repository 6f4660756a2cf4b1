"""Clocks: the one source of "now" for the engine, injectable so tests and the console can move time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol

__all__ = ["Clock", "ManualClock", "SystemClock"]


class Clock(Protocol):
    """Anything that tells the current time."""

    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    """The real wall clock."""

    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        return datetime.now(UTC)


def _as_utc(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError(f"naive datetime {dt.isoformat()}: give a timezone-aware time")
    return dt.astimezone(UTC)


class ManualClock:
    """A clock that only moves when told to (tests, the console's ``/clock``).

    Args:
        start: the initial time (timezone-aware; converted to UTC).
    """

    def __init__(self, start: datetime) -> None:
        self._now = _as_utc(start)

    def now(self) -> datetime:
        """The current simulated time, in UTC."""
        return self._now

    def advance(self, delta: timedelta | float) -> datetime:
        """Move the clock forward by a timedelta or a number of seconds; returns the new time.

        Raises:
            ValueError: the step is negative (time does not run backwards here; use :meth:`set`).
        """
        step = delta if isinstance(delta, timedelta) else timedelta(seconds=delta)
        if step < timedelta(0):
            raise ValueError("cannot advance a clock by a negative amount")
        self._now += step
        return self._now

    def set(self, dt: datetime) -> datetime:
        """Jump to a given timezone-aware time; returns it in UTC."""
        self._now = _as_utc(dt)
        return self._now
