"""Section questions: a question-like heading becomes an open question graded by its key points,
and a multiple-choice one whose wrong options summarise the sibling sections."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from quizcore.generation.common import Maker, item_owners, pick_distractors, question_id, source_of, topic_of
from quizcore.generation.kind_cloze import BLANK, DEFINES_BLANK, TITLE_LIKE, drop_gloss, fair_blank, typed_cloze
from quizcore.generation.segment import Segmenter
from quizcore.generation.terms import (
    TermIndex,
    TermInfo,
    anchored,
    is_generic,
    named_categories,
    section_terms,
    split_term,
)
from quizcore.generation.text import (
    LEANING_TITLES,
    cjk_bigrams,
    clean_heading,
    grams,
    has_residue,
    leans_on_context,
    name_pattern,
    norm_key,
    sentences,
    tidy,
)
from quizcore.knowledge import BlockKind, Section
from quizcore.questions import Format, Kind, Question

__all__ = ["explanation_of", "section_questions", "subject_words"]

_PUNCT = re.compile(r"[，。；！？,;!?：:]")
_MAX_POINTS = 6


def explanation_of(section: Section, limit: int = 500) -> str:
    """The section's own text, cut to a readable length."""
    parts = []
    for block in section.blocks:
        if block.is_prose:
            parts.append(("- " if block.kind is BlockKind.LIST_ITEM else "") + block.text)
    text = "\n".join(parts)
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


_ASKING_PREFIXES = ("简述", "介绍", "什么", "如何", "为什么", "请", "说说", "列举", "比较", "解释", "谈谈", "描述")
_ASKS = re.compile(
    r"[?？]$|^(什么|为什么|为何|如何|怎么|怎样|哪些|哪个|是否|简述|介绍|列举|解释|说说|谈谈|描述|比较|对比)|"
    r"什么|为什么|如何|哪些|区别|差别|异同|优缺点|作用|原理|联系|吗$|呢$"
)


def _contained(name: str, index: TermIndex, itself: TermInfo | None) -> tuple[str, ...]:
    """Names of other known terms inside a point's name, which a reply may give for it: "SGD" for
    小批量随机梯度下降, "GAN" for GAN对抗生成网络 (never a short Chinese word like 均值)."""
    whole = name.casefold()
    found: list[str] = []
    for found_name, term in index.inside(name):
        if term is itself or not term.from_glossary or found_name == whole:
            continue
        if len(found_name) >= 4 or (found_name.isascii() and len(found_name) >= 3):
            found.extend(term.names)
    return tuple(dict.fromkeys(found))


