"""The bot as a process: the CLI without a token, and sharding over the gateway."""

from __future__ import annotations

import asyncio
import os
import uuid
from pathlib import Path

import pytest
from fakediscord import FakeDiscord
from fakediscord.world import START, make_bank
from sqlalchemy import text
from typer.testing import CliRunner

from bot.cli import app
from bot.discord.client import REQUIRED_PERMISSIONS, ShardedQuizBot
from bot.discord.settings import DiscordSettings
from bot.discord.sync import sync_commands
from quizcore.clock import ManualClock
from quizcore.grading import Grader
from quizcore.service import QuizService
from quizcore.storage import Database

DOCS = Path(__file__).resolve().parents[2] / "docs" / "discord.md"


@pytest.mark.parametrize("command", ["run", "sync"])
def test_without_a_token_the_cli_says_in_one_line_where_to_put_it(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("QUIZBOT_DISCORD_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["discord", command])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "DISCORD_TOKEN" in lines[0] and ".env" in lines[0]


def test_the_documented_invite_url_asks_for_exactly_the_permissions_the_bot_needs() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert f"scope=bot+applications.commands&permissions={REQUIRED_PERMISSIONS.value}" in text


async def test_an_auto_sharded_bot_runs_every_shard_and_answers_in_each_server(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    fake.recommended_shards = 2
    guilds = [fake.add_guild(f"group {i}", shard=(i, 2)) for i in range(2)]
    members = [fake.add_member(g, f"member {i}") for i, g in enumerate(guilds)]
    database = await Database.open(f"sqlite+aiosqlite:///{tmp_path / 'quiz.db'}")
    service = QuizService(make_bank(), Grader(None), database, ManualClock(START))
    bot = ShardedQuizBot(service, tick_seconds=None, guild_ready_timeout=0.05)
    try:
        await bot.login(fake.token)
        task = asyncio.create_task(bot.connect(reconnect=False))
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        await sync_commands(bot)
        assert sorted(tuple(i["shard"]) for i in fake.identifies) == [(0, 2), (1, 2)]
        for guild, member in zip(guilds, members, strict=True):
            topics = await fake.slash(member, guild.channels[0], "topics")
            await fake.until(lambda topics=topics: topics.replies)  # type: ignore[misc]
        await bot.close()
        await asyncio.wait_for(task, 5)
    finally:
        await database.close()


@pytest.mark.postgres
async def test_two_shard_processes_on_one_postgresql_database_post_the_daily_question_once(
    fake: FakeDiscord,
) -> None:
    url = os.environ.get("QUIZBOT_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("QUIZBOT_TEST_POSTGRES_URL is not set")
    guild = fake.add_guild("big group", shard=(0, 2))
    mod = fake.add_member(guild, "mod", manage_guild=True)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    clock = ManualClock(START)
    databases = [await Database.open(url, schema=schema) for _ in range(2)]
    bots = [
        ShardedQuizBot(
            QuizService(make_bank(), Grader(None), db, clock),
            tick_seconds=None,
            shard_count=2,
            shard_ids=[shard],
            guild_ready_timeout=0.05,
        )
        for shard, db in enumerate(databases)
    ]
    tasks = []
    try:
        for bot in bots:
            await bot.login(fake.token)
            tasks.append(asyncio.create_task(bot.connect(reconnect=False)))
            await asyncio.wait_for(bot.wait_until_ready(), 10)
        await sync_commands(bots[0])
        setup = await fake.slash(mod, guild.channels[0], "daily-admin setup", time="09:00", timezone="Asia/Shanghai")
        await fake.until(lambda: setup.replies)
        clock.set(START.replace(hour=1))
        await asyncio.gather(*(bot.tick() for bot in bots))  # both processes' schedulers fire at 09:00
        assert len([m for m in fake.channel_messages(guild.channels[0]) if m.buttons()]) == 1
    finally:
        for bot in bots:
            await bot.close()
        await asyncio.gather(*tasks, return_exceptions=True)
        async with databases[0].engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        for db in databases:
            await db.close()


async def test_the_cli_syncs_then_runs_a_bot_that_answers_commands(
    fake: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.cli.discord_cmd import _run, _sync

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", fake.token)
    monkeypatch.setenv("QUIZBOT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    guild = fake.add_guild("cli group", locale="en-US")
    member = fake.add_member(guild, "ada", locale="en-US")
    settings = DiscordSettings()
    assert "topics" in await _sync(settings, None)
    (tmp_path / "notes").mkdir()
    running = asyncio.create_task(_run(settings, tmp_path / "notes", seed=1))
    try:
        await fake.until(lambda: fake.identifies, timeout=20)
        await fake.until(lambda: fake.gateway.sessions and next(iter(fake.gateway.sessions.values())).sent[1:])
        topics = await fake.slash(member, guild.channels[0], "topics")
        reply = await fake.until(lambda: topics.replies and topics.replies[0])
        assert "The question bank is empty" in reply.text
        assert len([r for r in fake.requests if r.method == "PUT"]) == 1  # run never syncs
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
