"""Passages for which-heading questions: the sentences of a section that stand on their own and speak
of its subject, and the subject blanked out of them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from quizcore.generation.asking import ASKING_PREFIXES, COMPARES, reads_as_question
from quizcore.generation.common import item_owners
from quizcore.generation.kind_cloze import TITLE_LIKE, drop_gloss
from quizcore.generation.segment import Segmenter
from quizcore.generation.terms import TermIndex, known_names
from quizcore.generation.text import CLAUSE_WORD, PUNCTUATION, has_residue, leans_on_context, sentences
from quizcore.knowledge import Section

__all__ = ["Passage", "mask_words", "mentions", "passages", "standalone"]


def mentions(text: str, words: set[str]) -> bool:
    """Any of ``words`` stands in ``text`` (case-folded)."""
    folded = text.casefold()
    return any(w.casefold() in folded for w in words)


#: Code, a further question, or an article's title: not a passage that answers anything.
_NOT_A_PASSAGE = re.compile(
    r"\bimport\b|\bdef\b|[=#]|\w\(['\"]|请分析|请问|有什么意义|[呢吗][，,。]|浅析|详解|总结版|一文(读懂|看懂|搞懂)|"
    r"搜一下|是图片|网上搜|公式|相信很多人|很多人对|本文|这篇文章|"
    # a link's caption left at the end ("… xavier 分布解析"), a label glued before the text ("SGD(随机梯度下降) 很多…")
    r"(?:解析|教程|笔记|总结|介绍)$|^[A-Za-z][\w\-]*\s*[（(][^）)]+[）)]\s+\S"
)


#: "maxpooling,avgpooling", "线性核、多项式核、高斯核": a list of names says nothing to match.
_LIST_ONLY = re.compile(r"^[^，,、；;]{1,14}(?:[，,、；;]\s*[^，,、；;]{1,14})+$")


def _list_only(sentence: str) -> bool:
    """Only names between commas: "maxpooling,avgpooling", "线性核、多项式核、高斯核"."""
    if not _LIST_ONLY.match(sentence):
        return False
    parts = [p for p in re.split(r"[，,、；;]", sentence) if p.strip()]
    return "、" in sentence or sum(1 for p in parts if CLAUSE_WORD.search(p)) * 2 < len(parts)


_PASSAGE_LIMIT = 100


def standalone(sentence: str) -> bool:
    """The sentence can be shown alone as a passage: of a readable length, not a question, a heading,
    a list of names, code or a pointer to other text."""
    return (
        16 <= len(sentence) <= _PASSAGE_LIMIT
        and not has_residue(sentence)
        and not leans_on_context(sentence)
        and not sentence.endswith(("？", "?", "即", "：", ":", "如下", "如", "为", "有"))
        and not (
            sentence.endswith(TITLE_LIKE) and len(sentence) <= 20 and not PUNCTUATION.search(sentence)
        )  # a heading
        and not sentence.startswith(ASKING_PREFIXES)
        and not _NOT_A_PASSAGE.search(sentence)
        and not _list_only(sentence)
    )


_MAX_PASSAGES = 3


#: An aside rather than an answer: a bracketed remark, a question put to the reader, a label and colon.
_ASIDE = re.compile(r"^[（(]|你|[A-Za-z]\s*[:：]")


@dataclass(frozen=True)
class Passage:
    """A sentence to ask about, where it stands, and the label of the item it comes from."""

    text: str
    line: int
    about: str = ""  # the label of the item it comes from ("MAE" of "MAE：预测值与真实值之差的绝对值的平均")


def passages(section: Section, words: set[str], index: TermIndex) -> list[Passage]:
    """Sentences of the section that stand on their own, one per block: those about the heading's
    subject, and, under a real question that does not compare two things, the answer's opening sentence.

    A sentence that does not name the subject is left out even under the heading of one member of a
    group: "输出不以零为中心" under sigmoid is as true of ReLU, which the notes need not say.
    """
    asks = section.is_question and reads_as_question(section.title) and not COMPARES.search(section.title)
    passages: list[Passage] = []
    opening: Passage | None = None
    looking = True
    title_terms = known_names(section.title, index)
    for block, owner in zip(section.blocks, item_owners(section), strict=True):
        if not block.is_prose or block.is_link:
            continue
        if owner is not None and (theirs := known_names(owner, index)) and not theirs & title_terms:
            continue  # an item under "Canny算子：" is about Canny, not about the heading's 边缘检测算子
        about = (block.term or "") if block.definition else ""
        # Whole sentences only: a passage cut short ("…会变得越") reads as broken.
        candidates = [whole.rstrip("。") for whole in sentences(block.definition or block.text)]
        standing = [c for c in candidates if standalone(c)]
        if looking and candidates:
            # the first sentence that stands on its own opens the answer ("目的：…" does not); once the
            # answer has begun an argument ("首先，假设…"), a later block is a step of it, background
            # more often than answer ("由于训练样本很少…")
            first = next((c for c in standing if not _ASIDE.search(c)), None)
            opening = Passage(first, block.line, about) if first is not None else None
            looking = opening is None and not leans_on_context(candidates[0])
        named = next((c for c in standing if mentions(c, words)), None)
        if named is not None and all(named != p.text for p in passages):
            passages.append(Passage(named, block.line, about))
    # A comparison's opening sentence is often about something else (SPP under "ROIPooling 和 ROIAlign
    # 的区别"); its clauses become contrast questions instead.
    if asks and opening is not None and all(opening.text != p.text for p in passages):
        passages.insert(0, opening)
    return passages[:_MAX_PASSAGES]


@functools.lru_cache(maxsize=4096)
def _whole_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for English and multi-word names as whole words, longest first (PR is not inside FPR)."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # an identifier is one word: softmax is not blanked out of softmax_cross_entropy_with_logits
    return re.compile(rf"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])", re.IGNORECASE)


def mask_words(passage: str, words: set[str], segmenter: Segmenter) -> str:
    """Blank the subject's words where they stand as whole words of the passage (never 分类 inside 分类器).

    English and multi-word names are blanked as whole words first; then every token of the
    passage that equals a subject word.
    """
    masked = passage
    english = _whole_words(tuple(sorted(w for w in words if " " in w or w.isascii())))
    if english is not None:
        masked = english.sub("\x00", masked)
    # English names were blanked as whole words above: a token like "BIO" cut out of "BIOES" is not one
    folded = {w.casefold() for w in words if not w.isascii()}
    masked = "".join("\x00" if t.casefold() in folded else t for t in segmenter.tokens(masked))
    return drop_gloss(re.sub(r"\x00(?:\s*\x00)*", "____", masked))
