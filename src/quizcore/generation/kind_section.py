"""Section questions: match a passage, its subject blanked, to the heading it answers, against wrong
headings on related topics; and the open question of a heading that asks for members."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizcore.generation.asking import CATCH_ALL, QUESTION_WORDS, reads_as_question
from quizcore.generation.common import Maker, explanation_of, pick_distractors, source_of, topic_of
from quizcore.generation.kind_cloze import BLANK, DEFINES_BLANK, drop_gloss, fair_blank, typed_cloze
from quizcore.generation.kind_open import open_questions
from quizcore.generation.passages import Passage, mask_words, mentions, passages
from quizcore.generation.rivals import clause_grams, echoes_answer, overlaps, says_alike, title_left
from quizcore.generation.segment import Segmenter
from quizcore.generation.terms import TermIndex, TermInfo, anchored, known_names, named_categories, section_terms
from quizcore.generation.text import clean_heading, grams, has_residue, name_pattern
from quizcore.knowledge import Section
from quizcore.questions import Kind, Question

__all__ = ["section_questions", "subject_words"]


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
        if len(w) >= shortest and w not in QUESTION_WORDS and not w.isascii() and not segmenter.is_everyday(w)
    }
    return frozenset(words)


_MAX_BLANKS = 3
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
_PASSAGE_CJK = 10
_RELATED_TERMS = 2
_GROUPED = 12

#: A blank that took only the head of a word: what is left ("____器", "____率") completes it.
_PART_WORD = re.compile(r"____[器率性量法化层值度]|[^\s，。、；：,.;:（(]____平台")


#: A passage typed back from memory needs more to go on than one matched against headings.
_CLOZE_CONTENT = 20


#: Where a blank has more than one fair filling: a question or a supposition around it ("我们完全不知道
#: 什么是最好的模型____", "如果…"), or a time or place relative to it ("____之后经过激励层").
_LOOSE_CLOZE = re.compile(
    r"什么|怎么|如何|为什么|是否|[吗呢]|^如果|^假如|____\s*(?:之后|之前|的时候|时候|中|里)|"
    r"____\s*(?:是|为|属于)\S{0,12}(?:的一种|之一)"  # "____是词嵌入的一种": any member fills it
)


#: Why a section's which-heading question was not asked, from the first step to the last: what a note
#: writer can change (``quizbot bank --stats`` counts sections by the furthest step they reached).
MISSES = (
    "heading too long, or a catch-all (总结, 其他), to be an option",
    "heading names nothing of the field (no known term or field word)",
    "no sentence stands alone (it leans on the one before, is a formula or a list of names, or is too long)",
    "with the heading's words blanked, the passage says too little or still gives the heading away",
    "no other heading in the notes is on a related topic, to be a plausible wrong option",
)


def _which_question(
    section: Section,
    circles: list[list[Section]],
    index: TermIndex,
    segmenter: Segmenter,
    maker: Maker,
    misses: list[str],
    headed: frozenset[str] = frozenset(),
) -> Iterator[Question]:
    """Match passages to the question they answer, every word of the heading's subject blanked out;
    and, when the heading is about one known term, type that term back into the passage.

    ``headed`` holds the known terms some heading of the notes names: a passage describing an item
    labelled with one ("过拟合：增加数据、数据增强…" under 参数调整的方法论) answers that heading too.
    """
    title = clean_heading(section.title)
    if len(title) > 40 or CATCH_ALL.match(title):
        misses.append(MISSES[0])
        return
    words = subject_words(title, index, segmenter)
    subject = _single_term(title, index)
    # What does not depend on the passage is worked out once for the section.
    on_topic = anchored(title, index, everyday=segmenter.is_everyday)  # not "如何分辨demo业务…"
    related = _related_headings(section, circles, index) if on_topic else set()
    member = _is_member(section, circles[0], index)
    # A member's wrong options are the other members (VGG, not "Resnet 的缺点" from elsewhere).
    options_from = circles[:1] if member else circles
    found = passages(section, words, index)
    if not on_topic or not found:
        misses.append(MISSES[1] if not on_topic else MISSES[2])
    others = [s.title for s in circles[0] if s is not section] if member else []
    own = known_names(section.title, index)
    for passage in found:
        if passage.about and known_names(passage.about, index) & (headed - own):
            continue  # the notes have a heading on the item this passage describes
        if any(_set_against(passage.text, other, index) for other in others):
            continue  # "AlexNet和____的改进是…": said of one member against another, it may fit a third
        if on_topic:
            yield from _which_one(
                section, title, words, passage, options_from, related, index, segmenter, maker, misses
            )
        if subject is not None:  # after the multiple-choice one: near-duplicates keep the first
            yield from _subject_cloze(section, passage.text, passage.line, subject, index, segmenter.is_everyday)


_MEMBER_TITLE = 24
_AGAINST = "(?:和|与|跟|相比|相对于|比)"


def _set_against(passage: str, title: str, index: TermIndex) -> bool:
    """The passage sets the section's subject against the member ``title`` names ("AlexNet和____的改进",
    "比 VGG 更深")."""
    for _, _, term in index.find_in(title):
        pattern = name_pattern(term.names)
        for found in pattern.finditer(passage) if pattern else ():
            before, after = passage[: found.start()].rstrip(), passage[found.end() :].lstrip()
            if re.match(_AGAINST, after) or re.search(_AGAINST + "$", before):
                return True
    return False


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
    found: Passage,
    circles: list[list[Section]],
    related: set[str],
    index: TermIndex,
    segmenter: Segmenter,
    maker: Maker,
    misses: list[str],
) -> Iterator[Question]:
    """One passage against headings nearby that share nothing with it or with the right heading,
    so that only one of them can be what the passage answers; at least one on a related topic.

    The label of the item a passage comes from counts as part of it: a heading on MAE is a fair answer
    to "预测值与真实值之差的绝对值的平均" from "MAE：…" too, and is never a wrong option.
    """
    passage, line = found.text, found.line
    context = passage + " " + found.about
    masked = mask_words(passage, words, segmenter)
    if len(re.sub(r"____|\W", "", masked)) < 16 or masked.count("____") > _MAX_BLANKS:
        misses.append(MISSES[3])
        return
    if len(_CJK.findall(masked)) < _PASSAGE_CJK:
        misses.append(MISSES[3])
        return  # "Batch Normalization被提出": too little said to tell headings apart
    if _PART_WORD.search(masked):
        misses.append(MISSES[3])
        return  # "____器" is 优化器 with only 优化 blanked: the rest of the word points at the heading
    if _completes_heading_word(passage, masked, words, title):
        misses.append(MISSES[3])
        return  # "数据____" under "数据增强方法有哪些": what is left beside the blank completes the heading's word
    if any(w.isascii() and w.casefold() in masked.casefold() for w in words) or title_left(title, masked):
        misses.append(MISSES[3])
        return  # "NoneType" still names None; "K ____算法" still shows the K of "KNN K 近邻"
    blanked = {w for w in words if w.casefold() in passage.casefold()}
    # and their head nouns: a heading on another kind of 插值 fills a blank left by 双线性插值
    blanked |= {w[-2:] for w in blanked if len(w) >= 3 and _CJK_PAIR.fullmatch(w[-2:])}
    asks = reads_as_question(title)
    passage_terms = known_names(context, index)
    kinds = index.kinds_named_in(passage)
    if blanked and kinds and all(any(w in k for k in kinds) for w in blanked) and not passage_terms:
        misses.append(MISSES[3])
        return  # "深度网络中____的选择…" with only 激活函数 blanked: a kind fits many headings on its members
    clauses = clause_grams((passage,), segmenter)
    tiers = [
        [
            other
            for s in circle
            if s is not section
            and (heading := _heading(s.title)).usable
            and heading.asks == asks
            and anchored(heading.clean, index, everyday=segmenter.is_everyday)  # not "C/C++中面向对象…"
            and _comparable(title, other := heading.clean)
            and not mentions(context + title, subject_words(other, index, segmenter, shortest=3))
            and not mentions(other, blanked)  # "____决定它们的值" is 双线性插值 as much as 插值方法
            and not overlaps(passage_terms, s, index)
            and not says_alike(clauses, s, segmenter)
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
        misses.append(MISSES[4])
        return  # with two wrong headings, one off-topic heading leaves a coin toss or a giveaway
    if echoes_answer(title, masked, wrong):
        misses.append(MISSES[3])
        return  # a word of the right heading left in the passage points at it alone
    if not related.intersection(wrong):
        misses.append(MISSES[4])
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


def _completes_heading_word(passage: str, masked: str, words: set[str], title: str) -> bool:
    """A word left beside a blank, with the word blanked there, spells a longer word of the heading
    ("数据____" where 增强 was blanked out of 数据增强, under "数据增强方法有哪些"). Only a whole word of
    two or three characters counts (数据, 训练), not one (多, 时)."""
    for word in words:
        for found in re.finditer(re.escape(word), passage):
            for k in (2, 3):
                left = passage[max(0, found.start() - k) : found.start()]
                right = passage[found.end() : found.end() + k]
                beside = [(left, left + word, left + "____"), (right, word + right, "____" + right)]
                for part, whole, shown in beside:
                    if len(_CJK.findall(part)) == k and whole in title and shown in masked:
                        return True
    return False


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
    usable = bool(clean) and not has_residue(clean) and not has_residue(title) and not CATCH_ALL.match(clean)
    return _Heading(clean, usable, reads_as_question(clean))


def _closeness(related: set[str], shared: set[str], option: str) -> int:
    return (100 if option in related else 0) + len(grams(option) & shared)


def _comparable(title: str, other: str) -> bool:
    """Headings of comparable length (short names always are), so that length gives nothing away."""
    if max(len(title), len(other)) <= 12:
        return True
    return len(other) <= min(40, 1.5 * len(title) + 4) and len(title) <= 1.5 * len(other) + 4


def section_questions(
    section: Section,
    siblings: list[Section],
    cousins: list[Section],
    kin: list[Section],
    index: TermIndex,
    segmenter: Segmenter,
    maker: Maker,
    misses: list[str],
    headed: frozenset[str] = frozenset(),
) -> Iterator[Question]:
    """An open question and multiple-choice questions that match the section's passages to its heading.

    The section's bold summary against its siblings' (the issue's first idea for a multiple-choice
    section question) is not asked: in review the summary either named the heading's subject, which
    gives it away among summaries of other subjects, or did not answer the heading at all
    (「高频和低频信息分别指什么」 → 「高斯模糊是最常用的低通滤波器…」).

    Why the which-heading question was not asked is added to ``misses`` (one of :data:`MISSES`).
    """
    yield from open_questions(section, index, segmenter)
    yield from _which_question(section, [siblings, cousins, kin], index, segmenter, maker, misses, headed)
