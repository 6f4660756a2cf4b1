"""Personal review on Discord: /review next, status and limit, all ephemeral; the reveal's nudge."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fakediscord import FakeInteraction, FakeMessage
from fakediscord.payloads import FakeUser
from fakediscord.world import World, make_bank

POST_AT = datetime(2026, 5, 4, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
REVEAL_AT = POST_AT + timedelta(hours=12)
EPHEMERAL = 1 << 6


async def _reply(world: World, interaction: FakeInteraction) -> FakeMessage:
    message: FakeMessage = await world.fake.until(lambda: interaction.replies and interaction.replies[0])
    return message


async def _daily_answered_then_revealed(world: World, topic: str, answers: dict[str, int]) -> FakeMessage:
    """Post the one question of ``topic`` as the daily, have members click options, reveal it; the reveal message."""
    setup = await world.fake.slash(
        world.mod, world.channel, "daily-admin setup", time="09:00", timezone="Asia/Shanghai", topics=topic
    )
    await _reply(world, setup)
    world.clock.set(POST_AT)
    await world.bot.tick()
    post = next(m for m in world.fake.channel_messages(world.channel) if m.buttons())
    for name, option in answers.items():
        world.clock.advance(60)
        await _reply(world, await world.fake.click_button(getattr(world, name), post, index=option))
    world.clock.set(REVEAL_AT)
    await world.bot.tick()
    reveal: FakeMessage = world.fake.channel_messages(world.channel)[-1]
    return reveal


def _question_id(message: FakeMessage) -> str:
    """The question a review message asks, read from its buttons' custom_id."""
    custom_id: str = message.buttons()[0]["custom_id"]
    assert ":review:" in custom_id, custom_id
    return custom_id.rsplit(":", 1)[1]


async def _review_next(world: World, member: FakeUser) -> tuple[FakeInteraction, FakeMessage]:
    command = await world.fake.slash(member, world.channel, "review next")
    return command, await _reply(world, command)


async def test_the_reveal_says_how_many_answerers_have_reviews_due_without_naming_or_pinging_them(
    world: World,
) -> None:
    reveal = await _daily_answered_then_revealed(world, "Gamma", {"ada": 1, "bob": 0, "cai": 2})
    assert "每日一题揭晓" in reveal.text
    assert "2 位答题者有待复习的题目，输入 /review 开始" in reveal.text  # ada and cai missed it
    assert "ada" not in reveal.text and "cai" not in reveal.text
    assert reveal.allowed_mentions == {"parse": []} and not reveal.mention_everyone


async def test_review_next_shows_the_missed_question_privately_and_a_click_gives_a_private_verdict_with_the_next_due(
    world: World,
) -> None:
    await _daily_answered_then_revealed(world, "Gamma", {"ada": 1})
    public_before = len(world.fake.channel_messages(world.channel))
    command, shown = await _review_next(world, world.ada)
    assert command.deferred and command.callbacks[0]["data"]["flags"] & EPHEMERAL
    assert shown.ephemeral
    assert "复习 · ada" in shown.text and "Which colour is a primary colour of light?" in shown.text
    assert [b["label"] for b in shown.buttons()] == ["A. Red", "B. Brown", "C. Pink", "D. Grey"]
    assert _question_id(shown) == "gamma-1"

    click = await world.fake.click_button(world.ada, shown, index=0)
    verdict = await _reply(world, click)
    assert click.deferred and verdict.ephemeral
    assert "ada：✓ 正确" in verdict.text
    status = await world.bot.service.review_status(f"discord:{world.guild.id}", f"discord:{world.ada.id}")
    assert status.next_due is not None and status.next_due > REVEAL_AT
    assert f"这道题下次复习：<t:{int(status.next_due.timestamp())}:f>" in verdict.text
    assert len(world.fake.channel_messages(world.channel)) == public_before  # nothing of it was public

    again = await world.fake.click_button(world.ada, shown, index=0)
    refusal = await _reply(world, again)
    assert refusal.ephemeral
    assert f"这道题已经复习过了，<t:{int(status.next_due.timestamp())}:f> 再来" in refusal.text


