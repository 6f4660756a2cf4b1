"""Engine fixtures: a small hand-made bank, the real grader, a database per backend, a manual clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quizcore.clock import ManualClock
from quizcore.grading import Grader
from quizcore.questions import Bank, Format, Kind, Question, Source
from quizcore.service import QuizService
from quizcore.storage import Database

START = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # a Monday


def _q(qid: str, topic: str, fmt: Format, **fields: object) -> Question:
    kind = {Format.MCQ: Kind.ODD_ONE_OUT, Format.OPEN: Kind.SECTION, Format.NUMERIC: Kind.NUMERIC}.get(
        fmt, Kind.DEFINITION
    )
    return Question(
        id=qid,
        kind=kind,
        format=fmt,
        topic=topic,
        difficulty=2,
        stem=f"stem of {qid}",
        explanation=f"why {qid}",
        source=Source(f"{topic.split(' > ')[0].lower()}.md", 10, topic),
        **fields,  # type: ignore[arg-type]
    )


def make_bank() -> Bank:
    """Twelve questions over three topics and every answer format (written for these tests)."""
    return Bank(
        [
            _q("opt-1", "Optimizers > Momentum", Format.SHORT, answers=("momentum", "动量")),
            _q(
                "opt-2",
                "Optimizers > Adaptive",
                Format.MCQ,
                options=("Adam", "ReLU", "Dropout", "Softmax"),
                answer_index=0,
            ),
            _q("opt-3", "Optimizers > Schedules", Format.SHORT, answers=("warmup",)),
            _q("opt-4", "Optimizers > Adaptive", Format.NUMERIC, answers=("0.9",), tolerance=0.01),
            _q("reg-1", "Regularization > Dropout", Format.SHORT, answers=("dropout",)),
            _q("reg-2", "Regularization > Norms", Format.MCQ, options=("L1", "L2", "L0", "Linf"), answer_index=1),
            _q(
                "reg-3",
                "Regularization > Overview",
                Format.OPEN,
                points=(("weight decay", "权重衰减"), ("early stopping", "早停"), ("data augmentation", "数据增强")),
                min_points=2,
            ),
            _q("reg-4", "Regularization > Norms", Format.SHORT, answers=("sparsity",)),
            _q("att-1", "Attention > Scaled", Format.SHORT, answers=("softmax",)),
            _q("att-2", "Attention > Heads", Format.MCQ, options=("8", "3", "1", "0"), answer_index=0),
            _q("att-3", "Attention > Masks", Format.SHORT, answers=("causal mask",)),
            _q("att-4", "Attention > Scaled", Format.NUMERIC, answers=("64",), tolerance=0.5),
        ]
    )


@pytest.fixture
def bank() -> Bank:
    return make_bank()


@pytest.fixture(scope="session")
def grader() -> Grader:
    return Grader(None)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def service(bank: Bank, grader: Grader, database: Database, clock: ManualClock) -> QuizService:
    return QuizService(bank, grader, database, clock, seed=7)


class Replies:
    """Replies of a member who knows the answer, and of one who does not."""

    @staticmethod
    def right(question: Question) -> str:
        """What a member who knows the answer types (the option letter for multiple choice)."""
        if question.format is Format.MCQ:
            assert question.answer_index is not None
            return "ABCD"[question.answer_index]
        if question.format is Format.OPEN:
            assert question.points is not None
            return "; ".join(p[0] for p in question.points)
        return question.correct_text

    @staticmethod
    def wrong(question: Question) -> str:
        """A reply that is wrong for any question of the test bank (a wrong option for multiple choice)."""
        if question.format is Format.MCQ:
            assert question.answer_index is not None
            return "ABCD"[(question.answer_index + 1) % 4]
        return "no idea at all"


@pytest.fixture
def replies() -> Replies:
    return Replies()
