"""FakeDiscord: an aiohttp server on 127.0.0.1 that the real, unmodified discord.py logs in to."""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from fakediscord.gateway import Gateway
from fakediscord.interactions import command_data, modal_components
from fakediscord.payloads import (
    MANAGE_GUILD,
    MEMBER_PERMISSIONS,
    FakeChannel,
    FakeGuild,
    FakeUser,
    Snowflakes,
    channel_payload,
    member_payload,
    user_payload,
)
from fakediscord.records import FakeInteraction, FakeMessage, RecordedRequest
from fakediscord.rest import RestApi, json_response

__all__ = ["FakeDiscord"]

APPLICATION_COMMAND, COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 2, 3, 4, 5


class FakeDiscord:
    """Enough of Discord's REST API v10 and gateway for discord.py 2.x, recording everything the bot sends.

    Args:
        token: the bot token it accepts.
        response_deadline: seconds a bot has to acknowledge an interaction (Discord: 3).
    """

    def __init__(self, *, token: str = "fake-token", response_deadline: float = 3.0) -> None:
        self.token = token
        self.response_deadline = response_deadline
        self.heartbeat_interval_ms = 41250
        self.recommended_shards = 1
        self.ids = Snowflakes()
        self.application_id = self.ids.next()
        self.bot_user = FakeUser(self.application_id, "quizbot", bot=True)
        self.owner = FakeUser(self.ids.next(), "owner")
        self.guilds: dict[int, FakeGuild] = {}
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.requests: list[RecordedRequest] = []
        self.failures: list[str] = []
        self.messages: dict[int, FakeMessage] = {}
        self.interactions: dict[int, FakeInteraction] = {}
        self.identifies: list[dict[str, Any]] = []
        self._rate_limits: list[tuple[str, re.Pattern[str], float]] = []
        self._changed = asyncio.Condition()
        self.rest = RestApi(self)
        self.gateway = Gateway(self)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle -----------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_get("/", self.gateway.handle)
        app.router.add_route("*", "/api/v10/{tail:.*}", self.rest.handle)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        """Close sockets and stop listening."""
        await self.gateway.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """What ``discord.http.Route.BASE`` must be."""
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """What ``DiscordWebSocket.DEFAULT_GATEWAY`` must be."""
        return f"ws://127.0.0.1:{self.port}/"

    # --- the world -----------------------------------------------------------------------------------

    def add_guild(self, name: str, *, locale: str = "zh-CN", shard: tuple[int, int] | None = None) -> FakeGuild:
        """A server the bot is in, with one channel ``#quiz``; ``shard=(id, count)`` picks an id on that shard."""
        guild_id = self.ids.next()
        while shard is not None and (guild_id >> 22) % shard[1] != shard[0]:
            guild_id = self.ids.next() + (1 << 22)  # ids of a later millisecond, to move to another shard
        guild = FakeGuild(guild_id, name, locale=locale, owner_id=self.owner.id)
        guild.channels.append(FakeChannel(self.ids.next(), guild.id, "quiz"))
        self.guilds[guild.id] = guild
        return guild

    def add_channel(self, guild: FakeGuild, name: str) -> FakeChannel:
        """Another text channel in a guild (only visible to clients that connect afterwards)."""
        channel = FakeChannel(self.ids.next(), guild.id, name)
        guild.channels.append(channel)
        return channel

    def add_member(self, guild: FakeGuild, name: str, *, manage_guild: bool = False, locale: str = "zh-CN") -> FakeUser:
        """A member of a guild; ``manage_guild`` gives the Manage Server permission."""
        perms = MEMBER_PERMISSIONS | (MANAGE_GUILD if manage_guild else 0)
        user = FakeUser(self.ids.next(), name, locale=locale, permissions=perms)
        guild.members.append(user)
        return user

    def channel(self, channel_id: int) -> FakeChannel | None:
        """A channel by id."""
        for guild in self.guilds.values():
            for channel in guild.channels:
                if channel.id == channel_id:
                    return channel
        return None

    def channel_messages(self, channel: FakeChannel) -> list[FakeMessage]:
        """Public messages in a channel, oldest first (placeholders and ephemeral messages left out)."""
        return [m for m in self.messages.values() if m.channel_id == channel.id and not m.ephemeral and not m.loading]

    def new_message(self, channel_id: int, *, interaction_id: int | None = None) -> FakeMessage:
        """Store a new bot message."""
        message = FakeMessage(self.ids.next(), channel_id, self.bot_user, interaction_id=interaction_id)
        self.messages[message.id] = message
        return message

    def message_payload(self, message: FakeMessage) -> dict[str, Any]:
        """The message object as Discord returns it."""
        channel = self.channel(message.channel_id)
        return message.payload(channel.guild_id if channel else None, user_payload(self.bot_user))

    # --- waiting -------------------------------------------------------------------------------------

    def notify(self) -> None:
        """Wake whoever waits in :meth:`until` (called after every request and gateway message)."""

        async def wake() -> None:
            async with self._changed:
                self._changed.notify_all()

        asyncio.get_running_loop().create_task(wake())

    async def until(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until ``predicate()`` is truthy (re-checked after each request); return its value.

        Raises:
            AssertionError: still false after ``timeout`` seconds.
        """

        async def wait() -> Any:
            async with self._changed:
                while not (value := predicate()):
                    await self._changed.wait()
                return value

        try:
            return await asyncio.wait_for(wait(), timeout)
        except TimeoutError:
            raise AssertionError(f"condition not met within {timeout}s; failures: {self.failures}") from None

    # --- rate limits and deadlines -------------------------------------------------------------------

    def rate_limit_once(self, method: str, path_pattern: str, retry_after: float = 0.05) -> None:
        """Answer the next matching request with 429 (with the headers Discord sends)."""
        self._rate_limits.append((method, re.compile(path_pattern), retry_after))

    def take_rate_limit(self, method: str, path: str) -> web.Response | None:
        """The 429 response for this request if one was queued for it."""
        for index, (want, pattern, retry_after) in enumerate(self._rate_limits):
            if want == method and pattern.search(path):
                del self._rate_limits[index]
                headers = {
                    "Retry-After": str(retry_after),
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
                    "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                    "X-RateLimit-Bucket": "fakebucket",
                    "X-RateLimit-Scope": "user",
                    # discord.py treats a 429 without Via as a Cloudflare ban, not a rate limit.
                    "Via": "1.1 google",
                }
                body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
                return json_response(body, status=429, headers=headers)
        return None

    def rate_limit_headers(self) -> dict[str, str]:
        """Headers of a bucket with room to spare, as on every successful Discord answer."""
        return {
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "4",
            "X-RateLimit-Reset": f"{time.time() + 1:.3f}",
            "X-RateLimit-Reset-After": "1.000",
            "X-RateLimit-Bucket": "fakebucket",
        }

    def past_deadline(self, interaction: FakeInteraction) -> bool:
        """Whether the interaction is older than the response deadline."""
        return asyncio.get_running_loop().time() - interaction.created > self.response_deadline

    def _watch_deadline(self, interaction: FakeInteraction) -> None:
        def check() -> None:
            if not interaction.callbacks:
                interaction.late = True
                self.failures.append(
                    f"interaction {interaction.kind} {interaction.id} not acknowledged within {self.response_deadline}s"
                )
                self.notify()

        asyncio.get_running_loop().call_later(self.response_deadline, check)

    # --- pushing interactions ------------------------------------------------------------------------

    def _guild_of(self, channel: FakeChannel) -> FakeGuild:
        return self.guilds[channel.guild_id]

    async def _push(
        self,
        kind: str,
        type_: int,
        user: FakeUser,
        channel: FakeChannel,
        data: dict[str, Any],
        message: FakeMessage | None = None,
    ) -> FakeInteraction:
        guild = self._guild_of(channel)
        interaction_id = self.ids.next()
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": type_,
            "token": secrets.token_urlsafe(24),
            "version": 1,
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": guild.locale, "features": []},
            "channel_id": str(channel.id),
            "channel": channel_payload(channel),
            "member": member_payload(user),
            "locale": user.locale,
            "guild_locale": guild.locale,
            "app_permissions": str(MEMBER_PERMISSIONS),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
            "attachment_size_limit": 26214400,
            "data": data,
        }
        if message is not None:
            payload["message"] = self.message_payload(message)
        interaction = FakeInteraction(
            id=interaction_id,
            token=payload["token"],
            kind=kind,
            user=user,
            channel_id=channel.id,
            guild_id=guild.id,
            payload=payload,
            created=asyncio.get_running_loop().time(),
        )
        self.interactions[interaction_id] = interaction
        if kind != "autocomplete":
            self._watch_deadline(interaction)
        await self.gateway.dispatch("INTERACTION_CREATE", payload, guild.id)
        return interaction

    def _commands_for(self, guild_id: int) -> list[dict[str, Any]]:
        return self.commands.get(guild_id, []) + self.commands.get(None, [])

    async def slash(self, user: FakeUser, channel: FakeChannel, path: str, **options: Any) -> FakeInteraction:
        """A member runs a slash command (``path`` like "quiz start"), as the Discord client would send it."""
        data = command_data(self._commands_for(channel.guild_id), path, options)
        return await self._push(f"/{path}", APPLICATION_COMMAND, user, channel, data)

    async def autocomplete(
        self, user: FakeUser, channel: FakeChannel, path: str, focused: str, typed: str, **options: Any
    ) -> list[dict[str, Any]]:
        """A member types ``typed`` into option ``focused``; returns the choices the bot offered."""
        values = {**options, focused: typed}
        data = command_data(self._commands_for(channel.guild_id), path, values, focused=focused)
        interaction = await self._push("autocomplete", AUTOCOMPLETE, user, channel, data)
        await asyncio.wait_for(interaction.acknowledged.wait(), self.response_deadline)
        return interaction.choices

    async def click_button(
        self,
        user: FakeUser,
        message: FakeMessage,
        *,
        label: str | None = None,
        custom_id: str | None = None,
        index: int | None = None,
    ) -> FakeInteraction:
        """A member clicks a button of a message the bot sent (by label, custom_id, or position from 0)."""
        buttons = message.buttons()
        if index is not None:
            buttons = buttons[index : index + 1]
        button = next(
            (
                b
                for b in buttons
                if (label is None or b.get("label") == label) and (custom_id is None or b.get("custom_id") == custom_id)
            ),
            None,
        )
        if button is None:
            raise AssertionError(f"no such button on message {message.id}: {message.buttons()}")
        if button.get("disabled"):
            raise AssertionError(f"button {button.get('label')!r} is disabled")
        channel = self.channel(message.channel_id)
        assert channel is not None
        data = {"custom_id": button["custom_id"], "component_type": 2}
        return await self._push(f"button {button.get('label')}", COMPONENT, user, channel, data, message)

    async def submit_modal(self, user: FakeUser, opened_by: FakeInteraction, values: dict[str, str]) -> FakeInteraction:
        """A member fills in and submits the modal the bot opened in answer to ``opened_by``."""
        modal = opened_by.modal
        if modal is None:
            raise AssertionError(f"the bot opened no modal in answer to interaction {opened_by.id}")
        channel = self.channel(opened_by.channel_id)
        assert channel is not None
        data = {"custom_id": modal["custom_id"], "components": modal_components(modal, values)}
        source = self.messages.get(int(opened_by.payload.get("message", {}).get("id", 0)))
        return await self._push("modal", MODAL_SUBMIT, user, channel, data, source)

    async def request_reconnect(self) -> None:
        """Tell connected clients to reconnect (gateway op 7); they come back with RESUME."""
        await self.gateway.request_reconnect()

    # --- direct access for tests of the fake itself --------------------------------------------------

    async def get(self, path: str) -> Any:
        """GET an API path with the bot token, outside discord.py (for tests of the fake)."""
        async with aiohttp.ClientSession() as session:
            headers = {"Authorization": f"Bot {self.token}"}
            async with session.get(self.api_base + path, headers=headers) as response:
                return await response.json(content_type=None)
