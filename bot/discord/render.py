"""Engine events → what Discord shows: message content, one embed, and buttons.

Rendering is pure (no I/O): :mod:`bot.discord.delivery` decides where each result goes.
Note text and member names pass through :func:`bot.discord.safety.clean` and every piece is cut to
Discord's limits.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import discord

from bot.discord import safety
from bot.discord.safety import clean, cut
from bot.discord.strings import ui
from bot.discord.views import answer_items
from bot.texts import t
from quizcore.events import (
    AnswerJudged,
    ConfigChanged,
    DailyPosted,
    DailyRevealed,
    Event,
    HintGiven,
    QuestionAsked,
    QuestionClosed,
    QuizEnded,
    QuizStarted,
    ReportCleared,
    ReportFiled,
    StreakExtended,
)
from quizcore.questions import Format, Question
from quizcore.spaced import ReviewLimitChanged

__all__ = ["Outgoing", "answer_fields", "question_embed", "render"]

# Colours only help scanning a busy channel: blue asks, green reveals, grey is bookkeeping.
ASK, REVEAL, NOTE = discord.Colour.blurple(), discord.Colour.green(), discord.Colour.light_grey()
LETTERS = string.ascii_uppercase


@dataclass
class Outgoing:
    """One message to send: ``private_to`` set means ephemeral, to that member only.

    ``asks`` names the question a message asks (its buttons answer it); ``closes`` names the question
    whose earlier message should lose its buttons now.
    """

    content: str | None = None
    embed: discord.Embed | None = None
    items: list[discord.ui.Item[discord.ui.View]] = field(default_factory=list)
    private_to: str | None = None
    channel: str | None = None
    asks: str | None = None
    closes: str | None = None
    timeout: float | None = None

    def view(self) -> discord.ui.View | None:
        """The buttons as a view; ``timeout`` None (the default) because channel buttons must work for days.

        An ephemeral message sets a timeout: its token lasts 15 minutes, so keeping its view in memory
        longer only leaks. Its buttons still work afterwards, being dynamic items matched by custom_id.
        """
        if not self.items:
            return None
        view = discord.ui.View(timeout=self.timeout)
        for item in self.items:
            view.add_item(item)
        return view


def _when(dt: datetime, style: str = "t") -> str:
    # Discord timestamps render in each reader's own timezone and language.
    return discord.utils.format_dt(dt, style)  # type: ignore[arg-type]


def _question_text(question: Question) -> str:
    lines = [clean(question.stem)]
    if question.format is Format.MCQ and question.options:
        lines += [f"**{LETTERS[i]}.** {clean(option)}" for i, option in enumerate(question.options)]
    return "\n".join(lines)


def question_embed(question: Question, title: str, footer_lines: list[str]) -> discord.Embed:
    """The embed that asks a question (stem, lettered options, then ``footer_lines``)."""
    description = _question_text(question)
    tail = "\n\n" + "\n".join(footer_lines) if footer_lines else ""
    body = cut(description, safety.EMBED_DESCRIPTION - len(tail)) + tail
    embed = discord.Embed(title=cut(title, safety.EMBED_TITLE), description=body, colour=ASK)
    embed.set_footer(text=cut(f"{question.id} · {question.topic}", safety.EMBED_FOOTER))
    return embed


def answer_fields(embed: discord.Embed, question: Question, locale: str) -> None:
    """Add the answer, explanation and source of ``question`` to ``embed`` as fields."""
    answer = question.correct_text
    if question.format is Format.MCQ and question.answer_index is not None:
        answer = f"{LETTERS[question.answer_index]}. {answer}"
    pairs = [
        (t("closed.answer", locale, answer=""), answer),
        (t("closed.explanation", locale, explanation=""), question.explanation),
        (t("closed.source", locale, source=""), str(question.source)),
    ]
    for name, value in pairs:
        if value:
            embed.add_field(
                name=cut(name.rstrip("：: "), safety.EMBED_FIELD_NAME),
                value=clean(value, safety.EMBED_FIELD_VALUE),
                inline=False,
            )


def _names(members: object) -> str:
    return ", ".join(clean(m.name) for m in members)  # type: ignore[attr-defined]


def _quiz_started(e: QuizStarted, locale: str) -> Outgoing:
    topic = clean(e.topic) if e.topic else t("quiz.all_topics", locale)
    text = t("quiz.started", locale, name=clean(e.starter.name), topic=topic, total=e.total)
    return Outgoing(content=cut(text, safety.MESSAGE_CONTENT), channel=e.channel)


def _question_asked(e: QuestionAsked, locale: str) -> Outgoing:
    title = t("quiz.question", locale, number=e.number, total=e.total, topic=e.question.topic.split(" > ")[0])
    # A relative Discord timestamp counts down in every reader's client, whatever their timezone.
    deadline = ui("quiz.deadline", locale, deadline=_when(e.deadline, "R"))
    embed = question_embed(e.question, title, [deadline])
    items = answer_items(e.question, locale, session_id=e.session_id)
    return Outgoing(embed=embed, items=items, channel=e.channel, asks=f"{e.session_id}:{e.question.id}")


def _answer_judged(e: AnswerJudged, locale: str) -> Outgoing:
    verdict = e.verdict
    name = clean(e.member.name)
    if verdict.correct:
        line = t("answer.correct", locale, name=name, points=e.points)
    elif verdict.score > 0:
        line = t("answer.partial", locale, name=name, points=e.points)
    else:
        line = t("answer.wrong", locale, name=name)
    if verdict.feedback and e.private_to is not None:
        line += "\n" + t("answer.feedback", locale, feedback=clean(verdict.feedback))
    return Outgoing(content=cut(line, safety.MESSAGE_CONTENT), private_to=e.private_to, channel=e.channel)


def _hint(e: HintGiven, locale: str) -> Outgoing:
    text = t("hint.given", locale, level=e.level, text=clean(e.text), cost=e.cost)
    return Outgoing(content=cut(text, safety.MESSAGE_CONTENT), channel=e.channel)


def _question_closed(e: QuestionClosed, locale: str) -> Outgoing:
    reason = t(f"closed.reason.{e.reason.value}", locale)
    title = t("closed.title", locale, number=e.number, total=e.total, reason=reason)
    embed = discord.Embed(title=cut(title, safety.EMBED_TITLE), colour=REVEAL)
    embed.description = clean(e.question.stem, safety.EMBED_DESCRIPTION)
    answer_fields(embed, e.question, locale)
    winners = t("closed.winners", locale, names=_names(e.winners)) if e.winners else t("closed.no_winner", locale)
    embed.set_footer(text=cut(winners, safety.EMBED_FOOTER))
    return Outgoing(embed=embed, channel=e.channel, closes=f"{e.session_id}:{e.question.id}")


def _quiz_ended(e: QuizEnded, locale: str) -> Outgoing:
    title = t(f"quiz.ended.{e.reason.value}", locale, asked=e.asked, total=e.total)
    rows = [
        t("quiz.ranking_row", locale, rank=s.rank, name=clean(s.member.name), points=s.points, correct=s.correct)
        for s in e.ranking
    ]
    description = "\n".join(rows) or t("quiz.ranking_empty", locale)
    embed = discord.Embed(title=cut(title, safety.EMBED_TITLE), description=cut(description, 4096), colour=NOTE)
    return Outgoing(embed=embed, channel=e.channel)


def _daily_posted(e: DailyPosted, locale: str) -> Outgoing:
    title = t("daily.posted", locale, date=e.local_date.isoformat())
    if e.late:
        title += " " + t("daily.late", locale)
    how = ui("daily.how_to_answer_buttons", locale, closes=_when(e.closes_at, "f"))
    embed = question_embed(e.question, title, [how])
    key = f"{e.community}:{e.local_date}:{e.question.id}"
    return Outgoing(embed=embed, items=answer_items(e.question, locale), channel=e.channel, asks=key)


def _distribution(e: DailyRevealed) -> str:
    return " · ".join(f"{LETTERS[s.index]} {s.count} ({s.share:.0%})" for s in e.distribution)


def _daily_revealed(e: DailyRevealed, locale: str) -> Outgoing:
    title = t("daily.revealed", locale, date=e.local_date.isoformat())
    embed = discord.Embed(title=cut(title, safety.EMBED_TITLE), colour=REVEAL)
    embed.description = clean(e.question.stem, safety.EMBED_DESCRIPTION)
    answer_fields(embed, e.question, locale)
    lines = [t("daily.stats", locale, answered=e.answered, correct=e.correct)]
    if e.distribution:
        lines.append(t("daily.distribution", locale, distribution=_distribution(e)))
    if e.first_solver is not None:
        lines.append(t("daily.first_solver", locale, name=clean(e.first_solver.name)))
    if e.reviews_due:
        # A count only: naming or pinging the members would make their review public.
        lines.append(t("daily.reviews_due", locale, count=e.reviews_due))
    embed.add_field(name="\u200b", value=cut("\n".join(lines), safety.EMBED_FIELD_VALUE), inline=False)
    return Outgoing(embed=embed, channel=e.channel, closes=f"{e.community}:{e.local_date}:{e.question.id}")


def _streak(e: StreakExtended, locale: str) -> Outgoing:
    text = t("streak.extended", locale, name=clean(e.member.name), current=e.current, best=e.best)
    return Outgoing(content=text, private_to=e.private_to)


def _review_limit(e: ReviewLimitChanged, locale: str) -> Outgoing:
    text = t("review.limit_set", locale, name=clean(e.member.name), limit=e.new_limit)
    return Outgoing(content=cut(text, safety.MESSAGE_CONTENT), private_to=e.private_to or e.member.id)


def _report_filed(e: ReportFiled, locale: str) -> Outgoing:
    text = t("report.filed", locale, name=clean(e.member.name), id=clean(e.question_id))
    return Outgoing(content=cut(text, safety.MESSAGE_CONTENT), private_to=e.private_to or e.member.id)


def _report_cleared(e: ReportCleared, locale: str) -> Outgoing:
    text = t("report.cleared", locale, id=clean(e.question_id))
    return Outgoing(content=cut(text, safety.MESSAGE_CONTENT), private_to=e.member.id)


def _config_changed(e: ConfigChanged, locale: str) -> Outgoing:
    changes = ", ".join(e.changed)
    head = t("config.changed", locale, name=clean(e.member.name), changes=changes)
    return Outgoing(content=cut(head + "\n" + config_summary(e, locale), 2000), private_to=e.member.id)


def config_summary(e: ConfigChanged, locale: str) -> str:
    """One line describing the community's daily question settings."""
    config = e.config
    any_ = t("config.any", locale)
    return t(
        "config.summary",
        locale,
        enabled=t("config.on" if config.enabled else "config.off", locale),
        time=config.post_time.strftime("%H:%M"),
        timezone=config.timezone,
        window=f"{config.answer_window_minutes} min",
        topics=clean(", ".join(config.topics)) or any_,
        kinds=", ".join(k.value for k in config.kinds) or any_,
    )


_RENDERERS: dict[type[Event], Callable[[Any, str], Outgoing]] = {
    QuizStarted: _quiz_started,
    QuestionAsked: _question_asked,
    AnswerJudged: _answer_judged,
    HintGiven: _hint,
    QuestionClosed: _question_closed,
    QuizEnded: _quiz_ended,
    DailyPosted: _daily_posted,
    DailyRevealed: _daily_revealed,
    StreakExtended: _streak,
    ReportFiled: _report_filed,
    ReportCleared: _report_cleared,
    ConfigChanged: _config_changed,
    ReviewLimitChanged: _review_limit,
}


def render(event: Event, locale: str) -> Outgoing | None:
    """What to send for ``event`` in ``locale``, or None for events Discord does not show."""
    renderer = _RENDERERS.get(type(event))
    if renderer is None:
        return None
    return renderer(event, locale)
