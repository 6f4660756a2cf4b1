"""The hook every graded answer goes through, and the questions review keeps out of the queue."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from quizcore.clock import ManualClock
from quizcore.grading import Grader
from quizcore.members import Member
from quizcore.questions import Bank
from quizcore.service import QuizService
from quizcore.spaced import ReviewService, ReviewUnavailable, count_members_due, record_graded_answer
from quizcore.storage import Database

GUILD = "test:guild"
ALICE = Member("test:alice", "Alice")


async def test_a_graded_answer_recorded_in_a_unit_of_work_is_kept_only_if_it_commits(
    reviews: ReviewService, database: Database, clock: ManualClock
) -> None:
    async with database.uow() as uow:
        await record_graded_answer(uow, GUILD, ALICE.id, "opt-1", False, clock.now(), mode="daily")
    assert (await reviews.review_status(GUILD, ALICE.id)).cards == 0

    async with database.uow() as uow:
        update = await record_graded_answer(uow, GUILD, ALICE.id, "opt-1", False, clock.now(), mode="daily")
        await uow.commit()
    assert update.is_new
    clock.set(update.after.due)
    card = await reviews.review_next(GUILD, ALICE)
    assert card is not None and (card.question.id, card.is_new) == ("opt-1", False)


async def test_answers_outside_review_update_memory_without_using_the_new_question_limit(
    reviews: ReviewService, database: Database, clock: ManualClock
) -> None:
    await reviews.set_review_limit(GUILD, ALICE, 1)
    for question_id in ("opt-1", "reg-1", "att-1"):
        await record_graded_answer(database, GUILD, ALICE.id, question_id, True, clock.now(), mode="quiz")
    status = await reviews.review_status(GUILD, ALICE.id)
    assert (status.cards, status.learned, status.new_today, status.new_left) == (3, 3, 0, 1)
    card = await reviews.review_next(GUILD, ALICE)
    assert card is not None and card.is_new and card.question.id not in {"opt-1", "reg-1", "att-1"}


async def test_two_first_answers_to_one_question_at_once_are_both_counted(
    reviews: ReviewService, database: Database, clock: ManualClock
) -> None:
    await asyncio.gather(
        record_graded_answer(database, GUILD, ALICE.id, "opt-1", True, clock.now(), mode="daily"),
        record_graded_answer(database, GUILD, ALICE.id, "opt-1", False, clock.now(), mode="quiz"),
    )
    status = await reviews.review_status(GUILD, ALICE.id)
    assert (status.cards, status.reviews, status.retention) == (1, 2, 0.5)


async def test_an_unknown_mode_is_refused(database: Database, clock: ManualClock) -> None:
    with pytest.raises(ValueError, match="mode"):
        await record_graded_answer(database, GUILD, ALICE.id, "opt-1", True, clock.now(), mode="exam")


async def test_a_reported_question_leaves_the_review_queue_until_the_report_is_cleared(
    reviews: ReviewService, bank: Bank, grader: Grader, database: Database, clock: ManualClock
) -> None:
    quiz = QuizService(bank, grader, database, clock)
    update = await record_graded_answer(database, GUILD, ALICE.id, "opt-1", False, clock.now(), mode="quiz")
    clock.set(update.after.due)
    await quiz.report_question(GUILD, ALICE, "opt-1", "the answer looks wrong")

    card = await reviews.review_next(GUILD, ALICE)
    assert card is not None and card.question.id != "opt-1" and card.is_new
    assert (await reviews.review_status(GUILD, ALICE.id)).due_now == 0
    with pytest.raises(ReviewUnavailable):
        await reviews.answer_review(GUILD, ALICE, "opt-1", "momentum")

    await quiz.clear_report(GUILD, Member("test:mod", "Mod"), "opt-1", is_moderator=True)
    card = await reviews.review_next(GUILD, ALICE)
    assert card is not None and card.question.id == "opt-1"


async def test_the_open_daily_question_cannot_be_reviewed_until_it_closes(
    reviews: ReviewService, bank: Bank, grader: Grader, database: Database, clock: ManualClock
) -> None:
    quiz = QuizService(bank, grader, database, clock)
    (posted, *_) = await quiz.post_daily_now(GUILD, Member("test:mod", "Mod"), is_moderator=True)
    daily_id = posted.question.id  # type: ignore[attr-defined]
    update = await record_graded_answer(database, GUILD, ALICE.id, daily_id, False, clock.now(), mode="daily")
    clock.set(update.after.due)

    card = await reviews.review_next(GUILD, ALICE)
    assert card is not None and card.question.id != daily_id
    with pytest.raises(ReviewUnavailable):
        await reviews.answer_review(GUILD, ALICE, daily_id, "anything")

    daily = await quiz.current_daily(GUILD)
    assert daily is not None
    clock.set(daily.closes_at + timedelta(minutes=1))
    card = await reviews.review_next(GUILD, ALICE)
    assert card is not None and card.question.id == daily_id


async def test_the_reveal_can_count_members_due_inside_its_own_unit_of_work(
    bank: Bank, database: Database, clock: ManualClock
) -> None:
    for member_id, correct in (("test:a", False), ("test:b", True), ("test:c", False)):
        await record_graded_answer(database, GUILD, member_id, "opt-1", correct, clock.now(), mode="daily")
    clock.advance(timedelta(hours=1))
    async with database.uow() as uow:
        # SQLite has one connection: opening a second unit of work here would wait forever.
        assert await count_members_due(uow, bank, GUILD, ["test:a", "test:b", "test:c"], clock.now()) == 2
        assert await count_members_due(uow, bank, GUILD, [], clock.now()) == 0
