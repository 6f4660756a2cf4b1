"""Whether a wrong heading is really wrong: the checks that keep a second right answer, or a giveaway,
out of a which-heading question."""

from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet

from rapidfuzz.distance import Levenshtein

from quizcore.generation.asking import QUESTION_WORDS
from quizcore.generation.segment import Segmenter
from quizcore.generation.terms import TermIndex, section_terms
from quizcore.generation.text import cjk_bigrams, grams
from quizcore.knowledge import Section

__all__ = ["clause_grams", "echoes_answer", "overlaps", "says_alike", "title_left"]

#: The pairs of the words that ask ("什么", "哪些", "区别"): shared by headings, they point at none.
_QUESTION_PAIRS = frozenset(g for w in QUESTION_WORDS for g in cjk_bigrams(w))


_ENGLISH = re.compile(r"[A-Za-z][A-Za-z0-9]*")


#: Share of a passage clause's content pieces another section's clause must hold to say the same (0.5 missed
#: paraphrases; 0.4 drops no question from either bank, it only swaps wrong headings that said much the same).
_ALIKE = 0.4


_CLAUSE = re.compile(r"[，,；;。.!！]")


def says_alike(mine: tuple[frozenset[str], ...], other: Section, segmenter: Segmenter) -> bool:
    """A clause of the other section says much the same as a clause of the passage (``mine``, from
    :func:`clause_grams`): "ReLU函数也不是以0为中心的" beside sigmoid's "函数输出不是以0为中心的".
    Its heading is a defensible answer too."""
    theirs = clause_grams(tuple(b.text for b in other.blocks if b.is_prose), segmenter)
    everything = _union(theirs)
    return any(
        len(m) >= 3 and len(m & everything) >= _ALIKE * len(m) and any(len(m & g) >= _ALIKE * len(m) for g in theirs)
        for m in mine
    )


@functools.lru_cache(maxsize=20_000)
def _union(pieces: tuple[frozenset[str], ...]) -> frozenset[str]:
    return frozenset().union(*pieces)


# A section is compared with every passage it might be a wrong option to: remember its clauses (the
# cache holds the segmenter of the last builds, which it keys on).
@functools.lru_cache(maxsize=20_000)
def clause_grams(texts: tuple[str, ...], segmenter: Segmenter) -> tuple[frozenset[str], ...]:
    """The content pieces of each clause of a section's prose."""
    found = (_content_grams(clause, segmenter) for text in texts for clause in _CLAUSE.split(text))
    return tuple(g for g in found if len(g) >= 2)


def _content_grams(text: str, segmenter: Segmenter) -> frozenset[str]:
    """The pieces of a text that carry its content: English words and Chinese pairs that are not everyday words."""
    return frozenset(g for g in grams(text) if not segmenter.is_everyday(g))


def overlaps(passage_terms: AbstractSet[str], other: Section, index: TermIndex) -> bool:
    """The other section speaks of what the passage speaks of (two of its terms, or its only one): its
    heading could be what the passage answers ("增加数据、数据增强、L2、dropout" fits 解决过拟合的方法 too)."""
    if not passage_terms:
        return False
    theirs = section_terms(other, index)
    shared = len(passage_terms & theirs)
    return shared >= min(2, len(passage_terms))


def title_left(title: str, masked: str) -> bool:
    """An English word or letter of the heading is still in the passage ("K" of "KNN K 近邻"); the
    Chinese left over ("森林" of 随机森林) is caught by the giveaway check of every question."""
    words = _ENGLISH.findall(title)
    english = {w.casefold() for w in words}
    acronyms = {w for w in words if w.isupper()}
    sizes = {_size(t) for t in _SIZE.findall(title)}
    if any(_size(k) in sizes for k in _SIZE.findall(masked)):
        return True  # "1×1 ____核" under "1×1 卷积有什么作用"
    if {"".join(w[0] for w in run.split()) for run in _SPELLED.findall(masked)} & acronyms:
        return True  # "Expectation Maximization" spells out the heading's EM
    if any(stem in masked for stem in _stems(title)):
        return True  # "非线性核的____" under "SVM的核函数": 核 is what the heading's 核函数 is about
    # a misspelt name gives the heading away as well ("sigmod函数" under "sigmoid"), and so does the
    # letter an acronym starts with ("____ 中的 K 值" under "KNN 算法以及流程")
    return any(
        w.casefold() in english
        or (len(w) >= 5 and any(Levenshtein.distance(w.casefold(), e) <= 1 for e in english))
        or (len(w) <= 2 and w.isupper() and any(a[:2].startswith(w) for a in acronyms))
        for w in _ENGLISH.findall(masked)
    )


_SIZE = re.compile(r"\d+\s*[×xX*]\s*\d+")
#: A generic tail after what a heading's word is about (核函数, 激活函数, 优化算法).
_GENERIC_TAIL = "函数|算法|方法|模型|网络|机制|结构"
_ONE_CHAR_STEM = re.compile(rf"(?:^|[^\u4e00-\u9fff]|的)([\u4e00-\u9fff])(?:{_GENERIC_TAIL})")
_TWO_CHAR_STEM = re.compile(rf"([\u4e00-\u9fff]{{2}})(?:{_GENERIC_TAIL})")


def _stems(title: str) -> set[str]:
    """What the heading's words with a generic tail are about: 核 of "SVM的核函数", 激活 of 激活函数."""
    found = {m.group(1) for pattern in (_ONE_CHAR_STEM, _TWO_CHAR_STEM) for m in pattern.finditer(title)}
    return {stem for stem in found if not _FUNCTION_CHARS.search(stem)}  # not 的 of "LeNet 的结构"


_FUNCTION_CHARS = re.compile(r"[的之和与及或是有在么样种个些一这那其各该本新用]")


#: Two or more capitalised English words in a row, whose initials may spell an acronym.
_SPELLED = re.compile(r"[A-Z][a-z]+(?:[\s\-]+[A-Z][a-z]+)+")


def _size(text: str) -> str:
    return re.sub(r"\s*[×xX*]\s*", "x", text)


def echoes_answer(title: str, masked: str, wrong: list[str]) -> bool:
    """Two Chinese pairs of the right heading left in the passage that no wrong heading has
    ("传统的目标____算法" beside 传统目标检测方法): they point at it alone."""
    others = set().union(*(grams(w) for w in wrong))
    return len((cjk_bigrams(title) & cjk_bigrams(masked)) - others - _QUESTION_PAIRS) >= 2
