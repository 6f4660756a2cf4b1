"""What the fake remembers: every request, every message the bot made, every interaction it was sent."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

from fakediscord.payloads import FakeUser

__all__ = ["EPHEMERAL", "LOADING", "FakeInteraction", "FakeMessage", "RecordedRequest", "pings_everyone"]

EPHEMERAL = 1 << 6
LOADING = 1 << 7

# Response types of POST /interactions/{id}/{token}/callback.
PONG, CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE, AUTOCOMPLETE, MODAL = (
    1,
    4,
    5,
    6,
    7,
    8,
    9,
)

_EVERYONE = re.compile(r"@(everyone|here)\b")


def pings_everyone(content: str, allowed_mentions: dict[str, Any] | None) -> bool:
    """Whether Discord would ping the whole server for this content (no allowed_mentions means parse all)."""
    if not _EVERYONE.search(content):
        return False
    if allowed_mentions is None:
        return True
    return "everyone" in allowed_mentions.get("parse", [])


@dataclass
class RecordedRequest:
    """One HTTP request the bot made, with the fake's answer."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int = 0


@dataclass
class FakeMessage:
    """A message the bot created (in a channel, as an interaction response, or as a follow-up)."""

    id: int
    channel_id: int
    author: FakeUser
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    flags: int = 0
    allowed_mentions: dict[str, Any] | None = None
    interaction_id: int | None = None
    edits: int = 0
    mention_everyone: bool = False

    @property
    def ephemeral(self) -> bool:
        """Only the member who interacted sees it."""
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """Still the "thinking…" placeholder of a deferred response."""
        return bool(self.flags & LOADING)

    @property
    def text(self) -> str:
        """Content plus every embed's title, description, field names and values, and footer."""
        parts = [self.content]
        for embed in self.embeds:
            parts += [embed.get("title", ""), embed.get("description", "")]
            for fld in embed.get("fields", []):
                parts += [fld.get("name", ""), fld.get("value", "")]
            parts.append(embed.get("footer", {}).get("text", ""))
        return "\n".join(p for p in parts if p)

    def buttons(self) -> list[dict[str, Any]]:
        """Every button of the message, in order."""
        found: list[dict[str, Any]] = []
        for row in self.components:
            found += [c for c in row.get("components", []) if c.get("type") == 2]
        return found

    def update(self, body: dict[str, Any]) -> None:
        """Apply a create or edit payload (absent keys stay as they are, like Discord's PATCH)."""
        for key in ("content", "embeds", "components", "allowed_mentions"):
            if key in body and body[key] is not None:
                setattr(self, key, body[key])
        if "flags" in body and body["flags"] is not None:
            self.flags = (self.flags & EPHEMERAL) | int(body["flags"])
        self.mention_everyone = self.mention_everyone or pings_everyone(self.content, self.allowed_mentions)

    def payload(self, guild_id: int | None, user_payload: dict[str, Any]) -> dict[str, Any]:
        """The message object Discord returns."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "author": user_payload,
            "content": self.content,
            "timestamp": "2026-01-01T00:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": self.mention_everyone,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": self.embeds,
            "components": self.components,
            "pinned": False,
            "type": 0 if self.interaction_id is None else 20,
            "flags": self.flags,
        }
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        if self.interaction_id is not None:
            data["webhook_id"] = str(self.author.id)
        return data


@dataclass
class FakeInteraction:
    """One interaction pushed to the bot, and everything the bot answered to it."""

    id: int
    token: str
    kind: str
    user: FakeUser
    channel_id: int
    guild_id: int
    payload: dict[str, Any]
    created: float
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    original: FakeMessage | None = None
    followups: list[FakeMessage] = field(default_factory=list)
    acknowledged: asyncio.Event = field(default_factory=asyncio.Event)
    late: bool = False

    @property
    def response_type(self) -> int | None:
        """The type of the first (the only valid) callback, or None."""
        return self.callbacks[0]["type"] if self.callbacks else None

    @property
    def deferred(self) -> bool:
        """The bot acknowledged with "thinking…" first."""
        return self.response_type == DEFERRED_CHANNEL_MESSAGE

    @property
    def modal(self) -> dict[str, Any] | None:
        """The modal the bot opened in answer, if any."""
        if self.response_type == MODAL:
            data: dict[str, Any] = self.callbacks[0]["data"]
            return data
        return None

    @property
    def choices(self) -> list[dict[str, Any]]:
        """Autocomplete choices the bot offered."""
        if self.response_type == AUTOCOMPLETE:
            return list(self.callbacks[0]["data"]["choices"])
        return []

    @property
    def replies(self) -> list[FakeMessage]:
        """The original response (once it is more than a placeholder) and every follow-up."""
        out = [self.original] if self.original is not None and not self.original.loading else []
        return out + self.followups
