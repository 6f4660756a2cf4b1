"""The gateway half of the fake: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, dispatches."""

from __future__ import annotations

import json
import logging
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from fakediscord.payloads import guild_create_payload, user_payload

if TYPE_CHECKING:
    from fakediscord.server import FakeDiscord

__all__ = ["Gateway", "GatewaySession"]

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 0, 1, 2, 6, 7, 9, 10, 11


@dataclass
class GatewaySession:
    """One identified gateway session (one shard of one client); it outlives a socket when resumed."""

    session_id: str
    shard: tuple[int, int]
    identify: dict[str, Any]
    ws: web.WebSocketResponse
    compressor: Any = None
    seq: int = 0
    resumes: int = 0
    heartbeats: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)

    async def send(self, payload: dict[str, Any]) -> None:
        """Send one gateway payload, zlib-stream compressed when the client asked for it."""
        if payload.get("op") == DISPATCH:
            self.seq += 1
            payload["s"] = self.seq
            self.sent.append(payload)
        await _send(self.ws, payload, self.compressor)

    def owns(self, guild_id: int) -> bool:
        """Whether this shard receives the guild's events (Discord's rule: (guild_id >> 22) % shard_count)."""
        shard_id, count = self.shard
        return (guild_id >> 22) % count == shard_id


async def _send(ws: web.WebSocketResponse, payload: dict[str, Any], compressor: Any) -> None:
    text = json.dumps(payload)
    if compressor is None:
        await ws.send_str(text)
    else:
        # zlib-stream: one shared context per connection, each message ends on a Z_SYNC_FLUSH marker.
        await ws.send_bytes(compressor.compress(text.encode()) + compressor.flush(zlib.Z_SYNC_FLUSH))


class Gateway:
    """Accepts websocket connections at ``/`` and speaks gateway v10 to discord.py."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.sessions: dict[str, GatewaySession] = {}
        self.sockets: set[web.WebSocketResponse] = set()

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """Serve one websocket connection until it closes."""
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.add(ws)
        compressor = zlib.compressobj() if request.query.get("compress") == "zlib-stream" else None
        session: GatewaySession | None = None
        try:
            await _send(ws, {"op": HELLO, "d": {"heartbeat_interval": self.fake.heartbeat_interval_ms}}, compressor)
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                session = await self._receive(ws, compressor, session, payload)
        finally:
            self.sockets.discard(ws)
        return ws

    async def _receive(
        self, ws: web.WebSocketResponse, compressor: Any, session: GatewaySession | None, payload: dict[str, Any]
    ) -> GatewaySession | None:
        op = payload.get("op")
        data: dict[str, Any] = payload.get("d") or {}
        if op == HEARTBEAT:
            if session is not None:
                session.heartbeats += 1
            await _send(ws, {"op": HEARTBEAT_ACK}, compressor)
        elif op == IDENTIFY:
            if data.get("token") != self.fake.token:
                await ws.close(code=4004, message=b"Authentication failed.")
                return None
            shard = data.get("shard") or (0, 1)
            session = GatewaySession(
                session_id=f"session-{self.fake.ids.next()}",
                shard=(int(shard[0]), int(shard[1])),
                identify=data,
                ws=ws,
                compressor=compressor,
            )
            self.sessions[session.session_id] = session
            self.fake.identifies.append(data)
            await self._ready(session)
        elif op == RESUME:
            known = self.sessions.get(data.get("session_id", ""))
            if known is None or data.get("token") != self.fake.token:
                await _send(ws, {"op": INVALID_SESSION, "d": False}, compressor)
                return None
            known.ws, known.compressor = ws, compressor
            known.resumes += 1
            await known.send({"op": DISPATCH, "t": "RESUMED", "d": {}})
            session = known
        self.fake.notify()
        return session

    async def _ready(self, session: GatewaySession) -> None:
        guilds = [g for g in self.fake.guilds.values() if session.owns(g.id)]
        ready = {
            "v": 10,
            "user": user_payload(self.fake.bot_user),
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": session.session_id,
            "resume_gateway_url": self.fake.gateway_url,
            "shard": list(session.shard),
            "application": {"id": str(self.fake.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "user_settings": {},
            "presences": [],
            "geo_ordered_rtc_regions": [],
        }
        await session.send({"op": DISPATCH, "t": "READY", "d": ready})
        for guild in guilds:
            await session.send(
                {"op": DISPATCH, "t": "GUILD_CREATE", "d": guild_create_payload(guild, self.fake.bot_user)}
            )

    async def dispatch(self, event: str, data: dict[str, Any], guild_id: int) -> None:
        """Send one event to every live session whose shard owns the guild."""
        for session in list(self.sessions.values()):
            if session.owns(guild_id) and not session.ws.closed:
                await session.send({"op": DISPATCH, "t": event, "d": data})

    async def request_reconnect(self) -> None:
        """Ask every client to reconnect (op 7), as Discord does before moving a session; they RESUME."""
        for session in list(self.sessions.values()):
            if not session.ws.closed:
                await _send(session.ws, {"op": RECONNECT, "d": None}, session.compressor)

    async def close(self) -> None:
        """Close every socket."""
        for ws in list(self.sockets):
            await ws.close()
