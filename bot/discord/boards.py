"""Read models as embeds: leaderboard, member stats, topics, open reports, today's question."""

from __future__ import annotations

import discord

from bot.discord import safety
from bot.discord.render import NOTE, Outgoing, question_embed
from bot.discord.safety import clean, cut
from bot.discord.strings import ui
from bot.discord.views import answer_items
from bot.texts import t
from quizcore.views import DailyView, Leaderboard, MemberStats, ReportView, TopicInfo

__all__ = ["daily_view", "leaderboard", "member_stats", "reports", "topics"]


def _embed(title: str, lines: list[str], empty: str) -> discord.Embed:
    description = cut("\n".join(lines) or empty, safety.EMBED_DESCRIPTION)
    return discord.Embed(title=cut(title, safety.EMBED_TITLE), description=description, colour=NOTE)


def leaderboard(board: Leaderboard, locale: str) -> Outgoing:
    """The ranking of a period, one line per member."""
    period = t(f"leaderboard.period.{board.period}", locale)
    lines = [
        f"**{row.rank}.** {clean(row.name)} — {row.points} · {row.answered} · {row.accuracy:.0%}" for row in board.rows
    ]
    header = " · ".join(t(f"column.{c}", locale) for c in ("points", "answered", "accuracy"))
    embed = _embed(t("leaderboard.title", locale, period=period), lines, t("leaderboard.empty", locale))
    if board.rows:
        embed.set_footer(text=header)
    return Outgoing(embed=embed)


def member_stats(stats: MemberStats, locale: str, name: str | None = None) -> Outgoing:
    """A member's totals, streak, weakest topics and per-topic accuracy (``name``: their current display name)."""
    name = clean(name or stats.name)
    if stats.answered == 0:
        return Outgoing(content=t("stats.none", locale, name=name))
    lines = [
        t("stats.totals", locale, answered=stats.answered, correct=stats.correct, points=stats.points),
        t("stats.streak", locale, current=stats.streak_current, best=stats.streak_best),
    ]
    if stats.weakest:
        lines.append(t("stats.weakest", locale, topics=clean(", ".join(stats.weakest))))
    embed = _embed(t("stats.title", locale, name=name), lines, "")
    for topic in stats.by_topic[: safety.EMBED_FIELDS]:
        embed.add_field(
            name=clean(topic.topic, safety.EMBED_FIELD_NAME),
            value=f"{topic.correct}/{topic.answered} · {topic.accuracy:.0%}",
        )
    return Outgoing(embed=embed)


def topics(infos: list[TopicInfo], locale: str) -> Outgoing:
    """The bank's topics with their question counts."""
    lines = [f"{clean(info.name)} — {info.count}" for info in infos]
    return Outgoing(embed=_embed(t("topics.title", locale), lines, t("topics.none", locale)))


def reports(views: list[ReportView], locale: str) -> Outgoing:
    """Open reports for moderators, most reported first."""
    lines = [
        t("reports.row", locale, id=clean(r.question_id), count=r.count, reasons=clean("; ".join(r.reasons)))
        + "\n> "
        + clean(r.stem, 200)
        for r in views
    ]
    return Outgoing(embed=_embed(t("reports.title", locale), lines, t("reports.none", locale)))


def daily_view(view: DailyView | None, locale: str) -> Outgoing:
    """Today's open question again, with its buttons (they answer the same question)."""
    if view is None:
        return Outgoing(content=t("daily.none", locale))
    closes = discord.utils.format_dt(view.closes_at, "f")
    # Titles do not render Discord timestamps, so the closing time goes in the description.
    title = t("daily.posted", locale, date=view.local_date.isoformat())
    how = ui("daily.how_to_answer_buttons", locale, closes=closes)
    embed = question_embed(view.question, title, [how])
    return Outgoing(embed=embed, items=answer_items(view.question, locale))
