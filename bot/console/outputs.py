"""What the console room answers besides engine events: notices, errors, usage help and read models.

A line typed in the room gives a list of outputs; each is an engine event
(:mod:`quizcore.events`), a read model (:mod:`quizcore.views`) or one of these.
The renderer turns every one of them into text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from quizcore.config import CommunityConfig
from quizcore.errors import QuizError
from quizcore.events import Event
from quizcore.questions import Question
from quizcore.spaced import ReviewCard, ReviewStatus
from quizcore.views import DailyView, Leaderboard, MemberStats, ReportView, TopicInfo

__all__ = [
    "Failure",
    "Help",
    "Notice",
    "Output",
    "Reports",
    "ReviewAnswer",
    "ReviewShown",
    "ReviewState",
    "Settings",
    "Topics",
    "Usage",
]


@dataclass(frozen=True)
class Notice:
    """A line the console itself says (``key`` in :mod:`bot.texts`)."""

    key: str
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    """A domain error the engine raised for the line just typed."""

    error: QuizError


@dataclass(frozen=True)
class Usage:
    """A line that is not a valid command: what is wrong, and the syntax to use."""

    key: str
    fields: Mapping[str, Any]
    usage: str


@dataclass(frozen=True)
class Help:
    """The command list (or one command's syntax when ``command`` is set)."""

    command: str | None = None


@dataclass(frozen=True)
class Topics:
    """The bank's topics."""

    items: tuple[TopicInfo, ...]


@dataclass(frozen=True)
class Reports:
    """The open reports."""

    items: tuple[ReportView, ...]


@dataclass(frozen=True)
class Settings:
    """The community's current settings."""

    config: CommunityConfig


@dataclass(frozen=True)
class ReviewShown:
    """The speaker's next review question, for their eyes only (``card`` None: nothing is due).

    Attributes:
        name: who asked (the only one meant to read it).
        card: the question to review, or None.
        next_due: when nothing is due, when the next question falls due (None if none will).
    """

    name: str
    card: ReviewCard | None
    next_due: datetime | None = None


@dataclass(frozen=True)
class ReviewState:
    """The speaker's review status, for their eyes only."""

    name: str
    status: ReviewStatus


@dataclass(frozen=True)
class ReviewAnswer:
    """The answer of a question the speaker just missed in review (private, like the verdict)."""

    name: str
    question: Question


Output = (
    Event
    | DailyView
    | Leaderboard
    | MemberStats
    | Notice
    | Failure
    | Usage
    | Help
    | Topics
    | Reports
    | Settings
    | ReviewShown
    | ReviewState
    | ReviewAnswer
)
