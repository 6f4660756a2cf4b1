"""The daily question: posting (on time, late once, never twice), answering once, revealing on time."""

from __future__ import annotations

import logging
import random
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from quizcore.config import CommunityConfig
from quizcore.daily import chosen_option, closes_at, draw_daily, due_posts, local_date, top_topic
from quizcore.errors import AlreadyAnswered, AnswerWindowClosed, NoDailyOpen, NoQuestions, NotAllowed, QuizError
from quizcore.events import AnswerJudged, DailyPosted, DailyRevealed, Event, OptionShare, StreakExtended
from quizcore.leaderboards import period_keys
from quizcore.members import Member
from quizcore.questions import Question
from quizcore.scoring import Award, daily_awards
from quizcore.spaced.recording import record_graded_answer
from quizcore.spaced.service import count_members_due
from quizcore.storage import UnitOfWork
from quizcore.storage.repositories.ledger import LedgerEntry
from quizcore.views import DailyView
from quizcore.workflows.context import Context

if TYPE_CHECKING:
    from quizcore.grading import Verdict

__all__ = ["DailyWorkflow"]

log = logging.getLogger(__name__)


class DailyWorkflow:
    """Every community's daily question."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- time ---------------------------------------------------------------------------------

    async def reveal_due(self, now: datetime) -> list[Event]:
        """Reveal every daily question whose window has closed (each exactly once, across processes)."""
        async with self.ctx.database.uow() as uow:
            due = await uow.dailies.due_reveals(now)
        events: list[Event] = []
        for row in due:
            async with self.ctx.database.uow() as uow:
                revealed = await self._reveal(uow, row, now)
                await uow.commit()
            events += revealed
        return events

    async def post_due(self, communities: list[tuple[str, CommunityConfig]], now: datetime) -> list[Event]:
        """Post the daily question of every enabled community whose post time has come (late within the grace)."""
        events: list[Event] = []
        for community, config in communities:
            if not config.enabled:
                continue
            due = due_posts(now, config)
            if not due:
                continue
            async with self.ctx.database.uow() as uow:
                posted = await uow.dailies.posted_dates(community, [d.local_date for d in due])
            for post in due:
                if post.local_date in posted:
                    continue
                try:
                    async with self.ctx.database.uow() as uow:
                        made = await self._post(uow, community, config, post.local_date, now, late=post.late)
                        await uow.commit()
                except NoQuestions as error:
                    log.warning("no daily question for %s on %s: %s", community, post.local_date, error)
                    continue
                events += made
        return events

    # -- commands -----------------------------------------------------------------------------

    async def post_now(self, community: str, member: Member, *, is_moderator: bool) -> list[Event]:
        """Post today's question now (moderators)."""
        if not is_moderator:
            raise NotAllowed("only a moderator can post the daily question early")
        now = self.ctx.now()
        async with self.ctx.database.uow() as uow:
            config = await self.ctx.config(uow, community)
            today = local_date(now, config.tz)
            posted = bool(await uow.dailies.posted_dates(community, [today]))
            events = [] if posted else await self._post(uow, community, config, today, now, late=False)
            if not any(isinstance(e, DailyPosted) for e in events):
                raise QuizError("today's daily question has already been posted")
            await uow.commit()
        return events

    async def current(self, community: str) -> DailyView | None:
        """The open daily question of the community, if any."""
        async with self.ctx.database.uow() as uow:
            row = await uow.dailies.open_for(community)
            if row is None or row.closes_at <= self.ctx.now():
                return None
            answered, _ = await uow.answers.daily_totals(row.id)
        question = self.ctx.question(row.question_id)
        return DailyView(
            community, row.channel, question, row.local_date, row.posted_at, row.closes_at, answered=answered
        )

    async def answer(self, community: str, member: Member, reply: str, question_id: str | None) -> list[Event]:
        """Grade and count the member's one answer to the open daily question; the verdict is private."""
        now = self.ctx.now()
        async with self.ctx.database.uow() as uow:
            row = await self._open_row(uow, community, now, question_id)
            config = CommunityConfig.model_validate_json(row.config) if row.config else CommunityConfig()
            question = self.ctx.question(row.question_id)
            verdict = self.ctx.grader.grade(question, reply)
            awards = daily_awards(verdict, question.format)
            answer_id = await uow.answers.add(
                community=community,
                member_id=member.id,
                mode="daily",
                daily_id=row.id,
                question_id=question.id,
                topic=top_topic(question),
                reply=reply[:2000],
                choice=chosen_option(question, reply),
                correct=verdict.correct,
                score=float(verdict.score),
                points=sum(a.points for a in awards),
                answered_at=now,
            )
            if answer_id is None:
                raise AlreadyAnswered()
            entries = [LedgerEntry(member.id, a.reason, a.points, a.answered, a.correct, answer_id) for a in awards]
            await uow.ledger.append(community, now, entries, period_keys(now, config.tz))
            await self.ctx.remember_name(uow, community, member)
            current, best = await uow.streaks.record(community, member.id, row.id, row.previous_id, verdict.correct)
            await record_graded_answer(uow, community, member.id, question.id, verdict.correct, now, mode="daily")
            await uow.commit()
        return _verdict_events(community, row.channel, member, question.id, verdict, awards, (current, best))

    # -- internals ----------------------------------------------------------------------------

    async def _open_row(self, uow: UnitOfWork, community: str, now: datetime, question_id: str | None) -> Any:
        row = await uow.dailies.open_with_config(community)
        if row is None:
            if await uow.dailies.latest(community) is None:
                raise NoDailyOpen()
            raise AnswerWindowClosed("too late: the daily question has closed; wait for tomorrow's")
        if question_id is not None and question_id != row.question_id:
            raise AnswerWindowClosed("too late: that daily question has closed; answer today's instead")
        if now >= row.closes_at:
            raise AnswerWindowClosed("too late: the daily question has closed; the answer will be revealed shortly")
        return row

    def _draw(
        self,
        config: CommunityConfig,
        held_back: set[str],
        asked: dict[str, date],
        topic_counts: dict[str, int],
        rng: random.Random,
    ) -> Question | None:
        pool = self.ctx.bank.select(kinds=config.kinds or None)
        wanted = {t.casefold() for t in config.topics}
        pool = [q for q in pool if q.id not in held_back and (not wanted or top_topic(q).casefold() in wanted)]
        return draw_daily(pool, asked, topic_counts, rng)

    async def _post(
        self, uow: UnitOfWork, community: str, config: CommunityConfig, day: date, now: datetime, *, late: bool
    ) -> list[Event]:
        events: list[Event] = []
        previous = await uow.dailies.open_for(community)
        if previous is not None and previous.local_date < day:
            events += await self._reveal(uow, previous, now)
        rng = random.Random(f"{self.ctx.seed}:{community}:{day.isoformat()}")
        question = self._draw(
            config,
            await uow.reports.held_back(community),
            await uow.dailies.asked(community),
            await uow.dailies.topic_counts(community),
            rng,
        )
        if question is None:
            raise NoQuestions("no question can be drawn: the pool is empty or every question is reported")
        closing = closes_at(now, day, config)
        daily_id = await uow.dailies.post(
            community=community,
            local_date=day,
            question_id=question.id,
            topic=top_topic(question),
            channel=config.channel_id,
            posted_at=now,
            closes_at=closing,
            late=late,
            previous_id=await uow.dailies.previous_id(community, day),
        )
        if daily_id is None:
            # Another process posted this date first: it announces the post, not us.
            return events
        log.info("daily %s for %s in %s: %s", day, community, config.channel_id, question.id)
        events.append(
            DailyPosted(
                community=community,
                channel=config.channel_id,
                question=question,
                local_date=day,
                closes_at=closing,
                late=late,
            )
        )
        return events

    async def _reveal(self, uow: UnitOfWork, row: Any, now: datetime) -> list[Event]:
        if not await uow.dailies.mark_revealed(row.id, now):
            return []
        question = self.ctx.bank.get(row.question_id)
        if question is None:
            log.warning("daily %s: question %s is no longer in the bank; revealed silently", row.id, row.question_id)
            return []
        answered, correct = await uow.answers.daily_totals(row.id)
        distribution: tuple[OptionShare, ...] = ()
        if question.options:
            counts = await uow.answers.daily_choices(row.id)
            distribution = tuple(
                OptionShare(i, option, counts.get(i, 0), counts.get(i, 0) / answered if answered else 0.0)
                for i, option in enumerate(question.options)
            )
        first_id = await uow.answers.first_correct(row.id)
        first = None
        if first_id is not None:
            names = await uow.communities.names(row.community, [first_id])
            first = Member(first_id, names.get(first_id, first_id))
        # Counted in this unit of work: a second one would wait on this one's lock (SQLite).
        answerers = await uow.answers.daily_members(row.id)
        reviews_due = await count_members_due(uow, self.ctx.bank, row.community, answerers, now)
        return [
            DailyRevealed(
                community=row.community,
                channel=row.channel,
                question=question,
                local_date=row.local_date,
                answered=answered,
                correct=correct,
                distribution=distribution,
                first_solver=first,
                reviews_due=reviews_due,
            )
        ]


def _verdict_events(
    community: str,
    channel: str | None,
    member: Member,
    question_id: str,
    verdict: Verdict,
    awards: list[Award],
    streak: tuple[int, int],
) -> list[Event]:
    """The private verdict, and the streak when the answer extended it."""
    events: list[Event] = [
        AnswerJudged(
            community=community,
            channel=channel,
            member=member,
            question_id=question_id,
            verdict=verdict,
            points=sum(a.points for a in awards),
            private_to=member.id,
            daily=True,
        )
    ]
    if verdict.correct:
        current, best = streak
        events.append(
            StreakExtended(community=community, member=member, current=current, best=best, private_to=member.id)
        )
    return events