async def test_a_missed_review_shows_the_answer_and_a_next_button_when_more_are_due(world: World) -> None:
    await _daily_answered_then_revealed(world, "Gamma", {"bob": 1})
    bank = make_bank()
    # Bob misses the daily question again in review, then a new one: both come back in minutes.
    for _ in range(2):
        _, first = await _review_next(world, world.bob)
        await _answer_wrong(world, world.bob, first)
    world.clock.advance(15 * 60)

    _, shown = await _review_next(world, world.bob)
    missed = await _answer_wrong(world, world.bob, shown)
    assert missed.ephemeral and "bob: ✗ wrong" in missed.text
    question = bank.get(_question_id(shown))
    assert question is not None and question.correct_text in missed.text  # the answer, shown privately
    assert "1 more due — /review for the next" in missed.text
    assert [b["label"] for b in missed.buttons()] == ["Next"]

    following = await world.fake.click_button(world.bob, missed, index=0)
    nxt = await _reply(world, following)
    assert nxt.ephemeral and "Review · bob" in nxt.text
    assert _question_id(nxt) != question.id


async def _answer_wrong(world: World, member: FakeUser, shown: FakeMessage) -> FakeMessage:
    """Answer a review message wrongly, by a wrong option or a wrong reply in the modal."""
    question = make_bank().get(_question_id(shown))
    assert question is not None
    if question.answer_index is None:
        opened = await world.fake.click_button(member, shown, index=0)
        await world.fake.until(lambda: opened.modal)
        return await _reply(world, await world.fake.submit_modal(member, opened, {"reply": "no idea at all"}))
    wrong = (question.answer_index + 1) % len(question.options or ())
    return await _reply(world, await world.fake.click_button(member, shown, index=wrong))


async def test_a_short_review_question_is_answered_in_a_modal(world: World) -> None:
    await _daily_answered_then_revealed(world, "Beta", {})
    # Nobody answered the daily; cai reviews the short question as a new one after the reveal.
    limit = await world.fake.slash(world.cai, world.channel, "review limit", count=5)
    assert "cai 每天的新题上限改为 5 道" in (await _reply(world, limit)).text
    for _ in range(5):
        _, shown = await _review_next(world, world.cai)
        if _question_id(shown) == "beta-1":
            break
        await _answer_wrong(world, world.cai, shown)
    assert [b["label"] for b in shown.buttons()] == ["作答"]
    opened = await world.fake.click_button(world.cai, shown, index=0)
    await world.fake.until(lambda: opened.modal)
    submitted = await world.fake.submit_modal(world.cai, opened, {"reply": "梯度"})
    verdict = await _reply(world, submitted)
    assert verdict.ephemeral and "cai：✓ 正确" in verdict.text


async def test_review_status_is_private_and_in_the_members_language(world: World) -> None:
    await _daily_answered_then_revealed(world, "Gamma", {"bob": 1})
    _, shown = await _review_next(world, world.bob)
    await _reply(world, await world.fake.click_button(world.bob, shown, index=0))
    command = await world.fake.slash(world.bob, world.channel, "review status")
    status = await _reply(world, command)
    assert command.deferred and status.ephemeral
    assert "Review status for bob" in status.text
    assert "Retention 50% (graded answers: 2)" in status.text
    assert "Gamma" in status.text and "New questions: 10 a day, 0 started today, 10 left" in status.text


async def test_with_a_limit_of_zero_and_nothing_due_review_next_says_there_is_nothing_to_review(
    world: World,
) -> None:
    limit = await world.fake.slash(world.bob, world.channel, "review limit", count=0)
    changed = await _reply(world, limit)
    assert changed.ephemeral and "bob: new questions per day set to 0" in changed.text
    _, shown = await _review_next(world, world.bob)
    assert shown.ephemeral and shown.buttons() == []
    assert "Nothing to review right now, bob" in shown.text
