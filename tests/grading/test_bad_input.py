"""Bad input is graded (as wrong where it is), never crashes and never takes long."""

from __future__ import annotations

import random
import time

import pytest

from quizcore.grading import Grader
from quizcore.questions import Format, Kind, Question, Source

SOURCE = Source("deep-learning.md", 1, "深度学习")


def _question(fmt: Format, **fields: object) -> Question:
    return Question(
        id=f"q-{fmt.value}", kind=Kind.AUTHORED, format=fmt, topic="深度学习", difficulty=2,
        stem="?", explanation="", source=SOURCE, **fields,  # type: ignore[arg-type]
    )  # fmt: skip


QUESTIONS = [
    _question(Format.SHORT, answers=("Dropout",)),
    _question(Format.NUMERIC, answers=("63.2%",), tolerance=0.5),
    _question(Format.MCQ, options=("ReLU", "Sigmoid", "tanh"), answer_index=1),
    _question(Format.OPEN, points=(("梯度消失",), ("加速收敛",)), min_points=1),
]
JUNK = [
    "", " ", "\n\t", "\x00\x01\x02", "\ud800", "\ufffd" * 50, "<@12345678>", "@everyone", "```\n```",
    "<script>alert(1)</script>", "**", "||spoiler||", "😀" * 100, "\u202e\u200b", "%" * 300, "1e99999",
    "-" * 10_000, "百分之" * 100, "a" * 100_000,
]  # fmt: skip


def _huge_reply(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("逻辑回归梯度消失dropout relu 0.5% ，。\n") for _ in range(100 * 1024))


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.format.value)
@pytest.mark.parametrize("reply", JUNK, ids=range(len(JUNK)))
def test_junk_is_graded_as_wrong_without_crashing(grader: Grader, question: Question, reply: str) -> None:
    verdict = grader.grade(question, reply)
    assert not verdict.correct
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.feedback


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.format.value)
def test_a_100_kb_reply_grades_in_under_50_ms(grader: Grader, question: Question) -> None:
    reply = _huge_reply(7)
    grader.grade(question, reply[:100])  # load OpenCC and pypinyin outside the timing
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        grader.grade(question, reply)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.050


@pytest.mark.parametrize(
    ("reply", "correct"),
    [("**dropout**", True), ("`dropout`", True), ("<@1234> dropout", True), ("> dropout", True), ("<b>LN</b>", False)],
)
def test_markdown_and_mentions_around_a_reply_are_ignored(grader: Grader, reply: str, correct: bool) -> None:
    assert grader.grade(QUESTIONS[0], reply).correct is correct


def test_grade_dispatches_on_the_question_format(grader: Grader) -> None:
    assert [grader.grade(q, r).correct for q, r in zip(QUESTIONS, ["dropout", "0.632", "B", "梯度消失"], strict=True)] == [
        True, True, True, True,
    ]  # fmt: skip


def test_a_question_missing_its_answers_is_a_question_error(grader: Grader) -> None:
    with pytest.raises(ValueError, match="without answers"):
        grader.grade(_question(Format.SHORT), "dropout")
