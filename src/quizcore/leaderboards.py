"""Leaderboard periods in a community's timezone, and ranks with ties."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from quizcore.storage.repositories.ledger import Standing
from quizcore.views import LeaderboardRow, Period

__all__ = ["day_keys", "period_bounds", "period_key", "period_keys", "previous_month_key", "rank_rows"]


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def _first_of_next_month(day: date) -> date:
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def period_bounds(period: Period, now: datetime, tz: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """``[start, end)`` in UTC of the period containing ``now`` in ``tz`` (weeks start on Monday); all time is open."""
    today = now.astimezone(tz).date()
    if period == "today":
        return _midnight(today, tz), _midnight(today + timedelta(days=1), tz)
    if period == "week":
        monday = today - timedelta(days=today.weekday())
        return _midnight(monday, tz), _midnight(monday + timedelta(days=7), tz)
    if period == "month":
        first = today.replace(day=1)
        return _midnight(first, tz), _midnight(_first_of_next_month(first), tz)
    if period == "all":
        return None, None
    raise ValueError(f"unknown period {period!r}: use today, week, month or all")


def period_key(period: Period, when: datetime, tz: ZoneInfo) -> str:
    """The standings key of the period containing ``when`` in ``tz``: "D2026-03-02", "W2026-10", "M2026-03" or "all"."""
    day = when.astimezone(tz).date()
    if period == "today":
        return f"D{day.isoformat()}"
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"W{year}-{week:02d}"
    if period == "month":
        return f"M{day.year}-{day.month:02d}"
    if period == "all":
        return "all"
    raise ValueError(f"unknown period {period!r}: use today, week, month or all")


def day_keys(day: date) -> tuple[str, ...]:
    """Every standings key points earned on local date ``day`` count toward."""
    year, week, _ = day.isocalendar()
    return ("all", f"M{day.year}-{day.month:02d}", f"W{year}-{week:02d}", f"D{day.isoformat()}")


def period_keys(when: datetime, tz: ZoneInfo) -> tuple[str, ...]:
    """Every standings key points earned at ``when`` count toward, in timezone ``tz``."""
    return day_keys(when.astimezone(tz).date())


def previous_month_key(now: datetime, tz: ZoneInfo) -> str:
    """The standings key of the calendar month before the one containing ``now`` in ``tz``."""
    first = now.astimezone(tz).date().replace(day=1)
    previous = first - timedelta(days=1)
    return f"M{previous.year}-{previous.month:02d}"


def rank_rows(standings: Sequence[Standing], names: Mapping[str, str]) -> tuple[LeaderboardRow, ...]:
    """Leaderboard rows from standings sorted best first; equal points and correct answers share a rank."""
    rows: list[LeaderboardRow] = []
    for i, s in enumerate(standings):
        tied = rows and rows[-1].points == s.points and rows[-1].correct == s.correct
        rank = rows[-1].rank if tied else i + 1
        accuracy = s.correct / s.answered if s.answered else 0.0
        name = names.get(s.member_id, s.member_id)
        rows.append(LeaderboardRow(rank, s.member_id, name, s.points, s.answered, s.correct, accuracy))
    return tuple(rows)
