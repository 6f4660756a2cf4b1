"""Definition questions, both ways, from sibling ``term：definition`` items."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizcore.generation.common import Maker, pick_distractors, question_id, source_of, topic_of
from quizcore.generation.terms import TermIndex, TermInfo, anchored, is_generic, split_term
from quizcore.generation.text import (
    CLAUSE_WORD,
    clause_cut,
    grams,
    has_residue,
    name_pattern,
    norm_key,
    points_back,
    sentences,
)
from quizcore.knowledge import Block, BlockKind, Section
from quizcore.questions import Format, Kind, Question

__all__ = ["definition_questions"]

_DEF_LIMIT = 70
_OPTION_LIMIT = 60
#: "通用模型调试技巧" (a link's title after 深度学习 - ) is a label, not a definition.
_SHORTEST = 10
_SHORT_SHORTEST = 16
_LABELLED = re.compile(r"(^|[。.；;，,\s])[A-Za-z\u4e00-\u9fff][\w\- ]{1,12}(?:[(（][^)）]{0,30}[)）])?\s*[：:]")
#: 它 glued into a word ("其他的它方法"): a name was cut out of a longer word.
_BROKEN_MASK = re.compile(
    r"它(?![的是在会可能将把被对与和中们也就都，。、；：,.;:\s]|$)|它\.[A-Za-z]"  # "它.imread"
    r"|的它"  # "语义相近的它也相近": the term used as a plain noun
)
_SUFFIXES = ("模型", "算法", "方法", "初始化", "函数", "网络", "层")


#: A description of where a term is used ("分类任务，用于…", "适用于…"), not of what it is.
_USE_CASE = re.compile(r"^(?:[^，,。]{0,6}任务[，,：:]|用于|适用于|常用于|适合|多用于)")


def _kind_said(description: str, names: tuple[str, ...]) -> str:
    """The kind of thing a description ends by saying the term is (…的曲线, …的函数), when the term's
    own names say it too (ROC曲线); else ""."""
    found = re.search(r"的([\u4e00-\u9fff]{2})$", description)
    kind = found.group(1) if found else ""
    return kind if kind and any(n.endswith(kind) for n in names) else ""


def _is_kind(name: str, kind: str, index: TermIndex) -> bool:
    term = index.known(name)
    return any(n.endswith(kind) for n in (term.names if term else (name,)))


def _bare_forms(names: tuple[str, ...]) -> tuple[str, ...]:
    """ "CBOW 模型" is also answered "CBOW": each name without a generic suffix."""
    bare = []
    for name in names:
        for suffix in _SUFFIXES:
            core = name[: -len(suffix)].strip() if name.endswith(suffix) else ""
            if len(norm_key(core)) >= 2:
                bare.append(core)
    return tuple(bare)


def _named_in(term: str, text: str) -> bool:
    """The text names the term: English names as whole words (PR is not named by "FPR")."""
    if term.isascii():
        pattern = name_pattern((term,))
        return bool(pattern and pattern.search(text))
    return norm_key(term) in norm_key(text)


def _any_named_in(name: str, text: str, index: TermIndex) -> bool:
    """The text names the term by any of its names ("常说的 SGD" names 随机梯度下降)."""
    term = index.known(name)
    return any(_named_in(n, text) for n in (term.names if term else (name,)) if len(norm_key(n)) >= 2)


def _other_kind(name: str, answer: TermInfo | None, index: TermIndex) -> bool:
    """``name`` is a known term of another glossary category than the answer's."""
    term = index.known(name)
    return answer is not None and term is not None and term.category != answer.category


def _echoes_term(term: str, correct: str, wrong: list[str]) -> bool:
    """The right description shares more of the term's words than any wrong one ("平均绝对误差" and
    "差的绝对值的平均" share 平均 and 绝对; "对均方误差开平方" only 误差), or a number of its name
    ("截断在 6" for ReLU6): it is picked by its words."""
    numbers = set(re.findall(r"\d+", term))
    if numbers & set(re.findall(r"\d+", correct)) and not any(numbers & set(re.findall(r"\d+", w)) for w in wrong):
        return True
    words = grams(term)
    mine = len(words & grams(correct))
    return mine > 0 and mine > max((len(words & grams(w)) for w in wrong), default=0)


