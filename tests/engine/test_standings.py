"""Leaderboards by period in the community's timezone, personal stats, and the ledger behind them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from quizcore.clock import ManualClock
from quizcore.events import QuestionAsked
from quizcore.leaderboards import day_keys
from quizcore.members import Member
from quizcore.service import QuizService
from quizcore.storage.tables import ledger

C = "console"
ROOM = "console:room"
ALICE = Member("console:alice", "Alice")
BOB = Member("console:bob", "Bob")
CAROL = Member("console:carol", "Carol")
MOD = Member("console:mod", "Mod")


async def _win_one(service: QuizService, member: Member, replies: Any, topic: str | None = None) -> int:
    """``member`` starts a one-question quiz and answers it at once; returns the points won."""
    events = await service.start_quiz(C, ROOM, member, count=1, topic=topic)
    asked = events[1]
    assert isinstance(asked, QuestionAsked)
    won = await service.answer_quiz(C, ROOM, member, replies.right(asked.question))
    return int(won[0].points)  # type: ignore[attr-defined]


async def _miss_one(service: QuizService, member: Member, replies: Any, topic: str) -> None:
    events = await service.start_quiz(C, ROOM, member, count=1, topic=topic)
    asked = events[1]
    assert isinstance(asked, QuestionAsked)
    await service.answer_quiz(C, ROOM, member, replies.wrong(asked.question))
    await service.stop_quiz(C, ROOM, member, is_moderator=False)


async def test_periods_follow_the_community_timezone_and_last_month_has_a_champion(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await service.configure(C, MOD, is_moderator=True, timezone="Asia/Shanghai")
    clock.set(datetime(2026, 2, 27, 12, 0, tzinfo=UTC))  # February, a Friday
    await _win_one(service, BOB, replies)
    clock.set(datetime(2026, 3, 1, 16, 30, tzinfo=UTC))  # Monday 2 March 00:30 in Shanghai, still Sunday in UTC
    alice_points = await _win_one(service, ALICE, replies)
    clock.set(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))

    today = await service.leaderboard(C, "today")
    assert [(r.rank, r.member_id, r.name, r.points) for r in today.rows] == [(1, ALICE.id, "Alice", alice_points)]
    assert today.start == datetime(2026, 3, 1, 16, 0, tzinfo=UTC)
    week = await service.leaderboard(C, "week")
    assert [r.member_id for r in week.rows] == [ALICE.id]
    month = await service.leaderboard(C, "month")
    assert [r.member_id for r in month.rows] == [ALICE.id]
    assert month.champion is not None and month.champion.member_id == BOB.id
    everyone = await service.leaderboard(C, "all")
    assert {r.member_id for r in everyone.rows} == {ALICE.id, BOB.id}
    assert everyone.start is None and everyone.champion is None


async def test_rows_show_accuracy_and_answered_beside_points_and_ties_share_a_rank(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await _win_one(service, ALICE, replies)
    await _miss_one(service, ALICE, replies, topic="Attention")
    await _win_one(service, BOB, replies)
    await _miss_one(service, CAROL, replies, topic="Attention")
    board = await service.leaderboard(C, "all")
    rows = {r.member_id: r for r in board.rows}
    assert (rows[ALICE.id].answered, rows[ALICE.id].correct, rows[ALICE.id].accuracy) == (2, 1, 0.5)
    assert rows[ALICE.id].rank == rows[BOB.id].rank == 1
    assert (rows[CAROL.id].rank, rows[CAROL.id].points, rows[CAROL.id].accuracy) == (3, 0, 0.0)
    top = await service.leaderboard(C, "all", limit=1)
    assert len(top.rows) == 1


async def test_member_stats_show_accuracy_by_topic_the_weakest_topics_and_history(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await _win_one(service, ALICE, replies, topic="Optimizers")
    clock.advance(60)
    await _win_one(service, ALICE, replies, topic="Attention")
    clock.advance(60)
    await _miss_one(service, ALICE, replies, topic="Attention")
    clock.advance(60)
    await _miss_one(service, ALICE, replies, topic="Regularization")
    stats = await service.member_stats(C, ALICE.id)
    by_topic = {t.topic: (t.answered, t.correct) for t in stats.by_topic}
    assert by_topic == {"Optimizers": (1, 1), "Attention": (2, 1), "Regularization": (1, 0)}
    assert stats.weakest == ("Regularization", "Attention")
    assert (stats.answered, stats.correct, stats.name) == (4, 2, "Alice")
    assert [h.topic for h in stats.history] == ["Regularization", "Attention", "Attention", "Optimizers"]
    assert [h.correct for h in stats.history] == [False, False, True, True]
    assert stats.points == sum(h.points for h in stats.history)


async def test_a_stranger_has_empty_stats(service: QuizService) -> None:
    stats = await service.member_stats(C, "console:nobody")
    assert (stats.answered, stats.points, stats.streak_current, stats.by_topic, stats.history) == (0, 0, 0, (), ())


async def test_points_are_ledger_rows_that_add_up_to_the_leaderboard(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    events = await service.start_quiz(C, ROOM, ALICE, count=1, topic="Regularization > Dropout")
    await service.hint(C, ROOM, BOB)
    clock.advance(30)
    await service.answer_quiz(C, ROOM, ALICE, replies.right(events[1].question))  # type: ignore[attr-defined]
    async with service.database.uow() as uow:
        rows = (await uow.conn.execute(select(ledger.c.reason, ledger.c.points))).all()
    assert sorted(rows) == [("hint_penalty", -2), ("quiz_correct", 10), ("speed_bonus", 3)]
    board = await service.leaderboard(C, "all")
    assert board.rows[0].points == 11


async def test_topics_lists_each_top_level_topic_with_its_question_count(service: QuizService) -> None:
    topics = await service.topics()
    assert [(t.name, t.count) for t in topics] == [("Optimizers", 4), ("Regularization", 4), ("Attention", 4)]


async def test_the_running_standings_equal_a_recount_of_the_ledger(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await service.configure(C, MOD, is_moderator=True, timezone="America/New_York")
    clock.set(datetime(2026, 2, 28, 23, 0, tzinfo=UTC))
    for member in (ALICE, BOB, CAROL, ALICE):
        await _win_one(service, member, replies)
        clock.advance(3 * 3600)  # crosses a local day and month boundary on the way
    await _miss_one(service, BOB, replies, topic="Attention")
    periods = ("today", "week", "month", "all")
    before = [await service.leaderboard(C, p, limit=50) for p in periods]  # type: ignore[arg-type]
    async with service.database.uow() as uow:
        counted = await uow.ledger.rebuild_standings(C, ZoneInfo("America/New_York"), day_keys)
        await uow.commit()
    after = [await service.leaderboard(C, p, limit=50) for p in periods]  # type: ignore[arg-type]
    assert counted == 9  # four wins of two rows each (base, speed bonus) and one wrong attempt
    assert before == after
    all_time = after[-1]
    async with service.database.uow() as uow:
        sums = await uow.ledger.sums(C, None, None)
    assert {(s.member_id, s.points, s.answered, s.correct) for s in sums} == {
        (r.member_id, r.points, r.answered, r.correct) for r in all_time.rows
    }


async def test_changing_the_timezone_moves_points_into_the_days_of_the_new_zone(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    clock.set(datetime(2026, 3, 1, 20, 0, tzinfo=UTC))  # Sunday evening in UTC, Monday 04:00 in Shanghai
    await _win_one(service, ALICE, replies)
    clock.set(datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
    assert (await service.leaderboard(C, "today")).rows == ()
    await service.configure(C, MOD, is_moderator=True, timezone="Asia/Shanghai")
    today = await service.leaderboard(C, "today")
    assert [r.member_id for r in today.rows] == [ALICE.id]
