"""An on-demand quiz session: a state machine without I/O.

``answer``, ``hint``, ``tick`` and ``stop`` take the time and return a :class:`Step` (events, plus the
attempt the service must record); every ending goes through :meth:`QuizSession._finish`, with an
explicit :class:`EndReason`. The state round-trips through JSON so a restart does not lose it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from quizcore.errors import AlreadyAnswered, NoQuizRunning, NotAllowed
from quizcore.events import (
    AnswerJudged,
    CloseReason,
    EndReason,
    Event,
    HintGiven,
    QuestionAsked,
    QuestionClosed,
    QuizEnded,
    QuizScore,
    QuizStarted,
)
from quizcore.hints import hint_text
from quizcore.members import Member
from quizcore.questions import Bank, Kind, Question
from quizcore.scoring import HINT_COSTS, Award, quiz_attempt_awards, quiz_win_awards

if TYPE_CHECKING:
    from quizcore.grading import Verdict

__all__ = ["IDLE_QUESTIONS", "Attempt", "QuizSession", "Step"]

log = logging.getLogger(__name__)

IDLE_QUESTIONS = 2
"""A quiz ends as idle after this many questions in a row time out with nobody answering."""


@dataclass(frozen=True)
class Attempt:
    """A member's one counted attempt at a quiz question, for the service to store with its awards."""

    member: Member
    question: Question
    number: int
    reply: str
    verdict: Verdict
    awards: tuple[Award, ...]
    at: datetime


@dataclass(frozen=True)
class Step:
    """What one call did: events to show, and an attempt to record (if any)."""

    events: list[Event]
    attempt: Attempt | None = None


@dataclass
class _Score:
    name: str
    points: int = 0
    correct: int = 0


