"""The fake Discord itself: the real discord.py logs in, is rate limited, resumes, and is held to deadlines."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import discord
import pytest
from discord import app_commands
from fakediscord import FakeDiscord


class _EchoClient(discord.Client):
    """A minimal bot with one slash command, to exercise the fake without the quiz adapter."""

    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.05)
        self.tree = app_commands.CommandTree(self)
        self.slow = False

        @self.tree.command(name="echo", description="Say it back")
        async def echo(interaction: discord.Interaction, text: str) -> None:
            if self.slow:
                await asyncio.sleep(0.3)  # simulates work done before the first response
            await interaction.response.send_message(text, ephemeral=True)


@pytest.fixture
async def client(fake: FakeDiscord) -> AsyncIterator[_EchoClient]:
    fake.add_guild("study")
    bot = _EchoClient()
    await bot.login(fake.token)
    task = asyncio.create_task(bot.connect(reconnect=True))
    await asyncio.wait_for(bot.wait_until_ready(), 5)
    yield bot
    await bot.close()
    await asyncio.wait_for(task, 5)


async def test_the_real_client_logs_in_and_sees_the_guild(fake: FakeDiscord, client: _EchoClient) -> None:
    assert client.user is not None and client.user.id == fake.bot_user.id
    assert [g.name for g in client.guilds] == ["study"]
    assert fake.identifies[0]["intents"] == discord.Intents.default().value


async def test_a_rate_limited_request_is_retried_after_retry_after(fake: FakeDiscord, client: _EchoClient) -> None:
    fake.rate_limit_once("PUT", r"/applications/\d+/commands$")
    await client.tree.sync()
    puts = [r for r in fake.requests if r.method == "PUT"]
    assert [r.status for r in puts] == [429, 200]
    assert [c["name"] for c in fake.commands[None]] == ["echo"]


async def test_a_slash_command_reaches_the_tree_and_its_reply_is_recorded(
    fake: FakeDiscord, client: _EchoClient
) -> None:
    await client.tree.sync()
    guild = next(iter(fake.guilds.values()))
    member = fake.add_member(guild, "ada")
    interaction = await fake.slash(member, guild.channels[0], "echo", text="hi @everyone")
    reply = await fake.until(lambda: interaction.replies and interaction.replies[0])
    assert reply.content == "hi @everyone" and reply.ephemeral


async def test_an_unknown_command_option_is_refused_by_the_fake(fake: FakeDiscord, client: _EchoClient) -> None:
    await client.tree.sync()
    guild = next(iter(fake.guilds.values()))
    with pytest.raises(AssertionError, match="no registered option"):
        await fake.slash(fake.add_member(guild, "ada"), guild.channels[0], "echo", colour="red")


async def test_a_response_after_the_deadline_is_refused_and_recorded(fake: FakeDiscord, client: _EchoClient) -> None:
    await client.tree.sync()
    fake.response_deadline = 0.1
    client.slow = True
    guild = next(iter(fake.guilds.values()))
    interaction = await fake.slash(fake.add_member(guild, "ada"), guild.channels[0], "echo", text="late")
    await fake.until(lambda: any("/callback" in r.path for r in fake.requests))
    assert interaction.late and interaction.replies == []
    assert any("not acknowledged within 0.1s" in f for f in fake.failures)
    fake.failures.clear()


async def test_the_client_resumes_its_session_when_asked_to_reconnect(fake: FakeDiscord, client: _EchoClient) -> None:
    resumed = asyncio.create_task(client.wait_for("resumed", timeout=5))
    await fake.request_reconnect()
    await resumed
    session = next(iter(fake.gateway.sessions.values()))
    assert session.resumes == 1 and len(fake.identifies) == 1


async def test_a_message_over_discords_limits_is_refused_and_recorded(fake: FakeDiscord, client: _EchoClient) -> None:
    await client.tree.sync()
    guild = next(iter(fake.guilds.values()))
    interaction = await fake.slash(fake.add_member(guild, "ada"), guild.channels[0], "echo", text="x" * 2001)
    await fake.until(lambda: fake.failures)
    assert interaction.replies == [] and "content is 2001 characters" in fake.failures[0]
    fake.failures.clear()
