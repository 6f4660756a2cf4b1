"""Grading multiple choice: a letter typed or clicked (A, ａ, 选B, c)), or the text of an option."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizcore.grading import feedback
from quizcore.grading.normalize import clean, key_of, normalize
from quizcore.grading.verdict import Verdict, accept, reject

__all__ = ["LETTERS", "grade_letter", "option_letter", "option_named"]

LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LETTER = re.compile(
    r"^(?:(?:我|就)?选(?:项|择)?|答案(?:是|为|选)?|(?:the )?answer(?: is)?|option|choice|i choose|i pick)?"
    r"\s*([a-z])\s*(?:项|选项|吧|option)?$"
)


def option_letter(reply: str) -> int | None:
    """The 0-based option a reply names by letter, or None when it is not a lone letter."""
    match = _LETTER.match(normalize(clean(reply, 80)))
    return LETTERS.index(match.group(1)) if match else None


def option_named(reply: str, options: Sequence[str]) -> int | None:
    """The 0-based option whose whole text the reply repeats (case, width and punctuation aside), or None."""
    key = key_of(normalize(clean(reply)))
    if not key:
        return None
    return next((i for i, option in enumerate(options) if key_of(normalize(clean(option))) == key), None)


def grade_letter(index: int, options: Sequence[str], answer_index: int) -> Verdict:
    """Judge an option chosen by position."""
    if index >= len(options):
        return reject("wrong", feedback.CHOICE_OUT_OF_RANGE)
    if index == answer_index:
        return accept(options[answer_index], "choice", feedback.EXACT)
    return reject("wrong", feedback.WRONG)
