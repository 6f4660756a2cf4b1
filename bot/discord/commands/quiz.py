"""``/quiz start|stop|hint|answer``: on-demand quizzes in a channel."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord.actions import Caller, run
from bot.discord.commands.choices import KIND_CHOICES, topic_choices
from bot.discord.delivery import Delivery
from quizcore.events import Event
from quizcore.service import QuizService

__all__ = ["QuizGroup"]


class QuizGroup(app_commands.Group):
    """The ``/quiz`` commands; every member may use them."""

    def __init__(self, service: QuizService, delivery: Delivery) -> None:
        super().__init__(name="quiz", description="Quizzes in this channel", guild_only=True)
        self.service = service
        self.delivery = delivery

    @app_commands.command(name="start", description="Start a quiz in this channel")
    @app_commands.describe(topic="Topic (empty: all topics)", kind="Kind of question", count="Number of questions")
    @app_commands.choices(kind=KIND_CHOICES)
    async def start(
        self,
        interaction: discord.Interaction,
        topic: str | None = None,
        kind: str | None = None,
        count: app_commands.Range[int, 1, 20] = 5,
    ) -> None:
        """Start a quiz; its first question is posted publicly with answer buttons."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.start_quiz(c.community, c.channel, c.member, topic=topic, kind=kind, count=count)

        await run(interaction, self.delivery, call, public=True)

    @start.autocomplete("topic")
    async def _topic(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await topic_choices(self.service, current)

    @app_commands.command(name="stop", description="Stop this channel's quiz")
    async def stop(self, interaction: discord.Interaction) -> None:
        """Stop the quiz (its starter or a moderator)."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.stop_quiz(c.community, c.channel, c.member, is_moderator=c.is_moderator)

        await run(interaction, self.delivery, call, public=False)

    @app_commands.command(name="hint", description="Get a hint for the current question (costs points)")
    async def hint(self, interaction: discord.Interaction) -> None:
        """Post the next hint publicly (everyone playing sees it)."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.hint(c.community, c.channel, c.member)

        await run(interaction, self.delivery, call, public=True)

    @app_commands.command(name="answer", description="Answer the current question privately")
    @app_commands.describe(reply="Your answer")
    async def answer(self, interaction: discord.Interaction, reply: app_commands.Range[str, 1, 1000]) -> None:
        """Answer by command; the verdict is ephemeral like a button's."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.answer_quiz(c.community, c.channel, c.member, reply)

        await run(interaction, self.delivery, call, public=False)
