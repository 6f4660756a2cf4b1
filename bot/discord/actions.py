"""Running one engine call for one interaction: defer, call, deliver the events, turn errors into replies."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.discord import reviews
from bot.discord.delivery import Delivery, Responder
from bot.discord.refs import channel_ref, community_ref, member_of
from bot.discord.render import Outgoing
from bot.discord.strings import ui
from bot.discord.views import DAILY, REVIEW
from bot.texts import error_text
from quizcore.errors import QuizError
from quizcore.events import Event
from quizcore.members import Member
from quizcore.service import QuizService
from quizcore.spaced import NotDueYet, ReviewJudged

__all__ = ["Caller", "answer", "error_line", "review_answer", "review_next", "run", "show"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Caller:
    """Who acts, and where, as the engine's opaque references."""

    community: str
    channel: str
    member: Member
    is_moderator: bool

    @classmethod
    def of(cls, interaction: discord.Interaction[Any]) -> Caller:
        """The caller of a guild interaction (every command is guild-only: community = guild)."""
        if interaction.guild_id is None or interaction.channel_id is None:
            raise QuizError(ui("error.guild_only", str(interaction.locale)))
        return cls(
            community=community_ref(interaction.guild_id),
            channel=channel_ref(interaction.channel_id),
            member=member_of(interaction.user),
            # Manage Server is the moderator right; interaction.permissions already folds in roles and overwrites.
            is_moderator=interaction.permissions.manage_guild,
        )


def error_line(error: QuizError, locale: str) -> str:
    """The domain error as one line in ``locale``; a time in it renders in the reader's own timezone."""
    if isinstance(error, NotDueYet):
        return error_text(error, locale, due=discord.utils.format_dt(error.due, "f"))
    return error_text(error, locale)


async def run(
    interaction: discord.Interaction[Any],
    delivery: Delivery,
    call: Callable[[Caller], Awaitable[list[Event]]],
    *,
    public: bool,
) -> None:
    """Defer, make the engine call, deliver its events; domain errors become a private reply."""
    responder = await Responder.deferred(interaction, public=public)
    try:
        events = await call(Caller.of(interaction))
    except QuizError as error:
        await responder.fail(error_line(error, responder.locale))
        return
    except Exception:
        log.exception("interaction %s failed", interaction.id)
        await responder.fail(ui("error.unexpected", responder.locale))
        return
    await delivery.deliver(events, responder)
    await responder.finish()


async def answer(
    interaction: discord.Interaction[Any],
    delivery: Delivery,
    service: QuizService,
    scope: str,
    question_id: str,
    reply: str,
) -> None:
    """Submit a button's or modal's answer: to the daily question, a review question, or the channel's quiz."""
    if scope == REVIEW:
        await review_answer(interaction, delivery, service, question_id, reply)
        return

    async def call(caller: Caller) -> list[Event]:
        if scope == DAILY:
            return await service.answer_daily(caller.community, caller.member, reply, question_id=question_id)
        return await service.answer_quiz(
            caller.community, caller.channel, caller.member, reply, question_id=question_id
        )

    await run(interaction, delivery, call, public=False)


async def show(
    interaction: discord.Interaction[Any],
    delivery: Delivery,
    build: Callable[[Caller, str], Awaitable[Outgoing]],
    *,
    public: bool,
) -> None:
    """Defer, build one message from a read model, send it (publicly in the community's language)."""
    responder = await Responder.deferred(interaction, public=public)
    try:
        caller = Caller.of(interaction)
        locale = await delivery.community_locale(caller.community) if public else responder.locale
        out = await build(caller, locale)
    except QuizError as error:
        await responder.fail(error_line(error, responder.locale))
        return
    except Exception:
        log.exception("interaction %s failed", interaction.id)
        await responder.fail(ui("error.unexpected", responder.locale))
        return
    if public:
        await responder.fill_public(out)
    else:
        await responder.send_private(out)


async def review_next(interaction: discord.Interaction[Any], delivery: Delivery, service: QuizService) -> None:
    """Show the member their next question to review, ephemeral, with its answer buttons."""

    async def build(c: Caller, locale: str) -> Outgoing:
        card = await service.review_next(c.community, c.member)
        next_due = None if card is not None else (await service.review_status(c.community, c.member.id)).next_due
        return reviews.card(card, locale, name=c.member.name, next_due=next_due)

    await show(interaction, delivery, build, public=False)


async def review_answer(
    interaction: discord.Interaction[Any], delivery: Delivery, service: QuizService, question_id: str, reply: str
) -> None:
    """Grade a review answer; the verdict (with the answer after a miss) is ephemeral."""

    async def build(c: Caller, locale: str) -> Outgoing:
        events = await service.answer_review(c.community, c.member, question_id, reply)
        judged = next(e for e in events if isinstance(e, ReviewJudged))
        return reviews.verdict(judged, service.bank.get(question_id), locale)

    await show(interaction, delivery, build, public=False)
