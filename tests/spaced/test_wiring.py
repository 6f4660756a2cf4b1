"""Every graded answer in the engine (daily and quiz) updates the member's memory, and the service offers review."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizcore.clock import ManualClock
from quizcore.errors import AlreadyAnswered
from quizcore.events import DailyPosted, QuestionAsked
from quizcore.grading import Grader
from quizcore.members import Member
from quizcore.questions import Bank
from quizcore.service import QuizService
from quizcore.spaced import ReviewJudged
from quizcore.storage import Database

GUILD = "test:guild"
ALICE = Member("test:alice", "Alice")
BOB = Member("test:bob", "Bob")
MOD = Member("test:mod", "Mod")


@pytest.fixture
def quiz(bank: Bank, grader: Grader, database: Database, clock: ManualClock) -> QuizService:
    return QuizService(bank, grader, database, clock, seed=3)


async def test_a_wrong_daily_answer_comes_back_in_review_once_the_daily_has_closed(
    quiz: QuizService, clock: ManualClock
) -> None:
    posted = next(e for e in await quiz.post_daily_now(GUILD, MOD, is_moderator=True) if isinstance(e, DailyPosted))
    await quiz.answer_daily(GUILD, ALICE, "no idea at all")
    status = await quiz.review_status(GUILD, ALICE.id)
    assert (status.cards, status.reviews, status.retention) == (1, 1, 0.0)

    clock.set(posted.closes_at + timedelta(minutes=1))
    card = await quiz.review_next(GUILD, ALICE)
    assert card is not None and (card.question.id, card.is_new) == (posted.question.id, False)
    (judged,) = await quiz.answer_review(GUILD, ALICE, card.question.id, card.question.correct_text)
    assert isinstance(judged, ReviewJudged) and judged.verdict.correct and judged.private_to == ALICE.id


async def test_a_right_quiz_answer_is_learned_and_not_offered_again_soon(quiz: QuizService) -> None:
    asked = next(e for e in await quiz.start_quiz(GUILD, "test:channel", BOB, count=1) if isinstance(e, QuestionAsked))
    await quiz.answer_quiz(GUILD, "test:channel", ALICE, asked.question.correct_text)
    status = await quiz.review_status(GUILD, ALICE.id)
    assert (status.cards, status.learned, status.due_now, status.retention) == (1, 1, 0, 1.0)
    card = await quiz.review_next(GUILD, ALICE)
    assert card is not None and card.is_new and card.question.id != asked.question.id
    assert (await quiz.review_status(GUILD, BOB.id)).cards == 0


async def test_a_quiz_answer_that_is_refused_leaves_the_memory_unchanged(quiz: QuizService) -> None:
    asked = next(e for e in await quiz.start_quiz(GUILD, "test:channel", BOB, count=2) if isinstance(e, QuestionAsked))
    await quiz.answer_quiz(GUILD, "test:channel", ALICE, "no idea at all")
    with pytest.raises(AlreadyAnswered):
        await quiz.answer_quiz(GUILD, "test:channel", ALICE, asked.question.correct_text)
    status = await quiz.review_status(GUILD, ALICE.id)
    assert (status.cards, status.reviews, status.retention) == (1, 1, 0.0)


async def test_the_review_limit_is_set_through_the_quiz_service(quiz: QuizService) -> None:
    await quiz.set_review_limit(GUILD, ALICE, 0)
    assert await quiz.review_next(GUILD, ALICE) is None
    assert (await quiz.review_status(GUILD, ALICE.id)).new_limit == 0
