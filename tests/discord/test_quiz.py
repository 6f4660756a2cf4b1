"""On-demand quizzes through Discord: slash command, option buttons, the answer modal, autocomplete."""

from __future__ import annotations

from fakediscord import FakeMessage
from fakediscord.world import World

EPHEMERAL = 1 << 6


async def _question_message(world: World, after: int = 0) -> FakeMessage:
    """The first public message with buttons posted after the first ``after`` channel messages."""
    message: FakeMessage = await world.fake.until(
        lambda: next((m for m in world.fake.channel_messages(world.channel)[after:] if m.buttons()), None)
    )
    return message


async def test_starting_a_quiz_defers_publicly_then_posts_the_question_with_one_button_per_option(
    world: World,
) -> None:
    start = await world.fake.slash(world.ada, world.channel, "quiz start", topic="Alpha", count=1)
    question = await _question_message(world)
    assert start.deferred
    assert not start.callbacks[0].get("data", {}).get("flags", 0) & EPHEMERAL
    assert "ada" in start.replies[0].text  # the placeholder became the public "ada started a quiz"
    assert "Which number is even?" in question.text
    assert [b["label"] for b in question.buttons()] == ["A. 3", "B. 4", "C. 5", "D. 7"]


async def test_a_wrong_click_gets_a_private_verdict_and_leaves_the_question_open(world: World) -> None:
    await world.fake.slash(world.ada, world.channel, "quiz start", topic="Alpha", count=1)
    question = await _question_message(world)
    public_before = len(world.fake.channel_messages(world.channel))
    click = await world.fake.click_button(world.bob, question, index=0)
    verdict = await world.fake.until(lambda: click.replies and click.replies[0])
    assert verdict.ephemeral
    assert "✗" in verdict.text and "wrong" in verdict.text  # bob's client is in English
    assert len(world.fake.channel_messages(world.channel)) == public_before


async def test_a_right_click_wins_publicly_and_closes_the_quiz_with_the_answer(world: World) -> None:
    await world.fake.slash(world.ada, world.channel, "quiz start", topic="Alpha", count=1)
    question = await _question_message(world)
    click = await world.fake.click_button(world.cai, question, index=1)
    verdict = await world.fake.until(lambda: click.replies and click.replies[0])
    assert verdict.ephemeral and "✓" in verdict.text
    ended = await world.fake.until(
        lambda: [m for m in world.fake.channel_messages(world.channel) if "答案" in m.text and "B. 4" in m.text]
    )
    assert "cai" in ended[0].text  # the winner is named in the reveal
    assert question.buttons() == []  # the closed question's buttons are gone


async def test_a_short_answer_is_typed_in_a_modal_and_judged_privately(world: World) -> None:
    await world.fake.slash(world.ada, world.channel, "quiz start", topic="Beta", count=1)
    question = await _question_message(world)
    assert [b["label"] for b in question.buttons()] == ["作答"]
    opened = await world.fake.click_button(world.bob, question, index=0)
    await world.fake.until(lambda: opened.modal)
    submitted = await world.fake.submit_modal(world.bob, opened, {"reply": "Gradient"})
    verdict = await world.fake.until(lambda: submitted.replies and submitted.replies[0])
    assert verdict.ephemeral and "✓" in verdict.text


async def test_the_answer_command_also_answers_privately(world: World) -> None:
    await world.fake.slash(world.ada, world.channel, "quiz start", topic="Beta", count=1)
    await _question_message(world)
    answer = await world.fake.slash(world.cai, world.channel, "quiz answer", reply="not a clue")
    verdict = await world.fake.until(lambda: answer.replies and answer.replies[0])
    assert answer.deferred and verdict.ephemeral and "✗" in verdict.text


async def test_a_second_quiz_in_the_same_channel_is_refused_privately(world: World) -> None:
    await world.fake.slash(world.ada, world.channel, "quiz start", topic="Alpha", count=1)
    await _question_message(world)
    again = await world.fake.slash(world.bob, world.channel, "quiz start")
    refusal = await world.fake.until(lambda: again.replies and again.replies[0])
    assert refusal.ephemeral and "already running" in refusal.text


async def test_topic_autocomplete_offers_the_bank_topics_matching_what_was_typed(world: World) -> None:
    choices = await world.fake.autocomplete(world.ada, world.channel, "quiz start", "topic", "ga")
    assert [c["value"] for c in choices] == ["Gamma"]
    assert choices[0]["name"] == "Gamma (1)"


async def test_a_question_nobody_answers_times_out_on_the_tick_and_the_next_one_is_posted(world: World) -> None:
    await world.fake.slash(world.ada, world.channel, "quiz start", count=2)
    first = await _question_message(world)
    world.clock.advance(61)  # the default per-question limit is 60 s
    await world.bot.tick()
    texts = [m.text for m in world.fake.channel_messages(world.channel)]
    assert any("第 1/2 题结束：时间到" in text for text in texts)
    assert first.buttons() == []
    second = await _question_message(world, after=texts.index(first.text) + 1)
    assert "2/2" in second.text and second.id != first.id


async def test_a_stale_button_of_an_earlier_question_never_answers_the_current_one(world: World) -> None:
    import copy

    # "m" matches exactly the two multiple-choice topics (Alpha > Numbers, Gamma > Colours), so both
    # questions have option buttons whatever order they are drawn in.
    await world.fake.slash(world.ada, world.channel, "quiz start", topic="m", count=2)
    first = await _question_message(world)
    stale = copy.deepcopy(first)  # a client that still shows the old buttons (e.g. after a restart)
    world.clock.advance(61)
    await world.bot.tick()
    texts = [m.text for m in world.fake.channel_messages(world.channel)]
    second = await _question_message(world, after=texts.index(first.text) + 1)
    click = await world.fake.click_button(world.cai, stale, index=1)
    verdict = await world.fake.until(lambda: click.replies and click.replies[0])
    assert verdict.ephemeral
    assert "✓" not in verdict.text and "✗" not in verdict.text  # refused, not judged against question 2
    after = [m.text for m in world.fake.channel_messages(world.channel)]
    assert not any("第 2/2 题结束" in text for text in after)  # the current question is still open
    assert second.buttons()
