"""The daily question's rules without I/O: when it is due, when it closes, which question, which option."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from quizcore.config import CommunityConfig
from quizcore.questions import Format, Question

__all__ = [
    "LATE_AFTER",
    "DuePost",
    "chosen_option",
    "closes_at",
    "draw_daily",
    "due_posts",
    "local_date",
    "post_instant",
    "top_topic",
]

_CHOICE_DECOR = re.compile(r"^(?:选项|选|option|答案)?[\s:：]*|[\s).）。]+$")

LATE_AFTER = timedelta(minutes=5)
"""A post made more than this after its time is flagged late (the process was down or busy)."""


@dataclass(frozen=True)
class DuePost:
    """A daily post that should exist now: its local date, its scheduled instant (UTC), and whether it is late."""

    local_date: date
    scheduled: datetime
    late: bool


def top_topic(question: Question) -> str:
    """The top-level topic of a question (first heading of its topic path)."""
    return question.topic.split(" > ")[0]


def local_date(now: datetime, tz: ZoneInfo) -> date:
    """The community's calendar date at ``now``."""
    return now.astimezone(tz).date()


def post_instant(day: date, post_time: time, tz: ZoneInfo) -> datetime:
    """When the post of local date ``day`` is due, in UTC (a time skipped by a DST change falls after it)."""
    return datetime.combine(day, post_time, tzinfo=tz).astimezone(UTC)


def due_posts(now: datetime, config: CommunityConfig) -> list[DuePost]:
    """The posts due at ``now``: scheduled at or before it, and not more than the grace ago.

    Yesterday is checked too, so a post time just before midnight missed while down is still made.
    """
    tz = config.tz
    grace = max(timedelta(minutes=config.grace_minutes), LATE_AFTER)
    today = local_date(now, tz)
    due = []
    for day in (today - timedelta(days=1), today):
        scheduled = post_instant(day, config.post_time, tz)
        if scheduled <= now < scheduled + grace:
            due.append(DuePost(day, scheduled, now - scheduled > LATE_AFTER))
    return due


def closes_at(now: datetime, day: date, config: CommunityConfig) -> datetime:
    """When a daily posted at ``now`` for local date ``day`` closes: after its window, and before the next post."""
    next_post = post_instant(day + timedelta(days=1), config.post_time, config.tz)
    return min(now + timedelta(minutes=config.answer_window_minutes), max(next_post, now + timedelta(minutes=1)))


def draw_daily(
    pool: Iterable[Question],
    asked: Mapping[str, date],
    topic_counts: Mapping[str, int],
    rng: random.Random,
) -> Question | None:
    """Choose the daily question from ``pool`` (already filtered by config and reports).

    Never-asked questions come first, from the topic this community has had least; once all were
    asked, the least recently asked. Ties are broken by ``rng``. None when the pool is empty.
    """
    questions = sorted(pool, key=lambda q: q.id)
    if not questions:
        return None
    fresh = [q for q in questions if q.id not in asked]
    if fresh:
        topics = sorted({top_topic(q) for q in fresh})
        fewest = min(topic_counts.get(t, 0) for t in topics)
        topic = rng.choice([t for t in topics if topic_counts.get(t, 0) == fewest])
        return rng.choice([q for q in fresh if top_topic(q) == topic])
    oldest = min(asked[q.id] for q in questions)
    return rng.choice([q for q in questions if asked[q.id] == oldest])


def chosen_option(question: Question, reply: str) -> int | None:
    """Which option a multiple-choice reply picked (a letter such as "B" or "选B", or the option text), if any."""
    if question.format is not Format.MCQ or not question.options:
        return None
    text = unicodedata.normalize("NFKC", reply).strip().casefold()
    text = _CHOICE_DECOR.sub("", text)
    if len(text) == 1 and "a" <= text <= "z":
        index = ord(text) - ord("a")
        return index if index < len(question.options) else None
    for index, option in enumerate(question.options):
        if unicodedata.normalize("NFKC", option).strip().casefold() == text:
            return index
    return None
