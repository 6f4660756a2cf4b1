"""JSON shapes of Discord API v10 objects, as the real API sends them, built from the fake's state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "FakeChannel",
    "FakeGuild",
    "FakeUser",
    "Snowflakes",
    "channel_payload",
    "guild_create_payload",
    "member_payload",
    "user_payload",
]

# Discord's epoch (2015-01-01) in ms: snowflakes encode their creation time relative to it.
_DISCORD_EPOCH_MS = 1420070400000
JOINED_AT = "2024-01-01T00:00:00+00:00"

# Permission bits (https://discord.com/developers/docs/topics/permissions).
MANAGE_GUILD = 1 << 5
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 31)  # view, send, embed, history, use cmds


class Snowflakes:
    """Increasing snowflake ids, so ids sort by creation like Discord's."""

    def __init__(self) -> None:
        self._counter = 0

    def next(self) -> int:
        """A new id."""
        self._counter += 1
        ms = int(datetime.now(UTC).timestamp() * 1000) - _DISCORD_EPOCH_MS
        return (ms << 22) | (self._counter & 0x3FFFFF)


@dataclass
class FakeUser:
    """A Discord account (a member of the fake's guilds, or the bot itself)."""

    id: int
    name: str
    bot: bool = False
    locale: str = "zh-CN"
    permissions: int = MEMBER_PERMISSIONS

    @property
    def member_id(self) -> str:
        """The engine's opaque id for this user."""
        return f"discord:{self.id}"


@dataclass
class FakeChannel:
    """A guild text channel."""

    id: int
    guild_id: int
    name: str


@dataclass
class FakeGuild:
    """A server with its channels and members."""

    id: int
    name: str
    locale: str = "zh-CN"
    owner_id: int = 0
    channels: list[FakeChannel] = field(default_factory=list)
    members: list[FakeUser] = field(default_factory=list)


def user_payload(user: FakeUser) -> dict[str, Any]:
    """A user object."""
    return {
        "id": str(user.id),
        "username": user.name,
        "discriminator": "0",
        "global_name": user.name,
        "avatar": None,
        "bot": user.bot,
        "public_flags": 0,
        "flags": 0,
    }


def member_payload(user: FakeUser) -> dict[str, Any]:
    """A guild member object, with the computed permissions interactions carry."""
    return {
        "user": user_payload(user),
        "nick": None,
        "avatar": None,
        "roles": [],
        "joined_at": JOINED_AT,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "permissions": str(user.permissions),
    }


def channel_payload(channel: FakeChannel) -> dict[str, Any]:
    """A guild text channel object."""
    return {
        "id": str(channel.id),
        "type": 0,
        "guild_id": str(channel.guild_id),
        "name": channel.name,
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "flags": 0,
    }


def guild_create_payload(guild: FakeGuild, bot: FakeUser) -> dict[str, Any]:
    """The GUILD_CREATE payload the gateway sends after READY for each guild."""
    everyone = {
        "id": str(guild.id),
        "name": "@everyone",
        "permissions": str(MEMBER_PERMISSIONS),
        "position": 0,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": False,
        "flags": 0,
    }
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "owner_id": str(guild.owner_id or bot.id),
        "preferred_locale": guild.locale,
        "roles": [everyone],
        "channels": [channel_payload(c) for c in guild.channels],
        "members": [member_payload(bot)],
        "member_count": len(guild.members) + 1,
        "features": [],
        "emojis": [],
        "stickers": [],
        "threads": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "unavailable": False,
        "large": False,
        "joined_at": JOINED_AT,
        "premium_tier": 0,
        "mfa_level": 0,
        "verification_level": 0,
        "explicit_content_filter": 0,
        "default_message_notifications": 0,
        "system_channel_flags": 0,
        "nsfw_level": 0,
        "afk_timeout": 300,
    }
