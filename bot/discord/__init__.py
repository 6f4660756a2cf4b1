"""The Discord adapter: slash commands, persistent buttons and the daily post, thin over :mod:`quizcore`."""

from bot.discord.client import QuizBot, ShardedQuizBot, create_bot
from bot.discord.settings import DiscordSettings

__all__ = ["DiscordSettings", "QuizBot", "ShardedQuizBot", "create_bot"]
