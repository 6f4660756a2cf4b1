"""Fixtures of the Discord adapter tests: a fake Discord on 127.0.0.1, the real discord.py pointed at it,
and the bot over a real engine built from a small hand-made bank on a SQLite file."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

# The fake lives in tests/fakediscord; with --import-mode=importlib the tests folder is not on sys.path.
_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)

from fakediscord import FakeDiscord, pointed_at  # noqa: E402
from fakediscord.world import START, World  # noqa: E402

from bot.discord.sync import sync_commands  # noqa: E402
from quizcore.clock import ManualClock  # noqa: E402

# Interactions must be acknowledged within Discord's 3 s; the tests hold the bot to a shorter deadline.
RESPONSE_DEADLINE = 1.5


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord with discord.py's URLs pointed at it; fails the test on any recorded failure."""
    server = FakeDiscord(response_deadline=RESPONSE_DEADLINE)
    await server.start()
    try:
        with pointed_at(server):
            yield server
    finally:
        await server.close()
    assert server.failures == []


@pytest.fixture
async def world(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[World]:
    """A server with #quiz, members ada (zh-CN), bob (en), cai (zh-CN) and mod (Manage Server); bot running,
    commands synced."""
    guild = fake.add_guild("study group", locale="zh-CN")
    w = World(
        fake=fake,
        guild=guild,
        channel=guild.channels[0],
        ada=fake.add_member(guild, "ada"),
        bob=fake.add_member(guild, "bob", locale="en-US"),
        cai=fake.add_member(guild, "cai"),
        mod=fake.add_member(guild, "mod", manage_guild=True),
        clock=ManualClock(START),
        db_url=f"sqlite+aiosqlite:///{tmp_path / 'quiz.db'}",
    )
    await w.start_bot()
    await sync_commands(w.bot)
    yield w
    while w.running:
        await w.stop_bot()
    for database in w.databases:
        await database.close()
