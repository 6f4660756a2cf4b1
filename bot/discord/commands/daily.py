"""``/daily show|answer`` for everyone, ``/daily-admin setup|post-now|off`` for Manage Server."""

from __future__ import annotations

import re
from typing import Any

import discord
from discord import app_commands

from bot.discord import boards
from bot.discord.actions import Caller, run, show
from bot.discord.commands.choices import LANGUAGE_CHOICES, timezone_choices
from bot.discord.delivery import Delivery
from bot.discord.refs import channel_ref
from bot.discord.render import Outgoing
from quizcore.events import Event
from quizcore.service import QuizService

__all__ = ["DailyAdminGroup", "DailyGroup"]

_LIST_SEPARATORS = re.compile(r"[,，、;；]")


def _split(value: str) -> list[str]:
    return [part.strip() for part in _LIST_SEPARATORS.split(value) if part.strip()]


class DailyGroup(app_commands.Group):
    """Today's question: see it again, answer it privately."""

    def __init__(self, service: QuizService, delivery: Delivery) -> None:
        super().__init__(name="daily", description="The daily question", guild_only=True)
        self.service = service
        self.delivery = delivery

    @app_commands.command(name="show", description="Show today's question")
    async def show_today(self, interaction: discord.Interaction) -> None:
        """Show the open question privately, with its answer buttons."""

        async def build(c: Caller, locale: str) -> Outgoing:
            return boards.daily_view(await self.service.current_daily(c.community), locale)

        await show(interaction, self.delivery, build, public=False)

    @app_commands.command(name="answer", description="Answer today's question privately")
    @app_commands.describe(reply="Your answer")
    async def answer(self, interaction: discord.Interaction, reply: app_commands.Range[str, 1, 1000]) -> None:
        """One counted answer per member; the verdict is ephemeral."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.answer_daily(c.community, c.member, reply)

        await run(interaction, self.delivery, call, public=False)


class DailyAdminGroup(app_commands.Group):
    """Daily question settings. Hidden from members without Manage Server, and checked again at run time
    because a server's admins can grant the command to anyone in Server Settings → Integrations."""

    def __init__(self, service: QuizService, delivery: Delivery) -> None:
        super().__init__(
            name="daily-admin",
            description="Set up the daily question (Manage Server)",
            guild_only=True,
            default_permissions=discord.Permissions(manage_guild=True),
        )
        self.service = service
        self.delivery = delivery

    @app_commands.command(name="setup", description="Set up the daily question (Manage Server)")
    @app_commands.describe(
        channel="Channel to post in",
        time="Local post time, HH:MM",
        timezone="IANA timezone, e.g. Asia/Shanghai",
        topics="Topics, comma-separated (empty: all)",
        kinds="Kinds, comma-separated (empty: all)",
        window="Answer window in minutes",
        language="Language of the bot's posts",
    )
    @app_commands.choices(language=LANGUAGE_CHOICES)
    async def setup(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel | None = None,
        time: app_commands.Range[str, 3, 5] | None = None,
        timezone: str | None = None,
        topics: str | None = None,
        kinds: str | None = None,
        window: app_commands.Range[int, 1, 1440] | None = None,
        language: str | None = None,
    ) -> None:
        """Turn the daily question on, posting in ``channel`` (default: this one)."""
        changes: dict[str, Any] = {"enabled": True}
        where = channel.id if channel is not None else interaction.channel_id
        if where is not None:
            changes["channel_id"] = channel_ref(where)
        optional = {"post_time": time, "timezone": timezone, "answer_window_minutes": window, "locale": language}
        changes.update({key: value for key, value in optional.items() if value is not None})
        if topics is not None:
            changes["topics"] = _split(topics)
        if kinds is not None:
            changes["kinds"] = _split(kinds)

        async def call(c: Caller) -> list[Event]:
            return await self.service.configure(c.community, c.member, is_moderator=c.is_moderator, **changes)

        await run(interaction, self.delivery, call, public=False)

    @setup.autocomplete("timezone")
    async def _timezone(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return timezone_choices(current)

    @app_commands.command(name="post-now", description="Post today's question now (Manage Server)")
    async def post_now(self, interaction: discord.Interaction) -> None:
        """Post today's question in the configured channel now."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.post_daily_now(c.community, c.member, is_moderator=c.is_moderator)

        await run(interaction, self.delivery, call, public=False)

    @app_commands.command(name="off", description="Turn the daily question off (Manage Server)")
    async def off(self, interaction: discord.Interaction) -> None:
        """Stop posting daily questions (settings are kept)."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.configure(c.community, c.member, is_moderator=c.is_moderator, enabled=False)

        await run(interaction, self.delivery, call, public=False)
