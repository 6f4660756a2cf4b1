"""Publishing the slash commands to Discord, only when asked (``quizbot discord sync``)."""

from __future__ import annotations

import logging

import discord

from bot.discord.client import QuizBot

__all__ = ["sync_commands"]

log = logging.getLogger(__name__)


async def sync_commands(bot: QuizBot, guild_id: int | None = None) -> list[str]:
    """Upload the command tree (with its zh-CN localisations); return the published command names.

    Global commands reach every server but are rate limited, so they are synced on demand, never
    at start-up. With ``guild_id`` the global commands are copied to that one server, where they
    appear at once (handy while developing); the global set is left as it is.

    The bot must be logged in (its ``setup_hook`` has built the tree).
    """
    if guild_id is None:
        synced = await bot.tree.sync()
    else:
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
    log.info("synced %d commands%s", len(synced), f" to guild {guild_id}" if guild_id else "")
    return [command.name for command in synced]
