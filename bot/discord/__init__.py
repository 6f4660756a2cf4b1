"""The Discord adapter: slash commands, persistent buttons and the daily post, thin over :mod:`quizcore`."""

from __future__ import annotations

from typing import Any

__all__ = ["DiscordSettings", "QuizBot", "ShardedQuizBot", "create_bot"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: importing discord.py costs a second that `quizbot console` need not pay.
    if name == "DiscordSettings":
        from bot.discord.settings import DiscordSettings

        return DiscordSettings
    if name in ("QuizBot", "ShardedQuizBot", "create_bot"):
        from bot.discord import client

        return getattr(client, name)
    raise AttributeError(name)
