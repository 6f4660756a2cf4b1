"""Multiple choice: a letter however it is typed, or the option's text; never a look-alike option."""

from __future__ import annotations

import pytest

from quizcore.grading import Grader

OPTIONS = ["ReLU", "Sigmoid", "tanh", "GELU"]


@pytest.mark.parametrize("reply", ["B", "b", "Ｂ", "ｂ", "选B", "选 b", "b)", "(B)", "B.", "答案是B", "我选B", " B "])
def test_the_right_letter_is_accepted_however_it_is_typed(grader: Grader, reply: str) -> None:
    verdict = grader.grade_choice(reply, OPTIONS, 1)
    assert (verdict.correct, verdict.matched) == (True, "Sigmoid")


@pytest.mark.parametrize("reply", ["A", "选C", "d)", "AB", "E", "z", ""])
def test_another_or_no_letter_is_wrong(grader: Grader, reply: str) -> None:
    assert not grader.grade_choice(reply, OPTIONS, 1).correct


def test_the_option_text_is_accepted_and_a_look_alike_option_refused(grader: Grader) -> None:
    assert grader.grade_choice("sigmiod", OPTIONS, 1).correct
    assert not grader.grade_choice("GELU", ["ReLU", "GELU"], 0).correct
    assert grader.grade_choice("leaky relu", ["ReLU", "GELU"], 0).reason == "confusable"


def test_an_option_repeated_word_for_word_is_that_option_however_long(grader: Grader) -> None:
    options = ["它能缓解梯度消失" * 30, "它会让梯度爆炸" * 30]
    assert grader.grade_choice(options[0] + "。", options, 0).correct
    assert not grader.grade_choice(options[1], options, 0).correct


def test_an_option_without_letters_can_still_be_chosen_by_its_letter(grader: Grader) -> None:
    assert grader.grade_choice("A", ["∞", "1"], 0).correct
    assert not grader.grade_choice("无穷", ["∞", "1"], 0).correct


def test_a_bare_digit_is_a_position_unless_the_options_are_numbers(grader: Grader) -> None:
    assert grader.grade_choice("2", OPTIONS, 1).correct
    assert grader.grade_choice("1", ["0.5", "1", "2"], 1).correct
    assert not grader.grade_choice("2", ["0.5", "1", "2"], 1).correct


def test_an_answer_index_outside_the_options_is_a_question_error(grader: Grader) -> None:
    with pytest.raises(ValueError):
        grader.grade_choice("A", OPTIONS, 4)
