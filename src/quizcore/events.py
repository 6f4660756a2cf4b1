"""What happened: small frozen events the engine returns and the adapters render.

Every event names its ``community``; events shown in a channel name it in ``channel``. Events
with ``private_to`` set are for that member only (adapters send them ephemerally); when it is
None the event is public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from quizcore.config import CommunityConfig
from quizcore.members import Member
from quizcore.questions import Kind, Question

if TYPE_CHECKING:
    from quizcore.grading import Verdict

__all__ = [
    "AnswerJudged",
    "CloseReason",
    "ConfigChanged",
    "DailyPosted",
    "DailyRevealed",
    "EndReason",
    "Event",
    "HintGiven",
    "OptionShare",
    "QuestionAsked",
    "QuestionClosed",
    "QuizEnded",
    "QuizScore",
    "QuizStarted",
    "ReportCleared",
    "ReportFiled",
    "StreakExtended",
]


class CloseReason(StrEnum):
    """Why an on-demand question closed."""

    ANSWERED = "answered"
    TIMEOUT = "timeout"
    STOPPED = "stopped"


class EndReason(StrEnum):
    """Why an on-demand quiz ended (its one way to finish)."""

    COMPLETED = "completed"
    STOPPED = "stopped"
    IDLE = "idle"


@dataclass(frozen=True, kw_only=True)
class Event:
    """Base of every event."""

    community: str


@dataclass(frozen=True)
class QuizScore:
    """One line of an on-demand quiz's final ranking."""

    rank: int
    member: Member
    points: int
    correct: int


@dataclass(frozen=True)
class OptionShare:
    """How many daily answers chose one option of a multiple-choice question."""

    index: int
    option: str
    count: int
    share: float


@dataclass(frozen=True, kw_only=True)
class QuizStarted(Event):
    """An on-demand quiz started in a channel."""

    channel: str
    session_id: str
    starter: Member
    topic: str | None
    kind: Kind | None
    total: int
    question_seconds: int


@dataclass(frozen=True, kw_only=True)
class QuestionAsked(Event):
    """An on-demand quiz asks its next question (``number`` counts from 1)."""

    channel: str
    session_id: str
    question: Question
    number: int
    total: int
    deadline: datetime


@dataclass(frozen=True, kw_only=True)
class AnswerJudged(Event):
    """A reply was graded.

    Daily verdicts are always private to the member; in a quiz a correct answer is public
    (it wins the question) and a wrong one is private to the member who gave it.
    """

    channel: str | None
    member: Member
    question_id: str
    verdict: Verdict
    points: int
    private_to: str | None
    daily: bool = False
    session_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class HintGiven(Event):
    """A hint for the current quiz question; ``cost`` points come off whoever wins it."""

    channel: str
    session_id: str
    question_id: str
    member: Member
    level: int
    text: str
    cost: int


@dataclass(frozen=True, kw_only=True)
class QuestionClosed(Event):
    """An on-demand question closed; the answer may now be shown."""

    channel: str
    session_id: str
    question: Question
    number: int
    total: int
    reason: CloseReason
    winners: tuple[Member, ...]


@dataclass(frozen=True, kw_only=True)
class QuizEnded(Event):
    """An on-demand quiz ended, with its ranking (best first)."""

    channel: str
    session_id: str
    reason: EndReason
    ranking: tuple[QuizScore, ...]
    asked: int
    total: int


@dataclass(frozen=True, kw_only=True)
class DailyPosted(Event):
    """The daily question was posted (``late`` when posted after downtime, within the grace)."""

    channel: str | None
    question: Question
    local_date: date
    closes_at: datetime
    late: bool = False


@dataclass(frozen=True, kw_only=True)
class DailyRevealed(Event):
    """The daily question closed: answer, explanation and source are on ``question``.

    ``reviews_due`` counts the day's answerers with a personal review due at the reveal
    (shown as a nudge, never naming or pinging them); None when it was not counted.
    """

    channel: str | None
    question: Question
    local_date: date
    answered: int
    correct: int
    distribution: tuple[OptionShare, ...]
    first_solver: Member | None
    reviews_due: int | None = None


@dataclass(frozen=True, kw_only=True)
class StreakExtended(Event):
    """A correct daily answer extended the member's streak."""

    member: Member
    current: int
    best: int
    private_to: str | None


@dataclass(frozen=True, kw_only=True)
class ReportFiled(Event):
    """A member reported a question as wrong or unclear; it is held back from the daily draw."""

    member: Member
    question_id: str
    reason: str
    private_to: str | None


@dataclass(frozen=True, kw_only=True)
class ReportCleared(Event):
    """A moderator cleared the reports on a question; it may be drawn again."""

    member: Member
    question_id: str
    cleared: int


@dataclass(frozen=True, kw_only=True)
class ConfigChanged(Event):
    """A moderator changed the community's config."""

    member: Member
    config: CommunityConfig
    changed: tuple[str, ...]
