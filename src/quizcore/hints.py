"""Hints for on-demand questions: language-neutral masks of the answer, or wrong options struck out."""

from __future__ import annotations

import random

from quizcore.errors import NoMoreHints
from quizcore.questions import Format, Question

__all__ = ["MAX_HINTS", "hint_text"]

MAX_HINTS = 2


def _mask(text: str, keep: int) -> str:
    """Show the first ``keep`` visible characters of each word ("Dro____" for keep=3), spaces kept."""
    return " ".join(word[:keep] + "_" * max(0, len(word) - keep) for word in text.split(" "))


def _struck_options(question: Question, level: int, seed: str) -> str:
    assert question.options is not None and question.answer_index is not None
    wrong = [i for i in range(len(question.options)) if i != question.answer_index]
    random.Random(seed).shuffle(wrong)
    # Always leave at least two options standing.
    if level > len(question.options) - 2:
        raise NoMoreHints()
    struck = sorted(wrong[:level])
    return "  ".join(f"✗ {chr(ord('A') + i)}. {question.options[i]}" for i in struck)


def hint_text(question: Question, level: int, seed: str) -> str:
    """The text of hint ``level`` (1 or 2) for a question; each level shows more than the last.

    Args:
        seed: makes the choice of struck-out options stable (the same seed strikes the same options).

    Raises:
        NoMoreHints: ``level`` is past the last hint this question has.
    """
    if level > MAX_HINTS:
        raise NoMoreHints()
    if question.format is Format.MCQ and question.options and question.answer_index is not None:
        return _struck_options(question, level, seed)
    if question.format is Format.OPEN and question.points:
        keys = [point[0] for point in question.points]
        if level == 1:
            return " / ".join(_mask(k, 1) for k in keys)
        return " / ".join([keys[0], *(_mask(k, 1) for k in keys[1:])])
    answer = question.correct_text
    if not answer:
        raise NoMoreHints()
    if level == 1:
        return f"{_mask(answer, 1)} ({len(answer.replace(' ', ''))})"
    half = " ".join(_mask(word, (len(word) + 1) // 2) for word in answer.split(" "))
    if half == _mask(answer, 1):
        raise NoMoreHints()  # too short for a second hint to show anything new
    return half
