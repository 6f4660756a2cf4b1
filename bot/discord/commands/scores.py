"""``/leaderboard``, ``/stats``, ``/topics``: read-only views of the community's results and the bank."""

from __future__ import annotations

from typing import Any, Literal, cast

import discord
from discord import app_commands

from bot.discord import boards
from bot.discord.actions import Caller, show
from bot.discord.commands.choices import PERIOD_CHOICES
from bot.discord.delivery import Delivery
from bot.discord.refs import member_of
from bot.discord.render import Outgoing
from quizcore.service import QuizService

__all__ = ["score_commands"]

Period = Literal["today", "week", "month", "all"]


def score_commands(service: QuizService, delivery: Delivery) -> list[app_commands.Command[Any, ..., None]]:
    """The three top-level read-only commands, bound to the service."""

    @app_commands.command(name="leaderboard", description="Show the leaderboard")
    @app_commands.describe(period="Period")
    @app_commands.choices(period=PERIOD_CHOICES)
    @app_commands.guild_only()
    async def leaderboard(interaction: discord.Interaction, period: str = "week") -> None:
        async def build(c: Caller, locale: str) -> Outgoing:
            board = await service.leaderboard(c.community, cast(Period, period))
            return boards.leaderboard(board, locale)

        await show(interaction, delivery, build, public=True)

    @app_commands.command(name="stats", description="Show a member's stats")
    @app_commands.describe(member="Member (default: you)")
    @app_commands.guild_only()
    async def stats(interaction: discord.Interaction, member: discord.Member | None = None) -> None:
        who = member or interaction.user

        async def build(c: Caller, locale: str) -> Outgoing:
            stats = await service.member_stats(c.community, member_of(who).id)
            return boards.member_stats(stats, locale, name=who.display_name)

        await show(interaction, delivery, build, public=False)

    @app_commands.command(name="topics", description="List the topics of the question bank")
    @app_commands.guild_only()
    async def topics(interaction: discord.Interaction) -> None:
        async def build(c: Caller, locale: str) -> Outgoing:
            return boards.topics(await service.topics(), locale)

        await show(interaction, delivery, build, public=False)

    return [leaderboard, stats, topics]
