"""Enumerations: sections whose top-level list items are short members of one list."""

from __future__ import annotations

from dataclasses import dataclass

from quizcore.generation.terms import is_generic, split_term
from quizcore.generation.text import has_residue, tidy
from quizcore.knowledge import BlockKind, Section

__all__ = ["Enumeration", "enumeration_of"]

_MEMBER_LIMIT = 24


@dataclass(frozen=True)
class Enumeration:
    """The members of a section's list, in order."""

    section: Section
    members: tuple[str, ...]
    line: int


def enumeration_of(section: Section) -> Enumeration | None:
    """The section's enumeration when its top-level items are all short (a term each), else None."""
    items = [b for b in section.blocks if b.kind is BlockKind.LIST_ITEM and b.depth == 0]
    if len(items) < 3:
        return None
    members: list[str] = []
    for block in items:
        if block.term and not is_generic(block.term):
            text = split_term(block.term)[0]
        else:
            text = tidy(block.text).rstrip("。.")
        if not text or len(text) > _MEMBER_LIMIT or has_residue(text) or text.endswith(("？", "?", "呢", "吗")):
            return None
        members.append(text)
    if len(set(members)) < 3:
        return None
    return Enumeration(section, tuple(dict.fromkeys(members)), items[0].line)
