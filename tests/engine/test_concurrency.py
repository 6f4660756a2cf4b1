"""Invariants held by the database under concurrency: one counted answer each, one post per date, one winner."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from quizcore.clock import ManualClock
from quizcore.errors import AlreadyAnswered, QuizError
from quizcore.events import DailyPosted, DailyRevealed, QuestionAsked, QuestionClosed
from quizcore.members import Member
from quizcore.service import QuizService
from quizcore.storage import Database

C = "console"
MOD = Member("console:mod", "Mod")
POST = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def _twin(service: QuizService) -> tuple[QuizService, Database]:
    """A second service with its own engine and connection pool on the same database, as another process has."""
    db = service.database
    other = await Database.open(db.url.render_as_string(hide_password=False), schema=db.schema)
    return QuizService(service.bank, service.grader, other, service.clock, seed=service.seed), other


async def test_a_thousand_members_answering_at_once_with_duplicates_are_each_counted_once(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    await service.configure(C, MOD, is_moderator=True, channel_id="console:room")
    clock.set(POST)
    posted = next(e for e in await service.tick() if isinstance(e, DailyPosted))
    members = [Member(f"console:m{i}", f"M{i}") for i in range(1000)]
    tries = [
        (m, replies.right(posted.question) if i % 3 else replies.wrong(posted.question)) for i, m in enumerate(members)
    ]
    tries += tries[::5]  # 200 members send their answer twice
    results = await asyncio.gather(*(service.answer_daily(C, m, r) for m, r in tries), return_exceptions=True)
    refused = [r for r in results if isinstance(r, BaseException)]
    assert all(isinstance(r, AlreadyAnswered) for r in refused), {type(r) for r in refused}
    assert len(refused) == 200
    view = await service.current_daily(C)
    assert view is not None and view.answered == 1000
    board = await service.leaderboard(C, "all", limit=2000)
    assert sum(r.answered for r in board.rows) == 1000
    assert len(board.rows) == 1000
    clock.set(posted.closes_at)
    reveal = next(e for e in await service.tick() if isinstance(e, DailyRevealed))
    assert (reveal.answered, reveal.correct) == (1000, 666)


async def test_two_instances_ticking_at_the_same_moment_post_and_reveal_exactly_once(
    service: QuizService, clock: ManualClock
) -> None:
    await service.configure(C, MOD, is_moderator=True, channel_id="console:room", answer_window_minutes=60)
    twin, other_db = await _twin(service)
    try:
        for day in range(3):  # several rounds, so a lucky interleaving can't pass by chance
            post = POST + timedelta(days=day)
            clock.set(post)
            both = await asyncio.gather(service.tick(), twin.tick())
            posts = [e for events in both for e in events if isinstance(e, DailyPosted)]
            assert len(posts) == 1
            clock.set(post + timedelta(hours=1))
            both = await asyncio.gather(service.tick(), twin.tick())
            assert len([e for events in both for e in events if isinstance(e, DailyRevealed)]) == 1
            both = await asyncio.gather(service.tick(), twin.tick())
            assert list(both) == [[], []]
    finally:
        await other_db.close()


async def test_two_instances_racing_to_answer_a_quiz_question_give_it_one_winner(
    service: QuizService, clock: ManualClock, replies: Any
) -> None:
    twin, other_db = await _twin(service)
    try:
        events = await service.start_quiz(C, "console:room", MOD, count=2)
        asked = events[-1]
        assert isinstance(asked, QuestionAsked)
        a, b = Member("console:a", "A"), Member("console:b", "B")
        right = replies.right(asked.question)
        results = await asyncio.gather(
            service.answer_quiz(C, "console:room", a, right),
            twin.answer_quiz(C, "console:room", b, right),
            return_exceptions=True,
        )
        closed = [e for r in results if isinstance(r, list) for e in r if isinstance(e, QuestionClosed)]
        assert len(closed) == 1 and closed[0].number == 1
        assert all(isinstance(r, list | QuizError) for r in results)
    finally:
        await other_db.close()
