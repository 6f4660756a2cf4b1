"""On-demand quizzes: load the channel's session, apply one transition, save it (optimistically), record scores."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import secrets
from collections.abc import Callable
from datetime import datetime

from quizcore.daily import top_topic
from quizcore.errors import (
    AlreadyAnswered,
    AnswerWindowClosed,
    NoQuestions,
    NoQuizRunning,
    QuizAlreadyRunning,
    QuizError,
    UnknownTopic,
)
from quizcore.events import Event
from quizcore.leaderboards import period_keys
from quizcore.members import Member
from quizcore.questions import Format, Kind, Question, UnknownQuestion
from quizcore.sessions import Attempt, QuizSession, Step
from quizcore.spaced.recording import record_graded_answer
from quizcore.storage import UnitOfWork
from quizcore.storage.repositories.ledger import LedgerEntry
from quizcore.storage.repositories.sessions import StoredSession
from quizcore.workflows.context import Context

__all__ = ["MAX_QUESTIONS", "QuizWorkflow"]

log = logging.getLogger(__name__)

MAX_QUESTIONS = 50
_SAVE_ATTEMPTS = 5


class QuizWorkflow:
    """Every channel's on-demand quiz; one running session per channel."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}

    async def start(
        self, community: str, channel: str, member: Member, topic: str | None, kind: Kind | str | None, count: int
    ) -> list[Event]:
        """Draw the questions and start a session: ``[QuizStarted, QuestionAsked]``."""
        now = self.ctx.now()
        wanted_kind, wanted_format = _parse_kind(kind)
        if topic and not self.ctx.bank.select(topic=topic):
            raise UnknownTopic(f"unknown topic {topic!r} (topics: {', '.join(self.ctx.bank.topics())})")
        async with self._lock(community, channel), self.ctx.database.uow() as uow:
            if await uow.sessions.running(community, channel) is not None:
                raise QuizAlreadyRunning()
            config = await self.ctx.config(uow, community)
            held_back = await uow.reports.held_back(community)
            rng = random.Random(f"{self.ctx.seed}:{community}:{channel}:{now.isoformat()}")
            questions = self._draw(topic, wanted_kind, wanted_format, count, held_back, rng)
            session, events = QuizSession.start(
                session_id=secrets.token_hex(8),
                community=community,
                channel=channel,
                starter=member,
                questions=questions,
                question_seconds=config.question_seconds,
                topic=topic,
                kind=wanted_kind,
                now=now,
            )
            created = await uow.sessions.create(
                session_id=session.id,
                community=community,
                channel=channel,
                state=json.dumps(session.to_json(), ensure_ascii=False),
                next_due=session.next_due,
                now=now,
            )
            if not created:
                raise QuizAlreadyRunning()
            await self.ctx.remember_name(uow, community, member)
            await uow.commit()
        return events

    async def answer(
        self, community: str, channel: str, member: Member, reply: str, question_id: str | None
    ) -> list[Event]:
        """One member's attempt at the current question (or at ``question_id``, if that is still current)."""
        now = self.ctx.now()

        def attempt(session: QuizSession) -> Step:
            if question_id is not None and question_id != session.current.id:
                raise AnswerWindowClosed("too late: that question has closed")
            if session.deadline is not None and now >= session.deadline:
                return session.tick(now)
            verdict = self.ctx.grader.grade(session.current, reply)
            return session.answer(member, reply, verdict, now)

        return await self._apply(community, channel, attempt, now)

    async def hint(self, community: str, channel: str, member: Member) -> list[Event]:
        """The next hint for the current question."""
        now = self.ctx.now()
        return await self._apply(community, channel, lambda s: s.hint(member, now), now)

    async def stop(self, community: str, channel: str, member: Member, *, is_moderator: bool) -> list[Event]:
        """Stop the channel's quiz."""
        now = self.ctx.now()
        return await self._apply(community, channel, lambda s: s.stop(member, is_moderator=is_moderator, now=now), now)

    async def tick(self, now: datetime) -> list[Event]:
        """Time out due questions and end idle quizzes, in every channel."""
        async with self.ctx.database.uow() as uow:
            due = await uow.sessions.due(now)
        events: list[Event] = []
        for stored in due:
            try:
                events += await self._apply(stored.community, stored.channel, lambda s: s.tick(now), now)
            except NoQuizRunning:
                continue  # another process finished it meanwhile
            except QuizError as error:
                log.warning("quiz in %s not ticked: %s", stored.channel, error)
        return events

    # -- internals ----------------------------------------------------------------------------

    def _draw(
        self,
        topic: str | None,
        kind: Kind | None,
        fmt: Format | None,
        count: int,
        held_back: set[str],
        rng: random.Random,
    ) -> list[Question]:
        """``count`` different questions of the topic and kind or format (reported ones held back), in random order."""
        kinds = [kind] if kind else None
        formats = [fmt] if fmt else None
        selected = self.ctx.bank.select(topic=topic, kinds=kinds, formats=formats)
        pool = sorted((q for q in selected if q.id not in held_back), key=_id)
        if not pool:
            raise NoQuestions("no questions match that topic and kind")
        return rng.sample(pool, min(max(1, count), MAX_QUESTIONS, len(pool)))

    def _lock(self, community: str, channel: str) -> asyncio.Lock:
        return self._locks.setdefault((community, channel), asyncio.Lock())

    async def _apply(
        self, community: str, channel: str, transition: Callable[[QuizSession], Step], now: datetime
    ) -> list[Event]:
        """Run one transition on the channel's session and save it; retried when another process saved first."""
        async with self._lock(community, channel):
            for _ in range(_SAVE_ATTEMPTS):
                async with self.ctx.database.uow() as uow:
                    stored = await uow.sessions.running(community, channel)
                    if stored is None:
                        raise NoQuizRunning()
                    session = await self._load(uow, stored, now)
                    if session is None:
                        await uow.commit()
                        raise NoQuizRunning("the quiz in this channel was dropped: its questions changed")
                    step = transition(session)
                    if step.attempt is not None:
                        await self._record(uow, community, session.id, step.attempt)
                    state = json.dumps(session.to_json(), ensure_ascii=False)
                    ended = now if session.ended else None
                    if await uow.sessions.save(stored, state=state, next_due=session.next_due, ended_at=ended):
                        await uow.commit()
                        return step.events
                log.info("quiz in %s changed under us; retrying", channel)
        raise QuizError("the quiz is busy; try again")

    async def _load(self, uow: UnitOfWork, stored: StoredSession, now: datetime) -> QuizSession | None:
        try:
            return QuizSession.from_json(json.loads(stored.state), self.ctx.bank)
        except UnknownQuestion:
            log.warning("quiz %s dropped: a question left the bank", stored.id)
            await uow.sessions.save(stored, state=stored.state, next_due=None, ended_at=now)
            return None

    async def _record(self, uow: UnitOfWork, community: str, session_id: str, attempt: Attempt) -> None:
        answer_id = await uow.answers.add(
            community=community,
            member_id=attempt.member.id,
            mode="quiz",
            session_id=session_id,
            number=attempt.number,
            question_id=attempt.question.id,
            topic=top_topic(attempt.question),
            reply=attempt.reply[:2000],
            correct=attempt.verdict.correct,
            score=float(attempt.verdict.score),
            points=sum(a.points for a in attempt.awards),
            answered_at=attempt.at,
        )
        if answer_id is None:
            raise AlreadyAnswered("you already answered this question; wait for the next one")
        entries = [
            LedgerEntry(attempt.member.id, a.reason, a.points, a.answered, a.correct, answer_id) for a in attempt.awards
        ]
        config = await self.ctx.config(uow, community)
        await uow.ledger.append(community, attempt.at, entries, period_keys(attempt.at, config.tz))
        await self.ctx.remember_name(uow, community, attempt.member)
        await record_graded_answer(
            uow, community, attempt.member.id, attempt.question.id, attempt.verdict.correct, attempt.at, mode="quiz"
        )


def _id(question: Question) -> str:
    return question.id


def _parse_kind(kind: Kind | str | None) -> tuple[Kind | None, Format | None]:
    """A kind (``cloze``) or, as people say "kind" in chat, a format (``mcq``, ``short``, ``open``)."""
    if kind is None or isinstance(kind, Kind):
        return kind, None
    text = kind.strip().lower()
    try:
        return Kind(text), None
    except ValueError:
        pass
    try:
        return None, Format(text)
    except ValueError:
        known = ", ".join(
            [*(k.value for k in Kind), *(f.value for f in Format if f.value not in Kind._value2member_map_)]
        )
        raise NoQuestions(f"unknown kind {kind!r} (kinds: {known})") from None
