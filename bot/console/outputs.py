"""What the console room answers besides engine events: notices, errors, usage help and read models.

A line typed in the room gives a list of outputs; each is an engine event
(:mod:`quizcore.events`), a read model (:mod:`quizcore.views`) or one of these.
The renderer turns every one of them into text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from quizcore.config import CommunityConfig
from quizcore.errors import QuizError
from quizcore.events import Event
from quizcore.views import DailyView, Leaderboard, MemberStats, ReportView, TopicInfo

__all__ = ["Failure", "Help", "Notice", "Output", "Reports", "Settings", "Topics", "Usage"]


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


Output = Event | DailyView | Leaderboard | MemberStats | Notice | Failure | Usage | Help | Topics | Reports | Settings
