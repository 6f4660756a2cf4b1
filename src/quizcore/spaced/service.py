"""Personal review: each member's due questions, answered privately, scheduled by FSRS."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from quizcore.clock import Clock
from quizcore.errors import InvalidConfig, UnknownQuestion
from quizcore.events import Event
from quizcore.members import Member
from quizcore.questions import Bank, Question
from quizcore.spaced.calendar import community_day
from quizcore.spaced.errors import NotDueYet, ReviewUnavailable
from quizcore.spaced.events import ReviewJudged, ReviewLimitChanged
from quizcore.spaced.members import MemberSettings
from quizcore.spaced.queue import RECENT_ANSWERS, BankIndex, due_questions, topic_candidates, weakest_topics
from quizcore.spaced.recording import record_graded_answer
from quizcore.spaced.repository import ReviewStore
from quizcore.spaced.status import summarize
from quizcore.spaced.views import ReviewCard, ReviewStatus
from quizcore.storage import Database, UnitOfWork

if TYPE_CHECKING:
    from quizcore.grading import Grader

__all__ = ["DEFAULT_NEW_LIMIT", "MAX_NEW_LIMIT", "ReviewService", "count_members_due"]

log = logging.getLogger(__name__)

DEFAULT_NEW_LIMIT = 10
"""New questions a member starts per day in review unless they set their own limit."""

MAX_NEW_LIMIT = 100
"""The highest daily limit of new questions a member may set."""


# Upcoming cards looked at for the status's "next due" (those of questions gone from the bank are skipped).
_UPCOMING = 50


class ReviewService:
    """Each member's spaced review of the bank, persisted in ``database``.

    Args:
        bank: the questions; a card whose question left the bank is skipped (its history is kept).
        grader: grades review replies like any answer.
        database: an opened, migrated :class:`quizcore.storage.Database`.
        clock: the source of "now".
        default_new_limit: new questions per day for members who never set a limit.
    """

    def __init__(
        self,
        bank: Bank,
        grader: Grader,
        database: Database,
        clock: Clock,
        *,
        default_new_limit: int = DEFAULT_NEW_LIMIT,
    ) -> None:
        self.bank = bank
        self.grader = grader
        self.database = database
        self.clock = clock
        self.default_new_limit = default_new_limit
        self._index = BankIndex(bank)

    @property
    def index(self) -> BankIndex:
        """The bank arranged for picking (rebuilt when :attr:`bank` is replaced)."""
        if self._index.bank is not self.bank:
            self._index = BankIndex(self.bank)
        return self._index

    async def review_next(self, community: str, member: Member) -> ReviewCard | None:
        """The member's next question to review (most overdue first, then a new one), or None when done for now."""
        now = self.clock.now()
        async with self.database.uow() as uow:
            store = ReviewStore(uow.conn)
            excluded = await _excluded(uow, community, now)
            day = await community_day(uow, community, now)
            settings = await store.members.settings(community, member.id)
            queue = due_questions(await store.cards.due(community, member.id, now), self.bank, excluded)
            new_left = max(
                0, self._limit(settings) - await store.log.new_reviewed_since(community, member.id, day.start)
            )
            streak = _alive(settings, day.date)
            if queue:
                due_at = await store.cards.due_at(community, member.id, queue[0].id)
                return ReviewCard(community, member.id, queue[0], False, due_at, len(queue), new_left, streak)
            fresh = await self._first_new(store, community, member.id, excluded) if new_left else None
        if fresh is None:
            return None
        return ReviewCard(community, member.id, fresh, True, None, 0, new_left, streak)

    async def answer_review(self, community: str, member: Member, question_id: str, reply: str) -> list[Event]:
        """Grade a review answer and reschedule the question for the member; the verdict is private.

        Returns:
            ``[ReviewJudged]`` with when the question comes back.

        Raises:
            UnknownQuestion: the bank has no such question.
            ReviewUnavailable: it is the community's open daily question, or held back by a report.
            NotDueYet: the member already reviewed it and it is not due again yet.
        """
        question = self.bank.get(question_id)
        if question is None:
            raise UnknownQuestion(f"no question with id {question_id!r}")
        now = self.clock.now()
        verdict = self.grader.grade(question, reply)
        async with self.database.uow() as uow:
            store = ReviewStore(uow.conn)
            excluded = await _excluded(uow, community, now)
            if question_id in excluded:
                raise ReviewUnavailable("this question cannot be reviewed now: it is open or held back by a report")
            memory = await store.cards.lock(community, member.id, question_id)
            if memory is not None and memory.due > now:
                raise NotDueYet(memory.due)
            update = await record_graded_answer(
                uow, community, member.id, question_id, verdict.correct, now, mode="review"
            )
            day = await community_day(uow, community, now)
            streak, best = await store.members.record_review_day(community, member.id, day.date)
            due_left = len(due_questions(await store.cards.due(community, member.id, now), self.bank, excluded))
            await uow.commit()
        judged = ReviewJudged(
            community=community,
            member=member,
            question_id=question_id,
            verdict=verdict,
            next_due=update.after.due,
            interval=update.after.due - now,
            due_left=due_left,
            streak=streak,
            best_streak=best,
            private_to=member.id,
        )
        return [judged]

    async def review_status(self, community: str, member_id: str) -> ReviewStatus:
        """The member's review state: due now and today, learned, retention, streak, limits, by topic."""
        now = self.clock.now()
        async with self.database.uow() as uow:
            store = ReviewStore(uow.conn)
            excluded = await _excluded(uow, community, now)
            day = await community_day(uow, community, now)
            settings = await store.members.settings(community, member_id)
            cards = await store.cards.cards(community, member_id, now, day.end)
            upcoming = await store.cards.upcoming(community, member_id, now, _UPCOMING)
            new_today = await store.log.new_reviewed_since(community, member_id, day.start)
        next_due = next((due for qid, due in upcoming if qid in self.bank and qid not in excluded), None)
        limit = self._limit(settings)
        return summarize(
            community,
            member_id,
            cards,
            self.index,
            excluded=excluded,
            next_due=next_due,
            new_limit=limit,
            new_today=new_today,
            streak=(_alive(settings, day.date), settings.streak_best),
        )

    async def set_review_limit(self, community: str, member: Member, limit: int) -> list[Event]:
        """Set how many new questions a day the member starts in review (0 to review known ones only).

        Returns:
            ``[ReviewLimitChanged]``.

        Raises:
            InvalidConfig: the limit is below 0 or above :data:`MAX_NEW_LIMIT`.
        """
        if not 0 <= limit <= MAX_NEW_LIMIT:
            raise InvalidConfig(f"the daily limit of new questions must be between 0 and {MAX_NEW_LIMIT}")
        async with self.database.uow() as uow:
            await ReviewStore(uow.conn).members.set_new_limit(community, member.id, limit)
            await uow.commit()
        return [ReviewLimitChanged(community=community, member=member, new_limit=limit, private_to=member.id)]

    async def members_with_reviews_due(
        self, community: str, member_ids: Sequence[str], now: datetime | None = None
    ) -> int:
        """How many of these members have at least one question due for review (for the daily reveal).

        Opens its own unit of work; inside one (e.g. while revealing), call :func:`count_members_due`.
        """
        now = now if now is not None else self.clock.now()
        async with self.database.uow() as uow:
            return await count_members_due(uow, self.bank, community, member_ids, now)

    async def _first_new(
        self, store: ReviewStore, community: str, member_id: str, excluded: set[str]
    ) -> Question | None:
        """The first question the member never answered, from their weakest topic first."""
        results = await store.log.recent_results(community, member_id, RECENT_ANSWERS)
        salt = f"{community}\x1f{member_id}"
        for topic in weakest_topics(self.index, results):
            candidates = topic_candidates(self.index, topic, salt=salt, excluded=excluded)
            # Ask about a few candidates first: most members have an unanswered one among them.
            start, size = 0, 16
            while start < len(candidates):
                batch = candidates[start : start + size]
                known = await store.cards.known_among(community, member_id, [q.id for q in batch])
                for question in batch:
                    if question.id not in known:
                        return question
                start, size = start + size, size * 4
        return None

    def _limit(self, settings: MemberSettings) -> int:
        return settings.new_limit if settings.new_limit is not None else self.default_new_limit


