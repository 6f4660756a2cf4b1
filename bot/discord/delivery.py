"""Where rendered events go: the member who interacted (ephemeral), or the channel (public).

Discord quirks shape this module:

* an interaction must be acknowledged within 3 seconds, so every handler defers first
  ("thinking…") before it touches the database;
* the first follow-up after a defer replaces the "thinking…" placeholder and keeps the
  defer's visibility, whatever flags it carries; so a handler defers ephemerally when its
  answer is private, and publicly only when its first message is public;
* ephemeral messages belong to the interaction token (15 minutes) and cannot carry buttons
  that must outlive it, so the channel's questions are public messages; a member's own review
  question is ephemeral, and its buttons keep working only because they are dynamic items the
  bot matches by custom_id, whatever became of the message's view.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from bot.discord import safety
from bot.discord.refs import snowflake_of
from bot.discord.render import Outgoing, render
from bot.discord.strings import ui
from bot.texts import normalize_locale
from quizcore.events import AnswerJudged, Event
from quizcore.service import QuizService

__all__ = ["Delivery", "Responder"]

log = logging.getLogger(__name__)


def _message_kwargs(out: Outgoing) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": safety.NO_MENTIONS}
    if out.content:
        kwargs["content"] = out.content
    if out.embed is not None:
        kwargs["embed"] = out.embed
    view = out.view()
    if view is not None:
        kwargs["view"] = view
    return kwargs


class Responder:
    """Answers one interaction: private messages as follow-ups, the public placeholder filled at most once."""

    def __init__(self, interaction: discord.Interaction[Any], *, public: bool) -> None:
        self.interaction = interaction
        self.public = public
        self.actor = f"discord:{interaction.user.id}"
        self.locale = normalize_locale(str(interaction.locale))
        self.filled = False

    @classmethod
    async def deferred(cls, interaction: discord.Interaction[Any], *, public: bool) -> Responder:
        """Acknowledge now ("thinking…", public or ephemeral) so the 3-second deadline is met."""
        responder = cls(interaction, public=public)
        await interaction.response.defer(ephemeral=not public, thinking=True)
        return responder

    async def send_private(self, out: Outgoing) -> None:
        """Send to the member only. Before the placeholder is filled, a public defer forbids this."""
        if self.public and not self.filled:
            # The first follow-up would become public: drop the public placeholder first.
            await self.interaction.delete_original_response()
            self.public = False
        await self.interaction.followup.send(ephemeral=True, **_message_kwargs(out))
        self.filled = True

    async def fill_public(self, out: Outgoing) -> bool:
        """Use the public placeholder for ``out``; False when there is none left to fill."""
        if not self.public or self.filled:
            return False
        await self.interaction.followup.send(**_message_kwargs(out))
        self.filled = True
        return True

    async def fail(self, text: str) -> None:
        """Tell the member privately why nothing happened."""
        await self.send_private(Outgoing(content=safety.cut(text, safety.MESSAGE_CONTENT)))

    async def finish(self) -> None:
        """Never leave a "thinking…" placeholder behind."""
        if not self.filled:
            await self.interaction.edit_original_response(content=ui("done", self.locale))
            self.filled = True


class Delivery:
    """Sends what the engine's events render to, in the community's or the member's language."""

    def __init__(self, client: discord.Client, service: QuizService) -> None:
        self.client = client
        self.service = service
        # Called with the events of each interaction after they are shown (the scheduler listens).
        self.observers: list[Callable[[Sequence[Event]], Awaitable[None]]] = []
        # Where each open question was posted, to take its buttons away when it closes. Only a
        # courtesy: after a restart it is empty and a late click is refused by the engine instead.
        self._asked: dict[str, tuple[int, int]] = {}

    async def community_locale(self, community: str) -> str:
        """The language the community's public posts are written in."""
        return (await self.service.get_config(community)).locale

    async def deliver(self, events: Sequence[Event], responder: Responder | None = None) -> None:
        """Render and send every event: private ones to the responder's member, public ones to their channel."""
        locales: dict[str, str] = {}
        for event in events:
            if event.community not in locales:
                locales[event.community] = await self.community_locale(event.community)
            out = render(event, locales[event.community])
            if out is None:
                continue
            if out.private_to is not None:
                await self._private(event, out, responder)
                continue
            await self._public(out, responder)
            if isinstance(event, AnswerJudged) and responder is not None and event.member.id == responder.actor:
                # The member also gets their verdict privately, in their own language.
                mine = render(event, responder.locale)
                if mine is not None and not responder.public:
                    await responder.send_private(mine)
        if responder is not None:
            for observer in self.observers:
                await observer(events)

    async def _private(self, event: Event, out: Outgoing, responder: Responder | None) -> None:
        if responder is None or out.private_to != responder.actor:
            log.debug("private %s for %s has no interaction to answer; not shown", type(event).__name__, out.private_to)
            return
        mine = render(event, responder.locale) or out
        await responder.send_private(mine)

    async def _public(self, out: Outgoing, responder: Responder | None) -> None:
        if out.closes is not None:
            await self._remove_buttons(out.closes)
        if responder is not None and out.asks is None and await responder.fill_public(out):
            return
        channel_id = snowflake_of(out.channel) if out.channel else None
        if channel_id is None and responder is not None:
            channel_id = responder.interaction.channel_id
        if channel_id is None:
            log.warning("public message without a channel: %r", out.content or out.embed)
            return
        message = await self.send_to_channel(channel_id, out)
        if message is not None and out.asks is not None:
            self._asked[out.asks] = (channel_id, message.id)

    async def _remove_buttons(self, key: str) -> None:
        where = self._asked.pop(key, None)
        if where is None:
            return
        channel_id, message_id = where
        try:
            await self.client.get_partial_messageable(channel_id).get_partial_message(message_id).edit(view=None)
        except discord.HTTPException:
            log.info("could not take the buttons off message %s", message_id)

    async def send_to_channel(self, channel_id: int, out: Outgoing) -> discord.Message | None:
        """Post in a channel by id (REST only, so any shard or process can post anywhere)."""
        channel = self.client.get_partial_messageable(channel_id)
        try:
            return await channel.send(**_message_kwargs(out))
        except discord.HTTPException:
            log.exception("could not post in channel %s", channel_id)
            return None
