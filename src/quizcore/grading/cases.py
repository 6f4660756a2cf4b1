"""Grading cases given as plain data (``quizbot grade --jsonl``): validation and dispatch."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quizcore.grading.grader import Grader
from quizcore.grading.verdict import Verdict
from quizcore.questions.bank import Bank

__all__ = ["CaseError", "grade_case"]

_KINDS = ("short", "numeric", "mcq", "open")


class CaseError(ValueError):
    """A case that cannot be graded: a missing or malformed field, or an unknown question."""


def grade_case(grader: Grader, case: Any, bank: Bank | None = None) -> Verdict:
    """Grade one case: ``{"kind": "short"|"numeric"|"mcq"|"open", ..., "reply": "..."}`` or ``{"question": ID, ...}``.

    Args:
        grader: the grader to use.
        case: the decoded JSON object.
        bank: the question bank, for cases that name a ``question`` by id.

    Raises:
        CaseError: the case is malformed or names an unknown question.
    """
    if not isinstance(case, Mapping):
        raise CaseError("a case is a JSON object")
    reply = case.get("reply")
    if not isinstance(reply, str):
        raise CaseError("'reply' must be a string")
    try:
        if "question" in case:
            return _grade_question(grader, case, reply, bank)
        return _grade_kind(grader, case, reply)
    except ValueError as exc:  # the grader's own complaints about answers, options or points
        if isinstance(exc, CaseError):
            raise
        raise CaseError(str(exc)) from exc


def _grade_question(grader: Grader, case: Mapping[str, Any], reply: str, bank: Bank | None) -> Verdict:
    if bank is None:
        raise CaseError("'question' needs a question bank, and none could be loaded")
    question = bank.get(str(case["question"]))
    if question is None:
        raise CaseError(f"unknown question {case['question']!r}")
    return grader.grade(question, reply)


def _grade_kind(grader: Grader, case: Mapping[str, Any], reply: str) -> Verdict:
    kind = case.get("kind", "short")
    if kind == "short":
        return grader.grade_short(reply, _strings(case, "answers"), _strings(case, "distractors", required=False))
    if kind == "numeric":
        return grader.grade_numeric(reply, _strings(case, "answers"), _number(case, "tolerance", 0.0))
    if kind == "mcq":
        index = case.get("answer_index")
        if not isinstance(index, int) or isinstance(index, bool):
            raise CaseError("'answer_index' must be an integer")
        return grader.grade_choice(reply, _strings(case, "options"), index)
    if kind == "open":
        points = case.get("points")
        if not isinstance(points, list) or not all(isinstance(p, list) and p for p in points):
            raise CaseError("'points' must be a list of non-empty lists of aliases")
        aliases = [[str(a) for a in p] for p in points]
        min_points = case.get("min_points", len(aliases))
        if not isinstance(min_points, int) or isinstance(min_points, bool):
            raise CaseError("'min_points' must be an integer")
        return grader.grade_open(reply, aliases, min_points)
    raise CaseError(f"unknown kind {kind!r}; expected one of {', '.join(_KINDS)}")


def _strings(case: Mapping[str, Any], field: str, required: bool = True) -> list[str]:
    value = case.get(field)
    if value is None and not required:
        return []
    if not isinstance(value, list) or (required and not value):
        raise CaseError(f"'{field}' must be a non-empty list")
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in value):
        raise CaseError(f"'{field}' must hold strings or numbers")
    return [str(v) for v in value]


def _number(case: Mapping[str, Any], field: str, default: float) -> float:
    value = case.get(field, default)
    if value is None:
        return default
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise CaseError(f"'{field}' must be a non-negative number")
    return float(value)
