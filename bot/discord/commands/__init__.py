"""The slash commands, grouped by what they are about; :func:`install` adds them all to a command tree."""

from __future__ import annotations

from typing import Any

from discord import app_commands

from bot.discord.commands.daily import DailyAdminGroup, DailyGroup
from bot.discord.commands.quiz import QuizGroup
from bot.discord.commands.reports import ReportsGroup, report_command
from bot.discord.commands.review import ReviewGroup
from bot.discord.commands.scores import score_commands
from bot.discord.delivery import Delivery
from quizcore.service import QuizService

__all__ = ["install"]


def install(tree: app_commands.CommandTree[Any], service: QuizService, delivery: Delivery) -> None:
    """Add every quiz command to ``tree`` (global commands; ``quizbot discord sync`` publishes them)."""
    for group in (QuizGroup, DailyGroup, DailyAdminGroup, ReportsGroup, ReviewGroup):
        tree.add_command(group(service, delivery))
    for command in [*score_commands(service, delivery), report_command(service, delivery)]:
        tree.add_command(command)
