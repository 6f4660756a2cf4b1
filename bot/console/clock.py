"""The console's clock: real time until ``/clock`` moves it, simulated from then on.

The engine takes one injected clock at start-up, so the console hands it a
:class:`ConsoleClock` and switches what it reads underneath.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta, tzinfo

from quizcore.clock import Clock, ManualClock, SystemClock

__all__ = [
    "ClockError",
    "ConsoleClock",
    "next_post_time",
    "next_stop",
    "parse_clock_target",
    "parse_duration",
]

_DURATION = re.compile(r"^\+?((?:\d+(?:\.\d+)?[dhms])+)$")
_PART = re.compile(r"(\d+(?:\.\d+)?)([dhms])")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d")


class ClockError(ValueError):
    """A ``/clock`` argument that is not a duration or a date and time."""


class ConsoleClock:
    """A clock that reads the wall clock until it is moved, then only moves when told.

    Args:
        start: start simulated at this time (timezone-aware); None starts on real time.
        real: the wall clock to read while not simulated.
    """

    def __init__(self, start: datetime | None = None, real: Clock | None = None) -> None:
        self._real = real or SystemClock()
        self._manual = ManualClock(start) if start is not None else None

    @property
    def simulated(self) -> bool:
        """Whether the clock has been moved (and so no longer follows real time)."""
        return self._manual is not None

    def now(self) -> datetime:
        """The current (real or simulated) time, in UTC."""
        return self._manual.now() if self._manual is not None else self._real.now()

    def set(self, when: datetime) -> datetime:
        """Jump to ``when`` (timezone-aware) and stay simulated; returns it in UTC."""
        if self._manual is None:
            self._manual = ManualClock(when)
            return self._manual.now()
        return self._manual.set(when)


def parse_duration(text: str) -> timedelta | None:
    """``+2h``, ``+1d``, ``+1h30m``, ``90s`` as a timedelta; None when ``text`` is not a duration."""
    match = _DURATION.match(text.strip().casefold().replace(" ", ""))
    if not match:
        return None
    seconds = sum(float(n) * _UNIT_SECONDS[unit] for n, unit in _PART.findall(match.group(1)))
    return timedelta(seconds=seconds)


def parse_clock_target(text: str, now: datetime, tz: tzinfo) -> datetime:
    """Where ``/clock TEXT`` moves the clock to, in UTC.

    ``TEXT`` is a forward step (``+2h``, ``+1d``, ``+1h30m``) or a date and time
    (``2026-12-01 09:00``), read in ``tz`` (the community's timezone) unless it carries an offset.

    Raises:
        ClockError: neither a step nor a date and time.
    """
    step = parse_duration(text)
    if step is not None:
        return now + step
    cleaned = text.strip()
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        parsed = _strptime_any(cleaned)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed.astimezone(UTC)


def _strptime_any(text: str) -> datetime:
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ClockError(f"not a step or a time: {text!r} (try +2h, +1d or 2026-12-01 09:00)")


def next_post_time(after: datetime, post_time: time, tz: tzinfo) -> datetime:
    """The first daily post time (``post_time`` local to ``tz``) strictly after ``after``, in UTC."""
    local = after.astimezone(tz)
    candidate = datetime.combine(local.date(), post_time, tzinfo=tz)
    while candidate.astimezone(UTC) <= after:
        candidate = datetime.combine(candidate.date() + timedelta(days=1), post_time, tzinfo=tz)
    return candidate.astimezone(UTC)


def next_stop(now: datetime, target: datetime, step: timedelta, due: Iterable[datetime | None]) -> datetime:
    """Where a clock jump from ``now`` to ``target`` stops next: the earliest known due time, else one step on."""
    later = [d for d in due if d is not None and now < d < target]
    return min([now + step, target, *later])