def _word_overlap(a: str, b: str) -> bool:
    """The two texts share a content word (two or more characters of a Chinese run, or an English word),
    or a number of ``a``'s name ("截断在 6" shares 6 with ReLU6)."""
    folded = b.casefold()
    return any(g in folded for g in grams(a)) or bool(set(re.findall(r"\d+", a)) & set(re.findall(r"\d+", b)))


_SEPARATORS = re.compile(r"[，,、；;]")


def _is_enumeration(text: str) -> bool:
    """ "早停，L1，L2，dropout，数据增强": a list of remedies, not a definition of the term."""
    parts = [p for p in _SEPARATORS.split(text) if p.strip()]
    if len(parts) < 3 or any(len(p.strip()) > 20 for p in parts):
        return False
    return sum(1 for p in parts if CLAUSE_WORD.search(p)) * 2 < len(parts)  # "不取整，用…，再做池化" are clauses


def _gives_away(term: str, option: str) -> bool:
    """The option repeats a word of the term (``GAN`` for 「GAN对抗生成网络」): the answer is obvious."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9\-]+", term)
    return any(re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![A-Za-z])", option, re.IGNORECASE) for w in words)


#: A description that goes on from what came before ("同理，…", "这本质上是…"): it is not the item's own.
_GOES_ON = re.compile(r"^(?:同理|这|那|其|该|此|而|但|所以|因此|因而|于是|也|还|另外|此外|然后)")
#: A definition cut here says nothing yet (its formula or example was dropped).
_DANGLING = ("的", "即", "为", "是", "如下", "：", ":", "如", "有")


@dataclass(frozen=True)
class _Item:
    term: str
    aliases: tuple[str, ...]
    definition: str
    block: Block
    by_sentence: bool = False  # defined by a sentence of prose, not an item of the author's list


#: "感受野是…", "AUC指的是…", "Dropout的作用是…": a sentence that says what a known term is.
_DEFINES = re.compile(r"^\s*(?:的作用)?\s*(?:是指|指的是|指|就是|是|表示)\s*")
#: Only the kind of thing ("是一种常用的加权技术", "NLP中一项基础性任务") or only a purpose ("为了防止
#: 过拟合而提出的策略"), or only one property ("无监督的"): other members of the kind fit as well.
_TOO_BROAD = re.compile(
    r"^[^，,；;]{0,8}(?:一种|一类|一个|一项)[^，,；;]*$|^(?:为了|用于|用来)|^(?:有|无|半)监督|"
    r"^最(?:常用|常见|流行|重要|简单|基本|有名|著名)"  # "最常用的低通滤波器": a ranking, not what it is
)
_SENTENCE_SHORTEST = 14
#: Where the sentence turns to the other thing compared ("，而 LDA 是…").
_TURN = re.compile(r"[，,；;]\s*(?:而|但|然而)")
_SENTENCE_DEPTH = -1
_ONLY_ANOTHER_NAME = re.compile(r"^(?:又称|也称|也叫|又叫|简称|或称|即)[^，,。；;]{1,20}$")


def _defining_sentences(section: Section, index: TermIndex) -> list[_Item]:
    """Sentences of the section's prose that open with a known term and say what it is."""
    found: list[_Item] = []
    for block in section.blocks:
        if not block.is_prose or block.is_link or block.term:
            continue
        for sentence in sentences(block.text):
            mentions = index.find_in(sentence)
            if not mentions or mentions[0][0] != 0 or not mentions[0][2].from_glossary:
                continue
            _, end, term = mentions[0]
            defines = _DEFINES.match(sentence[end:])
            if defines is None or defines.end() == 0:
                continue
            definition = clause_cut(_TURN.split(sentence[end + defines.end() :])[0], _DEF_LIMIT)
            if len(definition) < _SENTENCE_SHORTEST or _TOO_BROAD.search(definition) or definition.endswith(_DANGLING):
                continue
            if has_residue(definition) or _is_enumeration(definition) or _LABELLED.search(definition):
                continue
            if all(norm_key(f.term) != norm_key(sentence[:end]) for f in found):
                found.append(_Item(sentence[:end].strip(), term.names, definition, block, by_sentence=True))
    return found


