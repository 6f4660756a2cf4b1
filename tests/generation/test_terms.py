"""Finding known terms in text, as key points and wrong options rely on it."""

from __future__ import annotations

from pathlib import Path

from quizcore.generation import load_glossary
from quizcore.generation.terms import TermIndex
from quizcore.generation.text import name_pattern


def index() -> TermIndex:
    return TermIndex(load_glossary(Path("/nonexistent")))  # the bundled glossary


def test_names_inside_a_longer_name_are_found_overlapping_ones_included() -> None:
    found = {term.name for _, term in index().inside("小批量随机梯度下降")}
    assert {"随机梯度下降", "梯度下降"} <= found


def test_a_short_acronym_is_found_only_in_its_own_case_inside_a_name_as_in_text() -> None:
    terms = index()
    assert not [t for _, t in terms.inside("git init") if t.name == "Git"]
    assert not [t for _, _, t in terms.find_in("git init") if t.name == "Git"]
    assert [t for _, t in terms.inside("Git init") if t.name == "Git"]


def test_an_english_name_inside_a_code_identifier_is_not_named() -> None:
    pattern = name_pattern(("softmax",))
    assert pattern is not None
    assert pattern.search("TensorFlow 的 softmax_cross_entropy_with_logits 接收 logits") is None
    assert pattern.search("最后一层接 softmax 输出概率") is not None
