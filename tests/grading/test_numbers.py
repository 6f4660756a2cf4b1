"""Numbers: the same value written as a percent, a fraction or in Chinese numerals is the same answer."""

from __future__ import annotations

import pytest

from quizcore.grading import Grader


@pytest.mark.parametrize("reply", ["63.2%", "63.2", "0.632", "63.2 %", "百分之六十三点二", "约63.2%", "63.21%"])
def test_sixty_three_point_two_percent_reads_the_same_in_every_notation(grader: Grader, reply: str) -> None:
    verdict = grader.grade_short(reply, ["63.2%"])
    assert (verdict.correct, verdict.reason, verdict.matched) == (True, "number", "63.2%")


@pytest.mark.parametrize("reply", ["15%", "0.15", "百分之十五", "15", "答案是百分之十五吧", "我觉得是0.15"])
def test_fifteen_percent_reads_the_same_in_every_notation(grader: Grader, reply: str) -> None:
    assert grader.grade_short(reply, ["15%"]).correct


@pytest.mark.parametrize("reply", ["36.8%", "0.368", "63%", "6.32", "百分之六十", "1e999"])
def test_a_different_value_is_wrong(grader: Grader, reply: str) -> None:
    assert not grader.grade_short(reply, ["63.2%"]).correct


def test_a_plain_answer_accepts_its_percent_form(grader: Grader) -> None:
    assert grader.grade_short("50%", ["0.5"]).correct
    assert not grader.grade_short("50", ["0.5"]).correct


def test_the_tolerance_is_absolute_in_the_answer_s_unit(grader: Grader) -> None:
    assert grader.grade_numeric("63%", ["63.2%"], tolerance=0.5).correct
    assert grader.grade_numeric("0.628", ["63.2%"], tolerance=0.5).correct
    assert not grader.grade_numeric("62.5%", ["63.2%"], tolerance=0.5).correct


def test_a_numeric_question_needs_a_numeric_answer(grader: Grader) -> None:
    with pytest.raises(ValueError, match="not a number"):
        grader.grade_numeric("3", ["three-ish"], tolerance=0)


def test_per_mille_and_per_ten_thousand_in_chinese_are_read(grader: Grader) -> None:
    assert grader.grade_short("千分之一", ["0.001"]).correct
    assert grader.grade_short("万分之一", ["1e-4"]).correct
    assert not grader.grade_short("千分之二", ["0.001"]).correct
