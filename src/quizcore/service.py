"""The quiz service: the one async API both adapters call (plain values in, events out, domain errors raised)."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizcore.clock import Clock
from quizcore.config import CommunityConfig
from quizcore.daily import top_topic
from quizcore.events import Event
from quizcore.members import Member
from quizcore.questions import Bank, Kind
from quizcore.spaced import ReviewCard, ReviewService, ReviewStatus
from quizcore.storage import Database
from quizcore.views import DailyView, Leaderboard, MemberStats, Period, ReportView, TopicInfo
from quizcore.workflows.configs import ConfigWorkflow
from quizcore.workflows.context import Context
from quizcore.workflows.daily import DailyWorkflow
from quizcore.workflows.quizzes import QuizWorkflow
from quizcore.workflows.reports import ReportWorkflow
from quizcore.workflows.standings import StandingsWorkflow

if TYPE_CHECKING:
    from quizcore.grading import Grader

__all__ = ["Member", "QuizService"]

log = logging.getLogger(__name__)


class QuizService:
    """Everything a community's quiz life needs, persisted in ``database``.

    Args:
        bank: the questions to draw from.
        grader: grades replies (``grader.grade(question, reply) -> Verdict``).
        database: an opened :class:`quizcore.storage.Database` (migrated).
        clock: the source of "now" (a ``ManualClock`` in tests and the console).
        seed: seeds every random draw, so runs are reproducible.
    """

    def __init__(self, bank: Bank, grader: Grader, database: Database, clock: Clock, seed: int = 0) -> None:
        self.bank = bank
        self.grader = grader
        self.database = database
        self.clock = clock
        self.seed = seed
        ctx = Context(bank, grader, database, clock, seed)
        self._configs = ConfigWorkflow(ctx)
        self._daily = DailyWorkflow(ctx)
        self._quizzes = QuizWorkflow(ctx)
        self._standings = StandingsWorkflow(ctx)
        self._reports = ReportWorkflow(ctx)
        self._reviews = ReviewService(bank, grader, database, clock)

    # -- config -----------------------------------------------------------------------------

    async def get_config(self, community: str) -> CommunityConfig:
        """The community's config; defaults when it was never configured.

        The first call registers the community, so ``tick`` posts its daily question from then on:
        adapters call it when they start serving a community (bot start, guild join, console start).
        """
        return await self._configs.get(community)

    async def configure(self, community: str, member: Member, *, is_moderator: bool, **changes: Any) -> list[Event]:
        """Change some config fields (e.g. ``post_time="08:30"``, ``timezone="Asia/Shanghai"``).

        Returns:
            ``[ConfigChanged]`` (the scheduler rebuilds its jobs on it).

        Raises:
            NotAllowed: the member is not a moderator.
            InvalidConfig: an unknown field or a bad value (message names each problem).
        """
        return await self._configs.configure(community, member, is_moderator=is_moderator, **changes)

    async def communities(self) -> list[tuple[str, CommunityConfig]]:
        """Every configured community with its config (used by the scheduler to build its jobs)."""
        return await self._configs.all()

    # -- time -------------------------------------------------------------------------------

    async def tick(self, now: datetime | None = None) -> list[Event]:
        """Do whatever is due at ``now`` (default: the clock) in every community.

        Posts due daily questions (late within the grace after downtime, never twice for one
        local date), reveals expired ones, times out on-demand questions and ends idle quizzes.
        Safe to call often and from several processes at once.
        """
        now = now if now is not None else self.clock.now()
        events = await self._daily.reveal_due(now)
        events += await self._daily.post_due(await self._configs.all(), now)
        events += await self._quizzes.tick(now)
        return events

    # -- daily question -----------------------------------------------------------------------

    async def post_daily_now(self, community: str, member: Member, *, is_moderator: bool) -> list[Event]:
        """Post today's daily question now instead of at the post time (moderators only).

        Raises:
            NotAllowed: the member is not a moderator.
            NoQuestions: nothing can be drawn (the pool is empty, or every question is reported).
            QuizError: today's question was already posted (message says so).
        """
        return await self._daily.post_now(community, member, is_moderator=is_moderator)

    async def current_daily(self, community: str) -> DailyView | None:
        """The open daily question, or None."""
        return await self._daily.current(community)

    async def answer_daily(
        self, community: str, member: Member, reply: str, *, question_id: str | None = None
    ) -> list[Event]:
        """Answer the open daily question; the verdict is private to the member.

        Args:
            question_id: the question the member was answering (a button carries it); when it
                is not the open question the answer is refused as late.

        Returns:
            ``[AnswerJudged]`` plus ``StreakExtended`` on a correct answer.

        Raises:
            NoDailyOpen: nothing was ever posted or nothing is open.
            AnswerWindowClosed: the window of this question has closed.
            AlreadyAnswered: this member already answered it (one counted answer each).
        """
        return await self._daily.answer(community, member, reply, question_id)

    # -- on-demand quizzes --------------------------------------------------------------------

    async def start_quiz(
        self,
        community: str,
        channel: str,
        member: Member,
        *,
        topic: str | None = None,
        kind: Kind | str | None = None,
        count: int = 5,
    ) -> list[Event]:
        """Start a quiz of ``count`` questions (1 to 50; fewer when the topic has fewer) in a channel.

        Args:
            topic: part of a topic path, case-insensitive ("attention", "Optimizers > Adam").
            kind: a :class:`Kind` or its value ("cloze"); None for any.
            count: how many questions.

        Returns:
            ``[QuizStarted, QuestionAsked]``.

        Raises:
            QuizAlreadyRunning: the channel already has one.
            UnknownTopic: no topic matches ``topic``.
            NoQuestions: no question matches the topic and kind.
        """
        return await self._quizzes.start(community, channel, member, topic, kind, count)

    async def answer_quiz(
        self, community: str, channel: str, member: Member, reply: str, *, question_id: str | None = None
    ) -> list[Event]:
        """Answer the current question of the channel's quiz (anyone in the channel may).

        Each member has one attempt per question. A correct answer wins the question and moves on
        (public ``AnswerJudged``, ``QuestionClosed``, then ``QuestionAsked`` or ``QuizEnded``); a wrong
        one gets a private ``AnswerJudged`` and leaves the question open. An answer after the
        question's deadline is not counted: it closes the question by time-out instead.

        Args:
            question_id: the question the member was answering (a button carries it); when it is
                no longer the current question the answer is refused as late.

        Raises:
            NoQuizRunning: no quiz in this channel.
            AlreadyAnswered: the member already tried this question.
            AnswerWindowClosed: ``question_id`` is not the current question.
        """
        return await self._quizzes.answer(community, channel, member, reply, question_id)

    async def hint(self, community: str, channel: str, member: Member) -> list[Event]:
        """The next hint for the current question (each costs points; see docs/scoring.md).

        Raises:
            NoQuizRunning: no quiz in this channel.
            NoMoreHints: every hint was given.
        """
        return await self._quizzes.hint(community, channel, member)

    async def stop_quiz(self, community: str, channel: str, member: Member, *, is_moderator: bool) -> list[Event]:
        """Stop the channel's quiz (its starter or a moderator).

        Returns:
            ``[QuestionClosed, QuizEnded]``.

        Raises:
            NoQuizRunning: no quiz in this channel.
            NotAllowed: the member neither started it nor moderates.
        """
        return await self._quizzes.stop(community, channel, member, is_moderator=is_moderator)

    # -- scores and stats ---------------------------------------------------------------------

    async def leaderboard(self, community: str, period: Period, limit: int = 10) -> Leaderboard:
        """The top ``limit`` members by points over a period, in the community's timezone."""
        return await self._standings.leaderboard(community, period, limit)

    async def member_stats(self, community: str, member_id: str) -> MemberStats:
        """A member's accuracy by topic, weakest topics, streaks and recent history."""
        return await self._standings.member_stats(community, member_id)

    async def topics(self) -> list[TopicInfo]:
        """The bank's top-level topics with their question counts."""
        counts = Counter(top_topic(q) for q in self.bank)
        return [TopicInfo(name, counts[name]) for name in self.bank.topics()]

    # -- reports ------------------------------------------------------------------------------

    async def report_question(self, community: str, member: Member, question_id: str, reason: str) -> list[Event]:
        """Report a question as wrong or unclear; it is held back from the daily draw until cleared.

        Raises:
            UnknownQuestion: no such question.
        """
        return await self._reports.report(community, member, question_id, reason)

    async def list_reports(self, community: str, *, is_moderator: bool) -> list[ReportView]:
        """Open reports, one entry per question, most reported first (moderators only).

        Raises:
            NotAllowed: the member is not a moderator.
        """
        return await self._reports.open_reports(community, is_moderator=is_moderator)

    async def clear_report(
        self, community: str, member: Member, question_id: str, *, is_moderator: bool
    ) -> list[Event]:
        """Clear every open report on a question (moderators only).

        Raises:
            NotAllowed: the member is not a moderator.
            UnknownQuestion: the question has no open report.
        """
        return await self._reports.clear(community, member, question_id, is_moderator=is_moderator)

    # -- personal review (spaced repetition; see quizcore.spaced) ----------------------------

    async def review_next(self, community: str, member: Member) -> ReviewCard | None:
        """The member's next question to review privately (most overdue first, then a new one), or None."""
        return await self._reviews.review_next(community, member)

    async def answer_review(self, community: str, member: Member, question_id: str, reply: str) -> list[Event]:
        """Grade a review answer and reschedule the question for the member: ``[ReviewJudged]`` (private).

        Raises:
            UnknownQuestion: no such question.
            ReviewUnavailable: it is the open daily question or held back by a report.
            NotDueYet: already reviewed and not due again yet.
        """
        return await self._reviews.answer_review(community, member, question_id, reply)

    async def review_status(self, community: str, member_id: str) -> ReviewStatus:
        """The member's review state: due now and today, learned, retention, streak, new-question limit, by topic."""
        return await self._reviews.review_status(community, member_id)

    async def set_review_limit(self, community: str, member: Member, limit: int) -> list[Event]:
        """Set the member's daily limit of new review questions: ``[ReviewLimitChanged]``.

        Raises:
            InvalidConfig: the limit is out of range.
        """
        return await self._reviews.set_review_limit(community, member, limit)

    async def members_with_reviews_due(self, community: str, member_ids: list[str], now: datetime | None = None) -> int:
        """How many of these members have reviews due (the daily reveal mentions it, without pinging anyone)."""
        return await self._reviews.members_with_reviews_due(community, member_ids, now)
