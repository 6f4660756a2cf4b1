"""Open questions: a heading that asks for members (有哪些…), graded by the key points its items name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from quizcore.generation.asking import ASKING_PREFIXES, CATCH_ALL, COMPARES, reads_as_question
from quizcore.generation.common import explanation_of, question_id, source_of, topic_of
from quizcore.generation.segment import Segmenter
from quizcore.generation.terms import TermIndex, TermInfo, is_generic, split_term
from quizcore.generation.text import LEANING_TITLES, PUNCTUATION, clean_heading, has_residue, norm_key, tidy
from quizcore.knowledge import BlockKind, Section
from quizcore.questions import Format, Kind, Question

__all__ = ["open_questions"]


#: A list longer than this is not asked: a key that leaves members out fails replies that give them.
_MAX_POINTS = 10


def _contained(name: str, index: TermIndex, itself: TermInfo | None) -> tuple[str, ...]:
    """Names of other known terms inside a point's name, which a reply may give for it: "SGD" for
    小批量随机梯度下降, "GAN" for GAN对抗生成网络 (never a short Chinese word like 均值, nor another
    term of the point's own kind: 监督学习 is not 半监督学习)."""
    whole = name.casefold()
    found: list[str] = []
    for found_name, term in index.inside(name):
        if term is itself or not term.from_glossary or found_name == whole:
            continue
        if itself is not None and term.category == itself.category:
            continue  # 监督学习 inside 半监督学习 is another member of the kind, not this one's short name
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
                if n and not has_residue(n) and not PUNCTUATION.search(n) and len(n) <= (40 if n.isascii() else 16)
            )
        )
        if not names:
            missed += 1
            return
        key = norm_key(names[0])
        if key in seen or len(points) >= _MAX_POINTS:
            missed += 1  # "SGD + Momentum" read as SGD again: the key would leave the item out
        elif key:
            seen.add(key)
            points.append(names)

    for block in section.blocks:
        # Top-level list items, and paragraphs that open with a term (「局部连接：…」) are the points.
        listed = block.kind is BlockKind.LIST_ITEM and block.depth == 0
        if not listed and not (block.kind is BlockKind.PARAGRAPH and block.term):
            continue
        text = block.text.rstrip("。 ")
        if text.endswith(("？", "?")) or text.startswith(ASKING_PREFIXES):
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
        elif (glossed := _GLOSS.match(text)) and (gloss := index.known(glossed.group(2))) is not None:
            # "SGD + Momentum（动量法）": the known term in brackets says which member the item is
            add((*gloss.names, glossed.group(1).strip()))
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

    def keep(point: tuple[str, ...]) -> tuple[str, ...]:
        term = index.lookup(point[0])
        own = {norm_key(n) for n in (point[0], *(term.names if term else ()))}
        return tuple(n for n in point if counts[norm_key(n)] == 1 or norm_key(n) in own)

    points = [keep(p) for p in points]
    return _with_bare_names(points, segmenter), missed


_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]+$")


def _with_bare_names(points: list[tuple[str, ...]], segmenter: Segmenter) -> list[tuple[str, ...]]:
    """Each point also answered by what sets it apart, where every point's Chinese label shares one
    affix: "高斯、椒盐、泊松" names 高斯噪声, 椒盐噪声 and 泊松噪声; "均值、中位数" names 填充均值 and 中位数填充.

    Not where a part left is a word of any reply (模型 of 模型并行, 数据 of 数据并行): it would score
    the point for nothing.
    """
    labels = [p[0] for p in points]
    if len(labels) < 2 or not all(_CJK_NAME.match(label) for label in labels):
        return points
    shortest = min(labels, key=len)
    affixes = [shortest[i:j] for i in range(len(shortest)) for j in range(i + 2, len(shortest) + 1)]
    shared = [a for a in affixes if all(label.startswith(a) or label.endswith(a) for label in labels)]
    if not shared:
        return points
    affix = max(shared, key=len)
    bare = [p[0].removeprefix(affix) if p[0].startswith(affix) else p[0].removesuffix(affix) for p in points]
    if any(len(b) < 2 or is_generic(b) or segmenter.is_everyday(b) for b in bare) or len(set(bare)) < len(bare):
        return points
    return [(*p, b) if b not in p else p for p, b in zip(points, bare, strict=True)]


_GLOSS = re.compile(r"^([^（(]{1,30})[（(]([^）)]{1,30})[）)]\s*$")
_TWO_NAMES = re.compile(r"^\s*([^和与、/]+?)\s*(?:和|与|、|/)\s*([^和与、/]+?)\s*$")


def _stem(section: Section) -> str:
    title = section.title.strip()
    if title.endswith(("?", "？")):
        return title
    return title + "？" if reads_as_question(title) else f"简述「{title}」的要点。"


#: A question that asks for the members of a set ("有哪些", "哪几种", "列举", "常用的…").
_ASKS_FOR_MEMBERS = re.compile(r"哪些|哪几|几种|列举|常用的|常见的|有什么方法|方法有|方式有")


#: A plain heading that names a set of things (缺失值处理, 文本增强技术, 边缘检测算子, 优化方法), whose
#: items can be asked for; "传统的目标检测" lists steps, not members.
_COLLECTIVE = re.compile(r"(?:方法|技术|算子|策略|方式|手段|处理|类型|种类|算法|模型|网络|函数|指标|技巧|操作)$")


def open_questions(section: Section, index: TermIndex, segmenter: Segmenter) -> Iterator[Question]:
    """An open question graded by the section's key points, when it has at least three.

    A question-like heading is asked as written; a plain heading over a list of named items
    (缺失值处理: 填充均值, 填充中位数, …) asks for those items.
    """
    title = section.title.strip()
    if has_residue(title) or COMPARES.search(title) or CATCH_ALL.match(title) or len(title) < 3:
        return
    if title.startswith(LEANING_TITLES):
        return  # "还有哪些经典网络结构？": others than what the reader does not see
    asks = section.is_question and reads_as_question(title)
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
