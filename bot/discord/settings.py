"""The Discord process's settings, from the environment or ``.env`` (see ``.env.example``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DiscordSettings"]


class DiscordSettings(BaseSettings):
    """How one bot process connects to Discord.

    Attributes:
        token: the bot token (``DISCORD_TOKEN``); None means not configured.
        shard_count: total shards across every process (``QUIZBOT_SHARD_COUNT``); with it, or with
            ``auto_shard``, the bot runs as an ``AutoShardedBot``.
        shard_ids: the shards this process runs (``QUIZBOT_SHARD_IDS=0,1``); None means all.
        auto_shard: let Discord recommend the shard count (``QUIZBOT_AUTO_SHARD=1``).
        tick_seconds: how often due reveals and quiz time-outs are checked.
        knowledge_dir: the notes folder (``QUIZBOT_KNOWLEDGE_DIR``), also when it is only in ``.env``.
    """

    # Empty values (``QUIZBOT_SHARD_COUNT=`` as in .env.example) mean "not set".
    model_config = SettingsConfigDict(env_prefix="QUIZBOT_", env_file=".env", extra="ignore", env_ignore_empty=True)

    token: str | None = Field(default=None, validation_alias=AliasChoices("DISCORD_TOKEN", "QUIZBOT_DISCORD_TOKEN"))
    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: list[int] | None = None
    auto_shard: bool = False
    tick_seconds: float = Field(default=5.0, gt=0)
    knowledge_dir: Path | None = None

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(" ", "").split(",") if part]
        if isinstance(value, int):
            return [value]
        return value

    @property
    def sharded(self) -> bool:
        """Whether to run as an ``AutoShardedBot``."""
        return self.auto_shard or self.shard_count is not None or self.shard_ids is not None
