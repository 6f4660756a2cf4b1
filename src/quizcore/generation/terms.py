"""The terms a question can ask about: the glossary's, plus the terms the notes define themselves."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizcore.generation.text import cjk_bigrams, norm_key
from quizcore.glossary import Glossary
from quizcore.knowledge import KnowledgeBase, Section

__all__ = [
    "GENERIC_TERMS",
    "TermIndex",
    "TermInfo",
    "anchored",
    "is_generic",
    "known_names",
    "named_categories",
    "section_terms",
    "split_term",
]

_PAREN = re.compile(r"^(?P<main>[^（(]+?)\s*[（(](?P<alt>[^）)]+)[）)]\s*$")
_ASCII_EDGE = re.compile(r"[A-Za-z0-9]")
_SUFFIXES = ("算法", "方法", "模型", "函数", "网络", "层")
#: Labels that look like terms in ``label：text`` items but name no concept.
GENERIC_TERMS = frozenset(
    [
        # the short answer a bold line opens with ("可以：逻辑回归没有隐藏层…") names no concept
        "可以",
        "不可以",
        "能",
        "不能",
        "会",
        "不会",
        "是",
        "不是",
        "否",
        "对",
        "不对",
        "不一定",
        "优点",
        "缺点",
        "优势",
        "劣势",
        "总结",
        "例子",
        "举例",
        "注意",
        "注",
        "定义",
        "作用",
        "原因",
        "方法",
        "区别",
        "差别",
        "特点",
        "应用",
        "应用场景",
        "解决方案",
        "解决方法",
        "解决办法",
        "原理",
        "思路",
        "结论",
        "步骤",
        "流程",
        "目的",
        "意义",
        "问题",
        "答案",
        "说明",
        "备注",
        "公式",
        "结果",
        "代码",
        "示例",
        "场景",
        "核心",
        "本质",
        "缺陷",
        "改进",
        "前提",
        "条件",
        "输入",
        "输出",
        "参考",
        "来源",
        "链接",
        "论文",
        "地址",
        "其他",
        "其它",
        "补充",
        "第一",
        "第二",
        "第三",
        "首先",
        "其次",
        "最后",
        "另外",
        "此外",
        "同时",
        "训练",
        "测试",
        "推理",
        "模型",
        "数据",
        "特征",
        "网络",
    ]
)


@dataclass(frozen=True)
class TermInfo:
    """A term with every name it goes by and the family it belongs to."""

    name: str
    aliases: tuple[str, ...]
    category: str
    from_glossary: bool

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical name first, then aliases."""
        return (self.name, *self.aliases)


def split_term(raw: str) -> tuple[str, tuple[str, ...]]:
    """``"CRF（条件随机场）"`` → ``("CRF", ("条件随机场",))``; other terms come back unchanged."""
    raw = raw.strip().strip("*").strip()
    match = _PAREN.match(raw)
    if match and len(match.group("alt")) <= 30:
        # "Precision(精准度/查准率)": each name on its own
        alternatives = tuple(a.strip() for a in re.split(r"[/／、]", match.group("alt")) if a.strip())
        return match.group("main").strip(), alternatives
    return raw, ()


_GENERIC_PARTS = re.compile(
    r"之间|二者|两者|区别|差别|联系|总结|参考|例子|步骤|定义|的[优缺]点|常用的|[?？:：]|"
    r"(方法|参数量|计算量|原因|问题|作用|特点|过程|思路|场景|优势|重要性)$|[\u4e00-\u9fff][和与及][\u4e00-\u9fff]"
)


def is_generic(term: str) -> bool:
    """The label names no concept (优点, 总结, 训练速度上, 二者之间的差别…)."""
    key = term.strip()
    if key in GENERIC_TERMS or len(norm_key(key)) < 2 or _GENERIC_PARTS.search(key):
        return True
    return key.endswith(("上", "方面", "角度", "时", "中", "的"))


_REMEMBERED = 50_000
_FIELD_WORD_TERMS = 3


