"""Spaced-review fixtures: a small bank of short answers, the real grader, a database per backend, a manual clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from quizcore.clock import ManualClock
from quizcore.grading import Grader
from quizcore.questions import Bank, Format, Kind, Question, Source
from quizcore.spaced import ReviewService
from quizcore.storage import Database

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday morning
COMMUNITY = "test:guild"

# (id, topic path, difficulty, accepted answer): written for these tests.
QUESTIONS = [
    ("opt-1", "Optimizers > Momentum", 1, "momentum"),
    ("opt-2", "Optimizers > Adaptive", 2, "adam"),
    ("opt-3", "Optimizers > Schedules", 3, "warmup"),
    ("reg-1", "Regularization > Dropout", 1, "dropout"),
    ("reg-2", "Regularization > Norms", 2, "weight decay"),
    ("reg-3", "Regularization > Norms", 3, "sparsity"),
    ("att-1", "Attention > Scaled", 1, "softmax"),
    ("att-2", "Attention > Heads", 2, "multi-head"),
    ("att-3", "Attention > Masks", 3, "causal mask"),
]


def make_question(qid: str, topic: str, difficulty: int, answer: str, stem: str | None = None) -> Question:
    """A short-answer question accepting ``answer``."""
    return Question(
        id=qid,
        kind=Kind.DEFINITION,
        format=Format.SHORT,
        topic=topic,
        difficulty=difficulty,
        stem=stem or f"stem of {qid}",
        explanation=f"why {qid}",
        source=Source(f"{topic.split(' > ')[0].lower()}.md", 10, topic),
        answers=(answer,),
    )


def make_bank(stem_suffix: str = "") -> Bank:
    """The test bank; ``stem_suffix`` changes every stem but no id (a rebuild after editing the notes)."""
    return Bank([make_question(q, t, d, a, f"stem of {q}{stem_suffix}") for q, t, d, a in QUESTIONS])


@pytest.fixture
def bank() -> Bank:
    return make_bank()


@pytest.fixture
def rebuild() -> Callable[[str], Bank]:
    """Builds the bank again with every stem changed and every id kept, as a rebuild of edited notes does."""
    return make_bank


@pytest.fixture(scope="session")
def grader() -> Grader:
    return Grader(None)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def reviews(bank: Bank, grader: Grader, database: Database, clock: ManualClock) -> ReviewService:
    return ReviewService(bank, grader, database, clock)
