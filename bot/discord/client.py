"""The bot: a ``commands.Bot`` (or ``AutoShardedBot``) that wires the slash commands, buttons and ticks."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord import actions, safety
from bot.discord.commands import install
from bot.discord.delivery import Delivery
from bot.discord.settings import DiscordSettings
from bot.discord.strings import ui
from bot.discord.translator import QuizTranslator
from bot.discord.views import AnswerButton, NextReviewButton, OptionButton
from bot.texts import normalize_locale
from quizcore.events import Event
from quizcore.scheduler import QuizScheduler
from quizcore.service import QuizService

__all__ = ["REQUIRED_PERMISSIONS", "QuizBot", "QuizTree", "ShardedQuizBot", "create_bot", "intents"]

log = logging.getLogger(__name__)


# What the bot needs in the channels it posts in (the invite URL asks for exactly these):
# see the channel, post the daily question and quiz questions, and show them as embeds.
# Interaction replies need no permission at all.
REQUIRED_PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)


def intents() -> discord.Intents:
    """Guild events only: no privileged intent, so no verification is needed past 100 servers.

    Slash commands and buttons arrive as interactions, which need no intent at all; message
    content, member lists and presences are never read.
    """
    chosen = discord.Intents.default()
    chosen.message_content = False
    chosen.members = False
    chosen.presences = False
    return chosen


class QuizTree(app_commands.CommandTree[Any]):
    """The command tree; errors that escape a command still get an ephemeral reply, never silence."""

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /) -> None:
        """Log the error and tell the member something went wrong (domain errors never get here)."""
        log.error("command %s failed", interaction.command and interaction.command.qualified_name, exc_info=error)
        text = ui("error.unexpected", normalize_locale(str(interaction.locale)))
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True)
        else:
            await interaction.response.send_message(text, ephemeral=True)


class QuizBot(commands.Bot):
    """The quiz bot for one process.

    Args:
        service: the engine; every command and button calls it and nothing else.
        tick_seconds: period of the catch-all tick; None starts no scheduler (tests call :meth:`tick`).
        **options: passed on to discord.py (e.g. ``shard_ids``, ``guild_ready_timeout``).
    """

    def __init__(self, service: QuizService, *, tick_seconds: float | None = 5.0, **options: Any) -> None:
        super().__init__(
            # Prefix commands are unused (no message content intent); slash commands do everything.
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=QuizTree,
            intents=intents(),
            # Applies to every message, follow-up and edit the bot sends: nobody is ever pinged.
            allowed_mentions=safety.NO_MENTIONS,
            # Every command is about a server's community (community = guild): none in DMs,
            # and the app is installed to servers, not to users' accounts.
            allowed_contexts=app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False),
            allowed_installs=app_commands.AppInstallationType(guild=True, user=False),
            **options,
        )
        self.service = service
        self.delivery = Delivery(self, service)
        self.scheduler = QuizScheduler(service, self.delivery.deliver, tick_seconds=tick_seconds or 15)
        # A config change made by a command moves that community's post job at once.
        self.delivery.observers.append(self.scheduler.notify)
        self.tick_seconds = tick_seconds

    async def setup_hook(self) -> None:
        """Register commands, persistent buttons and the ticker; runs once, after login, before the gateway.

        Commands are not synced here: syncing on every start is rate limited and slow to
        propagate, so ``quizbot discord sync`` does it when the commands change.
        """
        await self.tree.set_translator(QuizTranslator())
        install(self.tree, self.service, self.delivery)
        # Buttons posted before a restart still work: discord.py matches their custom_id to these templates.
        self.add_dynamic_items(OptionButton, AnswerButton, NextReviewButton)
        if self.tick_seconds is not None:
            # Post jobs are rebuilt from the database, and one tick right away catches up on posts
            # missed while the bot was down (within the grace).
            await self.scheduler.start()

    async def close(self) -> None:
        """Stop ticking, then disconnect."""
        self.scheduler.shutdown()
        await super().close()

    async def tick(self) -> list[Event]:
        """Post due daily questions, reveal expired ones, time quizzes out, and show what happened.

        This is what the scheduler's jobs run; the engine keeps each post single even when
        several processes tick against one database.
        """
        return await self.scheduler.run_tick()

    async def answer(self, interaction: discord.Interaction[Any], scope: str, question_id: str, reply: str) -> None:
        """Submit an answer from a button or the answer modal (see :class:`bot.discord.views.Answerer`)."""
        await actions.answer(interaction, self.delivery, self.service, scope, question_id, reply)

    async def next_review(self, interaction: discord.Interaction[Any]) -> None:
        """Show the member's next review question (the "Next" button under a review verdict)."""
        await actions.review_next(interaction, self.delivery, self.service)


class ShardedQuizBot(QuizBot, commands.AutoShardedBot):
    """The same bot over several shards, for large deployments (one or more processes, one database)."""


def create_bot(service: QuizService, settings: DiscordSettings, *, schedule: bool = True, **options: Any) -> QuizBot:
    """The bot the settings ask for: sharded when shard settings are present.

    Args:
        schedule: start the scheduler in ``setup_hook`` (off for ``quizbot discord sync``).
    """
    tick_seconds = settings.tick_seconds if schedule else None
    if not settings.sharded:
        return QuizBot(service, tick_seconds=tick_seconds, **options)
    if settings.shard_count is not None:
        options["shard_count"] = settings.shard_count
    if settings.shard_ids is not None:
        options["shard_ids"] = settings.shard_ids
    return ShardedQuizBot(service, tick_seconds=tick_seconds, **options)
