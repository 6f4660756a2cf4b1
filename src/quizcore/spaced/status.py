"""A member's review status, summed up from their cards (pure)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from fsrs import State

from quizcore.spaced.cards import CardSummary
from quizcore.spaced.queue import BankIndex
from quizcore.spaced.views import ReviewStatus, TopicReview

__all__ = ["summarize"]


@dataclass
class _Counts:
    cards: int = 0
    due_now: int = 0
    learned: int = 0
    reviews: int = 0
    correct: int = 0

    def add(self, card: CardSummary, reviewable: bool) -> None:
        self.cards += 1
        self.due_now += reviewable and card.due_now
        self.learned += card.state is State.Review
        self.reviews += card.reviews
        self.correct += card.correct


def summarize(
    community: str,
    member_id: str,
    cards: Sequence[CardSummary],
    index: BankIndex,
    *,
    excluded: Collection[str],
    next_due: datetime | None,
    new_limit: int,
    new_today: int,
    streak: tuple[int, int],
) -> ReviewStatus:
    """The status of a member from their cards; cards of questions not in the bank are left out.

    Args:
        excluded: questions not reviewable now (held back, the open daily): counted, but never as due.
        next_due: when the next question not yet due falls due.
        new_limit: the member's daily limit of new questions.
        new_today: new questions they started in review today.
        streak: (current, best) review streak.
    """
    total = _Counts()
    by_topic = {topic: _Counts() for topic in index.topics}
    due_today = 0
    for card in cards:
        topic = index.topic_of.get(card.question_id)
        if topic is None:
            continue
        reviewable = card.question_id not in excluded
        total.add(card, reviewable)
        by_topic[topic].add(card, reviewable)
        due_today += reviewable and card.due_today
    return ReviewStatus(
        community=community,
        member_id=member_id,
        due_now=total.due_now,
        due_today=due_today,
        learned=total.learned,
        cards=total.cards,
        reviews=total.reviews,
        retention=_share(total),
        next_due=next_due,
        new_limit=new_limit,
        new_today=new_today,
        new_left=max(0, new_limit - new_today),
        streak=streak[0],
        best_streak=streak[1],
        by_topic=tuple(
            TopicReview(topic, n.cards, n.due_now, n.learned, n.reviews, n.correct, _share(n))
            for topic, n in by_topic.items()
            if n.cards
        ),
    )


def _share(counts: _Counts) -> float | None:
    return counts.correct / counts.reviews if counts.reviews else None
