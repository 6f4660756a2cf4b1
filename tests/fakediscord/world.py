"""A study server around the real quiz bot, connected to the fake: the Discord adapter tests' world.

It is here rather than in ``tests/discord/conftest.py`` because test modules cannot import a conftest
(``--import-mode=importlib``) and they need these types and helpers.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.discord.client import QuizBot
from fakediscord.payloads import FakeChannel, FakeGuild, FakeUser
from fakediscord.server import FakeDiscord
from quizcore.clock import ManualClock
from quizcore.grading import Grader
from quizcore.questions import Bank, Format, Kind, Question, Source
from quizcore.service import QuizService
from quizcore.storage import Database

__all__ = ["START", "Running", "World", "make_bank"]

START = datetime(2026, 5, 4, 0, 0, tzinfo=UTC)  # a Monday, 08:00 in Shanghai


def _question(qid: str, topic: str, fmt: Format, stem: str, explanation: str = "", **fields: object) -> Question:
    return Question(
        id=qid,
        kind=Kind.AUTHORED,
        format=fmt,
        topic=topic,
        difficulty=1,
        stem=stem,
        explanation=explanation or f"Explanation of {qid}.",
        source=Source("made-up.md", 3, topic),
        **fields,  # type: ignore[arg-type]
    )


def make_bank() -> Bank:
    """Five questions written for these tests; each topic holds one, so draws are known in advance."""
    return Bank(
        [
            _question(
                "alpha-1",
                "Alpha > Numbers",
                Format.MCQ,
                "Which number is even?",
                options=("3", "4", "5", "7"),
                answer_index=1,
            ),
            _question(
                "beta-1",
                "Beta > Words",
                Format.SHORT,
                "Name the vector of partial derivatives.",
                answers=("gradient", "梯度"),
            ),
            _question(
                "gamma-1",
                "Gamma > Colours",
                Format.MCQ,
                "Which colour is a primary colour of light?",
                options=("Red", "Brown", "Pink", "Grey"),
                answer_index=0,
            ),
            _question(
                "safety-1",
                "Safety > Pings",
                Format.MCQ,
                "Ping @everyone and <@&123>? Use *stars* and `ticks`",
                options=("@here now", "no"),
                answer_index=1,
            ),
            _question(
                "long-1",
                "Long > Text",
                Format.MCQ,
                "A very long note line. " * 250,
                explanation="Because of many reasons. " * 60,
                options=("a long option text " * 8, "short"),
                answer_index=0,
            ),
        ]
    )


@dataclass
class Running:
    """A bot connected to the fake, and how to stop it."""

    bot: QuizBot
    task: asyncio.Task[None]

    async def stop(self) -> None:
        """Disconnect and wait for the connection task to end."""
        await self.bot.close()
        await asyncio.wait_for(self.task, 5)


@dataclass
class World:
    """One study server: a channel, three members, a moderator, the engine and the running bot."""

    fake: FakeDiscord
    guild: FakeGuild
    channel: FakeChannel
    ada: FakeUser
    bob: FakeUser
    cai: FakeUser
    mod: FakeUser
    clock: ManualClock
    db_url: str
    running: list[Running] = field(default_factory=list)
    databases: list[Database] = field(default_factory=list)

    @property
    def bot(self) -> QuizBot:
        """The bot started last."""
        return self.running[-1].bot

    async def start_bot(self) -> QuizBot:
        """Open the database, build the service and connect a new bot process to the fake."""
        database = await Database.open(self.db_url)
        self.databases.append(database)
        service = QuizService(make_bank(), Grader(None), database, self.clock, seed=3)
        bot = QuizBot(service, tick_seconds=None, guild_ready_timeout=0.05)
        await bot.login(self.fake.token)
        task = asyncio.create_task(bot.connect(reconnect=False))
        await asyncio.wait_for(bot.wait_until_ready(), 5)
        self.running.append(Running(bot, task))
        return bot

    async def stop_bot(self) -> None:
        """Stop the last bot (a process going down)."""
        await self.running.pop().stop()
