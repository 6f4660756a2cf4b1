"""A member's memory of one question: FSRS card state as stored, and how a graded answer changes it.

Pure functions with an injected ``now``; the storage keeps :class:`Memory` rows, :mod:`fsrs` does the maths.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

__all__ = ["LEARNING_STEP", "Memory", "is_learned", "rating_for", "recall", "review"]

LEARNING_STEP = timedelta(minutes=10)
"""How soon a new or forgotten question comes back: one short step, then FSRS's day intervals.

One step (not FSRS's default two) because a first correct answer in the channel already shows the
member knows it: it goes straight to a two-day interval instead of coming back after ten minutes.
"""

# No fuzzing: py-fsrs draws its fuzz from the global ``random``, which would make schedules (and tests)
# irreproducible. The interval itself is FSRS's, with its default parameters and 90% target retention.
_SCHEDULER = Scheduler(learning_steps=(LEARNING_STEP,), relearning_steps=(LEARNING_STEP,), enable_fuzzing=False)


@dataclass(frozen=True)
class Memory:
    """One member's FSRS card for one question, as stored.

    Attributes:
        state: FSRS learning state (learning, review or relearning).
        step: learning or relearning step, None in review.
        stability: days until recall probability falls to 90% (None before the first review).
        difficulty: FSRS difficulty, 1 (easy) to 10 (hard) (None before the first review).
        due: when the question should be asked again (UTC).
        last_review: when it was last answered (UTC), None if never.
    """

    state: State
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    @classmethod
    def new(cls, now: datetime) -> Memory:
        """The memory of a question never answered: learning, due at ``now``."""
        return cls(State.Learning, 0, None, None, now, None)

    def to_card(self) -> Card:
        """The :class:`fsrs.Card` with this state."""
        return Card(
            card_id=0,
            state=self.state,
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @classmethod
    def from_card(cls, card: Card) -> Memory:
        """The stored form of an :class:`fsrs.Card`."""
        return cls(card.state, card.step, card.stability, card.difficulty, card.due, card.last_review)


def rating_for(correct: bool) -> Rating:
    """The FSRS rating of a graded answer: Good when correct, Again when wrong (never Hard or Easy)."""
    return Rating.Good if correct else Rating.Again


def review(memory: Memory | None, correct: bool, now: datetime) -> Memory:
    """The memory after a graded answer at ``now`` (``memory`` None: the question is new to the member).

    Raises:
        ValueError: ``now`` is naive.
    """
    if now.tzinfo is None:
        raise ValueError("naive datetime: give a timezone-aware time")
    at = now.astimezone(UTC)
    card = (memory or Memory.new(at)).to_card()
    reviewed, _log = _SCHEDULER.review_card(card, rating_for(correct), review_datetime=at)
    return Memory.from_card(reviewed)


def recall(memory: Memory, now: datetime) -> float:
    """The predicted probability (0..1) that the member still recalls the answer at ``now``."""
    return float(_SCHEDULER.get_card_retrievability(memory.to_card(), current_datetime=now.astimezone(UTC)))


def is_learned(memory: Memory) -> bool:
    """Whether the question has graduated to FSRS's review state (answered right after its learning step)."""
    return memory.state is State.Review
