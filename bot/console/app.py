"""The console loop: read a line, let the room handle it, print what came of it.

Interactive (stdin is a terminal): a prompt naming the speaker, line editing, and a background
tick every few seconds so a daily question or a time-out shows up while nobody types.
Piped (a script of lines): each line is echoed after the speaker's name, so the output reads as
a transcript, and nothing runs in the background, so the same script gives the same output.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.text import Text

from bot.console.build import ConsoleParts, load_bank, load_glossary, open_room, sqlite_url
from bot.console.clock import ConsoleClock, parse_clock_target
from bot.console.outputs import Notice, Output
from bot.console.render import Renderer
from bot.console.room import COMMUNITY, Room
from bot.texts import Locale

__all__ = ["TICK_SECONDS", "ConsoleOptions", "run_console"]

log = logging.getLogger(__name__)

TICK_SECONDS = 2.0


@dataclass(frozen=True)
class ConsoleOptions:
    """How ``quizbot console`` was asked to run."""

    knowledge_dir: Path
    db_path: Path
    seed: int
    locale: Locale | None
    clock: str | None
    interactive: bool


class _Screen:
    """Prints outputs, one lock for the loop and the background tick so they never interleave."""

    def __init__(self, console: Console, renderer: Renderer) -> None:
        self.console = console
        self.renderer = renderer
        self.lock = asyncio.Lock()

    def show(self, outputs: Iterable[Output]) -> None:
        for output in outputs:
            for renderable in self.renderer.render(output):
                self.console.print(renderable)


async def run_console(options: ConsoleOptions, console: Console, stdin: TextIO) -> None:
    """Run the console until EOF, ``/quit`` or Ctrl-C; the database holds everything, so nothing is lost."""
    clock = ConsoleClock()
    bank = load_bank(options.knowledge_dir, seed=options.seed)
    glossary = load_glossary(options.knowledge_dir)
    parts = await open_room(bank, glossary, database_url=sqlite_url(options.db_path), clock=clock, seed=options.seed)
    screen: _Screen | None = None
    try:
        screen = await _start(parts, clock, options, console)
        if options.interactive:
            await _interactive(parts.room, screen)
        else:
            await _piped(parts.room, screen, stdin)
    except asyncio.CancelledError:  # Ctrl-C: asyncio cancels us, then raises KeyboardInterrupt
        console.print()
        raise
    finally:
        # Every answer was committed when it was given; this only says so and lets go of the file.
        if screen is not None:
            screen.show([Notice("console.bye")])
        await parts.database.close()


async def _start(parts: ConsoleParts, clock: ConsoleClock, options: ConsoleOptions, console: Console) -> _Screen:
    config = await parts.room.service.get_config(COMMUNITY)
    if options.clock:
        clock.set(parse_clock_target(options.clock, clock.now(), config.tz))
    renderer = Renderer(options.locale or config.locale, config.tz, clock.now)
    screen = _Screen(console, renderer)
    screen.show([Notice("console.welcome", {"count": len(parts.bank)}), await parts.room.settings()])
    screen.show(await parts.room.tick())
    return screen


async def _piped(room: Room, screen: _Screen, stdin: TextIO) -> None:
    for raw in stdin:
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        screen.console.print(Text(f"{room.people.current}> {line}", style="dim"))
        screen.show(await room.handle(line))
        if room.finished:
            return


async def _interactive(room: Room, screen: _Screen) -> None:
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    ticker = asyncio.create_task(_tick_forever(room, screen))
    try:
        while not room.finished:
            line = await _read_line(f"{room.people.current}> ")
            if line is None:
                screen.console.print()
                return
            async with screen.lock:
                screen.show(await room.handle(line))
    finally:
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker


async def _tick_forever(room: Room, screen: _Screen) -> None:
    while True:
        await asyncio.sleep(TICK_SECONDS)
        async with screen.lock:
            try:
                outputs = await room.tick()
            except Exception:
                log.exception("background tick failed")
                continue
            if outputs:
                screen.console.print()
                screen.show(outputs)
                screen.console.print(f"{room.people.current}> ", end="")


def _read_line(prompt: str) -> asyncio.Future[str | None]:
    """Read one line in a daemon thread, so the loop keeps ticking and Ctrl-C is not held up by it."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[str | None] = loop.create_future()

    def deliver(value: str | None) -> None:
        if not future.done():
            future.set_result(value)

    def read() -> None:
        try:
            value: str | None = input(prompt)
        except EOFError:
            value = None
        with contextlib.suppress(RuntimeError):  # the loop closed while we waited (Ctrl-C)
            loop.call_soon_threadsafe(deliver, value)

    threading.Thread(target=read, name="console-input", daemon=True).start()
    return future