def _items(section: Section, index: TermIndex) -> list[list[_Item]]:
    """Sibling groups: definition items of the same depth within the section, and the sentences that
    define a known term."""
    groups: dict[int, list[_Item]] = {}
    if sentence_items := _defining_sentences(section, index):
        groups[_SENTENCE_DEPTH] = sentence_items
    for block in section.blocks:
        if not block.term or not block.definition or is_generic(block.term):
            continue
        term, aliases = split_term(block.term)
        first = sentences(block.definition)
        # One sentence is one fact; a second sentence often talks about a sibling.
        definition = clause_cut(first[0] if first and len(first[0]) >= 8 else block.definition, _DEF_LIMIT)
        if len(definition) < _SHORTEST or has_residue(definition) or has_residue(term) or len(term) > 24:
            continue
        if definition.endswith(_DANGLING) or _is_enumeration(definition) or _LABELLED.search(definition):
            continue
        if _ONLY_ANOTHER_NAME.match(definition) or points_back(definition) or _GOES_ON.match(definition):
            continue  # "又称Huber损失" gives a name, not a meaning; "比上一个深", "同理，…" need the item before
        groups.setdefault(block.depth, []).append(_Item(term, aliases, definition, block))
    return [g for g in groups.values() if g]


_ALIAS_CLAUSE = re.compile(r"[，,；;]?\s*(?:又称|也称|也叫|又叫|简称|称为|或称|即)\s*它[^，,。；;]*")


def _mask(definition: str, names: tuple[str, ...]) -> str:
    """The definition without the term's own names, so the stem never holds the answer.

    A clause that only gives another name ("又称 MAE") goes; a name used in the sentence becomes 它.
    """
    pattern = name_pattern(names)
    if pattern is None:
        return definition
    return _ALIAS_CLAUSE.sub("", pattern.sub("它", definition)).strip(" ，,；;")


def _listed_names(section: Section, index: TermIndex) -> list[str]:
    """Plain items of the section's lists that are known terms (交叉验证, 留一法 beside 自助法：…)."""
    names = (b.text.strip().rstrip("。.") for b in section.blocks if b.kind is BlockKind.LIST_ITEM and not b.term)
    return [n for n in names if index.known(n) is not None]


