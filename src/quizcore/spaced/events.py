"""Events of personal review (private to the member, like every verdict)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from quizcore.events import Event
from quizcore.members import Member

if TYPE_CHECKING:
    from quizcore.grading import Verdict

__all__ = ["ReviewJudged", "ReviewLimitChanged"]


@dataclass(frozen=True, kw_only=True)
class ReviewJudged(Event):
    """A review answer was graded and the member's memory of the question updated.

    Attributes:
        member: who answered.
        question_id: the question reviewed.
        verdict: the grader's verdict.
        next_due: when this question comes back (UTC).
        interval: how long from now that is.
        due_left: questions still due now for the member.
        streak: days in a row with at least one review, today included.
        best_streak: the member's longest such run.
        private_to: the member's id (reviews are never public).
    """

    member: Member
    question_id: str
    verdict: Verdict
    next_due: datetime
    interval: timedelta
    due_left: int
    streak: int
    best_streak: int
    private_to: str | None


@dataclass(frozen=True, kw_only=True)
class ReviewLimitChanged(Event):
    """A member changed their daily limit of new review questions."""

    member: Member
    new_limit: int
    private_to: str | None