def _points(section: Section, index: TermIndex, segmenter: Segmenter) -> tuple[list[tuple[str, ...]], int]:
    """The key points of a section's list, and how many listed items gave none."""
    points: list[tuple[str, ...]] = []
    seen: set[str] = set()
    missed = 0

    def add(names: tuple[str, ...]) -> None:
        nonlocal missed
        names = tuple(
            dict.fromkeys(
                n
                for n in (tidy(x) for x in names)
                if n and not has_residue(n) and not _PUNCT.search(n) and len(n) <= (40 if n.isascii() else 16)
            )
        )
        if not names:
            missed += 1
            return
        key = norm_key(names[0])
        if key and key not in seen and len(points) < _MAX_POINTS:
            seen.add(key)
            points.append(names)

    for block in section.blocks:
        # Top-level list items, and paragraphs that open with a term (「局部连接：…」) are the points.
        listed = block.kind is BlockKind.LIST_ITEM and block.depth == 0
        if not listed and not (block.kind is BlockKind.PARAGRAPH and block.term):
            continue
        text = block.text.rstrip("。 ")
        if text.endswith(("？", "?")) or text.startswith(_ASKING_PREFIXES):
            continue  # a list of further questions is not the answer to this one
        if has_residue(text):
            missed += 1  # an item the key cannot hold: the key would be incomplete
            continue
        pair = _TWO_NAMES.match(block.term or "")
        both = [t for n in pair.groups() if (t := index.known(n)) is not None] if pair else []
        if len(both) == 2:
            for term in both:  # "XGBoost 和 LightGBM：…" are two members a reply may name apart
                add(term.names)
            continue
        if block.term and not is_generic(block.term):
            name, aliases = split_term(block.term)
            bare = re.sub(r"\s*(?:算法|方法|模型|函数)$", "", name)  # "AdaGrad算法" is answered "AdaGrad"
            known = index.lookup(name) or index.lookup(bare)
            inside = _contained(name, index, known)
            add((name, *aliases, *((bare,) if len(bare) >= 2 else ()), *(known.names if known else ()), *inside))
        elif (known := index.lookup(text)) is not None and known.from_glossary:
            add(known.names)  # the item is itself a known term
        else:
            # Raw note text makes a key point nobody would type ("He 初始化适用于 Relu"): only a
            # known term the item opens with counts.
            mentions = index.find_in(text)
            if mentions and mentions[0][0] == 0:
                add(mentions[0][2].names)  # the item is about the term it opens with
            else:
                missed += 1
    # A name shared by two points (平均池化 inside 全局平均池化) would score both for one word.
    counts = Counter(key for p in points for key in {norm_key(n) for n in p})

    def own(point: tuple[str, ...]) -> set[str]:
        term = index.lookup(point[0])
        return {norm_key(n) for n in (point[0], *(term.names if term else ()))}

    points = [tuple(n for n in p if counts[norm_key(n)] == 1 or norm_key(n) in own(p)) for p in points]
    return points, missed


_TWO_NAMES = re.compile(r"^\s*([^和与、/]+?)\s*(?:和|与|、|/)\s*([^和与、/]+?)\s*$")


#: "X 和 Y 的区别" wants an explanation, not a list of names: no open question with listed key points.
_COMPARES = re.compile(r"区别|差别|异同|对比|比较|不同|联系|vs", re.IGNORECASE)
_CATCH_ALL = re.compile(
    r"^(常见的?常识题|常识|基础|前言|总结|其他|其它|杂项|补充|概述|简介|引言|附录|备注|一些.*|.*相关知识)$"
)
_QUESTION_WORDS: frozenset[str] = frozenset(
    [
        "什么",
        "为什么",
        "如何",
        "怎么",
        "怎样",
        "哪些",
        "哪个",
        "是否",
        "区别",
        "差别",
        "联系",
        "作用",
        "特点",
        "原理",
        "方法",
        "问题",
        "关系",
        "优缺点",
        "优势",
        "缺点",
        "优点",
        "理解",
        "介绍",
        "简述",
        "以及",
        "具体",
        "相关",
        "常用",
        "一般",
    ]
)


#: The pairs of the words that ask ("什么", "哪些", "区别"): shared by headings, they point at none.
_QUESTION_PAIRS = frozenset(g for w in _QUESTION_WORDS for g in cjk_bigrams(w))


def subject_words(title: str, index: TermIndex, segmenter: Segmenter, shortest: int = 2) -> set[str]:
    """What the heading is about: its known terms (every alias), English words and Chinese content words
    of at least ``shortest`` characters (3 leaves out short words like 训练 and 数据); never everyday
    words of general Chinese (如果, 我们, 使用, 时候), which name no subject."""
    return set(_subject_words(title, index, segmenter, shortest))


# Headings are asked for their subject once per passage they might be a wrong option to: remember them
# (the cache holds the index and segmenter of the last builds, which it keys on).
@functools.lru_cache(maxsize=20_000)
def _subject_words(title: str, index: TermIndex, segmenter: Segmenter, shortest: int) -> frozenset[str]:
    words = {n for _, _, t in index.find_in(title) for n in t.names if len(n) >= 2}
    words |= {w for w in re.findall(r"[A-Za-z][A-Za-z0-9\-]+", title) if len(w) >= 2}
    words |= {
        w
        for w in segmenter.words(title)
        if len(w) >= shortest and w not in _QUESTION_WORDS and not w.isascii() and not segmenter.is_everyday(w)
    }
    return frozenset(words)


