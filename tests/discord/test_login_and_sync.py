"""Logging in and publishing the slash commands, as Discord sees them."""

from __future__ import annotations

from typing import Any

from fakediscord.world import World

PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15)  # GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT


def _command(world: World, name: str) -> dict[str, Any]:
    return next(c for c in world.fake.commands[None] if c["name"] == name)


def _option(parent: dict[str, Any], name: str) -> dict[str, Any]:
    return next(o for o in parent["options"] if o["name"] == name)


async def test_the_bot_identifies_with_guild_intents_and_no_privileged_one(world: World) -> None:
    intents = world.fake.identifies[0]["intents"]
    assert intents & 1  # GUILDS: channels and the server's locale
    assert intents & PRIVILEGED == 0
    assert world.bot.get_guild(world.guild.id) is not None


async def test_commands_are_published_once_with_their_chinese_names_and_descriptions(world: World) -> None:
    puts = [r for r in world.fake.requests if r.method == "PUT"]
    assert len(puts) == 1  # only the explicit sync, nothing at start-up
    names = {c["name"] for c in world.fake.commands[None]}
    assert names == {"quiz", "daily", "daily-admin", "reports", "leaderboard", "stats", "topics", "report", "review"}
    quiz = _command(world, "quiz")
    assert quiz["name_localizations"]["zh-CN"] == "测验"
    assert quiz["description_localizations"]["zh-CN"] == "本频道的测验"
    start = _option(quiz, "start")
    assert start["name_localizations"]["zh-CN"] == "开始"
    assert _option(start, "topic")["autocomplete"] is True
    kind = _option(start, "kind")
    assert {c["name_localizations"]["zh-CN"] for c in kind["choices"]} >= {"定义", "填空"}
    count = _option(start, "count")
    assert (count["min_value"], count["max_value"]) == (1, 20)
    review = _command(world, "review")
    assert review["name_localizations"]["zh-CN"] == "复习"
    assert {o["name"] for o in review["options"]} == {"next", "status", "limit"}
    per_day = _option(_option(review, "limit"), "count")
    assert (per_day["min_value"], per_day["max_value"]) == (0, 100)


async def test_settings_commands_are_hidden_from_members_without_manage_server(world: World) -> None:
    for name in ("daily-admin", "reports"):
        assert int(_command(world, name)["default_member_permissions"]) == 1 << 5
    assert _command(world, "quiz")["default_member_permissions"] is None
    assert all(c["contexts"] == [0] for c in world.fake.commands[None])  # guild only: community = guild


async def test_a_guild_sync_copies_the_commands_to_that_server_only(world: World) -> None:
    from bot.discord.sync import sync_commands

    names = await sync_commands(world.bot, world.guild.id)
    assert "quiz" in names
    assert {c["guild_id"] for c in world.fake.commands[world.guild.id]} == {str(world.guild.id)}


def _untranslated(item: dict[str, Any], where: str = "") -> list[str]:
    where = f"{where}/{item['name']}"
    missing = [] if "zh-CN" in (item.get("name_localizations") or {}) else [f"{where} name"]
    if "description" in item and "zh-CN" not in (item.get("description_localizations") or {}):
        missing.append(f"{where} description")
    missing += [f"{where} choice {c['name']}" for c in item.get("choices") or [] if not c.get("name_localizations")]
    for option in item.get("options") or []:
        missing += _untranslated(option, where)
    return missing


async def test_every_name_description_and_choice_has_a_chinese_translation(world: World) -> None:
    assert [m for c in world.fake.commands[None] for m in _untranslated(c)] == []
