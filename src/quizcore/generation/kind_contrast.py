"""Contrast questions: under a heading that compares two things (卷积层和池化层的区别), a clause the
notes say of one of them, that one blanked, and the choice between the two (or both)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizcore.generation.common import Maker, source_of, topic_of
from quizcore.generation.kind_cloze import BLANK
from quizcore.generation.terms import TermIndex, is_generic, split_term
from quizcore.generation.text import cjk_bigrams, has_residue, leans_on_context, name_pattern, sentences, tidy
from quizcore.knowledge import Block, BlockKind, Section
from quizcore.questions import Kind, Question

__all__ = ["compared_pair", "contrast_questions", "item_pair"]

BOTH = "两者都是"
_PER_SECTION = 6
_COMPARED = re.compile(
    r"^(?P<a>.+?)\s*(?:和|与|跟|以及|vs\.?|VS|对比)\s*(?P<b>.+?)\s*(?:的|之间的|有什么|有何|有哪些)?\s*"
    r"(?:区别|差别|差异|异同|不同|对比|比较|联系)",
)
#: A heading that is just the two things ("工业相机CCD和CMOS", "偏差、方差"): a comparison only when
#: both are known terms.
_PAIR_ONLY = re.compile(r"^(?P<a>[^和与、]+?)\s*(?:和|与|、|vs\.?|VS)\s*(?P<b>[^和与、]+?)\s*[?？]?$")
_CLAUSES = re.compile(r"[。；;！!？?\n]|[，,]\s*(?=而(?!且)|但|不过|可是|并且|同时|然而)")
#: A topic frame the clauses after it depend on ("对非线性表达上", "在训练速度方面").
_FRAME = re.compile(r"(?:上|方面|来说|而言)$")
_CONCEDES = re.compile(r"^(?:但是?|不过|可是|然而)")
#: Pairs of function words two clauses share without speaking of the same thing.
_FUNCTION_PAIRS = frozenset({"的是", "可以", "一个", "没有", "不是", "就是", "时候", "我们", "因为", "所以"})
_LEAD = re.compile(r"^(?:而(?!且)|但是?|不过|可是|然而|并且|同时|另外)\s*")
_CONTENT = re.compile(r"[\w\u4e00-\u9fff]")
#: Pieces too common in names to point at one side (…网络, …模型, …学习).
_SHARED_PIECES = frozenset({"网络", "模型", "学习", "神经", "算法", "方法", "函数", "分类", "回归"})
_SAYS_ENOUGH = 5  # "____没有可学习参数" says enough, "____ 直接关闭" does not
#: The rest is glued to the name (BERT-large, "面向过程(…)"), points back (这个限制), goes on from the
#: phrase before it ("对于RNN来说", "…，方差越大"), is a bare possessive ("的梯度"; "的输出是目标词汇" says
#: something), or only names the kind of thing (是一种降维方法: the other may be one too).
_UNFIT_REST = re.compile(
    r"^[\-_A-Za-z0-9.()（）)\]】、，,:：]|这个|这种|这些|此|^\s*来说|^\s*越|^\s*的[^，,；;是为有用]{0,8}$|^\s*是(?:一种|一个|一类)[^，,；;]*$"
)
#: A question, not a claim ("BN训练和测试时的参数是一样的嘛"), or a claim about both ("两者都是…").
_NOT_A_CLAIM = re.compile(r"[嘛吗呢]$|什么|为什么|如何|怎么|(?<!判断)是否|哪|两者|二者|都是|均为|(?:时|时候|的话)$")
_INTRODUCES = (
    "如下",
    "为",
    "如",
    "是",
    "有",
    "公式",
    "操作",
    "例子",
    "代码",
    ":",
    "：",
    "添加",
    "引入",
    "使用",
    "采用",
    "加入",
)


@dataclass(frozen=True)
class Side:
    """One of the two things compared: how the heading calls it, and every name it goes by."""

    label: str
    names: tuple[str, ...]


def _side(text: str, index: TermIndex, *, first: bool) -> Side | None:
    """One side of the comparison: a known term, or a short name.

    What the two sides share stands before the first (word2vec 的 CBOW) or after the second
    (MSE 的梯度), and the setting of a name is not the name (工业相机 CCD, PIL 读取图片).
    """
    label = tidy(re.sub(r"[（(][^）)]*[）)]", "", text)).strip(" 、，,")
    label = re.sub(r"^[^中]{1,12}中(?=\S{2})", "", label)  # "Python中OpenCV"
    if not label or has_residue(label) or re.search(r"[、，,]", label):
        return None  # three or more things compared (ID3、C4.5 和 CART)
    before, _, after = (p.strip() for p in label.partition("的"))
    ascii_tail = re.search(r"[A-Za-z][\w\-.]*$", label)  # "工业相机CCD" → CCD
    tries = [label, *((after, before) if first else (before, after)), *label.split()]
    tries += [ascii_tail.group()] if ascii_tail else []
    found = next(((t, term) for t in tries if t and (term := index.known(t.strip())) is not None), None)
    if found is not None:
        label, names = found[0], found[1].names
    elif len(label) > 8 or " " in label or re.search(r"[在时的]", label):
        return None  # not a name ("BN 在训练" out of "BN 在训练和测试时有什么不同")
    else:
        names = ()
    all_names = (label, *names)
    return Side(label, tuple(dict.fromkeys(n for n in all_names if len(n) >= 2 or n.isascii())))


def compared_pair(title: str, index: TermIndex) -> tuple[Side, Side] | None:
    """The two things a heading like "X 和 Y 的区别" (or just "X 和 Y", both known terms) compares, or None."""
    # "什么是词嵌入和 word2vec" asks for two things, one a kind of the other: not a comparison.
    title = re.sub(r"^为什么要", "", title.strip())
    match = _COMPARED.match(title)
    bare = match is None
    match = match or _PAIR_ONLY.match(title)
    if not match:
        return None
    a, b = _side(match.group("a"), index, first=True), _side(match.group("b"), index, first=False)
    if a is None or b is None or index.same_term(a.label, b.label):
        return None
    if bare and (index.known(a.label.strip()) is None or index.known(b.label.strip()) is None):
        return None
    if any(n.casefold() in (m.casefold() for m in b.names) for n in a.names):
        return None
    return a, b


_GENERIC_TAIL = re.compile(r"\s*(?:模型|算法|方法|网络|函数)$")


def item_pair(section: Section, index: TermIndex) -> tuple[Side, Side] | None:
    """The two things a section's items are about, when it gives exactly two known terms of one kind
    each an item of its own ("归一化：缩放到0和1之间" and "标准化：缩放成均值为0…"), or None."""
    items = [b for b in section.blocks if b.depth == 0 and (b.term or b.kind is BlockKind.LIST_ITEM)]
    if len(items) != 2 or not all(b.term and b.definition and not is_generic(b.term) for b in items):
        return None  # two of a longer list (early stopping and dropout among the remedies) are not a pair
    labels = list(dict.fromkeys(split_term(b.term or "")[0] for b in items))
    if len(labels) != 2:
        return None
    # "Skip-gram 模型" is the term Skip-gram: the notes' own label "Skip-gram 模型" is found first by
    # lookup, which strips 模型 only from names it does not know
    first, second = (index.known(label) or index.known(_GENERIC_TAIL.sub("", label)) for label in labels)
    if first is None or second is None or first is second or first.category != second.category:
        return None
    a = Side(labels[0], tuple(dict.fromkeys((labels[0], *first.names))))
    b = Side(labels[1], tuple(dict.fromkeys((labels[1], *second.names))))
    if any(n.casefold() in (m.casefold() for m in b.names) for n in a.names):
        return None
    return a, b


def _opens_with(clause: str, side: Side) -> re.Match[str] | None:
    pattern = name_pattern(side.names)
    if pattern is None:
        return None
    match = pattern.search(clause)
    return match if match and match.start() == 0 else None


def _mentions(text: str, side: Side) -> bool:
    pattern = name_pattern(side.names)
    return bool(pattern and pattern.search(text))


def _pieces(text: str, names: re.Pattern[str] | None) -> Iterator[str]:
    """The clauses of a text; a comma starts a new one where a side is named right after it
    ("卷积层有参数，池化层没有参数")."""
    parts = _CLAUSES.split(text)
    for part, after in zip(parts, [*parts[1:], ""], strict=True):
        if _CONCEDES.match(after.strip()) and cjk_bigrams(part) & cjk_bigrams(after) - _FUNCTION_PAIRS:
            continue  # "LR 引入了距离，但是…没有距离的概念": the 但 takes back what this clause says
        part = tidy(part)
        starts = [0]
        if names is not None:
            starts += [m.start() for m in names.finditer(part) if part[: m.start()].rstrip().endswith(("，", ","))]
        if len(starts) > 1 and _FRAME.search(part[: starts[1]].rstrip("，, ")):
            continue  # "对非线性表达上，LR 只能…，而 SVM…": without the frame the clauses say too little
        for begin, end in zip(starts, [*starts[1:], None], strict=True):
            clause = _LEAD.sub("", part[begin:end]).rstrip("。，, ")
            if clause:
                yield clause


def _name_piece(text: str, side: Side, other: Side) -> bool:
    """Two characters of one side's Chinese names, not the other's, stand in the text ("卷积" of
    卷积神经网络 against RNN; not "归一" when both are …归一化)."""
    return any(p in text for p in _name_bigrams(side) - _name_bigrams(other) - _SHARED_PIECES)


def _name_bigrams(side: Side) -> set[str]:
    return {g for n in side.names for g in cjk_bigrams(n)}


@dataclass(frozen=True)
class _Statement:
    side: Side
    shown: str  # the clause as asked: the side's name blanked, or a clause of the side's own item
    clause: str
    line: int


def _statements(blocks: list[Block], pair: tuple[Side, Side]) -> Iterator[_Statement]:
    """What the section says of one side only: clauses that open with its name, and clauses of the
    item the notes give it ("CCD：输出节点统一输出数据，信号一致性好")."""
    names = name_pattern((*pair[0].names, *pair[1].names))
    for block in blocks:
        if not block.is_prose or block.is_link:
            continue
        owner = next((side for side in pair if block.term and _opens_with(block.term, side)), None)
        text = block.definition if owner is not None and block.definition else block.text
        for clause in _pieces(text, names):
            if not 5 <= len(clause) <= 70 or has_residue(clause) or _NOT_A_CLAIM.search(clause):
                continue
            about = [(side, m) for side in pair if (m := _opens_with(clause, side))]
            if len(about) == 1:
                side, match = about[0]
                rest = clause[match.end() :]
                if _fits(rest, pair):
                    yield _Statement(side, BLANK + rest, clause, block.line)
            elif owner is not None and not about and _fits(clause, pair) and len(_CONTENT.findall(clause)) >= 8:
                yield _Statement(owner, clause, f"{owner.label}：{clause}", block.line)


def _fits(rest: str, pair: tuple[Side, Side]) -> bool:
    """The clause says something of its own (not of both, not too little, not glued to the name, not
    leaning on what came before, no piece of a side's name left to decide it: 卷积 for CNN)."""
    if any(_mentions(rest, side) for side in pair) or len(_CONTENT.findall(rest)) < _SAYS_ENOUGH:
        return False
    if any(_name_piece(rest, side, other) for side, other in (pair, pair[::-1])):
        return False
    return not (leans_on_context(rest.strip()) or rest.rstrip().endswith(_INTRODUCES) or _UNFIT_REST.search(rest))


def _parallel(section: Section, index: TermIndex) -> Iterator[tuple[tuple[Side, Side], _Statement]]:
    """Statements of sentences that set two known terms of one kind side by side, each opening a
    clause of its own ("CBOW的输出是目标词汇，fastText的输出是文档对应的类标"), under any heading.

    Both clauses must say something of their own side: a list of names ("局部连接，权值共享") is no
    contrast, and neither is one clause that happens to open with a term.
    """
    for block in section.blocks:
        if not block.is_prose or block.is_link:
            continue
        for sentence in sentences(block.text):
            # "…，而欠拟合表示…": the term opens its clause after the word that turns to it
            firsts = [index.find_in(_LEAD.sub("", p.strip()))[:1] for p in re.split(r"[，,；;]", sentence)]
            opening = [m[0][2] for m in firsts if m and m[0][0] == 0 and m[0][2].from_glossary]
            terms = list({t.name: t for t in opening}.values())
            if len(terms) != 2 or not terms[0].category or terms[0].category != terms[1].category:
                continue
            names = [t.name for t in terms]  # the glossary's name: FasterRcnn in the notes is Faster R-CNN
            pair = (Side(names[0], terms[0].names), Side(names[1], terms[1].names))
            found = list(_statements([block], pair))
            found = [f for f in found if f.clause in sentence]
            if {f.side.label for f in found} != {names[0], names[1]}:
                continue
            if all("更" in f.shown for f in found):
                continue  # "ResNet 是更一般的模型，DenseNet 是更特化的模型": one judgement said twice, and arguable
            yield from ((pair, f) for f in found)


def contrast_questions(section: Section, index: TermIndex, maker: Maker) -> Iterator[Question]:
    """Up to six questions from a section comparing two things, or sentences that set two things side
    by side: which of them a clause is about."""
    pair = compared_pair(section.title, index) or item_pair(section, index)
    found = ((pair, s) for s in _statements(section.blocks, pair)) if pair is not None else _parallel(section, index)
    made: set[str] = set()
    for pair, statement in found:
        if len(made) >= _PER_SECTION:
            return
        if statement.shown in made:
            continue
        made.add(statement.shown)
        other = pair[1] if statement.side is pair[0] else pair[0]
        yield maker.mcq(
            Kind.CLOZE,
            f"两相对比，下面这句说的是哪一个？「{statement.shown}」",
            statement.side.label,
            [other.label, BOTH],
            id_parts=(section.path_text, statement.clause, "contrast"),
            topic=topic_of(section),
            source=source_of(section, statement.line),
            explanation=statement.clause + "。",
            difficulty=2,
        )