class TermIndex:
    """Every known term, findable in text, grouped by category and by head noun."""

    def __init__(self, glossary: Glossary | None, kb: KnowledgeBase | None = None) -> None:
        self.terms: list[TermInfo] = []
        self._glossary = glossary
        self._by_key: dict[str, TermInfo] = {}
        self._by_category: dict[str, list[TermInfo]] = defaultdict(list)
        if glossary is not None:
            for term in glossary:
                self._add(TermInfo(term.name, term.aliases, term.category or "glossary", True))
        if kb is not None:
            for section in kb.sections():
                for block in section.blocks:
                    if block.term and not is_generic(block.term):
                        name, aliases = split_term(block.term)
                        if 2 <= len(name) <= 24:
                            self._add(TermInfo(name, aliases, "notes:" + section.path_text, False))
        self._starts: dict[str, list[tuple[str, TermInfo]]] | None = None
        self._by_tail: dict[str, list[TermInfo]] | None = None
        # Headings are searched again for every passage they might be a wrong option to: remember them.
        self._found: dict[str, list[tuple[int, int, TermInfo]]] = {}
        self._field: frozenset[str] | None = None

    def _add(self, term: TermInfo) -> None:
        keys = [norm_key(n) for n in term.names]
        if any(k in self._by_key for k in keys if k):
            known = next(self._by_key[k] for k in keys if k in self._by_key)
            if known.from_glossary or not term.from_glossary:
                return
        self.terms.append(term)
        for key in keys:
            if key:
                self._by_key.setdefault(key, term)
        self._by_category[term.category].append(term)

    def nested(self, a: str, b: str) -> bool:
        """One names a kind of the other, by the glossary's broader terms (随机森林 and Bagging, XGBoost and
        Boosting): a description of the broader fits the narrower too."""
        glossary, first, second = self._glossary, self.known(a), self.known(b)
        if glossary is None or first is None or second is None:
            return False
        one, other = glossary.lookup(first.name), glossary.lookup(second.name)
        return one is not None and other is not None and glossary.nested(one, other)

    def near_kinds(self, category: str) -> list[str]:
        """The glossary's categories related to ``category``: near it, but never containing its members."""
        return self._glossary.near_categories(category) if self._glossary is not None else []

    def lookup(self, text: str) -> TermInfo | None:
        """The term ``text`` names (any alias, or with a trailing 算法/方法/模型/函数/层/网络), or None."""
        key = norm_key(text)
        found = self._by_key.get(key)
        if found is None:
            for suffix in _SUFFIXES:
                if key.endswith(suffix) and len(key) > len(suffix) + 1:
                    found = self._by_key.get(key[: -len(suffix)])
                    if found is not None:
                        break
        return found

    def known(self, text: str) -> TermInfo | None:
        """The glossary term ``text`` names, or None (the notes' own labels are not known terms)."""
        term = self.lookup(text)
        return term if term is not None and term.from_glossary else None

    def same_term(self, a: str, b: str) -> bool:
        """``a`` and ``b`` are names of one term (or the same text)."""
        if norm_key(a) == norm_key(b):
            return True
        ta, tb = self.lookup(a), self.lookup(b)
        return ta is not None and ta is tb

    def kinds_named_in(self, text: str) -> list[str]:
        """The glossary categories whose names stand in ``text`` (激活函数, 优化器): kinds, not things."""
        return [c for c in self._by_category if len(c) >= 2 and c in text]

    def of_category(self, category: str) -> list[TermInfo]:
        """The glossary's terms of one category, in index order."""
        return [t for t in self._by_category.get(category, []) if t.from_glossary]

    def category_peers(self, term: TermInfo) -> list[TermInfo]:
        """Other terms of the same category, in index order."""
        return [t for t in self._by_category.get(term.category, []) if t is not term]

    def head_noun_peers(self, name: str) -> list[TermInfo]:
        """Terms ending in the same head noun (…回归, …归一化, …损失, …池化)."""
        tail = name[-2:] if len(name) >= 3 and not name[-1].isascii() else ""
        if not tail:
            return []
        if self._by_tail is None:
            by_tail: dict[str, list[TermInfo]] = defaultdict(list)
            for term in self.terms:
                if len(term.name) >= 3:
                    by_tail[term.name[-2:]].append(term)
            self._by_tail = dict(by_tail)
        return [t for t in self._by_tail.get(tail, []) if norm_key(t.name) != norm_key(name)]

    def _table(self) -> dict[str, list[tuple[str, TermInfo]]]:
        if self._starts is None:
            table: dict[str, list[tuple[str, TermInfo]]] = defaultdict(list)
            for term in self.terms:
                for name in term.names:
                    lowered = name.casefold()
                    # "FasterRcnn" and "Faster-RCNN" are written for Faster R-CNN: English names also
                    # match run together (the glossary compares names without spaces and hyphens too)
                    compact = re.sub(r"[\s\-]", "", lowered) if lowered.isascii() else lowered
                    for variant in dict.fromkeys((lowered, compact)):
                        if len(variant) >= 2:
                            table[variant[:2]].append((variant, term))
            for entries in table.values():
                entries.sort(key=lambda e: len(e[0]), reverse=True)
            self._starts = dict(table)
        return self._starts

    def find_in(self, text: str) -> list[tuple[int, int, TermInfo]]:
        """Non-overlapping mentions of known terms in ``text`` (longest names first, left to right).

        ASCII names match only as whole words (``BN`` is not found inside ``BNN``).
        """
        known = self._found.get(text)
        if known is not None:
            return list(known)
        if len(self._found) >= _REMEMBERED:
            self._found.clear()
        found = self._found[text] = self._find(text)
        return list(found)

    def _find(self, text: str) -> list[tuple[int, int, TermInfo]]:
        lowered = _lowered(text)
        found: list[tuple[int, int, TermInfo]] = []
        pos, end = 0, len(lowered)
        while pos < end - 1:
            name, term = next(self._names_at(text, lowered, pos), ("", None))
            if term is not None:
                found.append((pos, pos + len(name), term))
                pos += len(name)
            else:
                pos += 1
        return found

    def fieldcjk_bigrams(self) -> frozenset[str]:
        """Two-character pieces shared by the Chinese names of at least three known terms (梯度 in 梯度下降,
        梯度消失, 梯度裁剪…): the field's own vocabulary, not one term's."""
        if self._field is None:
            counts = Counter(
                g for t in self.terms if t.from_glossary for g in {g for n in t.names for g in cjk_bigrams(n)}
            )
            self._field = frozenset(g for g, n in counts.items() if n >= _FIELD_WORD_TERMS)
        return self._field

    def inside(self, text: str) -> list[tuple[str, TermInfo]]:
        """Every known name found anywhere in ``text``, overlaps included (随机梯度下降 inside
        小批量随机梯度下降), with its term; found as :meth:`find_in` finds them."""
        lowered = _lowered(text)
        return [hit for pos in range(len(lowered) - 1) for hit in self._names_at(text, lowered, pos)]

    def _names_at(self, text: str, lowered: str, pos: int) -> Iterator[tuple[str, TermInfo]]:
        """The known names that start at ``pos``, longest first: ASCII names only as whole words, short
        acronyms (IN, BN, LR) only in their own case ("in" is a word)."""
        for name, term in self._table().get(lowered[pos : pos + 2], ()):
            if not lowered.startswith(name, pos) or not _whole(lowered, pos, pos + len(name), name):
                continue
            if len(name) <= 3 and name.isascii() and not _same_case(text, pos, term):
                continue
            yield name, term


