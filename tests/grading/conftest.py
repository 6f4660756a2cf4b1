"""Fixtures of the grading tests: a small glossary written for them, and a grader that uses it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizcore.glossary import Glossary
from quizcore.grading import Grader, Verdict

HERE = Path(__file__).resolve().parent
GLOSSARY = HERE / "glossary.yaml"
LABELLED = HERE / "data" / "labelled.yaml"


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    """The test glossary (tests/grading/glossary.yaml), independent of the knowledge base."""
    loaded = Glossary.load(GLOSSARY)
    assert not loaded.warnings, loaded.warnings
    return loaded


@pytest.fixture(scope="session")
def grader(glossary: Glossary) -> Grader:
    """A grader over the test glossary."""
    return Grader(glossary)


@pytest.fixture(scope="session")
def labelled_cases() -> list[dict[str, Any]]:
    """The hand-labelled replies of data/labelled.yaml."""
    cases: list[dict[str, Any]] = yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["cases"]
    return cases


@pytest.fixture(scope="session")
def grade_case() -> Callable[[Grader, dict[str, Any]], Verdict]:
    """Grades one labelled case with the API its question side calls for."""
    return _grade_case


def _grade_case(grader: Grader, case: dict[str, Any]) -> Verdict:
    """Grade one labelled case with the API its question side calls for."""
    reply = str(case["reply"])
    if "points" in case:
        return grader.grade_open(reply, case["points"], int(case["min_points"]))
    if "options" in case:
        return grader.grade_choice(reply, [str(o) for o in case["options"]], int(case["answer_index"]))
    answers = [str(a) for a in case["answers"]]
    if "tolerance" in case:
        return grader.grade_numeric(reply, answers, float(case["tolerance"]))
    return grader.grade_short(reply, answers, [str(d) for d in case.get("distractors", ())])
