"""The bundled glossary: enough terms, unambiguous names, and confusables that resolve."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from quizcore.glossary import Glossary, term_key
from quizcore.yamlsource import load_yaml


@pytest.fixture(scope="module")
def glossary(knowledge_dir: Path) -> Glossary:
    return Glossary.load(knowledge_dir / "glossary.yaml")


def test_the_bundled_glossary_loads_without_a_single_warning(glossary: Glossary) -> None:
    assert [str(w) for w in glossary.warnings] == []


def test_the_glossary_has_at_least_300_terms_each_with_a_category(glossary: Glossary) -> None:
    assert len(glossary) >= 300
    assert [t.name for t in glossary if not t.category] == []


def test_no_name_belongs_to_two_terms(glossary: Glossary) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for term in glossary:
        for name in term.names:
            owners[term_key(name)].add(term.name)
    shared = {key: sorted(names) for key, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_no_term_lists_the_same_name_twice(glossary: Glossary) -> None:
    repeated = [t.name for t in glossary if len({term_key(n) for n in t.names}) != len(t.names)]
    assert repeated == []


def test_every_category_has_at_least_three_terms_so_distractors_exist(glossary: Glossary) -> None:
    sizes = Counter(t.category for t in glossary)
    assert {c: n for c, n in sizes.items() if n < 3} == {}


def test_categories_form_a_small_fixed_vocabulary(glossary: Glossary) -> None:
    categories = {t.category for t in glossary}
    # fine enough that a wrong option is of the answer's kind (Git among 版本控制, not 进程), few enough
    # that each has three or more terms
    assert 25 <= len(categories) <= 60
    assert {"激活函数", "优化器", "归一化", "损失函数", "评价指标", "池化", "卷积", "硬件", "编程语言"} <= categories


def test_there_are_at_least_40_confusable_groups(glossary: Glossary) -> None:
    assert len(glossary.confusable_groups) >= 40


def test_each_confusable_group_names_distinct_terms(knowledge_dir: Path, glossary: Glossary) -> None:
    doc = load_yaml(knowledge_dir / "glossary.yaml")
    collapsed = []
    for index, group in enumerate(doc.data["confusables"]):
        terms = [glossary.lookup(str(name)) for name in group]
        if len({id(t) for t in terms}) != len(group):
            collapsed.append((index, group))
    assert collapsed == []


@pytest.mark.parametrize(
    ("reply", "term"),
    [
        ("batch norm", "批归一化"),
        ("Batch-Normalization", "批归一化"),
        ("LR", "逻辑回归"),
        ("learning rate", "学习率"),
        ("对数几率回归", "逻辑回归"),
        ("LDA", "线性判别分析"),
        ("MAE", "平均绝对误差"),
        ("ｒｅｃａｌｌ", "召回率"),
        ("SiLU", "Swish"),
        ("RoIAlign", "ROI Align"),
    ],
)
def test_aliases_across_languages_and_widths_name_their_term(glossary: Glossary, reply: str, term: str) -> None:
    found = glossary.lookup(reply)
    assert found is not None and found.name == term


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("BN", "LN"),
        ("ReLU", "Leaky ReLU"),
        ("线性回归", "逻辑回归"),
        ("精确率", "召回率"),
        ("ROI Pooling", "ROI Align"),
        ("膨胀", "腐蚀"),
        ("CBOW", "Skip-gram"),
        ("ID3", "CART"),
    ],
)
def test_classic_mix_ups_are_listed_as_confusables(glossary: Glossary, one: str, other: str) -> None:
    term = glossary.lookup(one)
    assert term is not None
    assert other in {t.name for t in glossary.confusables_of(term)} | {
        n for t in glossary.confusables_of(term) for n in t.names
    }


def test_a_broader_term_must_be_in_the_glossary(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "terms:\n  - {term: 随机森林, category: 集成学习, broader: Bagging}\n"
        "  - {term: AdaBoost, category: 集成学习, broader: Boosting}\n"
        "  - {term: Boosting, category: 集成学习}\n",
        encoding="utf-8",
    )
    loaded = Glossary.load(path)
    assert [str(w) for w in loaded.warnings] == [f"{path}:2: 随机森林: broader term 'Bagging' is not in the glossary"]
    adaboost = loaded.lookup("AdaBoost")
    assert adaboost is not None and adaboost.broader == "Boosting"


def test_related_categories_must_be_categories_of_some_term(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(
        "terms:\n  - {term: YOLO, category: 检测模型}\n  - {term: VGG, category: 分类网络}\n"
        "related_categories:\n  - [分类网络, 检测模型]\n  - [分类网络, 分割模型]\n",
        encoding="utf-8",
    )
    loaded = Glossary.load(path)
    assert [str(w) for w in loaded.warnings] == [
        f"{path}:6: related_categories[1]: no term has the category '分割模型'"
    ]
    assert loaded.near_categories("分类网络") == ["检测模型"]
