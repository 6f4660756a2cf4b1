"""The daily question: posted once at the local post time, answered once in private, revealed on time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from quizcore.clock import ManualClock
from quizcore.errors import AlreadyAnswered, AnswerWindowClosed, NoDailyOpen, NotAllowed, QuizError
from quizcore.events import AnswerJudged, DailyPosted, DailyRevealed, StreakExtended
from quizcore.members import Member
from quizcore.service import QuizService

C = "console"
ALICE = Member("console:alice", "Alice")
BOB = Member("console:bob", "Bob")
CAROL = Member("console:carol", "Carol")
MOD = Member("console:mod", "Mod")


async def _setup(service: QuizService, **changes: object) -> None:
    settings = {"timezone": "Asia/Shanghai", "post_time": "09:00", "channel_id": "console:room", **changes}
    await service.configure(C, MOD, is_moderator=True, **settings)


async def _post(service: QuizService, clock: ManualClock, at: datetime) -> DailyPosted:
    clock.set(at)
    events = await service.tick()
    posted = [e for e in events if isinstance(e, DailyPosted)]
    assert len(posted) == 1, events
    return posted[0]


async def test_posts_at_the_local_post_time_and_never_twice_on_one_date(
    service: QuizService, clock: ManualClock
) -> None:
    await _setup(service)
    clock.set(datetime(2026, 3, 2, 0, 59, tzinfo=UTC))  # 08:59 in Shanghai
    assert await service.tick() == []
    posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    assert posted.local_date == date(2026, 3, 2)
    assert posted.channel == "console:room"
    assert not posted.late
    assert posted.closes_at == datetime(2026, 3, 2, 13, 0, tzinfo=UTC)  # default 12 h window
    for minutes in (1, 30, 120):
        clock.set(datetime(2026, 3, 2, 1, 0, tzinfo=UTC) + timedelta(minutes=minutes))
        assert not [e for e in await service.tick() if isinstance(e, DailyPosted)]
    with pytest.raises(QuizError, match="already been posted"):
        await service.post_daily_now(C, MOD, is_moderator=True)


async def test_verdict_is_private_and_a_second_answer_is_refused(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await _setup(service)
    posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    clock.advance(10)
    events = await service.answer_daily(C, ALICE, replies.right(posted.question))
    judged = events[0]
    assert isinstance(judged, AnswerJudged)
    assert judged.private_to == ALICE.id and judged.daily and judged.verdict.correct and judged.points == 10
    with pytest.raises(AlreadyAnswered):
        await service.answer_daily(C, ALICE, replies.wrong(posted.question))
    wrong = await service.answer_daily(C, BOB, replies.wrong(posted.question))
    assert [type(e) for e in wrong] == [AnswerJudged]
    assert wrong[0].private_to == BOB.id and wrong[0].points == 0  # type: ignore[attr-defined]
    view = await service.current_daily(C)
    assert view is not None and view.answered == 2 and view.question.id == posted.question.id


async def test_answers_after_the_window_are_refused_with_a_clear_message(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await _setup(service, answer_window_minutes=60)
    posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    clock.advance(timedelta(minutes=61))
    with pytest.raises(AnswerWindowClosed, match="too late"):
        await service.answer_daily(C, ALICE, replies.right(posted.question))
    await service.tick()
    with pytest.raises(AnswerWindowClosed, match="too late"):
        await service.answer_daily(C, ALICE, replies.right(posted.question))
    assert await service.current_daily(C) is None


async def test_answering_before_any_post_says_nothing_is_open(service: QuizService) -> None:
    with pytest.raises(NoDailyOpen):
        await service.answer_daily(C, ALICE, "momentum")


async def test_an_answer_to_yesterdays_question_is_refused(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await _setup(service)
    first = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    second = await _post(service, clock, datetime(2026, 3, 3, 1, 0, tzinfo=UTC))
    assert first.question.id != second.question.id
    with pytest.raises(AnswerWindowClosed):
        await service.answer_daily(C, ALICE, replies.right(first.question), question_id=first.question.id)
    events = await service.answer_daily(C, ALICE, replies.right(second.question), question_id=second.question.id)
    assert events[0].verdict.correct  # type: ignore[attr-defined]


async def test_reveal_comes_at_close_with_counts_shares_and_first_solver(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await _setup(service, kinds=["odd_one_out"], answer_window_minutes=30)  # multiple choice only
    posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    question = posted.question
    assert question.options is not None
    clock.advance(60)
    await service.answer_daily(C, BOB, replies.wrong(question))
    clock.advance(60)
    await service.answer_daily(C, CAROL, replies.right(question))
    clock.advance(60)
    await service.answer_daily(C, ALICE, question.correct_text)  # the option's text counts too
    clock.set(posted.closes_at - timedelta(seconds=1))
    assert not [e for e in await service.tick() if isinstance(e, DailyRevealed)]
    clock.set(posted.closes_at)
    revealed = [e for e in await service.tick() if isinstance(e, DailyRevealed)]
    assert len(revealed) == 1
    reveal = revealed[0]
    assert (reveal.answered, reveal.correct) == (3, 2)
    assert reveal.first_solver == CAROL
    shares = {s.index: s.count for s in reveal.distribution}
    assert shares[question.answer_index] == 2  # type: ignore[index]
    assert sum(shares.values()) == 3
    assert reveal.question.explanation and reveal.question.source
    clock.advance(3600)
    assert not [e for e in await service.tick() if isinstance(e, DailyRevealed)]


async def test_questions_do_not_repeat_until_the_pool_is_exhausted_and_topics_take_turns(
    service: QuizService, clock: ManualClock
) -> None:
    await _setup(service)
    asked = []
    for day in range(12):
        posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC) + timedelta(days=day))
        asked.append(posted.question)
    assert len({q.id for q in asked}) == 12
    for block in range(4):
        topics = {q.topic.split(" > ")[0] for q in asked[block * 3 : block * 3 + 3]}
        assert len(topics) == 3, f"days {block * 3}-{block * 3 + 2} repeat a topic: {topics}"
    again = await _post(service, clock, datetime(2026, 3, 14, 1, 0, tzinfo=UTC))
    assert again.question.id == asked[0].id  # the least recently asked


async def test_a_reported_question_is_held_back_until_a_moderator_clears_it(
    service: QuizService, clock: ManualClock
) -> None:
    await _setup(service, topics=["Attention"])
    for qid in ("att-1", "att-2", "att-3"):
        await service.report_question(C, ALICE, qid, "the answer looks wrong")
    posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    assert posted.question.id == "att-4"
    await service.clear_report(C, MOD, "att-2", is_moderator=True)
    nxt = await _post(service, clock, datetime(2026, 3, 3, 1, 0, tzinfo=UTC))
    assert nxt.question.id == "att-2"


async def test_a_post_missed_while_down_is_made_late_once_within_the_grace(
    service: QuizService, clock: ManualClock
) -> None:
    await _setup(service)
    posted = await _post(service, clock, datetime(2026, 3, 2, 3, 30, tzinfo=UTC))  # 2.5 h late
    assert posted.late and posted.local_date == date(2026, 3, 2)
    assert posted.closes_at == datetime(2026, 3, 2, 15, 30, tzinfo=UTC)
    clock.set(datetime(2026, 3, 2, 3, 31, tzinfo=UTC))
    assert not [e for e in await service.tick() if isinstance(e, DailyPosted)]
    clock.set(datetime(2026, 3, 3, 4, 1, tzinfo=UTC))  # next day, 3 h 1 min after the post time
    assert not [e for e in await service.tick() if isinstance(e, DailyPosted)]


async def test_a_disabled_community_gets_no_daily_question(service: QuizService, clock: ManualClock) -> None:
    await _setup(service, enabled=False)
    clock.set(datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    assert await service.tick() == []


async def test_only_moderators_post_early(service: QuizService, clock: ManualClock) -> None:
    await _setup(service)
    with pytest.raises(NotAllowed):
        await service.post_daily_now(C, ALICE, is_moderator=False)
    events = await service.post_daily_now(C, MOD, is_moderator=True)
    assert isinstance(events[0], DailyPosted) and events[0].local_date == date(2026, 3, 2)
    clock.set(datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    assert not [e for e in await service.tick() if isinstance(e, DailyPosted)]


async def test_streak_grows_with_consecutive_correct_dailies_and_resets_on_a_miss_or_wrong_answer(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await _setup(service)
    day0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    streaks = []
    for day in range(3):
        posted = await _post(service, clock, day0 + timedelta(days=day))
        events = await service.answer_daily(C, ALICE, replies.right(posted.question))
        streaks.append(next(e for e in events if isinstance(e, StreakExtended)).current)
    assert streaks == [1, 2, 3]
    posted = await _post(service, clock, day0 + timedelta(days=3))
    events = await service.answer_daily(C, ALICE, replies.wrong(posted.question))
    assert not [e for e in events if isinstance(e, StreakExtended)]
    stats = await service.member_stats(C, ALICE.id)
    assert (stats.streak_current, stats.streak_best) == (0, 3)
    posted = await _post(service, clock, day0 + timedelta(days=4))
    await service.answer_daily(C, ALICE, replies.right(posted.question))
    await _post(service, clock, day0 + timedelta(days=5))  # Alice misses this one
    clock.set(day0 + timedelta(days=5, hours=13))
    await service.tick()
    stats = await service.member_stats(C, ALICE.id)
    assert (stats.streak_current, stats.streak_best) == (0, 3)
    posted = await _post(service, clock, day0 + timedelta(days=6))
    events = await service.answer_daily(C, ALICE, replies.right(posted.question))
    streak = next(e for e in events if isinstance(e, StreakExtended))
    assert (streak.current, streak.best, streak.private_to) == (1, 3, ALICE.id)


async def test_the_reveal_counts_todays_answerers_who_have_reviews_due_and_no_one_else(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    dave = Member("console:dave", "Dave")
    await _setup(service, kinds=["odd_one_out"], answer_window_minutes=30)
    posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    question = posted.question
    # Dave misses a review question (it comes back in minutes) but never answers today's question.
    card = await service.review_next(C, dave)
    assert card is not None and card.question.id != question.id
    await service.answer_review(C, dave, card.question.id, replies.wrong(card.question))
    clock.advance(60)
    await service.answer_daily(C, BOB, replies.wrong(question))  # wrong: due again after a short step
    await service.answer_daily(C, CAROL, replies.right(question))  # right: not due for days
    clock.set(posted.closes_at)
    reveal = next(e for e in await service.tick() if isinstance(e, DailyRevealed))
    assert reveal.answered == 2
    assert reveal.reviews_due == 1
    assert await service.members_with_reviews_due(C, [dave.id, BOB.id, CAROL.id]) == 2


async def test_a_reveal_nobody_answered_counts_no_reviews_due(service: QuizService, clock: ManualClock) -> None:
    await _setup(service, answer_window_minutes=30)
    posted = await _post(service, clock, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    clock.set(posted.closes_at)
    reveal = next(e for e in await service.tick() if isinstance(e, DailyRevealed))
    assert (reveal.answered, reveal.reviews_due) == (0, 0)
