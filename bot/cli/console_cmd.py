"""``quizbot console``: the whole bot in a terminal, on a local SQLite file, no Discord token needed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from bot.cli.common import KnowledgeOption, resolve_knowledge_dir
from bot.console.clock import ClockError, parse_clock_target
from bot.texts import LOCALES, Locale, normalize_locale

__all__ = ["register"]

log = logging.getLogger(__name__)

DEFAULT_DB = Path("data/console.sqlite3")


def register(app: typer.Typer) -> None:
    """Add ``quizbot console`` to the main app."""
    app.command("console")(console)


def console(
    knowledge: KnowledgeOption = None,
    db: Annotated[
        Path, typer.Option("--db", help="SQLite file that keeps scores and state between runs.")
    ] = DEFAULT_DB,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="Seed for every random draw (same seed + same script = same output)."),
    ] = None,
    locale: Annotated[
        str | None,
        typer.Option("--locale", help=f"Language of the bot: {' or '.join(LOCALES)} (default: the room's setting)."),
    ] = None,
    plain: Annotated[bool, typer.Option("--plain", help="No colours.")] = False,
    clock: Annotated[
        str | None,
        typer.Option("--clock", help='Start with simulated time, e.g. "2026-12-01 08:00" (the room\'s timezone).'),
    ] = None,
) -> None:
    """Chat with the quiz bot in the terminal: quizzes, the daily question, leaderboards; /help lists commands."""
    if locale is not None and locale.replace("_", "-").casefold() not in {x.casefold() for x in LOCALES}:
        raise typer.BadParameter(f"{locale!r}: choose {' or '.join(LOCALES)}", param_hint="--locale")
    if clock is not None:
        _check_clock(clock)
    # The engine (SQLAlchemy, Alembic, jieba) loads only when the console really starts.
    from bot.console.app import ConsoleOptions, run_console

    interactive = sys.stdin.isatty()
    options = ConsoleOptions(
        knowledge_dir=resolve_knowledge_dir(knowledge),
        db_path=db,
        seed=seed if seed is not None else secrets.randbelow(2**31),
        locale=_locale(locale),
        clock=clock,
        interactive=interactive,
    )
    out = Console(
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        emoji=False,
        markup=False,
        width=None if sys.stdout.isatty() else 100,
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C is how people leave; the console said goodbye
        asyncio.run(run_console(options, out, sys.stdin))


def _locale(value: str | None) -> Locale | None:
    return normalize_locale(value) if value is not None else None


def _check_clock(value: str) -> None:
    try:
        parse_clock_target(value, datetime.now(UTC), UTC)
    except (ClockError, ValueError) as exc:
        raise typer.BadParameter(str(exc), param_hint="--clock") from None
