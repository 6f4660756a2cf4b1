"""The other commands: hint, stop, stats, topics, reports; and a rate limit met while posting."""

from __future__ import annotations

from datetime import UTC, datetime

from fakediscord import FakeInteraction, FakeMessage
from fakediscord.world import World

POST_AT = datetime(2026, 5, 4, 1, 0, tzinfo=UTC)


async def _reply(world: World, interaction: FakeInteraction) -> FakeMessage:
    message: FakeMessage = await world.fake.until(lambda: interaction.replies and interaction.replies[0])
    return message


async def _start_beta_quiz(world: World) -> None:
    start = await world.fake.slash(world.ada, world.channel, "quiz start", topic="Beta", count=1)
    await world.fake.until(lambda: any(m.buttons() for m in world.fake.channel_messages(world.channel)))
    assert start.replies


async def test_a_hint_is_shown_to_the_whole_channel(world: World) -> None:
    await _start_beta_quiz(world)
    hint = await world.fake.slash(world.bob, world.channel, "quiz hint")
    message = await _reply(world, hint)
    assert not message.ephemeral and "提示 1" in message.text


async def test_only_the_starter_or_a_moderator_stops_a_quiz(world: World) -> None:
    await _start_beta_quiz(world)
    refused = await world.fake.slash(world.bob, world.channel, "quiz stop")
    assert "Only moderators" in (await _reply(world, refused)).text  # bob reads English
    stop = await world.fake.slash(world.mod, world.channel, "quiz stop")
    await _reply(world, stop)
    stopped = await world.fake.until(
        lambda: [m for m in world.fake.channel_messages(world.channel) if "测验已停止" in m.text]
    )
    assert "gradient" in "\n".join(m.text for m in world.fake.channel_messages(world.channel))
    assert stopped


async def test_stats_and_topics_answer_privately_in_the_members_language(world: World) -> None:
    stats = await world.fake.slash(world.bob, world.channel, "stats")
    message = await _reply(world, stats)
    assert message.ephemeral and "bob has not answered anything yet" in message.text
    topics = await world.fake.slash(world.ada, world.channel, "topics")
    listing = await _reply(world, topics)
    assert listing.ephemeral and all(f"{name} — 1" in listing.text for name in ("Alpha", "Beta", "Gamma"))


async def test_a_report_is_listed_for_moderators_and_cleared(world: World) -> None:
    choices = await world.fake.autocomplete(world.ada, world.channel, "report", "question", "gam")
    assert [c["value"] for c in choices] == ["gamma-1"]
    report = await world.fake.slash(world.ada, world.channel, "report", question="gamma-1", reason="two answers fit")
    assert (await _reply(world, report)).ephemeral
    listing = await world.fake.slash(world.mod, world.channel, "reports list")
    text = (await _reply(world, listing)).text
    assert "gamma-1" in text and "two answers fit" in text
    clear = await world.fake.slash(world.mod, world.channel, "reports clear", question="gamma-1")
    assert "gamma-1" in (await _reply(world, clear)).text
    again = await world.fake.slash(world.mod, world.channel, "reports list")
    assert "没有待处理的反馈" in (await _reply(world, again)).text


async def test_timezone_autocomplete_finds_iana_names(world: World) -> None:
    choices = await world.fake.autocomplete(world.mod, world.channel, "daily-admin setup", "timezone", "shangh")
    assert [c["value"] for c in choices] == ["Asia/Shanghai"]


async def test_the_daily_post_survives_a_rate_limit_on_the_first_try(world: World) -> None:
    setup = await world.fake.slash(
        world.mod, world.channel, "daily-admin setup", time="09:00", timezone="Asia/Shanghai"
    )
    await _reply(world, setup)
    world.fake.rate_limit_once("POST", rf"/channels/{world.channel.id}/messages$")
    world.clock.set(POST_AT)
    await world.bot.tick()
    posts = [r for r in world.fake.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert [r.status for r in posts] == [429, 200]
    assert len([m for m in world.fake.channel_messages(world.channel) if m.buttons()]) == 1


async def test_autocomplete_never_offers_more_than_discords_25_choices(world: World) -> None:
    choices = await world.fake.autocomplete(world.mod, world.channel, "daily-admin setup", "timezone", "a")
    assert len(choices) == 25 and all(len(c["name"]) <= 100 for c in choices)


async def test_daily_show_repeats_the_open_question_privately_with_working_buttons(world: World) -> None:
    setup = await world.fake.slash(
        world.mod, world.channel, "daily-admin setup", time="09:00", timezone="Asia/Shanghai", topics="Gamma"
    )
    await _reply(world, setup)
    world.clock.set(POST_AT)
    await world.bot.tick()
    shown = await world.fake.slash(world.ada, world.channel, "daily show")
    copy = await _reply(world, shown)
    assert copy.ephemeral and "Which colour" in copy.text
    click = await world.fake.click_button(world.ada, copy, index=0)
    assert "✓" in (await _reply(world, click)).text
