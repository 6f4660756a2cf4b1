"""Properties over any text: grading never raises, normalising is stable, answers and aliases always pass."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizcore.glossary import Glossary
from quizcore.grading import Grader, normalize
from quizcore.grading.normalize import clean, key_of

# Text as people paste it: any Unicode, plus the characters that matter here.
ANY_TEXT = st.text(max_size=300) | st.text(
    alphabet="逻辑回归邏輯迴歸批归一化BNLN 0.5%百分之十五，。!?<>@`*|ＡＢ", max_size=60
)
PLAUSIBLE_ANSWER = st.text(min_size=1, max_size=40).filter(lambda s: bool(key_of(normalize(clean(s)))))
NO_GLOSSARY = Grader(None)
# Timing is not the property under test, and the first example pays for loading OpenCC and pypinyin.
UNTIMED = settings(deadline=None)


@UNTIMED
@given(reply=ANY_TEXT)
def test_normalising_twice_changes_nothing(reply: str) -> None:
    once = normalize(reply)
    assert normalize(once) == once


@UNTIMED
@given(reply=ANY_TEXT, answer=PLAUSIBLE_ANSWER)
def test_short_grading_never_raises_and_keeps_the_score_in_range(grader: Grader, reply: str, answer: str) -> None:
    verdict = grader.grade_short(reply, [answer], distractors=["线性回归"])
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.correct == (verdict.matched is not None)


@UNTIMED
@given(reply=ANY_TEXT)
def test_choice_numeric_and_open_grading_never_raise(grader: Grader, reply: str) -> None:
    grader.grade_choice(reply, ["ReLU", "GELU", "0.5"], 0)
    grader.grade_numeric(reply, ["63.2%"], 0.5)
    verdict = grader.grade_open(reply, [["梯度消失", "vanishing gradient"], ["正则化"]], 1)
    assert 0.0 <= verdict.score <= 1.0


@UNTIMED
@given(answer=PLAUSIBLE_ANSWER)
def test_any_answer_typed_exactly_is_accepted(answer: str) -> None:
    assume(len(normalize(answer)) <= 200)
    verdict = NO_GLOSSARY.grade_short(answer, [answer])
    assert verdict.correct, verdict


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_alias_of_every_glossary_term_is_accepted_however_it_is_cased_or_padded(
    grader: Grader, glossary: Glossary, data: st.DataObject
) -> None:
    term = data.draw(st.sampled_from(glossary.terms))
    name = data.draw(st.sampled_from(term.names))
    styled = data.draw(st.sampled_from([name, name.upper(), name.lower(), f"  {name} ", f"{name}。", f"答案是{name}"]))
    verdict = grader.grade_short(styled, [term.name])
    assert (verdict.correct, verdict.matched) == (True, term.name), (styled, verdict)
