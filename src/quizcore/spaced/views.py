"""What the review service returns: the next card to review and a member's review status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizcore.questions import Question

__all__ = ["ReviewCard", "ReviewStatus", "TopicReview"]


@dataclass(frozen=True)
class ReviewCard:
    """The next question a member should review (show it privately).

    Attributes:
        community: where the member reviews.
        member_id: whose review it is.
        question: the question to ask.
        is_new: the member never answered it (it counts against today's new-question limit once answered).
        due_at: when it fell due (None for a new question).
        due_count: questions due now, this one included (0 when it is new).
        new_left: new questions the member may still start today.
        streak: days in a row with at least one review, today or yesterday included (0 when broken).
    """

    community: str
    member_id: str
    question: Question
    is_new: bool
    due_at: datetime | None
    due_count: int
    new_left: int
    streak: int


@dataclass(frozen=True)
class TopicReview:
    """A member's review state on one top-level topic.

    Attributes:
        topic: the top-level topic.
        cards: questions of this topic the member has answered at least once.
        due_now: of those, due now.
        learned: of those, past their learning step (in FSRS review).
        reviews: graded answers on this topic.
        correct: of those, correct.
        retention: ``correct / reviews``, None before any review.
    """

    topic: str
    cards: int
    due_now: int
    learned: int
    reviews: int
    correct: int
    retention: float | None


@dataclass(frozen=True)
class ReviewStatus:
    """A member's personal review state in one community.

    Attributes:
        community: the community.
        member_id: the member.
        due_now: questions due now.
        due_today: questions due before the end of the community's day (``due_now`` included).
        learned: questions past their learning step.
        cards: questions the member has answered at least once (still in the bank).
        reviews: graded answers counted in the memory model (daily, quiz and review).
        retention: share of those answered correctly, None before any.
        next_due: when the next question not yet due falls due, None if none.
        new_limit: the member's daily limit of new questions.
        new_today: new questions started in review today.
        new_left: new questions the member may still start today.
        streak: days in a row with at least one review (0 when broken).
        best_streak: the longest such run.
        by_topic: the same, per top-level topic the member has cards in (bank order).
    """

    community: str
    member_id: str
    due_now: int
    due_today: int
    learned: int
    cards: int
    reviews: int
    retention: float | None
    next_due: datetime | None
    new_limit: int
    new_today: int
    new_left: int
    streak: int
    best_streak: int
    by_topic: tuple[TopicReview, ...]
