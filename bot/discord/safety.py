"""What keeps the bot's messages harmless: no pings, escaped user and note text, Discord's size limits."""

from __future__ import annotations

import discord

__all__ = [
    "AUTOCOMPLETE_CHOICES",
    "BUTTON_LABEL",
    "CHOICE_NAME",
    "CUSTOM_ID",
    "EMBED_DESCRIPTION",
    "EMBED_FIELDS",
    "EMBED_FIELD_NAME",
    "EMBED_FIELD_VALUE",
    "EMBED_FOOTER",
    "EMBED_TITLE",
    "MESSAGE_CONTENT",
    "NO_MENTIONS",
    "clean",
    "cut",
]

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits and
# the component and autocomplete docs). Sending more is rejected with 400, so text is cut before sending.
MESSAGE_CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELD_NAME = 256
EMBED_FIELD_VALUE = 1024
EMBED_FIELDS = 25
EMBED_FOOTER = 2048
BUTTON_LABEL = 80
CHOICE_NAME = 100
AUTOCOMPLETE_CHOICES = 25
CUSTOM_ID = 100
MODAL_TITLE = 45
TEXT_INPUT_LABEL = 45

# Nothing the bot says pings anyone: note text and member names may contain @everyone, role or user
# mentions, and Discord resolves those unless the message's allowed_mentions forbids it.
NO_MENTIONS = discord.AllowedMentions.none()


def cut(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters, ending in "…" when something was cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)] + "…"


def clean(text: str, limit: int | None = None) -> str:
    """Note or member text made inert: markdown escaped, mentions broken, then cut to ``limit``.

    Escaping happens before cutting, so a cut never leaves half an escape sequence's meaning behind
    (at worst a trailing backslash is dropped with the cut part).
    """
    safe = discord.utils.escape_mentions(discord.utils.escape_markdown(text))
    if limit is None:
        return safe
    out = cut(safe, limit)
    if out.endswith("\\…"):
        out = out[:-2] + "…"
    return out
