"""An in-process console for tests and demos: no threads, no terminal, time moved by hand.

::

    harness = await Harness.open(bank, database_url=sqlite_url(tmp_path / "q.db"), start=when)
    said = await harness.say("alice", "/quiz start count:2")
    said.events        # the engine events, exactly
    said.text          # what the console printed, without colour
    await harness.advance(3600)
    await harness.close()
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import IO

from rich.console import Console

from bot.console.build import open_room
from bot.console.clock import ConsoleClock
from bot.console.outputs import Output
from bot.console.render import Renderer
from bot.console.room import Room
from bot.texts import Locale
from quizcore.events import Event
from quizcore.glossary import Glossary
from quizcore.questions import Bank
from quizcore.storage import Database

__all__ = ["Harness", "Said", "plain_console", "render_text"]


@dataclass(frozen=True)
class Said:
    """What one line (or one move of the clock) brought about."""

    outputs: tuple[Output, ...]
    text: str

    @property
    def events(self) -> list[Event]:
        """Only the engine events among the outputs."""
        return [o for o in self.outputs if isinstance(o, Event)]

    def of(self, kind: type[Output]) -> list[Output]:
        """The outputs of one type."""
        return [o for o in self.outputs if isinstance(o, kind)]


def plain_console(file: IO[str] | None = None, width: int = 100) -> Console:
    """A console without colour, markup or emoji codes, of a fixed width (stable text)."""
    return Console(
        file=file or io.StringIO(),
        width=width,
        no_color=True,
        color_system=None,
        highlight=False,
        emoji=False,
        markup=False,
        force_terminal=False,
        force_interactive=False,
        legacy_windows=False,
    )


def render_text(renderer: Renderer, outputs: list[Output] | tuple[Output, ...], width: int = 100) -> str:
    """The outputs as plain text, as the console prints them with ``--plain``."""
    buffer = io.StringIO()
    console = plain_console(buffer, width)
    for output in outputs:
        for renderable in renderer.render(output):
            console.print(renderable)
    return buffer.getvalue()


class Harness:
    """A console room driven by calls instead of a keyboard."""

    def __init__(self, room: Room, database: Database, clock: ConsoleClock, renderer: Renderer) -> None:
        self.room = room
        self.database = database
        self.clock = clock
        self.renderer = renderer

    @classmethod
    async def open(
        cls,
        bank: Bank,
        *,
        database_url: str,
        start: datetime,
        glossary: Glossary | None = None,
        seed: int = 1,
        locale: Locale = "en",
    ) -> Harness:
        """A harness on a fresh or existing database, its clock simulated from ``start``."""
        clock = ConsoleClock(start)
        parts = await open_room(bank, glossary or Glossary(), database_url=database_url, clock=clock, seed=seed)
        config = await parts.room.service.get_config("console")
        return cls(parts.room, parts.database, clock, Renderer(locale, config.tz, clock.now))

    async def say(self, who: str, text: str) -> Said:
        """``who`` types ``text`` in the room."""
        return await self._said(await self.room.handle(text, who))

    async def advance(self, seconds: float) -> Said:
        """Move the clock forward, firing whatever falls due on the way, in order."""
        return await self._said(await self.room.move_clock(self.clock.now() + timedelta(seconds=seconds)))

    async def _said(self, outputs: list[Output]) -> Said:
        return Said(tuple(outputs), render_text(self.renderer, outputs))

    async def close(self) -> None:
        """Close the database."""
        await self.database.close()
