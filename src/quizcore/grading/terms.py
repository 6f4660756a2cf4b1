"""Known names prepared for matching: their normal form, spaceless key and word-bounded pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from quizcore.grading.normalize import clean, has_cjk, key_of, normalize
from quizcore.grading.typos import stem_key

__all__ = ["Name", "prepare"]

_LATIN_EDGE = re.compile(r"[a-z0-9]")


@dataclass(frozen=True)
class Name:
    """One way of writing a term, ready to compare with replies.

    Attributes:
        text: as written in the question or glossary.
        term: the concept it names (the canonical answer, or the glossary term).
        normal: :func:`~quizcore.grading.normalize.normalize` of ``text``.
        key: ``normal`` without spaces.
    """

    text: str
    term: str
    normal: str
    key: str

    @property
    def is_cjk(self) -> bool:
        """Whether the name holds Chinese characters."""
        return has_cjk(self.key)

    @property
    def words(self) -> frozenset[str]:
        """The Latin words of the name (for telling a family name from the term)."""
        return frozenset(self.normal.split())

    @cached_property
    def stem(self) -> str:
        """The key without English inflection endings (for ``average pool`` against ``average pooling``)."""
        return stem_key(self.normal)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Finds the name inside a normalised reply: spaces optional, Latin edges on word boundaries."""
        # Spaces are optional where the name has one or where Latin meets Chinese (BN层, L2 正则化), nowhere else.
        parts = [re.escape(self.normal[0])]
        for prev, ch in zip(self.normal, self.normal[1:], strict=False):
            if ch == " ":
                continue
            joint = prev == " " or (_LATIN_EDGE.match(prev) is None) != (_LATIN_EDGE.match(ch) is None)
            parts.append((r"\s?" if joint else "") + re.escape(ch))
        body = "".join(parts)
        head = r"(?<![a-z0-9])" if _LATIN_EDGE.match(self.key[0]) else ""
        tail = r"(?![a-z0-9])" if _LATIN_EDGE.match(self.key[-1]) else ""
        return re.compile(head + body + tail)

    @cached_property
    def shared_tail_pattern(self) -> re.Pattern[str] | None:
        """Finds the name in a list sharing its tail: ``L1、L2正则化`` names L1正则化, ``最大/平均池化`` 最大池化."""
        key = self.key
        if not has_cjk(key[-2:]):
            return None
        if _LATIN_EDGE.match(key[0]):
            # L1正则化: the only shared tail is the Chinese part after the Latin head.
            first_cjk = next(i for i, ch in enumerate(key) if has_cjk(ch))
            heads = [first_cjk] if len(key) - first_cjk >= 2 and not has_cjk(key[:first_cjk]) else []
        else:
            heads = list(range(1, len(key) - 1)) if all(has_cjk(ch) for ch in key) else []
        if not heads:
            return None
        edge = r"(?<![a-z0-9])" if _LATIN_EDGE.match(key[0]) else ""
        # Head, a list separator, one short sibling, then the shared tail.
        choices = [re.escape(key[:i]) + r" [^ 不没非]{1,4} ?" + re.escape(key[i:]) for i in heads]
        return re.compile(edge + "(?:" + "|".join(choices) + ")")

    def spans_in(self, normal_reply: str, reply_key: str) -> list[tuple[int, int]]:
        """Where the name occurs in a normalised reply (character spans of ``normal_reply``)."""
        if self.key not in reply_key:
            return []
        return [m.span() for m in self.pattern.finditer(normal_reply)]


def prepare(text: str, term: str) -> Name | None:
    """A :class:`Name` for ``text``, or None when nothing is left after normalisation."""
    normal = normalize(clean(text))
    key = key_of(normal)
    return Name(text, term, normal, key) if key else None
