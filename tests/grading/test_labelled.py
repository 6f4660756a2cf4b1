"""The grader agrees with people on a hand-labelled set of replies, and never accepts a confusable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from quizcore.glossary import Glossary
from quizcore.grading import Grader, Verdict, normalize

GradeCase = Callable[[Grader, dict[str, Any]], Verdict]
CATEGORIES = {
    "case", "width", "traditional", "alias", "typo", "extra words",
    "confusable", "vague", "number", "open", "junk",
}  # fmt: skip


def _disagreements(
    grader: Grader, cases: list[dict[str, Any]], grade_case: GradeCase
) -> list[tuple[dict[str, Any], Verdict]]:
    return [(c, v) for c in cases if (v := grade_case(grader, c)).correct != bool(c["expect"])]


def test_the_labelled_set_covers_every_category_with_at_least_fifteen_replies(
    labelled_cases: list[dict[str, Any]],
) -> None:
    counts = Counter(c["cat"] for c in labelled_cases)
    assert len(labelled_cases) >= 260
    assert all(counts[cat] >= 15 for cat in CATEGORIES), counts


def test_the_grader_agrees_with_people_on_at_least_97_percent_of_the_labelled_replies(
    grader: Grader, labelled_cases: list[dict[str, Any]], grade_case: GradeCase
) -> None:
    wrong = _disagreements(grader, labelled_cases, grade_case)
    totals = Counter(c["cat"] for c in labelled_cases)
    misses = Counter(c["cat"] for c, _ in wrong)
    report = "\n".join(
        f"{cat:12} {1 - misses[cat] / totals[cat]:7.1%}  ({totals[cat] - misses[cat]}/{totals[cat]})"
        for cat in sorted(totals)
    )
    details = "\n".join(f"  {c['cat']}: {c['reply']!r} expected {c['expect']}, got {v.reason}" for c, v in wrong)
    overall = 1 - len(wrong) / len(labelled_cases)
    assert overall >= 0.97, f"overall {overall:.1%}\n{report}\n{details}"


def test_no_labelled_reply_naming_a_confusable_is_ever_accepted(
    grader: Grader, glossary: Glossary, labelled_cases: list[dict[str, Any]], grade_case: GradeCase
) -> None:
    false_accepts = [
        (c, v)
        for c, v in _disagreements(grader, labelled_cases, grade_case)
        if v.correct and (c["cat"] == "confusable" or _names_a_confusable(glossary, c))
    ]
    assert not false_accepts, "\n".join(f"{c['reply']!r} accepted for {c.get('answers')}" for c, _ in false_accepts)


def test_the_labelled_set_holds_confusable_replies_outside_the_confusable_category(
    glossary: Glossary, labelled_cases: list[dict[str, Any]]
) -> None:
    # Guards the test above: it must see confusables in other categories (case, width, alias...) too.
    outside = [c for c in labelled_cases if c["cat"] != "confusable" and _names_a_confusable(glossary, c)]
    assert len(outside) >= 15


def _names_a_confusable(glossary: Glossary, case: dict[str, Any]) -> bool:
    """Whether the reply names, in any alias, a listed confusable of the answer."""
    reply_term = glossary.lookup(normalize(str(case["reply"])))
    if reply_term is None or "answers" not in case:
        return False
    answer_term = glossary.lookup(str(case["answers"][0]))
    return answer_term is not None and reply_term in glossary.confusables_of(answer_term)