def _mentions(text: str, words: set[str]) -> bool:
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
#: Words that make a short part a clause ("而灰度图用的是单通道", "能加快特征抽取"), not a name.
_CLAUSE_WORD = re.compile(r"[是的能会可使用为了有在将把被对不没要让较更很都也就而但]")


def _list_only(sentence: str) -> bool:
    """Only names between commas: "maxpooling,avgpooling", "线性核、多项式核、高斯核"."""
    if not _LIST_ONLY.match(sentence):
        return False
    parts = [p for p in re.split(r"[，,、；;]", sentence) if p.strip()]
    return "、" in sentence or sum(1 for p in parts if _CLAUSE_WORD.search(p)) * 2 < len(parts)


_MAX_BLANKS = 3
_PASSAGE_LIMIT = 100
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PASSAGE_CJK = 10
_RELATED_TERMS = 2
_GROUPED = 12
#: A blank that took only the head of a word: what is left ("____器", "____率") completes it.
_PART_WORD = re.compile(r"____[器率性量法化层值度]|[^\s，。、；：,.;:（(]____平台")
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z0-9]*")
#: A passage typed back from memory needs more to go on than one matched against headings.
_CLOZE_CONTENT = 20
#: Where a blank has more than one fair filling: a question or a supposition around it ("我们完全不知道
#: 什么是最好的模型____", "如果…"), or a time or place relative to it ("____之后经过激励层").
_LOOSE_CLOZE = re.compile(
    r"什么|怎么|如何|为什么|是否|[吗呢]|^如果|^假如|____\s*(?:之后|之前|的时候|时候|中|里)|"
    r"____\s*(?:是|为|属于)\S{0,12}(?:的一种|之一)"  # "____是词嵌入的一种": any member fills it
)


def _standalone(sentence: str) -> bool:
    return (
        16 <= len(sentence) <= _PASSAGE_LIMIT
        and not has_residue(sentence)
        and not leans_on_context(sentence)
        and not sentence.endswith(("？", "?", "即", "：", ":", "如下", "如", "为", "有"))
        and not (sentence.endswith(TITLE_LIKE) and len(sentence) <= 20 and not _PUNCT.search(sentence))  # a heading
        and not sentence.startswith(_ASKING_PREFIXES)
        and not _NOT_A_PASSAGE.search(sentence)
        and not _list_only(sentence)
    )


_MAX_PASSAGES = 3
#: An aside rather than an answer: a bracketed remark, a question put to the reader, a label and colon.
_ASIDE = re.compile(r"^[（(]|你|[A-Za-z]\s*[:：]")


def _known_names(text: str, index: TermIndex) -> set[str]:
    return {t.name for _, _, t in index.find_in(text) if t.from_glossary}


@dataclass(frozen=True)
class _Passage:
    text: str
    line: int
    about: str = ""  # the label of the item it comes from ("MAE" of "MAE：预测值与真实值之差的绝对值的平均")


