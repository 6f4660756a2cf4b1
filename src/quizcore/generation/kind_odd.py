"""Odd-one-out questions: three true members of an enumeration and one member of a related list."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from quizcore.generation.common import Maker, pick_distractors, source_of, topic_of
from quizcore.generation.section_lists import Enumeration
from quizcore.generation.terms import TermIndex
from quizcore.generation.text import norm_key
from quizcore.questions import Kind, Question

__all__ = ["odd_one_out_questions"]

_ASKS_FOR = re.compile(r"^(?P<what>.+?)(?:有哪些|有哪几种|包括哪些|都有哪些|是哪些|有什么)[？?]?$")


def _overlaps(a: str, b: str) -> bool:
    """One names a kind of the other (平均池化 and 池化): the outsider might belong after all."""
    ka, kb = norm_key(a), norm_key(b)
    return len(ka) >= 2 and len(kb) >= 2 and (ka in kb or kb in ka)


def _stem(title: str) -> str:
    match = _ASKS_FOR.match(title.strip())
    if match and len(match.group("what")) >= 2:
        return f"下列哪一项不属于「{match.group('what')}」？"
    return f"关于「{title.rstrip('？?')}」，下列哪一项不在笔记列出的要点中？"


def _kindred(outsider: str, members: Sequence[str], index: TermIndex) -> bool:
    """The outsider is a known term of the same category as a member (RMSProp beside SGD and Adam):
    the list may simply not name it, so it cannot be said not to belong."""
    known = index.lookup(outsider)
    if known is None or not known.from_glossary:
        return False
    return any((m := index.lookup(x)) is not None and m.from_glossary and m.category == known.category for x in members)


def odd_one_out_questions(
    enum: Enumeration, related: Sequence[Enumeration], index: TermIndex, maker: Maker
) -> Iterator[Question]:
    """One odd-one-out question per enumeration that has a related list nearby to borrow an outsider from.

    Only lists nearby: an outsider from another chapter of the note is a different kind of thing
    (留一法 among supervised models), picked out by kind rather than by knowing the list.
    """
    members = enum.members
    title = enum.section.title.strip()
    if len(members) < 3 or len(title) <= 3:
        return  # under a bare heading like 模型 the list is not all there is, so nothing is "not one of them"
    member_keys = {norm_key(m) for m in members}
    tiers = [
        [
            m
            for other in related
            for m in other.members
            if norm_key(m) not in member_keys
            and not any(index.same_term(m, x) or _overlaps(m, x) for x in members)
            and not _kindred(m, members, index)
        ]
    ]
    rng = maker.rng_for("odd:" + enum.section.path_text)
    picked = pick_distractors(members[0], tiers, index, rng, k=1, terms=False)
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
        _stem(section.title),
        outsider,
        chosen,
        id_parts=(section.path_text, *sorted(members), outsider),
        topic=topic_of(section),
        source=source_of(section, enum.line),
        explanation=f"「{section.title}」列出的是：{listed}。「{outsider}」出自「{enum_title(related, outsider)}」。",
        difficulty=3,
    )


def enum_title(related: Sequence[Enumeration], member: str) -> str:
    """The title of the related list that holds ``member``."""
    return next((e.section.title for e in related if member in e.members), "另一个列表")
