"""Autocomplete and fixed choices shared by the slash commands (Discord allows 25 choices of 100 characters)."""

from __future__ import annotations

import zoneinfo
from functools import cache

from discord import app_commands

from bot.discord import safety
from bot.discord.safety import cut
from quizcore.questions import Kind
from quizcore.service import QuizService

__all__ = [
    "KIND_CHOICES",
    "LANGUAGE_CHOICES",
    "PERIOD_CHOICES",
    "question_choices",
    "timezone_choices",
    "topic_choices",
]

KIND_CHOICES = [app_commands.Choice(name=kind.value.replace("_", " "), value=kind.value) for kind in Kind]
PERIOD_CHOICES = [
    app_commands.Choice(name="today", value="today"),
    app_commands.Choice(name="this week", value="week"),
    app_commands.Choice(name="this month", value="month"),
    app_commands.Choice(name="all time", value="all"),
]
LANGUAGE_CHOICES = [
    app_commands.Choice(name="Chinese", value="zh-CN"),
    app_commands.Choice(name="English", value="en"),
]


def _matching(names: list[str], typed: str) -> list[str]:
    needle = typed.strip().casefold()
    starts = [n for n in names if n.casefold().startswith(needle)]
    contains = [n for n in names if needle in n.casefold() and n not in starts]
    return (starts + contains)[: safety.AUTOCOMPLETE_CHOICES]


async def topic_choices(service: QuizService, typed: str) -> list[app_commands.Choice[str]]:
    """Bank topics matching what the member typed, with their question counts."""
    infos = {info.name: info.count for info in await service.topics()}
    return [
        app_commands.Choice(
            name=cut(f"{name} ({infos[name]})", safety.CHOICE_NAME), value=cut(name, safety.CHOICE_NAME)
        )
        for name in _matching(list(infos), typed)
    ]


@cache
def _timezones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


def timezone_choices(typed: str) -> list[app_commands.Choice[str]]:
    """IANA timezone names matching what the member typed ("shang" → Asia/Shanghai)."""
    return [app_commands.Choice(name=name, value=name) for name in _matching(_timezones(), typed)]


async def question_choices(service: QuizService, community: str, typed: str) -> list[app_commands.Choice[str]]:
    """Question ids for a report: today's question first, then ids starting with what was typed."""
    ids: list[str] = []
    daily = await service.current_daily(community)
    if daily is not None:
        ids.append(daily.question.id)
    needle = typed.strip().casefold()
    ids += [q.id for q in service.bank if q.id.casefold().startswith(needle) and q.id not in ids]
    choices = []
    for question_id in ids[: safety.AUTOCOMPLETE_CHOICES]:
        stem = service.bank.get(question_id)
        label = f"{question_id} · {stem.stem}" if stem is not None else question_id
        choices.append(app_commands.Choice(name=cut(label, safety.CHOICE_NAME), value=question_id))
    return choices
