"""The daily question on Discord: set up by a moderator, posted on time, answered privately, revealed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fakediscord import FakeInteraction, FakeMessage
from fakediscord.world import World

POST_AT = datetime(2026, 5, 4, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


async def _reply(world: World, interaction: FakeInteraction) -> FakeMessage:
    message: FakeMessage = await world.fake.until(lambda: interaction.replies and interaction.replies[0])
    return message


async def _set_up(world: World, topics: str = "Gamma") -> FakeMessage:
    setup = await world.fake.slash(
        world.mod, world.channel, "daily-admin setup", time="09:00", timezone="Asia/Shanghai", topics=topics
    )
    return await _reply(world, setup)


async def _posted(world: World) -> FakeMessage:
    """Move the clock to the post time and run what the scheduler runs."""
    world.clock.set(POST_AT)
    await world.bot.tick()
    posts = [m for m in world.fake.channel_messages(world.channel) if m.buttons()]
    assert len(posts) == 1
    return posts[0]


async def test_a_moderator_sets_up_the_daily_question_and_sees_the_settings_privately(world: World) -> None:
    reply = await _set_up(world)
    assert reply.ephemeral
    assert "09:00" in reply.text and "Asia/Shanghai" in reply.text and "Gamma" in reply.text


async def test_a_member_without_manage_server_is_refused_the_settings(world: World) -> None:
    attempt = await world.fake.slash(world.ada, world.channel, "daily-admin setup", time="07:00")
    refusal = await _reply(world, attempt)
    assert refusal.ephemeral and "只有管理员" in refusal.text
    config = await world.bot.service.get_config(f"discord:{world.guild.id}")
    assert config.post_time.hour == 9  # unchanged default


async def test_the_daily_question_is_posted_at_its_local_time_with_option_buttons(world: World) -> None:
    await _set_up(world)
    world.clock.set(POST_AT - timedelta(minutes=1))
    await world.bot.tick()
    assert [m for m in world.fake.channel_messages(world.channel) if m.buttons()] == []
    post = await _posted(world)
    assert "每日一题 · 2026-05-04" in post.text
    assert "Which colour is a primary colour of light?" in post.text
    assert [b["label"] for b in post.buttons()] == ["A. Red", "B. Brown", "C. Pink", "D. Grey"]


async def test_several_members_answer_privately_and_the_reveal_shows_the_split_and_first_solver(world: World) -> None:
    await _set_up(world)
    post = await _posted(world)
    verdicts = {}
    for member, option in ((world.ada, 0), (world.bob, 1), (world.cai, 0)):
        world.clock.advance(60)
        click = await world.fake.click_button(member, post, index=option)
        verdicts[member.name] = await _reply(world, click)
    assert all(v.ephemeral for v in verdicts.values())
    assert "✓" in verdicts["ada"].text and "✗" in verdicts["bob"].text and "✓" in verdicts["cai"].text
    again = await world.fake.click_button(world.ada, post, index=1)
    assert "已经答过" in (await _reply(world, again)).text
    public_before = len(world.fake.channel_messages(world.channel))
    assert public_before == 1  # nothing about the answers was public before the reveal

    world.clock.set(POST_AT + timedelta(hours=12, minutes=1))
    await world.bot.tick()
    reveal = world.fake.channel_messages(world.channel)[-1]
    assert "每日一题揭晓" in reveal.text
    assert "A. Red" in reveal.text
    assert "3 人作答，2 人答对" in reveal.text
    assert "A 2 (67%)" in reveal.text and "B 1 (33%)" in reveal.text
    assert "最先答对：ada" in reveal.text


async def test_the_leaderboard_ranks_the_daily_solvers_publicly(world: World) -> None:
    await _set_up(world)
    post = await _posted(world)
    for member, option in ((world.cai, 0), (world.bob, 2)):
        world.clock.advance(30)
        await _reply(world, await world.fake.click_button(member, post, index=option))
    board = await world.fake.slash(world.bob, world.channel, "leaderboard", period="all")
    message = await _reply(world, board)
    assert board.deferred and not message.ephemeral
    assert "排行榜 · 总榜" in message.text
    assert message.text.index("cai") < message.text.index("bob")


async def test_a_short_daily_question_is_answered_in_a_modal(world: World) -> None:
    await _set_up(world, topics="Beta")
    post = await _posted(world)
    opened = await world.fake.click_button(world.ada, post, index=0)
    await world.fake.until(lambda: opened.modal)
    submitted = await world.fake.submit_modal(world.ada, opened, {"reply": "梯度"})
    verdict = await _reply(world, submitted)
    assert verdict.ephemeral and "✓" in verdict.text


async def test_post_now_posts_todays_question_in_the_configured_channel(world: World) -> None:
    await _set_up(world)
    now = await world.fake.slash(world.mod, world.channel, "daily-admin post-now")
    done = await _reply(world, now)
    assert done.ephemeral
    posts = [m for m in world.fake.channel_messages(world.channel) if m.buttons()]
    assert len(posts) == 1 and "Which colour" in posts[0].text


async def test_the_reveal_takes_the_buttons_off_the_question(world: World) -> None:
    await _set_up(world)
    post = await _posted(world)
    world.clock.set(POST_AT + timedelta(hours=13))
    await world.bot.tick()
    assert post.buttons() == [] and "Which colour" in post.text


async def test_buttons_left_on_a_closed_question_answer_that_the_window_has_closed(world: World) -> None:
    await _set_up(world)
    post = await _posted(world)
    await world.stop_bot()
    await world.start_bot()  # the new process does not know where the question was posted
    world.clock.set(POST_AT + timedelta(hours=13))
    await world.bot.tick()
    assert post.buttons()  # so they stayed on the message
    late = await world.fake.click_button(world.cai, post, index=0)
    assert "作答时间已过" in (await _reply(world, late)).text


async def test_a_server_that_chose_english_gets_its_daily_question_in_english(world: World) -> None:
    setup = await world.fake.slash(
        world.mod, world.channel, "daily-admin setup", time="09:00", timezone="Asia/Shanghai", language="en"
    )
    await _reply(world, setup)
    post = await _posted(world)
    assert "Daily question · 2026-05-04" in post.text