def definition_questions(
    section: Section,
    index: TermIndex,
    maker: Maker,
    nearby: frozenset[str] = frozenset(),
    everyday: Callable[[str], bool] | None = None,
) -> Iterator[Question]:
    """Questions from one section's ``term：definition`` items and the sentences that define a known term.

    Args:
        section: where the definitions stand.
        index: the known terms, for names, aliases and wrong options.
        maker: seeded construction.
        nearby: names of the known terms the same note mentions; wrong options of the same category come
            from them first (PR曲线 beside ROC, not 结构相似性).
        everyday: tells everyday Chinese words, which say nothing of the field a description is in.
    """
    listed = _listed_names(section, index)
    for group in _items(section, index):
        terms = [g.term for g in group] + listed
        # "哪个术语符合这个描述" needs terms: a list of the notes' own labels (性能/扩展性/安全性,
        # 低错误率/高定位性/最小响应) is a list of aspects, and its options are not terms.
        glossary_items = sum(1 for g in group if index.known(g.term) is not None)
        if glossary_items < min(2, len(group)):
            continue
        for item in group:
            glossary = index.known(item.term)
            names = tuple(dict.fromkeys((item.term, *item.aliases, *(glossary.names if glossary else ()))))
            names = tuple(dict.fromkeys((*names, *_bare_forms(names))))
            stem_def = _mask(item.definition, names)
            if len(stem_def.replace("它", "")) < 8 or stem_def.count("它") > 1 or _BROKEN_MASK.search(stem_def):
                continue
            if any(norm_key(n) in norm_key(stem_def) for n in names if len(norm_key(n)) >= 2):
                continue
            explanation = f"{item.term}：{item.block.definition}"
            source = source_of(section, item.block.line)
            # terms defined by sentences of one section are siblings by chance: one known to be another kind
            # of thing (随机森林 beside a filter) is picked out by kind alone (an author's list is kept whole)
            siblings = [
                t for t in terms if t != item.term and not (item.by_sentence and _other_kind(t, glossary, index))
            ]
            peers = [t.name for t in index.category_peers(glossary)] if glossary else []
            near = [t for t in peers if t in nearby]
            # …搜索 of another kind (束搜索 beside 学习率搜索) is picked out by kind: the head noun's peers
            # only of the answer's category, or of its listed siblings' when it is the notes' own label
            kinds = {glossary.category} if glossary else {t.category for s in siblings if (t := index.known(s))}
            heads = [t.name for t in index.head_noun_peers(item.term) if t.category in kinds]
            rng = maker.rng_for("def-term:" + item.term + item.definition)
            tiers = [
                [t for t in tier if not _any_named_in(t, stem_def, index)] for tier in (siblings, near, heads, peers)
            ]
            kind = _kind_said(stem_def, names)
            shown = item.term
            if kind:
                shown = item.term if item.term.endswith(kind) else next(n for n in names if n.endswith(kind))
                # "…为横纵坐标的曲线" says the answer is a curve: wrong options are curves too (PR曲线),
                # never cells of the confusion matrix beside it
                same = [p.name for n in names for p in index.head_noun_peers(n)]
                tiers = [[t for t in tier if _is_kind(t, kind, index)] for tier in (*tiers, same)]
            wrong = pick_distractors(shown, tiers, index, rng)
            trivial = _word_overlap(item.term, stem_def) and not any(_word_overlap(w, stem_def) for w in wrong)
            if len(wrong) >= 2 and not trivial:
                yield maker.mcq(
                    Kind.DEFINITION,
                    f"哪个术语符合这个描述：「{stem_def}」？",
                    shown,  # ROC曲线 among curves, where the notes' label says ROC
                    wrong,
                    id_parts=(section.path_text, item.term, item.definition, "term"),
                    topic=topic_of(section),
                    source=source,
                    explanation=explanation,
                    difficulty=2 if len(wrong) < 3 else 3 if siblings else 2,
                )
            if item.block.term is None:
                continue  # a sentence of prose: its siblings are not a set of definitions, nor is it sure
                # to be the only thing a reader could write for it
            # Whole definitions only: an option cut mid-clause ("一幅图像通过 selective search 的方法") reads as broken.
            others = [g.definition for g in group if g is not item and len(g.definition) <= _OPTION_LIMIT]
            if glossary is not None and len(others) >= 2 and len(item.definition) <= _OPTION_LIMIT:
                # only a known term: the notes' own labels ("主要用途" of a table) name no concept
                correct = item.definition
                rng = maker.rng_for("def-meaning:" + item.term + item.definition)
                wrong = pick_distractors(correct, [others], index, rng, terms=False)
                if (
                    len(wrong) >= 2
                    and all(norm_key(item.term) not in norm_key(w) for w in [correct, *wrong])
                    and not _gives_away(item.term, correct)
                    and not _echoes_term(item.term, correct, wrong)
                ):
                    # The notes' own label (区域选择, 低错误率) means something only under its heading.
                    where = "" if glossary else f"在「{section.title.strip()}」中，"
                    yield maker.mcq(
                        Kind.DEFINITION,
                        f"{where}「{item.term}」指的是哪一项？",
                        correct,
                        wrong,
                        id_parts=(section.path_text, item.term, item.definition, "meaning"),
                        topic=topic_of(section),
                        source=source,
                        explanation=explanation,
                        difficulty=2,
                    )
            if glossary is None:
                continue  # the notes' own label, not a known term: fine as an option, unfair to type from memory
            if any(len(n) >= 4 and not n.isascii() and n[:-1] in stem_def for n in names):
                continue  # "…最近的支持向量…" all but names 支持向量机
            if _USE_CASE.match(stem_def):
                continue  # "分类任务，用于 SVM 等…" says where the term is used, not what it is: "SVM" is a fair reply
            if len(stem_def) < _SHORT_SHORTEST or not anchored(stem_def, index, glossary, everyday):
                # "是两个随机分布间距离的度量" fits JS divergence too; "输出节点统一输出数据，信号一致性好"
                # does not even say it is about cameras: too little to type one term from
                continue
            yield Question(
                id=question_id(Kind.DEFINITION, Format.SHORT, section.path_text, item.term, item.definition),
                kind=Kind.DEFINITION,
                format=Format.SHORT,
                topic=topic_of(section),
                difficulty=3,
                stem=f"写出这个术语：{stem_def}",
                explanation=explanation,
                source=source,
                answers=names,
            )
