"""``quizbot discord run|sync``: run the Discord bot, or publish its slash commands."""

from __future__ import annotations

import asyncio
import logging
import secrets
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import KnowledgeOption, resolve_knowledge_dir
from bot.discord.settings import DiscordSettings

__all__ = ["register"]

log = logging.getLogger(__name__)

_NO_TOKEN = "error: no bot token: set DISCORD_TOKEN in .env (see .env.example)"

SeedOption = Annotated[
    int | None, typer.Option("--seed", help="Seed for the question draws (default: random per start).")
]


def register(app: typer.Typer) -> None:
    """Add ``quizbot discord`` and its subcommands to the main app."""
    group = typer.Typer(
        name="discord", help="Run the Discord bot, or publish its slash commands.", no_args_is_help=True
    )
    group.command("run")(run)
    group.command("sync")(sync)
    app.add_typer(group, name="discord")


def _settings() -> DiscordSettings:
    settings = DiscordSettings()
    if not settings.token:
        typer.echo(_NO_TOKEN, err=True)
        raise typer.Exit(2)
    return settings


def run(knowledge: KnowledgeOption = None, seed: SeedOption = None) -> None:
    """Connect to Discord and serve quizzes until stopped (Ctrl-C). Commands must have been synced once."""
    import discord  # imported here: discord.py takes a second to import, and other subcommands never need it

    settings = _settings()
    folder = resolve_knowledge_dir(knowledge or settings.knowledge_dir)
    discord.utils.setup_logging(level=logging.INFO)
    try:
        asyncio.run(_run(settings, folder, seed if seed is not None else secrets.randbelow(2**31)))
    except KeyboardInterrupt:
        pass
    except discord.LoginFailure:
        typer.echo("error: Discord refused the token in DISCORD_TOKEN (reset it in the Developer Portal)", err=True)
        raise typer.Exit(1) from None
    except discord.PrivilegedIntentsRequired:
        typer.echo("error: Discord asked for a privileged intent; quizbot needs none", err=True)
        raise typer.Exit(1) from None


async def _run(settings: DiscordSettings, folder: Path, seed: int) -> None:
    from bot.console.build import load_bank, load_glossary
    from bot.discord.client import create_bot
    from quizcore.clock import SystemClock
    from quizcore.grading import Grader
    from quizcore.service import QuizService
    from quizcore.storage import Database

    bank = load_bank(folder, seed=seed)
    database = await Database.open()
    try:
        service = QuizService(bank, Grader(load_glossary(folder)), database, SystemClock(), seed=seed)
        bot = create_bot(service, settings)
        log.info("starting with %d questions from %s", len(bank), folder)
        async with bot:
            await bot.start(settings.token or "")
    finally:
        await database.close()


def sync(
    guild: Annotated[
        int | None, typer.Option("--guild", help="Publish to this server only (instant; for testing).")
    ] = None,
) -> None:
    """Publish the slash commands (names and descriptions in English and Chinese) to Discord."""
    import discord

    settings = _settings()
    try:
        names = asyncio.run(_sync(settings, guild))
    except discord.LoginFailure:
        typer.echo("error: Discord refused the token in DISCORD_TOKEN (reset it in the Developer Portal)", err=True)
        raise typer.Exit(1) from None
    where = f"server {guild}" if guild else "every server (may take up to an hour to appear)"
    typer.echo(f"synced {len(names)} commands to {where}: {', '.join(sorted(names))}")


async def _sync(settings: DiscordSettings, guild: int | None) -> list[str]:
    from bot.discord.client import create_bot
    from bot.discord.sync import sync_commands
    from quizcore.clock import SystemClock
    from quizcore.grading import Grader
    from quizcore.questions import Bank
    from quizcore.service import QuizService
    from quizcore.storage import Database

    # The command tree needs a service to bind to, but syncing never calls it: no bank, no notes read.
    database = await Database.open()
    try:
        service = QuizService(Bank(), Grader(), database, SystemClock())
        bot = create_bot(service, settings, schedule=False)
        async with bot:
            await bot.login(settings.token or "")
            return await sync_commands(bot, guild)
    finally:
        await database.close()
