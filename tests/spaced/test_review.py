"""Personal review through the service, on SQLite and PostgreSQL, with a manual clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest

from quizcore.clock import ManualClock
from quizcore.errors import InvalidConfig, UnknownQuestion
from quizcore.grading import Grader
from quizcore.members import Member
from quizcore.questions import Bank
from quizcore.spaced import (
    NotDueYet,
    ReviewCard,
    ReviewJudged,
    ReviewLimitChanged,
    ReviewService,
    record_graded_answer,
)
from quizcore.storage import Database

GUILD = "test:guild"
ALICE = Member("test:alice", "Alice")
BOB = Member("test:bob", "Bob")
WRONG = "no idea at all"


async def next_card(reviews: ReviewService, member: Member = ALICE) -> ReviewCard:
    card = await reviews.review_next(GUILD, member)
    assert card is not None
    return card


async def answer(reviews: ReviewService, card: ReviewCard, correct: bool, member: Member = ALICE) -> ReviewJudged:
    reply = card.question.correct_text if correct else WRONG
    (judged,) = await reviews.answer_review(GUILD, member, card.question.id, reply)
    assert isinstance(judged, ReviewJudged)
    assert judged.verdict.correct is correct
    return judged


async def test_a_wrong_answer_comes_back_within_a_day_before_anything_new(
    reviews: ReviewService, clock: ManualClock
) -> None:
    first = await next_card(reviews)
    assert first.is_new
    judged = await answer(reviews, first, correct=False)
    assert judged.private_to == ALICE.id
    assert timedelta(0) < judged.interval <= timedelta(days=1)
    assert (await next_card(reviews)).question.id != first.question.id  # not due yet: something new meanwhile

    clock.set(judged.next_due)
    again = await next_card(reviews)
    assert (again.question.id, again.is_new, again.due_count) == (first.question.id, False, 1)


async def test_three_right_reviews_push_a_question_out_by_weeks(reviews: ReviewService, clock: ManualClock) -> None:
    card = await next_card(reviews)
    intervals = []
    for _ in range(3):
        judged = await answer(reviews, card, correct=True)
        intervals.append(judged.interval)
        clock.set(judged.next_due)
        card = await next_card(reviews)
        assert card.question.id == judged.question_id and not card.is_new
    assert intervals[-1] >= timedelta(weeks=2)
    assert intervals == sorted(intervals)


async def test_the_most_overdue_question_comes_first(reviews: ReviewService, clock: ManualClock) -> None:
    first = await next_card(reviews)
    await answer(reviews, first, correct=False)
    clock.advance(timedelta(minutes=3))
    second = await next_card(reviews)
    await answer(reviews, second, correct=False)
    clock.advance(timedelta(hours=1))
    due = await next_card(reviews)
    assert (due.question.id, due.due_count) == (first.question.id, 2)


async def test_the_daily_limit_of_new_questions_holds_until_the_next_day(
    reviews: ReviewService, clock: ManualClock
) -> None:
    assert await reviews.set_review_limit(GUILD, ALICE, 2) == [
        ReviewLimitChanged(community=GUILD, member=ALICE, new_limit=2, private_to=ALICE.id)
    ]
    seen = []
    for _ in range(2):
        card = await next_card(reviews)
        assert card.is_new
        seen.append(card.question.id)
        await answer(reviews, card, correct=True)
    assert await reviews.review_next(GUILD, ALICE) is None
    status = await reviews.review_status(GUILD, ALICE.id)
    assert (status.new_limit, status.new_today, status.new_left) == (2, 2, 0)

    clock.advance(timedelta(days=1))
    tomorrow = await next_card(reviews)
    assert tomorrow.is_new and tomorrow.question.id not in seen and tomorrow.new_left == 2


async def test_a_limit_of_zero_reviews_known_questions_only(reviews: ReviewService, clock: ManualClock) -> None:
    card = await next_card(reviews)
    judged = await answer(reviews, card, correct=False)
    await reviews.set_review_limit(GUILD, ALICE, 0)
    assert await reviews.review_next(GUILD, ALICE) is None
    clock.set(judged.next_due)
    assert (await next_card(reviews)).question.id == card.question.id


async def test_a_limit_out_of_range_is_refused(reviews: ReviewService) -> None:
    for bad in (-1, 101):
        with pytest.raises(InvalidConfig):
            await reviews.set_review_limit(GUILD, ALICE, bad)


async def test_two_members_schedules_are_independent(reviews: ReviewService, clock: ManualClock) -> None:
    alice_card = await next_card(reviews, ALICE)
    judged = await answer(reviews, alice_card, correct=False, member=ALICE)
    bob_card = await next_card(reviews, BOB)
    await answer(reviews, bob_card, correct=True, member=BOB)
    clock.set(judged.next_due)

    assert (await next_card(reviews, ALICE)).due_count == 1
    bobs_next = await next_card(reviews, BOB)
    assert bobs_next.is_new and bobs_next.due_count == 0
    alice, bob = await reviews.review_status(GUILD, ALICE.id), await reviews.review_status(GUILD, BOB.id)
    assert (alice.due_now, alice.retention, bob.due_now, bob.retention) == (1, 0.0, 0, 1.0)


async def test_the_same_member_in_another_community_starts_afresh(reviews: ReviewService) -> None:
    await answer(reviews, await next_card(reviews), correct=True)
    elsewhere = await reviews.review_status("test:other-guild", ALICE.id)
    assert (elsewhere.cards, elsewhere.reviews) == (0, 0)


async def test_a_rebuilt_bank_with_the_same_ids_keeps_every_schedule(
    reviews: ReviewService, rebuild: Callable[[str], Bank], grader: Grader, database: Database, clock: ManualClock
) -> None:
    card = await next_card(reviews)
    judged = await answer(reviews, card, correct=False)
    before = await reviews.review_status(GUILD, ALICE.id)

    rebuilt = ReviewService(rebuild(" (edited)"), grader, database, clock)
    assert await rebuilt.review_status(GUILD, ALICE.id) == before
    clock.set(judged.next_due)
    again = await next_card(rebuilt)
    assert again.question.id == card.question.id
    assert again.question.stem.endswith("(edited)")


async def test_a_question_gone_from_the_bank_drops_out_quietly_and_returns_with_its_history(
    reviews: ReviewService, bank: Bank, grader: Grader, database: Database, clock: ManualClock
) -> None:
    gone = await next_card(reviews)
    await answer(reviews, gone, correct=False)
    kept = await next_card(reviews)
    await answer(reviews, kept, correct=False)
    clock.advance(timedelta(hours=1))

    smaller = ReviewService(Bank([q for q in bank if q.id != gone.question.id]), grader, database, clock)
    due = await next_card(smaller)
    assert (due.question.id, due.due_count) == (kept.question.id, 1)
    status = await smaller.review_status(GUILD, ALICE.id)
    assert (status.due_now, status.cards) == (1, 1)
    assert await smaller.members_with_reviews_due(GUILD, [ALICE.id]) == 1
    with pytest.raises(UnknownQuestion):
        await smaller.answer_review(GUILD, ALICE, gone.question.id, "momentum")

    # Back in the bank (the note was restored): its schedule was kept, not reset.
    restored = await next_card(reviews)
    assert (restored.question.id, restored.due_count) == (gone.question.id, 2)


async def test_the_status_counts_due_learned_retention_and_topics(reviews: ReviewService, clock: ManualClock) -> None:
    right = await next_card(reviews)
    await answer(reviews, right, correct=True)
    wrong = await next_card(reviews)
    await answer(reviews, wrong, correct=False)
    clock.advance(timedelta(hours=1))

    status = await reviews.review_status(GUILD, ALICE.id)
    assert (status.cards, status.due_now, status.due_today, status.learned) == (2, 1, 1, 1)
    assert (status.reviews, status.retention, status.new_today, status.streak) == (2, 0.5, 2, 1)
    assert status.next_due is not None and status.next_due - clock.now() > timedelta(days=1)
    assert sum(t.cards for t in status.by_topic) == 2
    assert sum(t.due_now for t in status.by_topic) == 1


async def test_the_review_streak_counts_days_in_a_row_and_breaks_after_a_gap(
    reviews: ReviewService, clock: ManualClock
) -> None:
    streaks = []
    for gap in (0, 1, 1, 2):
        clock.advance(timedelta(days=gap))
        judged = await answer(reviews, await next_card(reviews), correct=True)
        streaks.append((judged.streak, judged.best_streak))
    assert streaks == [(1, 1), (2, 2), (3, 3), (1, 3)]
    clock.advance(timedelta(days=2))
    status = await reviews.review_status(GUILD, ALICE.id)
    assert (status.streak, status.best_streak) == (0, 3)


async def test_answering_twice_on_the_same_day_keeps_the_streak_at_one(reviews: ReviewService) -> None:
    await answer(reviews, await next_card(reviews), correct=True)
    judged = await answer(reviews, await next_card(reviews), correct=False)
    assert (judged.streak, judged.best_streak) == (1, 1)
    assert (await next_card(reviews)).streak == 1


async def test_the_reveal_counts_the_listed_members_with_something_due(
    reviews: ReviewService, clock: ManualClock
) -> None:
    carol = Member("test:carol", "Carol")
    await answer(reviews, await next_card(reviews, ALICE), correct=False, member=ALICE)
    await answer(reviews, await next_card(reviews, BOB), correct=True, member=BOB)
    await answer(reviews, await next_card(reviews, carol), correct=False, member=carol)
    clock.advance(timedelta(hours=2))
    everyone = [ALICE.id, BOB.id, carol.id, "test:never-reviewed"]
    assert await reviews.members_with_reviews_due(GUILD, everyone) == 2
    assert await reviews.members_with_reviews_due(GUILD, [BOB.id, ALICE.id, ALICE.id]) == 1
    assert await reviews.members_with_reviews_due(GUILD, []) == 0


async def test_answering_a_question_the_bank_lacks_is_an_unknown_question(reviews: ReviewService) -> None:
    with pytest.raises(UnknownQuestion):
        await reviews.answer_review(GUILD, ALICE, "no-such-question", "anything")


async def test_new_questions_come_from_the_topic_the_member_gets_wrong_most(
    reviews: ReviewService, database: Database, clock: ManualClock
) -> None:
    for question_id, correct in (("opt-1", False), ("opt-2", False), ("att-1", True), ("reg-1", True)):
        await record_graded_answer(database, GUILD, ALICE.id, question_id, correct, clock.now(), mode="quiz")
    card = await next_card(reviews)
    assert (card.question.id, card.is_new) == ("opt-3", True)


async def test_a_member_who_knows_most_of_a_big_topic_is_offered_one_they_have_not_seen(
    bank: Bank, grader: Grader, database: Database, clock: ManualClock
) -> None:
    template = bank.get("opt-1")
    assert template is not None
    big = Bank([replace(template, id=f"big-{i:03d}") for i in range(300)])
    unseen = {"big-007", "big-150", "big-299"}
    for question in big:
        if question.id not in unseen:
            await record_graded_answer(database, GUILD, ALICE.id, question.id, True, clock.now(), mode="quiz")
    reviews = ReviewService(big, grader, database, clock)
    offered = set()
    for _ in range(3):
        card = await next_card(reviews)
        assert card.is_new
        offered.add(card.question.id)
        await answer(reviews, card, correct=True)
    assert offered == unseen
    assert await reviews.review_next(GUILD, ALICE) is None


async def test_a_second_answer_before_the_question_is_due_again_is_refused_with_its_due_time(
    reviews: ReviewService, clock: ManualClock
) -> None:
    card = await next_card(reviews)
    judged = await answer(reviews, card, correct=True)
    clock.advance(timedelta(seconds=5))
    with pytest.raises(NotDueYet) as refused:
        await reviews.answer_review(GUILD, ALICE, card.question.id, card.question.correct_text)
    assert refused.value.due == judged.next_due
    assert (await reviews.review_status(GUILD, ALICE.id)).reviews == 1
