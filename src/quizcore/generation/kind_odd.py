"""Odd-one-out questions: three members of a list in the notes and one known term of a related kind."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from quizcore.generation.asking import COMPARES
from quizcore.generation.common import Maker, pick_distractors, source_of, topic_of
from quizcore.generation.section_lists import Enumeration
from quizcore.generation.terms import TermIndex
from quizcore.generation.text import LEANING_TITLES, norm_key
from quizcore.questions import Kind, Question

__all__ = ["odd_one_out_questions"]


def _overlaps(a: str, b: str) -> bool:
    """One names a kind of the other (平均池化 and 池化): the outsider might belong after all."""
    ka, kb = norm_key(a), norm_key(b)
    return len(ka) >= 2 and len(kb) >= 2 and (ka in kb or kb in ka)


def _in_title(member: str, title: str) -> bool:
    """The heading names the member, or the name it is a version of (VOC of VOC2007 in "VOC 和 COCO…")."""
    key = norm_key(member)
    lead = re.match(r"[A-Za-z][A-Za-z\-]+", member)
    words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z\-]+", title)}
    return bool(key and key in norm_key(title)) or bool(lead and lead.group().casefold() in words)


def _shared_edges(members: Sequence[str]) -> tuple[str, str]:
    """The start and end every member shares, of two characters or more ("填充" of 填充均值, 填充众数…)."""
    first = _common_start(members)
    last = _common_start([m[::-1] for m in members])[::-1]
    return (first if len(first) >= 2 else "", last if len(last) >= 2 else "")


def _common_start(texts: Sequence[str]) -> str:
    shortest = min(texts, key=len, default="")
    for i, ch in enumerate(shortest):
        if any(t[i] != ch for t in texts):
            return shortest[:i]
    return shortest


def odd_one_out_questions(
    enum: Enumeration,
    related: Sequence[Enumeration],
    index: TermIndex,
    maker: Maker,
) -> Iterator[Question]:
    """One question per enumeration: three of its members and one known term of a different but
    related kind ("which of these is not among the listed …").

    The outsider is never of the list's own kind: the notes' list need not be complete (交叉验证, 留一法,
    自助法 leave out 留出法, which is a sampling method all the same), so a term of that kind may belong
    after all. It is a term of a kind the glossary relates to the list's (网格搜索 for sampling methods,
    YOLO for classic classification networks): a member of a list nearby first, else any term of that
    kind; never one the section names, a kind of a member, or one its form sets apart (all 填充…).
    Without related categories in the glossary there is no odd one out.

    Args:
        enum: the list asked about.
        related: lists near it in the notes.
        index: the known terms.
        maker: seeded construction.
    """
    members = enum.members
    title = enum.section.title.strip()
    if len(members) < 3 or len(title) <= 3:
        return  # under a bare heading like 模型 the list is not all there is, so nothing is "not one of them"
    if title.startswith(LEANING_TITLES):
        return  # "还有哪些经典网络结构": the others are under the headings before it
    if COMPARES.search(title):
        return  # "无监督学习和有监督学习的区别": the list is one side of a comparison, not what the heading asks
    if sum(1 for m in members if _in_title(m, title)) >= 2:
        return  # "CPU、GPU、NPU 和 FPGA 各有什么特点": the stem shows the members, the outsider stands out
    known = [t for m in members if (t := index.known(m)) is not None]
    if len(known) < 2:
        return  # the list's kind is unknown: any outsider might be of another kind, or belong after all
    # The kind most of the list's known members are (not the odd one out's own kind by chance).
    kind, votes = Counter(t.category for t in known).most_common(1)[0]
    if votes < 2:
        return
    kinds = index.near_kinds(kind)
    if not kinds:
        return
    member_keys = {norm_key(m) for m in members}
    said = norm_key("".join(b.text for b in enum.section.blocks))
    prefix, suffix = _shared_edges(members)
    english = sum(1 for m in members if m.isascii()) * 2 > len(members)

    def fits(candidate: str) -> bool:
        term = index.known(candidate)
        return (
            term is not None
            and term.category != kind
            and term.category in kinds
            and norm_key(candidate) not in member_keys
            and not any(n and norm_key(n) in said for n in term.names)  # the section names it elsewhere
            and candidate.startswith(prefix)  # all 填充… but 删除缺失样本: picked out by form
            and candidate.endswith(suffix)
            and candidate.isascii() == english  # one Chinese name among English ones stands out
            and not any(index.same_term(candidate, x) or _overlaps(candidate, x) for x in members)
            and not any(index.nested(candidate, x) for x in members)
        )

    nearby = [m for other in related for m in other.members if fits(m)]
    by_kind = [t.name for k in kinds for t in index.of_category(k) if fits(t.name)]
    rng = maker.rng_for("odd:" + enum.section.path_text)
    picked = pick_distractors(members[0], [nearby, by_kind], index, rng, k=1, terms=False)
    if not picked:
        return
    outsider = picked[0]
    true_members = list(members)
    rng.shuffle(true_members)
    chosen: list[str] = []
    for member in true_members:
        if len(chosen) == 3:
            break
        if all(norm_key(member) != norm_key(c) for c in chosen) and norm_key(member) != norm_key(outsider):
            chosen.append(member)
    if len(chosen) < 3:
        return
    section = enum.section
    listed = "、".join(members)
    yield maker.mcq(
        Kind.ODD_ONE_OUT,
        f"关于「{title.rstrip('？?')}」，下列哪一项不在笔记列出的内容中？",
        outsider,
        chosen,
        id_parts=(section.path_text, *sorted(members), outsider),
        topic=topic_of(section),
        source=source_of(section, enum.line),
        explanation=f"「{title}」列出的是：{listed}；「{outsider}」不在其中。",
        difficulty=3,
    )