@dataclass
class QuizSession:
    """The state of one on-demand quiz in one channel."""

    id: str
    community: str
    channel: str
    starter: Member
    topic: str | None
    kind: Kind | None
    questions: list[Question]
    question_seconds: int
    number: int = 0
    asked_at: datetime | None = None
    deadline: datetime | None = None
    hints: int = 0
    attempted: list[str] = field(default_factory=list)
    quiet: int = 0
    scores: dict[str, _Score] = field(default_factory=dict)
    ended: EndReason | None = None

    # -- the transitions ---------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        *,
        session_id: str,
        community: str,
        channel: str,
        starter: Member,
        questions: list[Question],
        question_seconds: int,
        topic: str | None,
        kind: Kind | None,
        now: datetime,
    ) -> tuple[QuizSession, list[Event]]:
        """A new session with its first question asked: ``[QuizStarted, QuestionAsked]``."""
        session = cls(session_id, community, channel, starter, topic, kind, list(questions), question_seconds)
        started = QuizStarted(
            community=community,
            channel=channel,
            session_id=session_id,
            starter=starter,
            topic=topic,
            kind=kind,
            total=len(questions),
            question_seconds=question_seconds,
        )
        return session, [started, *session._ask_next(now)]

    @property
    def current(self) -> Question:
        """The question being asked."""
        self._require_running()
        return self.questions[self.number - 1]

    @property
    def next_due(self) -> datetime | None:
        """When :meth:`tick` has something to do (the current deadline), or None once ended."""
        return None if self.ended else self.deadline

    def answer(self, member: Member, reply: str, verdict: Verdict, now: datetime) -> Step:
        """Count ``member``'s one attempt at the current question, already graded as ``verdict``.

        A correct attempt wins the question (and moves on); a wrong one leaves it open. An attempt
        after the deadline closes the question by time-out instead, and is not counted.

        Raises:
            NoQuizRunning: the session has ended.
            AlreadyAnswered: the member already tried this question.
        """
        self._require_running()
        if self._past_deadline(now):
            return self.tick(now)
        if member.id in self.attempted:
            raise AlreadyAnswered("you already answered this question; wait for the next one")
        self.attempted.append(member.id)
        score = self.scores.setdefault(member.id, _Score(member.name))
        score.name = member.name
        question = self.current
        if not verdict.correct:
            awards = tuple(quiz_attempt_awards())
            judged = self._judged(member, question, verdict, 0, private=True)
            return Step([judged], Attempt(member, question, self.number, reply, verdict, awards, now))
        assert self.asked_at is not None and self.deadline is not None
        awards = tuple(quiz_win_awards(verdict, question.format, self.asked_at, self.deadline, now, self._hint_cost()))
        points = sum(a.points for a in awards)
        score.points += points
        score.correct += 1
        events: list[Event] = [self._judged(member, question, verdict, points, private=False)]
        events += self._close(CloseReason.ANSWERED, (member,), now)
        return Step(events, Attempt(member, question, self.number, reply, verdict, awards, now))

    def hint(self, member: Member, now: datetime) -> Step:
        """The next hint for the current question; its cost comes off whoever wins it.

        Raises:
            NoQuizRunning: the session has ended.
            NoMoreHints: every hint for this question was given.
        """
        self._require_running()
        if self._past_deadline(now):
            return self.tick(now)
        level = self.hints + 1
        # Seeded by the question alone, so the same question strikes the same options in every run.
        text = hint_text(self.current, level, seed=self.current.id)
        self.hints = level
        cost = HINT_COSTS[level - 1]
        given = HintGiven(
            community=self.community,
            channel=self.channel,
            session_id=self.id,
            question_id=self.current.id,
            member=member,
            level=level,
            text=text,
            cost=cost,
        )
        return Step([given])

    def tick(self, now: datetime) -> Step:
        """Close the current question when its time is up, then ask the next one or finish."""
        if self.ended or not self._past_deadline(now):
            return Step([])
        nobody = not self.attempted
        events = self._close(CloseReason.TIMEOUT, (), now, quiet=nobody)
        return Step(events)

    def stop(self, member: Member, *, is_moderator: bool, now: datetime) -> Step:
        """Stop the quiz (its starter or a moderator): ``[QuestionClosed, QuizEnded]``.

        Raises:
            NoQuizRunning: the session has ended.
            NotAllowed: the member neither started the quiz nor moderates.
        """
        self._require_running()
        if member.id != self.starter.id and not is_moderator:
            raise NotAllowed("only the member who started this quiz, or a moderator, can stop it")
        closed = self._closed_event(CloseReason.STOPPED, ())
        return Step([closed, self._finish(EndReason.STOPPED)])

    # -- internals -----------------------------------------------------------------------------

    def _require_running(self) -> None:
        if self.ended is not None:
            raise NoQuizRunning()

    def _past_deadline(self, now: datetime) -> bool:
        return self.deadline is not None and now >= self.deadline

    def _hint_cost(self) -> int:
        return sum(HINT_COSTS[: self.hints])

    def _judged(
        self, member: Member, question: Question, verdict: Verdict, points: int, *, private: bool
    ) -> AnswerJudged:
        return AnswerJudged(
            community=self.community,
            channel=self.channel,
            member=member,
            question_id=question.id,
            verdict=verdict,
            points=points,
            private_to=member.id if private else None,
            daily=False,
            session_id=self.id,
        )

    def _closed_event(self, reason: CloseReason, winners: tuple[Member, ...]) -> QuestionClosed:
        return QuestionClosed(
            community=self.community,
            channel=self.channel,
            session_id=self.id,
            question=self.current,
            number=self.number,
            total=len(self.questions),
            reason=reason,
            winners=winners,
        )

    def _close(
        self, reason: CloseReason, winners: tuple[Member, ...], now: datetime, *, quiet: bool = False
    ) -> list[Event]:
        events: list[Event] = [self._closed_event(reason, winners)]
        self.quiet = self.quiet + 1 if quiet else 0
        if self.quiet >= IDLE_QUESTIONS:
            events.append(self._finish(EndReason.IDLE))
        else:
            events += self._ask_next(now)
        return events

    def _ask_next(self, now: datetime) -> list[Event]:
        if self.number >= len(self.questions):
            return [self._finish(EndReason.COMPLETED)]
        self.number += 1
        self.asked_at = now
        self.deadline = now + timedelta(seconds=self.question_seconds)
        self.hints = 0
        self.attempted = []
        asked = QuestionAsked(
            community=self.community,
            channel=self.channel,
            session_id=self.id,
            question=self.current,
            number=self.number,
            total=len(self.questions),
            deadline=self.deadline,
        )
        return [asked]

    def _finish(self, reason: EndReason) -> QuizEnded:
        """The one way a session ends."""
        self.ended = reason
        log.info("quiz %s in %s ended: %s", self.id, self.channel, reason)
        return QuizEnded(
            community=self.community,
            channel=self.channel,
            session_id=self.id,
            reason=reason,
            ranking=self.ranking(),
            asked=self.number,
            total=len(self.questions),
        )

    def ranking(self) -> tuple[QuizScore, ...]:
        """Everyone who took part, best first (points, then questions won); ties share a rank."""
        ordered = sorted(self.scores.items(), key=lambda kv: (-kv[1].points, -kv[1].correct, kv[0]))
        rows: list[QuizScore] = []
        for i, (member_id, score) in enumerate(ordered):
            tied = rows and rows[-1].points == score.points and rows[-1].correct == score.correct
            rank = rows[-1].rank if tied else i + 1
            rows.append(QuizScore(rank, Member(member_id, score.name), score.points, score.correct))
        return tuple(rows)

    # -- persistence ---------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The state as JSON-ready data (questions by id)."""
        return {
            "id": self.id,
            "community": self.community,
            "channel": self.channel,
            "starter": [self.starter.id, self.starter.name],
            "topic": self.topic,
            "kind": self.kind.value if self.kind else None,
            "questions": [q.id for q in self.questions],
            "question_seconds": self.question_seconds,
            "number": self.number,
            "asked_at": self.asked_at.isoformat() if self.asked_at else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "hints": self.hints,
            "attempted": list(self.attempted),
            "quiet": self.quiet,
            "scores": {m: [s.name, s.points, s.correct] for m, s in self.scores.items()},
            "ended": self.ended.value if self.ended else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], bank: Bank) -> QuizSession:
        """Rebuild a session saved by :meth:`to_json`, looking its questions up in ``bank``.

        Raises:
            quizcore.questions.UnknownQuestion: a question is no longer in the bank.
        """
        return cls(
            id=data["id"],
            community=data["community"],
            channel=data["channel"],
            starter=Member(*data["starter"]),
            topic=data["topic"],
            kind=Kind(data["kind"]) if data["kind"] else None,
            questions=[bank.by_id(qid) for qid in data["questions"]],
            question_seconds=int(data["question_seconds"]),
            number=int(data["number"]),
            asked_at=datetime.fromisoformat(data["asked_at"]) if data["asked_at"] else None,
            deadline=datetime.fromisoformat(data["deadline"]) if data["deadline"] else None,
            hints=int(data["hints"]),
            attempted=list(data["attempted"]),
            quiet=int(data["quiet"]),
            scores={m: _Score(name, int(p), int(c)) for m, (name, p, c) in data["scores"].items()},
            ended=EndReason(data["ended"]) if data["ended"] else None,
        )
