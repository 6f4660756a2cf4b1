"""Numeric questions: facts with numbers in them, asked with what they are about."""

from __future__ import annotations

from pathlib import Path

from quizcore.generation import build_bank, load_glossary
from quizcore.knowledge import read_knowledge
from quizcore.questions import Bank, Kind, Question

from .conftest import assert_invariants


def numeric_of(tmp_path: Path, text: str) -> list[Question]:
    (tmp_path / "notes.md").write_text(text, encoding="utf-8")
    bank: Bank = build_bank(read_knowledge(tmp_path), load_glossary(tmp_path)).bank
    for q in bank:
        assert_invariants(q)
    return [q for q in bank if q.kind is Kind.NUMERIC]


def test_an_item_that_does_not_name_its_subject_is_asked_with_the_item_it_sits_under(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 检测\n\n## SSD和Yolo\n\n"
        "- YOLO：把检测当成回归问题，整张图一次预测出所有框。\n  - （优点）速度快，45FPS\n"
        "- SSD：在多个尺度的特征图上预测默认框。\n  - （优点）速度较快，达到59FPS\n",
    )
    stems = {q.stem: q.answers for q in asked}
    assert stems.get("填数字：（YOLO）速度快，____ FPS") == ("45",)
    assert stems.get("填数字：（SSD）速度较快，达到____ FPS") == ("59",)


def test_a_number_said_twice_in_a_sentence_is_asked_once_from_its_first_clause(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 集成学习\n\n## 随机森林\n\n"
        "简言之，即一个样本被选中的概率是 63.2%，根据二项分布的期望，这意味着大约有 63.2% 的样本被选中。\n",
    )
    assert [(q.stem, q.answers) for q in asked] == [("填数字：（随机森林）即一个样本被选中的概率是 ____ %", ("63.2%",))]


def test_numbers_that_give_each_other_away_or_belong_to_an_example_are_not_asked(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 杂项\n\n## 先验概率\n\n根据先验知识，小明及格的概率仅有0.1，90%的可能都是不及格的。\n\n"
        "## k-means\n\nk-means 重复第 2、3 步，直到分配不再变化。\n\n"
        "## 随机森林\n\n随机森林有了这 2 个随机的保证，就不容易过拟合。\n\n"
        "## 准确率\n\n准确率在类别不平衡时会骗人，例如 99% 的样本是负类时。\n",
    )
    assert asked == []


def test_a_sentence_that_goes_on_from_the_one_before_is_not_asked(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 预训练模型\n\n## ALBERT 和 BERT 的差别\n\nALBERT 共享了各层的参数。所以最后得出来的模型相比 BERT-large 小18倍以上。\n",
    )
    assert asked == []


def test_a_number_the_items_name_already_says_is_not_asked(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 评估\n\n## 交叉验证有哪些做法？\n\n- 留一法（Leave-One-Out）：K 等于样本数的交叉验证，每次只留 1 个样本验证\n",
    )
    assert asked == []


def test_a_count_the_sentence_lists_item_by_item_is_not_asked(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 网络\n\n## Inception 模块是什么？\n\n"
        "Inception 模块有 4 个并行分支，1×1 卷积、3×3 卷积、5×5 卷积和 3×3 最大池化，输出沿通道拼接。\n",
    )
    assert asked == []


def test_a_number_the_sizes_in_the_sentence_multiply_out_to_is_not_asked(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 图像\n\n## 双线性插值\n\n双线性插值用周围 2×2 共 4 个像素，先在 x 方向再在 y 方向做线性插值。\n\n"
        "## 空洞卷积\n\n空洞卷积在膨胀率为 2 时，3×3 的卷积核只有 9 个参数，感受野却有 25 个像素那么大。\n",
    )
    answers = {a for q in asked for a in q.answers}
    assert "4" not in answers and "9" not in answers
    assert answers <= {"25", "2"}  # what the sizes do not give away may still be asked


def test_a_clause_whose_sizes_come_before_it_in_the_sentence_is_not_asked(tmp_path: Path) -> None:
    asked = numeric_of(
        tmp_path,
        "# 网络\n\n## 全连接层参数量\n\n"
        "VGG-16 最后的特征图为 7×7×512，展开成 25088 维接 4096 个神经元，这一层就有约 1.03 亿个参数。\n",
    )
    assert not [q for q in asked if "25088" in q.explanation]  # "展开成 ____ 维" needs the 7×7×512 before it
