"""Read models the service returns: the open daily question, leaderboards, personal stats, reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from quizcore.questions import Question

__all__ = [
    "DailyView",
    "HistoryItem",
    "Leaderboard",
    "LeaderboardRow",
    "MemberStats",
    "Period",
    "ReportView",
    "TopicInfo",
    "TopicStats",
]

Period = Literal["today", "week", "month", "all"]


@dataclass(frozen=True)
class DailyView:
    """The community's open daily question."""

    community: str
    channel: str | None
    question: Question
    local_date: date
    posted_at: datetime
    closes_at: datetime
    answered: int


@dataclass(frozen=True)
class LeaderboardRow:
    """One member on a leaderboard; ``accuracy`` is correct/answered (0..1)."""

    rank: int
    member_id: str
    name: str
    points: int
    answered: int
    correct: int
    accuracy: float


@dataclass(frozen=True)
class Leaderboard:
    """A community's ranking over a period (``start``/``end`` in UTC; None for all time).

    ``champion`` is the previous month's winner (the season champion), filled for ``month``.
    """

    community: str
    period: Period
    start: datetime | None
    end: datetime | None
    rows: tuple[LeaderboardRow, ...]
    champion: LeaderboardRow | None = None


@dataclass(frozen=True)
class TopicStats:
    """A member's results on one top-level topic."""

    topic: str
    answered: int
    correct: int
    accuracy: float


@dataclass(frozen=True)
class HistoryItem:
    """One counted answer in a member's history (newest first in :class:`MemberStats`)."""

    at: datetime
    question_id: str
    topic: str
    mode: Literal["daily", "quiz"]
    correct: bool
    points: int


@dataclass(frozen=True)
class MemberStats:
    """A member's record in one community."""

    community: str
    member_id: str
    name: str
    answered: int
    correct: int
    accuracy: float
    points: int
    by_topic: tuple[TopicStats, ...]
    weakest: tuple[str, ...]
    streak_current: int
    streak_best: int
    history: tuple[HistoryItem, ...]


@dataclass(frozen=True)
class TopicInfo:
    """A top-level topic of the bank and how many questions it holds."""

    name: str
    count: int


@dataclass(frozen=True)
class ReportView:
    """The open (not cleared) reports on one question."""

    question_id: str
    stem: str
    topic: str
    count: int
    reasons: tuple[str, ...]
    reporters: tuple[str, ...]
    first_reported_at: datetime
