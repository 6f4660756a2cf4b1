"""The grader: one object per glossary that judges replies to every format of question."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from quizcore.glossary import Glossary
from quizcore.grading import feedback
from quizcore.grading.answerset import AnswerSet, build_answer_set
from quizcore.grading.choice import grade_letter, option_letter, option_named
from quizcore.grading.lexicon import Lexicon
from quizcore.grading.numbers import parse_number
from quizcore.grading.open import PointSet, build_point_set, grade_open
from quizcore.grading.short import grade_short
from quizcore.grading.verdict import Verdict, reject
from quizcore.questions.model import Format, Question

__all__ = ["Grader"]

_CACHE_SIZE = 4096


class Grader:
    """Judges free-text replies, accepting the glossary's aliases and refusing its confusables.

    Prepared answer sets are cached per answer tuple, so grading the same question
    many times only normalises the reply.

    Args:
        glossary: the knowledge base's glossary, or None to accept only the question's own answers.
    """

    def __init__(self, glossary: Glossary | None = None) -> None:
        self._glossary = glossary
        self._lexicon = Lexicon(glossary)
        self._answer_sets = lru_cache(maxsize=_CACHE_SIZE)(self._build_answer_set)
        self._point_sets = lru_cache(maxsize=_CACHE_SIZE)(self._build_point_set)

    def _build_answer_set(self, answers: tuple[str, ...], distractors: tuple[str, ...]) -> AnswerSet:
        return build_answer_set(answers, distractors, self._glossary)

    def _build_point_set(self, points: tuple[tuple[str, ...], ...]) -> PointSet:
        return build_point_set(points, self._glossary)

    def grade(self, question: Question, reply: str) -> Verdict:
        """Judge ``reply`` to ``question`` according to its format.

        Raises:
            ValueError: the question lacks what its format needs (answers, options, points).
        """
        if question.format is Format.MCQ:
            if question.options is None or question.answer_index is None:
                raise ValueError(f"question {question.id}: mcq without options or answer_index")
            return self.grade_choice(reply, question.options, question.answer_index)
        if question.format is Format.OPEN:
            if not question.points:
                raise ValueError(f"question {question.id}: open question without points")
            return self.grade_open(reply, question.points, question.min_points or len(question.points))
        if not question.answers:
            raise ValueError(f"question {question.id}: {question.format.value} question without answers")
        if question.format is Format.NUMERIC:
            return self.grade_numeric(reply, question.answers, question.tolerance or 0.0)
        return self.grade_short(reply, question.answers)

    def grade_short(self, reply: str, answers: Sequence[str], distractors: Sequence[str] = ()) -> Verdict:
        """Judge a term, name or number typed as a reply.

        Args:
            reply: what the member typed.
            answers: accepted answers, canonical first; the glossary adds their aliases.
            distractors: look-alikes that must be refused (e.g. the other options).

        Raises:
            ValueError: ``answers`` has no usable answer.
        """
        return grade_short(reply, self._answer_sets(tuple(answers), tuple(distractors)), self._lexicon)

    def grade_numeric(self, reply: str, answers: Sequence[str], tolerance: float) -> Verdict:
        """Judge a number: 63.2% = 63.2 = 0.632, within an absolute ``tolerance`` in the answer's unit.

        Raises:
            ValueError: the canonical answer is not a number.
        """
        answer_set = self._answer_sets(tuple(answers), ())
        if answer_set.number is None:
            raise ValueError(f"numeric answer {answers[0]!r} is not a number")
        return grade_short(reply, answer_set, self._lexicon, tolerance)

    def grade_choice(self, reply: str, options: Sequence[str], answer_index: int) -> Verdict:
        """Judge a multiple-choice reply: a letter (A, ａ, 选B, c)) or the text of an option.

        A bare digit is an option's text when an option reads so, else a 1-based position.

        Raises:
            ValueError: ``answer_index`` is not an index of ``options``.
        """
        if not 0 <= answer_index < len(options):
            raise ValueError(f"answer_index {answer_index} outside {len(options)} options")
        letter = option_letter(reply)
        if letter is not None and letter < len(options):
            return grade_letter(letter, options, answer_index)
        named = option_named(reply, options)
        if named is not None:
            return grade_letter(named, options, answer_index)
        others = tuple(o for i, o in enumerate(options) if i != answer_index)
        try:
            verdict = self.grade_short(reply, (options[answer_index],), others)
        except ValueError:  # the right option has no letters or digits (a symbol): only its letter can name it
            verdict = reject("wrong", feedback.WRONG)
        if verdict.correct or verdict.reason in ("confusable", "empty", "too_long"):
            return verdict
        position = _position(reply, options) if letter is None else letter
        if position is not None:
            return grade_letter(position, options, answer_index)
        return verdict

    def grade_open(self, reply: str, points: Sequence[Sequence[str]], min_points: int) -> Verdict:
        """Judge an explanation by the key points it covers (each a list of aliases, label first).

        Raises:
            ValueError: no points, or a point without any alias.
        """
        point_set = self._point_sets(tuple(tuple(p) for p in points))
        return grade_open(reply, point_set, min_points, self._lexicon)


def _position(reply: str, options: Sequence[str]) -> int | None:
    """A bare whole number read as a 1-based option position, unless the options are numbers themselves."""
    number = parse_number(reply.strip()) if len(reply) < 12 else None
    if number is None or number.percent or number.decimals or not 1 <= number.value <= len(options):
        return None
    if any(parse_number(o) is not None for o in options):
        return None
    return int(number.value) - 1
