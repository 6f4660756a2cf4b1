"""A fake Discord (REST API v10 + gateway) for testing the real discord.py client without the network."""

from fakediscord.patch import pointed_at
from fakediscord.payloads import FakeChannel, FakeGuild, FakeUser
from fakediscord.records import FakeInteraction, FakeMessage, RecordedRequest
from fakediscord.server import FakeDiscord

__all__ = [
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeInteraction",
    "FakeMessage",
    "FakeUser",
    "RecordedRequest",
    "pointed_at",
]
