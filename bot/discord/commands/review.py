"""``/review next|status|limit``: each member's personal review, always ephemeral."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord import reviews
from bot.discord.actions import Caller, review_next, run, show
from bot.discord.delivery import Delivery
from bot.discord.render import Outgoing
from quizcore.events import Event
from quizcore.service import QuizService
from quizcore.spaced import MAX_NEW_LIMIT

__all__ = ["ReviewGroup"]


class ReviewGroup(app_commands.Group):
    """The ``/review`` commands; every member reviews their own questions, and only they see it."""

    def __init__(self, service: QuizService, delivery: Delivery) -> None:
        super().__init__(name="review", description="Your personal review (only you see it)", guild_only=True)
        self.service = service
        self.delivery = delivery

    @app_commands.command(name="next", description="Your next question to review")
    async def next_question(self, interaction: discord.Interaction) -> None:
        """The most overdue question (or a new one), with buttons or a modal to answer it privately."""
        await review_next(interaction, self.delivery, self.service)

    @app_commands.command(name="status", description="Your review: due, learned, retention, streak")
    async def status(self, interaction: discord.Interaction) -> None:
        """Due now and today, learned, retention, new-question limit, streak and each topic."""

        async def build(c: Caller, locale: str) -> Outgoing:
            review = await self.service.review_status(c.community, c.member.id)
            return reviews.status(review, locale, name=c.member.name)

        await show(interaction, self.delivery, build, public=False)

    @app_commands.command(name="limit", description="Set how many new questions you start a day")
    @app_commands.describe(count="New questions a day (0: only review known ones)")
    async def limit(self, interaction: discord.Interaction, count: app_commands.Range[int, 0, MAX_NEW_LIMIT]) -> None:
        """Store the member's daily limit of new review questions."""

        async def call(c: Caller) -> list[Event]:
            return await self.service.set_review_limit(c.community, c.member, count)

        await run(interaction, self.delivery, call, public=False)
