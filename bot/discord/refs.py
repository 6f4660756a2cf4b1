"""The engine's opaque references made from Discord objects: community = guild, channel, member."""

from __future__ import annotations

import discord

from quizcore.members import Member

__all__ = ["channel_ref", "community_ref", "member_of", "snowflake_of"]

_PREFIX = "discord:"


def community_ref(guild_id: int) -> str:
    """The community of a guild; one guild never sees another's data because every call is keyed on it."""
    return f"{_PREFIX}{guild_id}"


def channel_ref(channel_id: int) -> str:
    """A channel reference."""
    return f"{_PREFIX}{channel_id}"


def member_of(user: discord.abc.User) -> Member:
    """A member reference with the display name shown on leaderboards."""
    return Member(f"{_PREFIX}{user.id}", user.display_name)


def snowflake_of(ref: str) -> int | None:
    """The Discord id inside a reference we made, or None for other adapters' references."""
    if not ref.startswith(_PREFIX):
        return None
    tail = ref.removeprefix(_PREFIX)
    return int(tail) if tail.isdigit() else None
