"""A community's quiz settings (a Discord server, or the console's one room), validated."""

from __future__ import annotations

import re
from datetime import time
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from quizcore.questions import Kind

__all__ = ["CommunityConfig", "config_error_message"]

_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})(?::(\d{2}))?$")


class CommunityConfig(BaseModel):
    """How one community's quiz life runs.

    Attributes:
        channel_id: where the daily question is posted (adapter-made id), or None (not posted).
        post_time: local time of the daily post ("09:00").
        timezone: IANA timezone name the post time, dates and leaderboard periods are in.
        topics: top-level topics to draw daily questions from; empty means all.
        kinds: kinds of question to draw from; empty means all.
        answer_window_minutes: how long the daily question stays open.
        question_seconds: per-question time limit of on-demand quizzes.
        locale: language of the adapters' texts.
        enabled: whether the daily question is posted at all.
        grace_minutes: how late a missed post (process down at post time) may still be made.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", validate_assignment=True)

    channel_id: str | None = None
    post_time: time = time(9, 0)
    timezone: str = "UTC"
    topics: list[str] = Field(default_factory=list)
    kinds: list[Kind] = Field(default_factory=list)
    answer_window_minutes: int = Field(default=720, ge=1, le=24 * 60)
    question_seconds: int = Field(default=60, ge=5, le=3600)
    locale: Literal["zh-CN", "en"] = "zh-CN"
    enabled: bool = True
    grace_minutes: int = Field(default=180, ge=0, le=24 * 60)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown timezone {value!r}") from None
        return value

    @field_validator("post_time", mode="before")
    @classmethod
    def _parse_time(cls, value: Any) -> Any:
        if isinstance(value, str):
            match = _TIME.match(value.strip())
            try:
                if match is None:
                    raise ValueError(value)
                return time(int(match[1]), int(match[2]), int(match[3] or 0))
            except ValueError:
                raise ValueError(f"bad time {value!r}: expected HH:MM, like 09:00") from None
        return value

    @property
    def tz(self) -> ZoneInfo:
        """The community's timezone."""
        return ZoneInfo(self.timezone)

    def to_storage(self) -> dict[str, Any]:
        """A JSON-ready dict (post_time as "HH:MM")."""
        data = self.model_dump(mode="json")
        data["post_time"] = self.post_time.strftime("%H:%M")
        return data


def config_error_message(error: ValidationError) -> str:
    """One human line per problem in a config validation error ("timezone: unknown timezone 'Mars/Base'")."""
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "config"
        msg = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}")
    return "; ".join(parts)