def known_names(text: str, index: TermIndex) -> frozenset[str]:
    """The glossary terms (by name) a text mentions."""
    return frozenset(t.name for _, _, t in index.find_in(text) if t.from_glossary)


@functools.lru_cache(maxsize=20_000)
def section_terms(section: Section, index: TermIndex) -> frozenset[str]:
    """The known terms (by name) a section's prose mentions."""
    return known_names("\n".join(b.text for b in section.blocks if b.is_prose), index)


@functools.lru_cache(maxsize=50_000)
def named_categories(text: str, index: TermIndex) -> frozenset[str]:
    """The glossary categories of the known terms a text (a heading) names: 中值滤波 and 高斯滤波 are both 滤波器."""
    return frozenset(t.category for _, _, t in index.find_in(text) if t.from_glossary and t.category)


def anchored(
    text: str, index: TermIndex, answer: TermInfo | None = None, everyday: Callable[[str], bool] | None = None
) -> bool:
    """The text says which field it is about: it names a known term other than ``answer``, or uses a
    word of the field (two characters shared by several known terms' Chinese names, not everyday Chinese).

    "____层能从训练数据中获得约束性的规则" could be about anything; "____决定每一步沿梯度方向走多远"
    is about training (梯度, as in 梯度下降 and 梯度消失).
    """
    if any(t.from_glossary and t is not answer for _, _, t in index.find_in(text)):
        return True
    own = {g for n in (answer.names if answer else ()) for g in cjk_bigrams(n)}
    field = index.fieldcjk_bigrams()
    return any(g in field and g not in own and not (everyday and everyday(g)) for g in cjk_bigrams(text))


def _lowered(text: str) -> str:
    """``text`` case-folded character by character, so that positions in it are positions in ``text``."""
    lowered = text.casefold()
    return lowered if len(lowered) == len(text) else "".join(ch.casefold()[:1] or ch for ch in text)


def _same_case(text: str, pos: int, term: TermInfo) -> bool:
    """The text at ``pos`` spells one of the term's short names exactly, case included."""
    return any(text.startswith(n, pos) for n in term.names if len(n) <= 3)


def _whole(text: str, start: int, stop: int, name: str) -> bool:
    """An ASCII-edged name must not continue a word on that edge."""
    if _ASCII_EDGE.match(name[0]) and start > 0 and _ASCII_EDGE.match(text[start - 1]):
        return False
    return not (_ASCII_EDGE.match(name[-1]) and stop < len(text) and _ASCII_EDGE.match(text[stop]))
