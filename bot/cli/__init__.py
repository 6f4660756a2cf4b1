"""The ``quizbot`` command line: one Typer app, each subcommand group in its own module."""

from __future__ import annotations

import logging

import typer

from bot.cli import bank, console_cmd, discord_cmd, grade, kb

__all__ = ["app", "main"]

app = typer.Typer(
    name="quizbot",
    help="Turn a study group's notes into quizzes and run them in chat.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (kb, bank, grade, console_cmd, discord_cmd):
    _module.register(app)


def main() -> None:
    """Entry point of the ``quizbot`` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