async def count_members_due(
    uow: UnitOfWork, bank: Bank, community: str, member_ids: Sequence[str], now: datetime
) -> int:
    """How many of these members have a question of ``bank`` due at ``now``, inside the caller's unit of work.

    Questions gone from the bank, held back by a report or open as the daily question do not count.
    """
    unique = sorted(set(member_ids))
    if not unique:
        return 0
    store = ReviewStore(uow.conn)
    excluded = await _excluded(uow, community, now)
    due_ids = await store.cards.due_question_ids(community, unique, now)
    skip = sorted(qid for qid in due_ids if qid not in bank or qid in excluded)
    return await store.cards.members_due(community, unique, now, skip)


async def _excluded(uow: UnitOfWork, community: str, now: datetime) -> set[str]:
    """Questions no one reviews now: held back by an open report, or the open daily question (its answer is secret)."""
    excluded = await uow.reports.held_back(community)
    daily = await uow.dailies.open_for(community)
    if daily is not None and daily.closes_at > now:
        excluded.add(daily.question_id)
    return excluded


def _alive(settings: MemberSettings, today: date) -> int:
    """The review streak as it stands today: kept if the last review day was today or yesterday."""
    if settings.streak_date is None:
        return 0
    gap = (today - settings.streak_date).days
    return settings.streak_current if gap <= 1 else 0