def _passages(section: Section, words: set[str], index: TermIndex) -> list[_Passage]:
    """Sentences of the section that stand on their own, one per block: those about the heading's
    subject, and, under a real question that does not compare two things, the answer's opening sentence.

    A sentence that does not name the subject is left out even under the heading of one member of a
    group: "输出不以零为中心" under sigmoid is as true of ReLU, which the notes need not say.
    """
    asks = section.is_question and _reads_as_question(section.title) and not _COMPARES.search(section.title)
    passages: list[_Passage] = []
    opening: _Passage | None = None
    looking = True
    title_terms = _known_names(section.title, index)
    for block, owner in zip(section.blocks, item_owners(section), strict=True):
        if not block.is_prose or block.is_link:
            continue
        if owner is not None and (theirs := _known_names(owner, index)) and not theirs & title_terms:
            continue  # an item under "Canny算子：" is about Canny, not about the heading's 边缘检测算子
        about = block.term or "" if block.definition else ""
        # Whole sentences only: a passage cut short ("…会变得越") reads as broken.
        candidates = [whole.rstrip("。") for whole in sentences(block.definition or block.text)]
        standing = [c for c in candidates if _standalone(c)]
        if looking and candidates:
            # the first sentence that stands on its own opens the answer ("目的：…" does not); once the
            # answer has begun an argument ("首先，假设…"), a later block is a step of it, background
            # more often than answer ("由于训练样本很少…")
            first = next((c for c in standing if not _ASIDE.search(c)), None)
            opening = _Passage(first, block.line, about) if first is not None else None
            looking = opening is None and not leans_on_context(candidates[0])
        named = next((c for c in standing if _mentions(c, words)), None)
        if named is not None and all(named != p.text for p in passages):
            passages.append(_Passage(named, block.line, about))
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
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", re.IGNORECASE)


def _mask_words(passage: str, words: set[str], segmenter: Segmenter) -> str:
    """Blank the subject's words where they stand as whole words of the passage (never 分类 inside 分类器).

    English and multi-word names are blanked as whole words first; then every token of the
    passage that equals a subject word.
    """
    masked = passage
    english = _whole_words(tuple(sorted(w for w in words if " " in w or w.isascii())))
    if english is not None:
        masked = english.sub("\x00", masked)
    folded = {w.casefold() for w in words}
    masked = "".join("\x00" if t.casefold() in folded else t for t in segmenter.tokens(masked))
    return drop_gloss(re.sub(r"\x00(?:\s*\x00)*", "____", masked))


def _which_question(
    section: Section, circles: list[list[Section]], index: TermIndex, segmenter: Segmenter, maker: Maker
) -> Iterator[Question]:
    """Match passages to the question they answer, every word of the heading's subject blanked out;
    and, when the heading is about one known term, type that term back into the passage."""
    title = clean_heading(section.title)
    if len(title) > 40 or _CATCH_ALL.match(title):
        return
    words = subject_words(title, index, segmenter)
    subject = _single_term(title, index)
    # What does not depend on the passage is worked out once for the section.
    on_topic = anchored(title, index, everyday=segmenter.is_everyday)  # not "如何分辨demo业务…"
    related = _related_headings(section, circles, index) if on_topic else set()
    member = _is_member(section, circles[0], index)
    # A member's wrong options are the other members (VGG, not "Resnet 的缺点" from elsewhere).
    options_from = circles[:1] if member else circles
    for passage in _passages(section, words, index):
        if on_topic:
            yield from _which_one(section, title, words, passage, options_from, related, index, segmenter, maker)
        if subject is not None:  # after the multiple-choice one: near-duplicates keep the first
            yield from _subject_cloze(section, passage.text, passage.line, subject, index, segmenter.is_everyday)


_MEMBER_TITLE = 24


def _is_member(section: Section, siblings: list[Section], index: TermIndex) -> bool:
    """The section is one of a few siblings headed each by a name (LeNet, AlexNet, VGG…; sigmoid, tanh,
    ReLU), and its heading names one known term."""
    if section.is_question or len(section.title) > _MEMBER_TITLE or _single_term(section.title, index) is None:
        return False
    named = [s for s in siblings if not s.is_question and len(s.title) <= _MEMBER_TITLE]
    return 3 <= len(siblings) <= _GROUPED and len(named) >= 3 and len(named) * 3 >= len(siblings) * 2


