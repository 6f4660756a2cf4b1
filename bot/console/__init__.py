"""The console adapter: the whole bot in a terminal (``quizbot console``), and an in-process harness for tests.

A typed line is parsed (:mod:`~bot.console.parser`), the room makes the same service call the
Discord adapter makes (:mod:`~bot.console.room`), and the events come back as text
(:mod:`~bot.console.render`). The names below load on first use, so parsing a line does not
pull in the database.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.console.app import ConsoleOptions, run_console
    from bot.console.clock import ConsoleClock
    from bot.console.harness import Harness, Said
    from bot.console.parser import Chat, Command, UsageError, parse_line
    from bot.console.render import Renderer
    from bot.console.room import Room

__all__ = [
    "Chat",
    "Command",
    "ConsoleClock",
    "ConsoleOptions",
    "Harness",
    "Renderer",
    "Room",
    "Said",
    "UsageError",
    "parse_line",
    "run_console",
]

_HOME = {
    "ConsoleOptions": "app",
    "run_console": "app",
    "ConsoleClock": "clock",
    "Harness": "harness",
    "Said": "harness",
    "Chat": "parser",
    "Command": "parser",
    "UsageError": "parser",
    "parse_line": "parser",
    "Renderer": "render",
    "Room": "room",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'bot.console' has no attribute {name!r}")
    return getattr(importlib.import_module(f"bot.console.{module}"), name)
