"""The REST half of the fake: Discord API v10 routes the bot uses, with the quirks discord.py relies on."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiohttp import web

from fakediscord.limits import command_problems, message_problems
from fakediscord.payloads import channel_payload, user_payload
from fakediscord.records import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    DEFERRED_UPDATE,
    EPHEMERAL,
    LOADING,
    UPDATE_MESSAGE,
    FakeInteraction,
    FakeMessage,
    RecordedRequest,
)

if TYPE_CHECKING:
    from fakediscord.server import FakeDiscord

__all__ = ["RestApi", "json_response"]

Handler = Callable[[re.Match[str], RecordedRequest], Awaitable[web.Response]]


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON answer whose Content-Type is exactly ``application/json``: discord.py compares it verbatim."""
    body = json.dumps(data).encode()
    response = web.Response(body=body, status=status, headers=headers)
    response.headers["Content-Type"] = "application/json"
    return response


def _error(status: int, code: int, message: str) -> web.Response:
    return json_response({"message": message, "code": code}, status=status)


class RestApi:
    """Routes ``/api/v10/...`` requests to handlers and records each one on the fake."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        app_routes: list[tuple[str, str, Handler]] = [
            ("GET", r"/users/@me", self._me),
            ("GET", r"/oauth2/applications/@me", self._application),
            ("GET", r"/applications/@me", self._application),
            ("GET", r"/gateway", self._gateway),
            ("GET", r"/gateway/bot", self._gateway_bot),
            ("PUT", r"/applications/(?P<app>\d+)/commands", self._put_commands),
            ("PUT", r"/applications/(?P<app>\d+)/guilds/(?P<guild>\d+)/commands", self._put_commands),
            ("GET", r"/applications/(?P<app>\d+)/commands", self._get_commands),
            ("GET", r"/applications/(?P<app>\d+)/guilds/(?P<guild>\d+)/commands", self._get_commands),
            ("POST", r"/interactions/(?P<id>\d+)/(?P<token>[^/]+)/callback", self._callback),
            ("POST", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)", self._followup),
            ("GET", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<msg>@original|\d+)", self._get_webhook_msg),
            (
                "PATCH",
                r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<msg>@original|\d+)",
                self._edit_webhook_msg,
            ),
            ("DELETE", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<msg>@original|\d+)", self._delete_msg),
            ("GET", r"/channels/(?P<channel>\d+)", self._get_channel),
            ("POST", r"/channels/(?P<channel>\d+)/messages", self._create_message),
            ("GET", r"/channels/(?P<channel>\d+)/messages/(?P<msg>\d+)", self._get_message),
            ("PATCH", r"/channels/(?P<channel>\d+)/messages/(?P<msg>\d+)", self._edit_message),
            ("DELETE", r"/channels/(?P<channel>\d+)/messages/(?P<msg>\d+)", self._delete_msg),
        ]
        self.routes = [(m, re.compile(p + "$"), h) for m, p, h in app_routes]

    async def handle(self, request: web.Request) -> web.Response:
        """Answer one request under ``/api/v10``."""
        path = request.path.removeprefix("/api/v10")
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body = {"multipart": True}
        record = RecordedRequest(request.method, path, dict(request.query), body)
        self.fake.requests.append(record)
        response = await self._route(request, record)
        record.status = response.status
        self.fake.notify()
        return response

    async def _route(self, request: web.Request, record: RecordedRequest) -> web.Response:
        limited = self.fake.take_rate_limit(record.method, record.path)
        if limited is not None:
            return limited
        is_webhook = record.path.startswith(("/webhooks/", "/interactions/"))
        if not is_webhook and request.headers.get("Authorization") != f"Bot {self.fake.token}":
            return _error(401, 0, "401: Unauthorized")
        problems = self._problems(record)
        if problems:
            self.fake.failures.append(f"{record.method} {record.path} refused: {'; '.join(problems)}")
            return _error(400, 50035, "Invalid Form Body")
        for method, pattern, handler in self.routes:
            match = pattern.match(record.path)
            if match and method == record.method:
                response = await handler(match, record)
                for key, value in self.fake.rate_limit_headers().items():
                    response.headers.setdefault(key, value)
                return response
        self.fake.failures.append(f"unknown route {record.method} {record.path}")
        return _error(404, 0, "404: Not Found")

    @staticmethod
    def _problems(record: RecordedRequest) -> list[str]:
        body = record.body
        if record.method == "PUT" and record.path.endswith("/commands") and isinstance(body, list):
            return [p for command in body for p in command_problems(command)]
        if record.method in ("POST", "PATCH") and isinstance(body, dict):
            if record.path.endswith("/callback"):
                data = body.get("data") or {}
                if body.get("type") == 8:
                    choices = data.get("choices") or []
                    too_many = [f"{len(choices)} autocomplete choices (limit 25)"] if len(choices) > 25 else []
                    return too_many + [f"choice {c['name']!r} too long" for c in choices if len(c["name"]) > 100]
                return message_problems(data) if body.get("type") in (4, 7) else []
            return message_problems(body)
        return []

    # --- login ---------------------------------------------------------------------------------------

    async def _me(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        return json_response(user_payload(self.fake.bot_user))

    async def _application(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        return json_response(
            {
                "id": str(self.fake.application_id),
                "name": self.fake.bot_user.name,
                "icon": None,
                "description": "",
                "rpc_origins": [],
                "bot_public": True,
                "bot_require_code_grant": False,
                "bot": user_payload(self.fake.bot_user),
                "owner": user_payload(self.fake.owner),
                "summary": "",
                "verify_key": "0" * 64,
                "team": None,
                "flags": 0,
                "interactions_endpoint_url": None,
            }
        )

    async def _gateway(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        return json_response({"url": self.fake.gateway_url})

    async def _gateway_bot(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_response(
            {"url": self.fake.gateway_url, "shards": self.fake.recommended_shards, "session_start_limit": limit}
        )

    # --- application commands ------------------------------------------------------------------------

    async def _put_commands(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        guild = match.groupdict().get("guild")
        scope = int(guild) if guild else None
        registered = []
        for command in record.body:
            full = dict(command)
            full.update(
                id=str(self.fake.ids.next()),
                application_id=str(self.fake.application_id),
                version=str(self.fake.ids.next()),
            )
            if scope is not None:
                full["guild_id"] = str(scope)
            registered.append(full)
        self.fake.commands[scope] = registered
        return json_response(registered)

    async def _get_commands(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        guild = match.groupdict().get("guild")
        return json_response(self.fake.commands.get(int(guild) if guild else None, []))

    # --- interaction responses -----------------------------------------------------------------------

    async def _callback(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        interaction = self.fake.interactions.get(int(match["id"]))
        if interaction is None or interaction.token != match["token"]:
            return _error(404, 10062, "Unknown interaction")
        if interaction.late or self.fake.past_deadline(interaction):
            interaction.late = True
            self.fake.failures.append(f"interaction {interaction.kind} {interaction.id} answered after the deadline")
            return _error(404, 10062, "Unknown interaction")
        if interaction.callbacks:
            self.fake.failures.append(f"interaction {interaction.kind} {interaction.id} answered twice")
            return _error(400, 40060, "Interaction has already been acknowledged.")
        interaction.callbacks.append(record.body)
        interaction.acknowledged.set()
        message = self._apply_callback(interaction, record.body)
        result: dict[str, Any] = {
            "interaction": {
                "id": str(interaction.id),
                "type": interaction.payload["type"],
                "response_message_loading": record.body["type"] == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(message and message.ephemeral),
            }
        }
        if message is not None:
            result["interaction"]["response_message_id"] = str(message.id)
            result["resource"] = {"type": record.body["type"], "message": self.fake.message_payload(message)}
        return json_response(result)

    def _apply_callback(self, interaction: FakeInteraction, body: dict[str, Any]) -> FakeMessage | None:
        kind = body["type"]
        data = body.get("data") or {}
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            message = self.fake.new_message(interaction.channel_id, interaction_id=interaction.id)
            if kind == DEFERRED_CHANNEL_MESSAGE:
                message.flags = LOADING | (int(data.get("flags", 0)) & EPHEMERAL)
            else:
                message.flags = int(data.get("flags", 0)) & EPHEMERAL
                message.update(data)
            interaction.original = message
            return message
        if kind in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            target = self.fake.messages.get(int(interaction.payload.get("message", {}).get("id", 0)))
            if target is not None and kind == UPDATE_MESSAGE:
                target.update(data)
                target.edits += 1
            return target
        return None

    def _interaction_by_token(self, token: str) -> FakeInteraction | None:
        return next((i for i in self.fake.interactions.values() if i.token == token), None)

    async def _followup(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        interaction = self._interaction_by_token(match["token"])
        if interaction is None or int(match["app"]) != self.fake.application_id:
            return _error(404, 10015, "Unknown Webhook")
        if not interaction.callbacks:
            self.fake.failures.append(f"follow-up before any response to interaction {interaction.id}")
            return _error(404, 10015, "Unknown Webhook")
        original = interaction.original
        if original is not None and original.loading:
            # Discord's quirk: the first follow-up after a "thinking…" defer replaces the placeholder and
            # keeps the defer's visibility (an ephemeral flag on the follow-up is then ignored).
            original.flags &= ~LOADING
            original.update({k: v for k, v in record.body.items() if k != "flags"})
            return json_response(self.fake.message_payload(original))
        message = self.fake.new_message(interaction.channel_id, interaction_id=interaction.id)
        message.flags = int(record.body.get("flags") or 0) & EPHEMERAL
        message.update({k: v for k, v in record.body.items() if k != "flags"})
        interaction.followups.append(message)
        return json_response(self.fake.message_payload(message))

    def _webhook_message(self, match: re.Match[str]) -> FakeMessage | None:
        interaction = self._interaction_by_token(match["token"])
        if interaction is None:
            return None
        if match["msg"] == "@original":
            return interaction.original
        return self.fake.messages.get(int(match["msg"]))

    async def _get_webhook_msg(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        message = self._webhook_message(match)
        if message is None:
            return _error(404, 10008, "Unknown Message")
        return json_response(self.fake.message_payload(message))

    async def _edit_webhook_msg(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        message = self._webhook_message(match)
        if message is None:
            return _error(404, 10008, "Unknown Message")
        message.flags &= ~LOADING
        message.update({k: v for k, v in record.body.items() if k != "flags"})
        message.edits += 1
        return json_response(self.fake.message_payload(message))

    async def _delete_msg(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        groups = match.groupdict()
        message = self._webhook_message(match) if "token" in groups else self.fake.messages.get(int(groups["msg"]))
        if message is None:
            return _error(404, 10008, "Unknown Message")
        self.fake.messages.pop(message.id, None)
        for interaction in self.fake.interactions.values():
            if interaction.original is message:
                interaction.original = None
        return web.Response(status=204)

    # --- channels ------------------------------------------------------------------------------------

    async def _get_channel(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        channel = self.fake.channel(int(match["channel"]))
        if channel is None:
            return _error(404, 10003, "Unknown Channel")
        return json_response(channel_payload(channel))

    async def _create_message(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        channel_id = int(match["channel"])
        if self.fake.channel(channel_id) is None:
            return _error(404, 10003, "Unknown Channel")
        message = self.fake.new_message(channel_id)
        message.update(record.body or {})
        return json_response(self.fake.message_payload(message))

    async def _get_message(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        message = self.fake.messages.get(int(match["msg"]))
        if message is None or message.channel_id != int(match["channel"]):
            return _error(404, 10008, "Unknown Message")
        return json_response(self.fake.message_payload(message))

    async def _edit_message(self, match: re.Match[str], record: RecordedRequest) -> web.Response:
        message = self.fake.messages.get(int(match["msg"]))
        if message is None or message.channel_id != int(match["channel"]):
            return _error(404, 10008, "Unknown Message")
        message.update(record.body or {})
        message.edits += 1
        return json_response(self.fake.message_payload(message))
