"""Nothing the bot posts pings anyone; buttons keep working after a restart on the same database."""

from __future__ import annotations

from datetime import UTC, datetime

from fakediscord import FakeMessage
from fakediscord.world import World

POST_AT = datetime(2026, 5, 4, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


async def _post_daily(world: World, topics: str) -> FakeMessage:
    setup = await world.fake.slash(
        world.mod, world.channel, "daily-admin setup", time="09:00", timezone="Asia/Shanghai", topics=topics
    )
    await world.fake.until(lambda: setup.replies)
    world.clock.set(POST_AT)
    await world.bot.tick()
    return next(m for m in world.fake.channel_messages(world.channel) if m.buttons())


async def test_note_text_with_everyone_is_posted_escaped_and_without_pinging(world: World) -> None:
    post = await _post_daily(world, "Safety")
    assert not post.mention_everyone
    sent = [r for r in world.fake.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert sent and all(r.body["allowed_mentions"] == {"parse": []} for r in sent)
    assert "@everyone" not in post.text and "@\u200beveryone" in post.text
    assert "\\*stars\\*" in post.text and "\\`ticks\\`" in post.text
    assert post.buttons()[0]["label"] == "A. @here now"  # labels are plain text: Discord never pings from them


async def test_every_interaction_reply_forbids_mentions_too(world: World) -> None:
    await _post_daily(world, "Safety")
    start = await world.fake.slash(world.ada, world.channel, "quiz start", topic="Safety", count=1)
    await world.fake.until(lambda: start.replies)
    replies = [r for r in world.fake.requests if "/webhooks/" in r.path or "/callback" in r.path]
    with_content = [r.body for r in replies if r.body and ("content" in r.body or "embeds" in r.body)]
    assert with_content and all(body["allowed_mentions"] == {"parse": []} for body in with_content)


async def test_an_open_daily_question_still_takes_answers_after_a_restart(world: World) -> None:
    post = await _post_daily(world, "Gamma")
    first = await world.fake.click_button(world.ada, post, index=0)
    await world.fake.until(lambda: first.replies)

    await world.stop_bot()
    await world.start_bot()  # a new process: new client, new service, same SQLite file

    click = await world.fake.click_button(world.bob, post, index=0)
    verdict = await world.fake.until(lambda: click.replies and click.replies[0])
    assert verdict.ephemeral and "✓" in verdict.text
    again = await world.fake.click_button(world.ada, post, index=0)
    assert "已经答过" in (await world.fake.until(lambda: again.replies and again.replies[0])).text
    assert len(world.fake.identifies) == 2


async def test_one_server_never_sees_another_servers_daily_question(world: World) -> None:
    await _post_daily(world, "Gamma")
    other = world.fake.add_guild("another group")
    outsider = world.fake.add_member(other, "eve")
    await world.stop_bot()
    await world.start_bot()  # reconnect so the new server arrives in GUILD_CREATE
    show = await world.fake.slash(outsider, other.channels[0], "daily show")
    reply = await world.fake.until(lambda: show.replies and show.replies[0])
    assert reply.ephemeral and "Which colour" not in reply.text and "没有开放" in reply.text


async def test_long_note_text_is_cut_to_discords_limits_from_post_to_reveal(world: World) -> None:
    post = await _post_daily(world, "Long")
    description = post.embeds[0]["description"]
    assert len(description) <= 4096 and "…\n\n" in description and description.endswith("截止")  # how-to kept
    assert all(len(b["label"]) <= 80 for b in post.buttons())
    world.clock.set(POST_AT.replace(hour=14))
    await world.bot.tick()
    reveal = world.fake.channel_messages(world.channel)[-1]
    assert all(len(f["value"]) <= 1024 for f in reveal.embeds[0]["fields"])  # the fake refuses anything longer
