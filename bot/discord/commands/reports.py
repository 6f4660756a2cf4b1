"""``/report`` for everyone, ``/reports list|clear`` for moderators."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord import boards
from bot.discord.actions import Caller, run, show
from bot.discord.commands.choices import question_choices
from bot.discord.delivery import Delivery
from bot.discord.refs import community_ref
from bot.discord.render import Outgoing
from quizcore.events import Event
from quizcore.service import QuizService

__all__ = ["ReportsGroup", "report_command"]


async def _questions(
    service: QuizService, interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    if interaction.guild_id is None:
        return []
    return await question_choices(service, community_ref(interaction.guild_id), current)


def report_command(service: QuizService, delivery: Delivery) -> app_commands.Command[Any, ..., None]:
    """``/report question reason``: hold a question back until a moderator clears it."""

    @app_commands.command(name="report", description="Report a wrong or unclear question")
    @app_commands.describe(question="Question id", reason="What is wrong")
    @app_commands.guild_only()
    async def report(interaction: discord.Interaction, question: str, reason: app_commands.Range[str, 1, 500]) -> None:
        async def call(c: Caller) -> list[Event]:
            return await service.report_question(c.community, c.member, question, reason)

        await run(interaction, delivery, call, public=False)

    @report.autocomplete("question")
    async def _question(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await _questions(service, interaction, current)

    return report


class ReportsGroup(app_commands.Group):
    """Moderators review reported questions (hidden from members without Manage Server, checked again)."""

    def __init__(self, service: QuizService, delivery: Delivery) -> None:
        super().__init__(
            name="reports",
            description="Reported questions (Manage Server)",
            guild_only=True,
            default_permissions=discord.Permissions(manage_guild=True),
        )
        self.service = service
        self.delivery = delivery

    @app_commands.command(name="list", description="List open reports")
    async def list_reports(self, interaction: discord.Interaction) -> None:
        """Open reports, most reported first."""

        async def build(c: Caller, locale: str) -> Outgoing:
            views = await self.service.list_reports(c.community, is_moderator=c.is_moderator)
            return boards.reports(views, locale)

        await show(interaction, self.delivery, build, public=False)

    @app_commands.command(name="clear", description="Clear the reports on a question")
    @app_commands.describe(question="Question id")
    async def clear(self, interaction: discord.Interaction, question: str) -> None:
        """Let the question be drawn again."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.clear_report(c.community, c.member, question, is_moderator=c.is_moderator)

        await run(interaction, self.delivery, call, public=False)

    @clear.autocomplete("question")
    async def _question(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await _questions(self.service, interaction, current)
