"""Open answers: scored by the key points they cover, each once; spraying terms costs points."""

from __future__ import annotations

from quizcore.grading import Grader

POINTS = [["梯度消失"], ["加速收敛", "收敛更快"], ["正则化", "防止过拟合"]]


def test_enough_key_points_pass_and_the_feedback_lists_hits_and_misses(grader: Grader) -> None:
    verdict = grader.grade_open("它能缓解梯度消失，也让训练收敛更快", POINTS, 2)
    assert verdict.correct
    assert verdict.points_hit == ("梯度消失", "加速收敛")
    assert verdict.points_missed == ("正则化",)
    assert "梯度消失" in verdict.feedback and "正则化" in verdict.feedback
    assert verdict.score == 2 / 3


def test_every_key_point_scores_full_credit(grader: Grader) -> None:
    verdict = grader.grade_open("缓解梯度消失、加速收敛、有正则化效果", POINTS, 2)
    assert (verdict.correct, verdict.score, verdict.reason) == (True, 1.0, "complete")


def test_too_few_key_points_fail_with_partial_credit(grader: Grader) -> None:
    verdict = grader.grade_open("缓解梯度消失", POINTS, 2)
    assert (verdict.correct, verdict.reason) == (False, "partial")
    assert verdict.score == 1 / 3


def test_repeating_one_point_scores_it_once(grader: Grader) -> None:
    once = grader.grade_open("梯度消失", POINTS, 2)
    many = grader.grade_open("梯度消失，梯度消失！" * 20, POINTS, 2)
    assert many.score == once.score
    assert not many.correct


def test_any_alias_of_a_point_counts_including_the_glossary_s(grader: Grader) -> None:
    verdict = grader.grade_open("it avoids vanishing gradient and 防止过拟合", POINTS, 2)
    assert verdict.points_hit == ("梯度消失", "正则化")


def test_spraying_unrelated_glossary_terms_is_penalised_not_rewarded(grader: Grader) -> None:
    honest = grader.grade_open("梯度消失 加速收敛", POINTS, 2)
    spray = grader.grade_open("梯度消失 加速收敛 Adam SGD PCA LDA SVM 随机森林 XGBoost LightGBM 欠拟合", POINTS, 2)
    assert honest.correct
    assert not spray.correct
    assert spray.score < honest.score
    assert spray.reason == "spray"


def test_a_few_related_terms_beside_the_points_cost_nothing(grader: Grader) -> None:
    verdict = grader.grade_open("BN 缓解梯度消失，配合 Adam 收敛更快", POINTS, 2)
    assert (verdict.correct, verdict.score) == (True, 2 / 3)


def test_a_same_sounding_typo_still_hits_the_point(grader: Grader) -> None:
    verdict = grader.grade_open("罗辑回归的输出过sigmoid", [["逻辑回归"], ["sigmoid"]], 2)
    assert verdict.correct


def test_an_empty_explanation_scores_nothing(grader: Grader) -> None:
    verdict = grader.grade_open("   ", POINTS, 1)
    assert (verdict.correct, verdict.score, verdict.reason) == (False, 0.0, "empty")


def test_a_list_sharing_one_tail_names_each_member(grader: Grader) -> None:
    points = [["L1正则化"], ["L2正则化"], ["Dropout"]]
    assert grader.grade_open("L1、L2正则化", points, 2).points_hit == ("L1正则化", "L2正则化")
    assert grader.grade_open("最大/平均池化", [["最大池化"], ["平均池化"]], 2).correct
    assert grader.grade_open("最大的问题是池化", [["最大池化"]], 1).points_hit == ()


def test_a_near_miss_that_is_another_term_does_not_hit_the_point(grader: Grader) -> None:
    points = [["L1 regularization"], ["dropout"]]
    assert grader.grade_open("l2 regularization and dropout", points, 1).points_hit == ("dropout",)
    assert grader.grade_open("l1 regularisation and dropout", points, 2).correct


def test_a_point_named_only_inside_another_points_name_is_that_other_point(grader: Grader) -> None:
    points = [["最大池化"], ["平均池化"], ["全局平均池化", "GAP"], ["随机池化"]]
    # 全局平均池化 is one member, not 平均池化 as well
    assert grader.grade_open("全局平均池化", points, 2).points_hit == ("全局平均池化",)
    assert grader.grade_open("平均池化和全局平均池化", points, 2).correct
