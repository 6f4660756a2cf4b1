"""Personal review as Discord shows it: the next question, the verdict and the status, always ephemeral.

A review is the member's own business, so every message here is for their eyes only. Ephemeral
messages live on the interaction's 15-minute token, so their views time out with it; the buttons
are the same dynamic items as the channel's (scope :data:`~bot.discord.views.REVIEW`), so a click
after the view expired, or after a restart, still reaches the engine by custom_id.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import discord

from bot.discord import safety
from bot.discord.render import NOTE, REVEAL, Outgoing, answer_fields, question_embed
from bot.discord.safety import clean, cut
from bot.discord.strings import ui
from bot.discord.views import REVIEW, NextReviewButton, answer_items
from bot.texts import t
from quizcore.questions import Question
from quizcore.spaced import ReviewCard, ReviewJudged, ReviewStatus

__all__ = ["EPHEMERAL_VIEW_SECONDS", "card", "status", "verdict"]

# An ephemeral message can be edited (and its view used) only while its interaction token lives.
EPHEMERAL_VIEW_SECONDS = 15 * 60


def _when(dt: datetime, style: str = "f") -> str:
    # Discord timestamps render in each reader's own timezone and language.
    return discord.utils.format_dt(dt, style)  # type: ignore[arg-type]


def card(shown: ReviewCard | None, locale: str, *, name: str, next_due: datetime | None = None) -> Outgoing:
    """The member's next review question with its answer buttons, or a line saying nothing is due (and till when)."""
    if shown is None:
        lines = [t("review.none", locale, name=clean(name))]
        if next_due is not None:
            lines.append(t("review.next_at", locale, when=_when(next_due)))
        return Outgoing(content=cut("\n".join(lines), safety.MESSAGE_CONTENT))
    if shown.is_new:
        state = f"{t('review.new', locale)} · {t('review.new_left', locale, count=shown.new_left)}"
    else:
        since = _when(shown.due_at) if shown.due_at else "-"
        state = f"{t('review.due_since', locale, since=since)} · {t('review.due_count', locale, count=shown.due_count)}"
    title = t("review.title", locale, name=clean(name))
    embed = question_embed(shown.question, title, [state, ui("review.how_to_answer", locale)])
    items = answer_items(shown.question, locale, session_id=REVIEW)
    return Outgoing(embed=embed, items=items, timeout=EPHEMERAL_VIEW_SECONDS)


def verdict(judged: ReviewJudged, question: Question | None, locale: str) -> Outgoing:
    """The private verdict: right or wrong, the answer after a miss, when the question comes back, what is left."""
    name = clean(judged.member.name)
    if judged.verdict.correct:
        key = "review.correct"
    elif judged.verdict.score > 0:
        key = "review.partial"
    else:
        key = "review.wrong"
    lines = [t(key, locale, name=name)]
    if judged.verdict.feedback:
        lines.append(t("answer.feedback", locale, feedback=clean(judged.verdict.feedback)))
    lines.append(ui("review.comes_back", locale, when=_when(judged.next_due), relative=_when(judged.next_due, "R")))
    left = t("review.due_left", locale, count=judged.due_left) if judged.due_left else t("review.all_done", locale)
    lines.append(left)
    lines.append(t("review.streak", locale, current=judged.streak, best=judged.best_streak))
    content = cut("\n".join(lines), safety.MESSAGE_CONTENT)
    embed = None
    if question is not None and not judged.verdict.correct:
        # The review is private, so a miss may show the answer at once.
        embed = discord.Embed(description=clean(question.stem, safety.EMBED_DESCRIPTION), colour=REVEAL)
        answer_fields(embed, question, locale)
    items: list[discord.ui.Item[Any]] = [NextReviewButton(locale)] if judged.due_left else []
    return Outgoing(content=content, embed=embed, items=items, timeout=EPHEMERAL_VIEW_SECONDS)


def status(review: ReviewStatus, locale: str, *, name: str) -> Outgoing:
    """The member's review state: due now and today, learned, retention, limits, streak, then one field per topic."""
    limit = t("review.limit_line", locale, limit=review.new_limit, today=review.new_today, left=review.new_left)
    if not review.cards:
        return Outgoing(content=cut(t("review.status_empty", locale, name=clean(name)) + "\n" + limit, 2000))
    lines = [
        t(
            "review.status_counts",
            locale,
            due_now=review.due_now,
            due_today=review.due_today,
            learned=review.learned,
            cards=review.cards,
        )
    ]
    if review.retention is not None:
        lines.append(t("review.retention", locale, retention=f"{review.retention:.0%}", reviews=review.reviews))
    if review.next_due is not None:
        lines.append(t("review.next_at", locale, when=_when(review.next_due)))
    lines += [limit, t("review.streak", locale, current=review.streak, best=review.best_streak)]
    embed = discord.Embed(
        title=cut(t("review.status_title", locale, name=clean(name)), safety.EMBED_TITLE),
        description=cut("\n".join(lines), safety.EMBED_DESCRIPTION),
        colour=NOTE,
    )
    for topic in review.by_topic[: safety.EMBED_FIELDS]:
        retention = f"{topic.retention:.0%}" if topic.retention is not None else "-"
        embed.add_field(
            name=clean(topic.topic, safety.EMBED_FIELD_NAME),
            value=f"{topic.due_now} · {topic.learned}/{topic.cards} · {retention}",
        )
    if review.by_topic:
        columns = ("due", "learned", "retention")
        embed.set_footer(text=" · ".join(t(f"column.{c}", locale) for c in columns))
    return Outgoing(embed=embed)