def _related_headings(section: Section, circles: list[list[Section]], index: TermIndex) -> set[str]:
    """Headings nearby on a topic related to this section's: a known term few of them mention in common.

    A term most of these sections mention (过拟合, 训练集) makes no topic in common. One such term is
    enough among the few siblings an author grouped under one heading; across a long flat note it takes
    two (Sigmoid in both 网络初始化 and 逻辑回归与SVM is chance).
    """
    everyone = list({id(s): s for circle in circles for s in circle if s is not section}.values())
    common = Counter(t for s in everyone for t in section_terms(s, index))
    rare = {t for t, n in common.items() if n <= max(2, len(everyone) // 5)}
    mine = section_terms(section, index) & rare
    grouped = {id(s) for s in circles[0]} if len(circles[0]) <= _GROUPED else set()
    kinds = named_categories(section.title, index)
    return {
        _heading(s.title).clean
        for s in everyone
        # the few questions an author put under one topic heading (图像算法, 分类模型评估方法) are on it
        if (id(s) in grouped and section.level > 1)
        or len(section_terms(s, index) & mine) >= (1 if id(s) in grouped else _RELATED_TERMS)
        or kinds & named_categories(s.title, index)
    }


def _which_one(
    section: Section,
    title: str,
    words: set[str],
    found: _Passage,
    circles: list[list[Section]],
    related: set[str],
    index: TermIndex,
    segmenter: Segmenter,
    maker: Maker,
) -> Iterator[Question]:
    """One passage against headings nearby that share nothing with it or with the right heading,
    so that only one of them can be what the passage answers; at least one on a related topic.

    The label of the item a passage comes from counts as part of it: a heading on MAE is a fair answer
    to "预测值与真实值之差的绝对值的平均" from "MAE：…" too, and is never a wrong option.
    """
    passage, line = found.text, found.line
    context = passage + " " + found.about
    masked = _mask_words(passage, words, segmenter)
    if len(re.sub(r"____|\W", "", masked)) < 16 or masked.count("____") > _MAX_BLANKS:
        return
    if len(_CJK.findall(masked)) < _PASSAGE_CJK:
        return  # "Batch Normalization被提出": too little said to tell headings apart
    if _PART_WORD.search(masked):
        return  # "____器" is 优化器 with only 优化 blanked: the rest of the word points at the heading
    if any(w.isascii() and w.casefold() in masked.casefold() for w in words) or _title_left(title, masked):
        return  # "NoneType" still names None; "K ____算法" still shows the K of "KNN K 近邻"
    blanked = {w for w in words if w.casefold() in passage.casefold()}
    # and their head nouns: a heading on another kind of 插值 fills a blank left by 双线性插值
    blanked |= {w[-2:] for w in blanked if len(w) >= 3 and _CJK.fullmatch(w[-2:][0]) and _CJK.fullmatch(w[-1])}
    asks = _reads_as_question(title)
    passage_terms = {t.name for _, _, t in index.find_in(context) if t.from_glossary}
    clauses = _clause_grams((passage,), segmenter)
    tiers = [
        [
            other
            for s in circle
            if s is not section
            and (heading := _heading(s.title)).usable
            and heading.asks == asks
            and anchored(heading.clean, index, everyday=segmenter.is_everyday)  # not "C/C++中面向对象…"
            and _comparable(title, other := heading.clean)
            and not _mentions(context + title, subject_words(other, index, segmenter, shortest=3))
            and not _mentions(other, blanked)  # "____决定它们的值" is 双线性插值 as much as 插值方法
            and not _overlaps(passage_terms, s, index)
            and not _says_alike(clauses, s, segmenter)
        ]
        for circle in circles
    ]
    rng = maker.rng_for("which:" + section.path_text + ":" + passage)
    # Headings on a related topic are the plausible wrong ones, then headings that share words with the
    # right one, which keep a word the passage still shows (卷积) from pointing at the answer alone.
    affinity = functools.partial(_closeness, related, grams(title) & grams(masked))
    # A related heading from any circle comes before the unrelated ones of a nearer circle.
    close = [h for tier in tiers for h in tier if h in related]
    wrong = pick_distractors(title, [close, *tiers], index, rng, terms=False, affinity=affinity)
    if len(wrong) < 2 or (len(wrong) == 2 and not set(wrong) <= related):
        return  # with two wrong headings, one off-topic heading leaves a coin toss or a giveaway
    kinds = index.kinds_named_in(passage)
    if blanked and kinds and all(any(w in k for k in kinds) for w in blanked) and not passage_terms:
        return  # "深度网络中____的选择…" with only 激活函数 blanked: a kind fits many headings on its members
    if _echoes_answer(title, masked, wrong):
        return  # a word of the right heading left in the passage points at it alone
    if not related.intersection(wrong):
        return  # every wrong heading off-topic: the passage fits only one, a giveaway
    yield maker.mcq(
        Kind.SECTION,
        f"下面这段话回答的是哪个问题？「{masked}」" if asks else f"下面这段话说的是哪一项？「{masked}」",
        title,
        wrong,
        id_parts=(section.path_text, passage, "which"),
        topic=topic_of(section),
        source=source_of(section, line),
        explanation=explanation_of(section),
        difficulty=3,
    )


def _single_term(title: str, index: TermIndex) -> TermInfo | None:
    """The one known term a heading is about (什么是学习率 → 学习率), or None when it names none or several."""
    found = {t.name: t for _, _, t in index.find_in(title) if t.from_glossary}
    return next(iter(found.values())) if len(found) == 1 else None


def _subject_cloze(
    section: Section, passage: str, line: int, term: TermInfo, index: TermIndex, everyday: Callable[[str], bool]
) -> Iterator[Question]:
    """The passage with the heading's term blanked, to be typed back: "____决定每一步沿梯度方向走多远…"."""
    pattern = name_pattern(term.names)
    found = pattern.search(passage) if pattern else None
    if pattern is None or found is None:
        return
    stem = drop_gloss(pattern.sub(BLANK, passage))
    if stem.count(BLANK) != 1 or not fair_blank(stem) or len(re.sub(r"____|\W", "", stem)) < _CLOZE_CONTENT:
        return
    if _LOOSE_CLOZE.search(stem) or not anchored(stem, index, term, everyday):
        return  # typed from memory, the sentence must say what field it is in
    if not DEFINES_BLANK.match(stem):
        return  # only a sentence that says what the term is pins it down ("____利用跳跃连接…" is DenseNet too)
    answers = _fillings(found.group(), term, index)
    yield typed_cloze(section, passage, term.name, stem, explanation_of(section), source_of(section, line), answers)


def _fillings(written: str, term: TermInfo, index: TermIndex) -> tuple[str, ...]:
    """What may fill the blank: the word the notes wrote first, every name of its term, and a known
    term that is that word with a generic suffix ("Inception模块" where the notes wrote "Inception")."""
    generic = re.compile(
        rf"{re.escape(written)}\s*(?:模块|结构|层|网络|算法|方法|模型|module|block|layer)", re.IGNORECASE
    )
    after = [
        n
        for other in index.terms
        if other is not term and other.from_glossary and generic.fullmatch(other.name)
        for n in other.names
    ]
    return tuple(dict.fromkeys((written, *term.names, *after)))


_ALIKE = 0.5
_CLAUSE = re.compile(r"[，,；;。.!！]")


def _says_alike(mine: tuple[frozenset[str], ...], other: Section, segmenter: Segmenter) -> bool:
    """A clause of the other section says much the same as a clause of the passage (``mine``, from
    :func:`_clause_grams`): "ReLU函数也不是以0为中心的" beside sigmoid's "函数输出不是以0为中心的".
    Its heading is a defensible answer too."""
    theirs = _clause_grams(tuple(b.text for b in other.blocks if b.is_prose), segmenter)
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
def _clause_grams(texts: tuple[str, ...], segmenter: Segmenter) -> tuple[frozenset[str], ...]:
    """The content pieces of each clause of a section's prose."""
    found = (_content_grams(clause, segmenter) for text in texts for clause in _CLAUSE.split(text))
    return tuple(g for g in found if len(g) >= 2)


def _content_grams(text: str, segmenter: Segmenter) -> frozenset[str]:
    """The pieces of a text that carry its content: English words and Chinese pairs that are not everyday words."""
    return frozenset(g for g in grams(text) if not segmenter.is_everyday(g))


def _overlaps(passage_terms: set[str], other: Section, index: TermIndex) -> bool:
    """The other section speaks of what the passage speaks of (two of its terms, or its only one): its
    heading could be what the passage answers ("增加数据、数据增强、L2、dropout" fits 解决过拟合的方法 too)."""
    if not passage_terms:
        return False
    theirs = section_terms(other, index)
    shared = len(passage_terms & theirs)
    return shared >= min(2, len(passage_terms))


@dataclass(frozen=True)
class _Heading:
    clean: str
    usable: bool  # fit to stand as an option
    asks: bool


@functools.lru_cache(maxsize=50_000)
def _heading(title: str) -> _Heading:
    """A heading as a possible option: its clean text, whether it can stand as one, whether it asks."""
    clean = clean_heading(title)
    # "Python中 和 的区别" lost its names with the code; catch-alls (总结, 其他) say nothing.
    usable = bool(clean) and not has_residue(clean) and not has_residue(title) and not _CATCH_ALL.match(clean)
    return _Heading(clean, usable, _reads_as_question(clean))


def _title_left(title: str, masked: str) -> bool:
    """An English word or letter of the heading is still in the passage ("K" of "KNN K 近邻"); the
    Chinese left over ("森林" of 随机森林) is caught by the giveaway check of every question."""
    english = {w.casefold() for w in _ENGLISH.findall(title)}
    initials = {w[:2] for w in _ENGLISH.findall(title) if w.isupper()}
    if any(_size(k) in {_size(t) for t in _SIZE.findall(title)} for k in _SIZE.findall(masked)):
        return True  # "1×1 ____核" under "1×1 卷积有什么作用"
    spelled = {"".join(w[0] for w in run.split()) for run in _SPELLED.findall(masked)}
    if spelled & {w for w in _ENGLISH.findall(title) if w.isupper()}:
        return True  # "Expectation Maximization" spells out the heading's EM
    # a misspelt name gives the heading away as well ("sigmod函数" under "sigmoid"), and so does the
    # letter an acronym starts with ("____ 中的 K 值" under "KNN 算法以及流程")
    return any(
        w.casefold() in english
        or (len(w) >= 5 and any(Levenshtein.distance(w.casefold(), e) <= 1 for e in english))
        or (len(w) <= 2 and w.isupper() and any(i.startswith(w) for i in initials))
        for w in _ENGLISH.findall(masked)
    )


_SIZE = re.compile(r"\d+\s*[×xX*]\s*\d+")
#: Two or more capitalised English words in a row, whose initials may spell an acronym.
_SPELLED = re.compile(r"[A-Z][a-z]+(?:[\s\-]+[A-Z][a-z]+)+")


def _size(text: str) -> str:
    return re.sub(r"\s*[×xX*]\s*", "x", text)


def _echoes_answer(title: str, masked: str, wrong: list[str]) -> bool:
    """Two Chinese pairs of the right heading left in the passage that no wrong heading has
    ("传统的目标____算法" beside 传统目标检测方法): they point at it alone."""
    others = set().union(*(grams(w) for w in wrong))
    return len((cjk_bigrams(title) & cjk_bigrams(masked)) - others - _QUESTION_PAIRS) >= 2


def _closeness(related: set[str], shared: set[str], option: str) -> int:
    return (100 if option in related else 0) + len(grams(option) & shared)


def _comparable(title: str, other: str) -> bool:
    """Headings of comparable length (short names always are), so that length gives nothing away."""
    if max(len(title), len(other)) <= 12:
        return True
    return len(other) <= min(40, 1.5 * len(title) + 4) and len(title) <= 1.5 * len(other) + 4


def _reads_as_question(title: str) -> bool:
    return bool(_ASKS.search(title.strip()))


def _stem(section: Section) -> str:
    title = section.title.strip()
    if title.endswith(("?", "？")):
        return title
    return title + "？" if _reads_as_question(title) else f"简述「{title}」的要点。"


#: A question that asks for the members of a set ("有哪些", "哪几种", "列举", "常用的…").
_ASKS_FOR_MEMBERS = re.compile(r"哪些|哪几|几种|列举|常用的|常见的|有什么方法|方法有|方式有")
#: A plain heading that names a set of things (缺失值处理, 文本增强技术, 边缘检测算子, 优化方法), whose
#: items can be asked for; "传统的目标检测" lists steps, not members.
_COLLECTIVE = re.compile(r"(?:方法|技术|算子|策略|方式|手段|处理|类型|种类|算法|模型|网络|函数|指标|技巧|操作)$")


def _open_question(section: Section, index: TermIndex, segmenter: Segmenter) -> Iterator[Question]:
    """An open question graded by the section's key points, when it has at least three.

    A question-like heading is asked as written; a plain heading over a list of named items
    (缺失值处理: 填充均值, 填充中位数, …) asks for those items.
    """
    title = section.title.strip()
    if has_residue(title) or _COMPARES.search(title) or _CATCH_ALL.match(title) or len(title) < 3:
        return
    if title.startswith(LEANING_TITLES):
        return  # "还有哪些经典网络结构？": others than what the reader does not see
    asks = section.is_question and _reads_as_question(title)
    if asks and re.search(r"[?？].|[，,].{4,}", title.strip()):
        return  # "有哪些？分别适用于什么场景？", "有哪些方式，公式是什么": the key grades only the first question
    if asks and not _ASKS_FOR_MEMBERS.search(title):
        return  # names graded only where names are asked for: "什么是数据泄露" or "优缺点" wants an explanation
    points, missed = _points(section, index, segmenter)
    if missed:
        return  # a key that leaves out a listed item would fail replies that give it
    named = sum(1 for b in section.blocks if b.term and not is_generic(b.term))
    if len(points) < 3 or (not asks and (named < 3 or not _COLLECTIVE.search(title))):
        return
    # Two of up to five: a reply names the members it knows best, which need not be the notes' names
    # for them ("SGD" for 小批量随机梯度下降). Two as well where some points are only the notes' own
    # wording ("填充上下条的数据"), which a good reply rarely matches.
    plain = sum(1 for p in points if not any(index.known(n) for n in p))
    if plain * 3 > len(points):
        return  # "速度", "预训练初始化": a key of the notes' own words fails most right replies
    need = 2 if len(points) <= 5 or plain else 3
    yield Question(
        id=question_id(Kind.SECTION, Format.OPEN, section.path_text),
        kind=Kind.SECTION,
        format=Format.OPEN,
        topic=topic_of(section),
        difficulty=4,
        stem=_stem(section) if asks else f"「{clean_heading(title)}」包括哪些？请至少答出 {need} 项。",
        explanation=explanation_of(section),
        source=source_of(section),
        points=tuple(points),
        min_points=need,
    )


def section_questions(
    section: Section,
    siblings: list[Section],
    cousins: list[Section],
    kin: list[Section],
    index: TermIndex,
    segmenter: Segmenter,
    maker: Maker,
) -> Iterator[Question]:
    """An open question and multiple-choice questions that match the section's passages to its heading.

    The section's bold summary against its siblings' (the issue's first idea for a multiple-choice
    section question) is not asked: in review the summary either named the heading's subject, which
    gives it away among summaries of other subjects, or did not answer the heading at all
    (「高频和低频信息分别指什么」 → 「高斯模糊是最常用的低通滤波器…」).
    """
    yield from _open_question(section, index, segmenter)
    yield from _which_question(section, [siblings, cousins, kin], index, segmenter, maker)
