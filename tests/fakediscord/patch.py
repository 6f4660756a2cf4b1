"""Point discord.py at the fake by setting the two class attributes it reads its URLs from."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import discord.gateway
import discord.http
import yarl

from fakediscord.server import FakeDiscord

__all__ = ["pointed_at"]


@contextmanager
def pointed_at(fake: FakeDiscord) -> Iterator[None]:
    """Within the block, discord.py's REST calls and gateway connections go to ``fake``.

    discord.py 2.7 builds every REST URL from ``Route.BASE`` (webhooks and interaction callbacks
    included) and connects a plain ``Client`` to ``DiscordWebSocket.DEFAULT_GATEWAY`` (an
    ``AutoShardedClient`` asks ``/gateway/bot``, which the fake answers with its own URL).
    """
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = fake.api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway
