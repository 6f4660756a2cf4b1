"""Normalisation makes width, case, script, punctuation and filler irrelevant, and nothing else."""

from __future__ import annotations

from quizcore.grading.normalize import key_of, normalize, strip_filler


def test_full_width_letters_and_digits_read_as_half_width() -> None:
    assert normalize("ＤＲＯＰＯＵＴ　Ｌ２") == "dropout l2"


def test_traditional_chinese_reads_as_simplified() -> None:
    assert normalize("邏輯迴歸") == normalize("逻辑回归")


def test_punctuation_and_extra_spaces_separate_words_only() -> None:
    assert normalize("  Batch-Normalization!!  ") == "batch normalization"
    assert key_of(normalize("batch norm")) == key_of(normalize("BatchNorm"))


def test_c_plus_plus_keeps_its_pluses() -> None:
    assert normalize("C++") != normalize("C")


def test_hedging_around_a_chinese_answer_is_dropped() -> None:
    for reply in ("答案是逻辑回归", "我觉得是逻辑回归吧", "应该是逻辑回归", "是逻辑回归吧", "嗯 逻辑回归"):
        assert strip_filler(normalize(reply)) == "逻辑回归", reply


def test_hedging_around_an_english_answer_is_dropped() -> None:
    assert strip_filler(normalize("I think it's dropout")) == "dropout"
    assert strip_filler(normalize("the answer is Adam")) == "adam"


def test_filler_words_inside_a_term_are_kept() -> None:
    assert strip_filler(normalize("umap")) == "umap"
    assert strip_filler(normalize("itsy")) == "itsy"


def test_a_reply_that_is_only_filler_is_kept_as_it_is() -> None:
    assert strip_filler(normalize("是")) == "是"
