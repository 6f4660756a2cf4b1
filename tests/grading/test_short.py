"""Short answers: lenient about how a term is typed, strict about which term it is."""

from __future__ import annotations

import pytest

from quizcore.glossary import Glossary
from quizcore.grading import Grader


@pytest.mark.parametrize("reply", ["LN", "IN", "GN", "ln", "Ｌ Ｎ", "BM", "B N N"])
def test_the_acronym_bn_accepts_no_other_acronym(grader: Grader, reply: str) -> None:
    assert not grader.grade_short(reply, ["BN"]).correct


@pytest.mark.parametrize("reply", ["PReLU", "GELU", "SELU", "ELU", "Leaky ReLU"])
def test_relu_refuses_its_look_alikes_though_fuzzy_scores_are_high(grader: Grader, reply: str) -> None:
    verdict = grader.grade_short(reply, ["ReLU"])
    assert not verdict.correct
    assert verdict.reason == "confusable"


@pytest.mark.parametrize(
    ("answer", "reply"),
    [
        ("Adam", "AdaGrad"),
        ("逻辑回归", "线性回归"),
        ("最大池化", "平均池化"),
        ("过拟合", "欠拟合"),
        ("精确率", "recall"),
    ],
)
def test_listed_confusables_are_wrong(grader: Grader, answer: str, reply: str) -> None:
    assert grader.grade_short(reply, [answer]).reason == "confusable"


def test_a_question_s_distractors_are_refused_even_without_a_glossary() -> None:
    verdict = Grader(None).grade_short("残差连接", ["残差网络"], distractors=["残差连接"])
    assert (verdict.correct, verdict.reason) == (False, "confusable")


@pytest.mark.parametrize(("answer", "reply"), [("批归一化", "归一化"), ("逻辑回归", "回归"), ("最大池化", "池化")])
def test_naming_only_the_family_is_wrong(grader: Grader, answer: str, reply: str) -> None:
    verdict = grader.grade_short(reply, [answer])
    assert not verdict.correct
    assert verdict.reason == "vague"


def test_a_fragment_is_never_the_needle_even_without_a_glossary() -> None:
    assert Grader(None).grade_short("回归", ["逻辑回归"]).reason == "vague"


def test_the_answer_inside_a_short_sentence_is_accepted(grader: Grader) -> None:
    verdict = grader.grade_short("这里用的是逻辑回归", ["逻辑回归"])
    assert (verdict.correct, verdict.reason) == (True, "contained")


def test_the_answer_inside_a_long_essay_is_not_a_short_answer(grader: Grader) -> None:
    reply = "逻辑回归" + "，这是一个很长的解释" * 30
    assert not grader.grade_short(reply, ["逻辑回归"]).correct


def test_hedging_between_the_answer_and_a_look_alike_is_wrong(grader: Grader) -> None:
    assert grader.grade_short("逻辑回归或者线性回归吧", ["逻辑回归"]).reason == "confusable"


def test_a_negated_answer_is_wrong(grader: Grader) -> None:
    assert grader.grade_short("肯定不是dropout", ["Dropout"]).reason == "negated"


def test_a_same_sounding_character_is_a_typo_in_a_chinese_term(grader: Grader) -> None:
    verdict = grader.grade_short("罗辑回归", ["逻辑回归"])
    assert (verdict.correct, verdict.reason) == (True, "typo")


def test_a_different_sounding_character_is_not_a_typo(grader: Grader) -> None:
    assert not grader.grade_short("最小池化", ["最大池化"]).correct


def test_dropping_a_chinese_character_is_not_a_typo() -> None:
    assert not Grader(None).grade_short("随机森", ["随机森林"]).correct


@pytest.mark.parametrize(
    ("answer", "reply"),
    [("Dropout", "dropuot"), ("批归一化", "Batch Normalisation"), ("逻辑回归", "logistic regresion")],
)
def test_a_fuzzy_accept_shows_the_canonical_answer(grader: Grader, answer: str, reply: str) -> None:
    verdict = grader.grade_short(reply, [answer])
    assert (verdict.correct, verdict.reason, verdict.matched) == (True, "typo", answer)
    assert answer in verdict.feedback


def test_different_numbers_in_a_name_are_never_a_typo() -> None:
    assert not Grader(None).grade_short("ResNet101", ["ResNet152"]).correct


def test_an_alias_from_the_glossary_is_accepted_and_named(grader: Grader) -> None:
    verdict = grader.grade_short("weight decay", ["L2正则化"])
    assert (verdict.correct, verdict.reason, verdict.matched) == (True, "alias", "L2正则化")


def test_an_alias_given_by_the_question_is_accepted_without_a_glossary() -> None:
    assert Grader(None).grade_short("相对熵", ["KL散度", "相对熵"]).matched == "KL散度"


@pytest.mark.parametrize(
    ("answer", "reply"),
    [("Sigmoid", "sigmoid函数"), ("Dropout", "dropout层"), ("随机森林", "随机森林算法"), ("SVM", "SVM模型")],
)
def test_a_trailing_kind_word_the_answer_lacks_is_ignored(grader: Grader, answer: str, reply: str) -> None:
    assert grader.grade_short(reply, [answer]).correct


def test_an_unknown_wrong_reply_is_just_wrong(grader: Grader) -> None:
    verdict = grader.grade_short("香蕉", ["逻辑回归"])
    assert (verdict.correct, verdict.score, verdict.matched, verdict.reason) == (False, 0.0, None, "wrong")


def test_a_wrong_verdict_does_not_give_the_answer_away(grader: Grader) -> None:
    for reply in ("线性回归", "回归", "香蕉", "罗辑"):
        assert "逻辑回归" not in grader.grade_short(reply, ["逻辑回归"]).feedback


def test_no_name_of_a_confusable_or_same_category_term_is_ever_accepted(grader: Grader, glossary: Glossary) -> None:
    accepted = [
        (term.name, name)
        for term in glossary
        for other in {*glossary.confusables_of(term), *glossary.same_category(term)}
        for name in other.names
        if grader.grade_short(name, [term.name]).correct
    ]
    assert accepted == []


@pytest.mark.parametrize(("answer", "reply"), [("分类", "多分类"), ("速度", "速度精度"), ("池化", "用最大池化")])
def test_a_two_character_answer_inside_a_longer_word_is_not_that_answer(
    grader: Grader, answer: str, reply: str
) -> None:
    assert not grader.grade_short(reply, [answer]).correct


def test_a_two_character_answer_standing_alone_in_a_sentence_is_accepted(grader: Grader) -> None:
    assert grader.grade_short("嗯，分类，对吧", ["分类"]).correct


def test_a_longer_known_term_that_holds_the_answer_is_that_other_term(grader: Grader) -> None:
    verdict = grader.grade_short("用批归一化", ["归一化"])
    assert (verdict.correct, verdict.reason) == (False, "wrong")
    assert "批归一化" in verdict.feedback


def test_an_english_plural_or_ing_form_counts_as_a_typo_but_not_across_terms(grader: Grader) -> None:
    assert grader.grade_short("average pool", ["平均池化"]).reason == "typo"
    assert grader.grade_short("vanishing gradients", ["梯度消失"]).correct
    assert not grader.grade_short("max pools", ["平均池化"]).correct


def test_a_reply_naming_the_answer_with_what_it_is_a_kind_of_is_right(grader: Grader) -> None:
    # 决策树 is C4.5's broader term, not a rival: "C4.5 决策树" is the answer, said in full
    assert grader.grade_short("C4.5决策树", ["C4.5"]).correct
    assert not grader.grade_short("决策树", ["C4.5"]).correct
