"""On-demand quizzes through the service: one per channel, first correct answer wins, hints cost points."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from quizcore.clock import ManualClock
from quizcore.errors import (
    AlreadyAnswered,
    AnswerWindowClosed,
    NoMoreHints,
    NoQuestions,
    NoQuizRunning,
    NotAllowed,
    QuizAlreadyRunning,
    UnknownTopic,
)
from quizcore.events import (
    AnswerJudged,
    CloseReason,
    EndReason,
    HintGiven,
    QuestionAsked,
    QuestionClosed,
    QuizEnded,
    QuizStarted,
)
from quizcore.members import Member
from quizcore.questions import Bank
from quizcore.service import QuizService

C = "console"
ROOM = "console:room"
ALICE = Member("console:alice", "Alice")
BOB = Member("console:bob", "Bob")
MOD = Member("console:mod", "Mod")


async def _start(service: QuizService, count: int = 3, **kw: Any) -> QuestionAsked:
    events = await service.start_quiz(C, ROOM, ALICE, count=count, **kw)
    assert [type(e) for e in events] == [QuizStarted, QuestionAsked]
    asked = events[1]
    assert isinstance(asked, QuestionAsked)
    return asked


async def test_a_quiz_asks_questions_of_the_topic_and_kind_chosen(service: QuizService) -> None:
    asked = await _start(service, count=4, topic="optimizers")
    assert asked.number == 1 and asked.total == 4
    assert asked.question.topic.startswith("Optimizers")
    await service.stop_quiz(C, ROOM, ALICE, is_moderator=False)
    asked = await _start(service, count=2, kind="odd_one_out")
    assert asked.question.options is not None and asked.total == 2


async def test_kind_may_name_a_format_as_people_say_it_in_chat(service: QuizService) -> None:
    events = await service.start_quiz(C, ROOM, ALICE, count=3, kind="mcq")
    asked = events[1]
    assert isinstance(asked, QuestionAsked)
    assert asked.question.format.value == "mcq"
    await service.stop_quiz(C, ROOM, ALICE, is_moderator=False)
    events = await service.start_quiz(C, ROOM, ALICE, count=1, kind="short")
    assert isinstance(events[1], QuestionAsked) and events[1].question.format.value == "short"


async def test_one_quiz_per_channel_but_other_channels_are_free(service: QuizService) -> None:
    await _start(service)
    with pytest.raises(QuizAlreadyRunning):
        await service.start_quiz(C, ROOM, BOB)
    events = await service.start_quiz(C, "console:other", BOB, count=1)
    assert isinstance(events[0], QuizStarted)


async def test_unknown_topic_and_empty_selection_are_refused(service: QuizService) -> None:
    with pytest.raises(UnknownTopic, match="biology"):
        await service.start_quiz(C, ROOM, ALICE, topic="biology")
    with pytest.raises(NoQuestions, match="kind"):
        await service.start_quiz(C, ROOM, ALICE, kind="telepathy")
    with pytest.raises(NoQuestions):
        await service.start_quiz(C, ROOM, ALICE, topic="Attention", kind="cloze")


async def test_wrong_answers_stay_private_and_leave_the_question_open_until_someone_is_right(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    asked = await _start(service, count=2)
    clock.advance(5)
    wrong = await service.answer_quiz(C, ROOM, BOB, replies.wrong(asked.question))
    assert [type(e) for e in wrong] == [AnswerJudged]
    assert wrong[0].private_to == BOB.id and wrong[0].points == 0  # type: ignore[attr-defined]
    with pytest.raises(AlreadyAnswered):
        await service.answer_quiz(C, ROOM, BOB, replies.right(asked.question))
    clock.advance(5)
    won = await service.answer_quiz(C, ROOM, ALICE, replies.right(asked.question))
    assert [type(e) for e in won] == [AnswerJudged, QuestionClosed, QuestionAsked]
    judged, closed, nxt = won
    assert judged.private_to is None and judged.member == ALICE  # type: ignore[attr-defined]
    assert closed.reason is CloseReason.ANSWERED and closed.winners == (ALICE,)  # type: ignore[attr-defined]
    assert nxt.number == 2  # type: ignore[attr-defined]


async def test_faster_answers_earn_a_bigger_speed_bonus(service: QuizService, clock: ManualClock, replies: Any) -> None:
    asked = await _start(service, count=2)  # 60 s per question by default
    won = await service.answer_quiz(C, ROOM, ALICE, replies.right(asked.question))
    fast = won[0].points  # type: ignore[attr-defined]
    nxt = won[-1]
    clock.advance(45)
    slow = (await service.answer_quiz(C, ROOM, BOB, replies.right(nxt.question)))[0].points  # type: ignore[attr-defined]
    assert (fast, slow) == (15, 11)


async def test_hints_reveal_more_each_time_cost_the_winner_and_run_out(
    service: QuizService, clock: ManualClock, replies: Any, bank: Bank
) -> None:
    asked = await _start(service, count=1, topic="Regularization > Dropout")
    first = await service.hint(C, ROOM, BOB)
    second = await service.hint(C, ROOM, BOB)
    assert [type(e) for e in first + second] == [HintGiven, HintGiven]
    h1, h2 = first[0], second[0]
    assert isinstance(h1, HintGiven) and isinstance(h2, HintGiven)
    assert h1.text.startswith("d") and "(7)" in h1.text
    assert h2.text.startswith("drop") and h2.text.count("_") < h1.text.count("_")
    assert (h1.cost, h2.cost) == (2, 3)
    with pytest.raises(NoMoreHints):
        await service.hint(C, ROOM, BOB)
    won = await service.answer_quiz(C, ROOM, ALICE, replies.right(asked.question))
    assert won[0].points == 15 - 5  # type: ignore[attr-defined]


async def test_mcq_hints_strike_out_more_wrong_options_and_never_the_right_one(service: QuizService) -> None:
    asked = await _start(service, count=1, topic="Regularization > Norms", kind="odd_one_out")
    question = asked.question
    assert question.options is not None and question.answer_index is not None
    first, second = [set((await service.hint(C, ROOM, BOB))[0].text.split("  ")) for _ in range(2)]  # type: ignore[attr-defined]
    assert len(first) == 1 and len(second) == 2 and first < second
    right_letter = "ABCD"[question.answer_index]
    assert not any(s.startswith(f"✗ {right_letter}.") for s in second)
    with pytest.raises(NoMoreHints):
        await service.hint(C, ROOM, BOB)


async def test_questions_time_out_and_the_quiz_completes_with_a_ranking(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    asked = await _start(service, count=2)
    clock.advance(10)
    await service.answer_quiz(C, ROOM, BOB, replies.wrong(asked.question))
    clock.advance(50)
    events = await service.tick()
    assert [type(e) for e in events] == [QuestionClosed, QuestionAsked]
    assert events[0].reason is CloseReason.TIMEOUT and events[0].winners == ()  # type: ignore[attr-defined]
    clock.advance(3)
    last = await service.answer_quiz(C, ROOM, ALICE, replies.right(events[1].question))  # type: ignore[attr-defined]
    assert [type(e) for e in last] == [AnswerJudged, QuestionClosed, QuizEnded]
    ended = last[-1]
    assert isinstance(ended, QuizEnded) and ended.reason is EndReason.COMPLETED
    assert [(r.rank, r.member, r.correct) for r in ended.ranking] == [(1, ALICE, 1), (2, BOB, 0)]
    with pytest.raises(NoQuizRunning):
        await service.answer_quiz(C, ROOM, ALICE, "anything")
    await _start(service)  # the channel is free again


async def test_a_quiz_nobody_answers_ends_as_idle(service: QuizService, clock: ManualClock) -> None:
    await _start(service, count=5)
    clock.advance(60)
    first = await service.tick()
    assert [type(e) for e in first] == [QuestionClosed, QuestionAsked]
    clock.advance(60)
    second = await service.tick()
    assert [type(e) for e in second] == [QuestionClosed, QuizEnded]
    assert second[-1].reason is EndReason.IDLE  # type: ignore[attr-defined]


async def test_only_the_starter_or_a_moderator_can_stop_a_quiz(service: QuizService) -> None:
    await _start(service)
    with pytest.raises(NotAllowed):
        await service.stop_quiz(C, ROOM, BOB, is_moderator=False)
    events = await service.stop_quiz(C, ROOM, MOD, is_moderator=True)
    assert [type(e) for e in events] == [QuestionClosed, QuizEnded]
    assert events[0].reason is CloseReason.STOPPED and events[1].reason is EndReason.STOPPED  # type: ignore[attr-defined]
    with pytest.raises(NoQuizRunning):
        await service.stop_quiz(C, ROOM, ALICE, is_moderator=False)


async def test_a_late_answer_closes_the_question_by_time_out_instead_of_winning_it(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    asked = await _start(service, count=2)
    clock.advance(61)
    events = await service.answer_quiz(C, ROOM, ALICE, replies.right(asked.question))
    assert [type(e) for e in events] == [QuestionClosed, QuestionAsked]
    assert events[0].winners == ()  # type: ignore[attr-defined]


async def test_a_running_quiz_survives_a_new_service_on_the_same_database(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    asked = await _start(service, count=2)
    await service.hint(C, ROOM, BOB)
    reborn = QuizService(service.bank, service.grader, service.database, clock, seed=7)
    with pytest.raises(QuizAlreadyRunning):
        await reborn.start_quiz(C, ROOM, BOB)
    clock.advance(timedelta(seconds=1))
    won = await reborn.answer_quiz(C, ROOM, ALICE, replies.right(asked.question))
    assert won[0].points == 15 - 2  # type: ignore[attr-defined]  # the hint given before the restart still costs


async def test_an_answer_meant_for_an_earlier_question_is_refused_not_applied_to_the_next(
    service: QuizService, replies: Any
) -> None:
    asked = await _start(service, count=2)
    won = await service.answer_quiz(C, ROOM, ALICE, replies.right(asked.question), question_id=asked.question.id)
    nxt = won[-1]
    assert isinstance(nxt, QuestionAsked)
    with pytest.raises(AnswerWindowClosed, match="closed"):
        await service.answer_quiz(C, ROOM, BOB, replies.right(asked.question), question_id=asked.question.id)
    events = await service.answer_quiz(C, ROOM, BOB, replies.right(nxt.question), question_id=nxt.question.id)
    assert isinstance(events[-1], QuizEnded)
