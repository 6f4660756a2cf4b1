"""What counts as a typo: a few letters in long words, a same-sounding character in Chinese terms."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from quizcore.grading.normalize import has_cjk

__all__ = ["homophones", "is_typo", "stem_key", "typo_allowance", "typo_distance"]

_DIGITS = re.compile(r"\d+")
_INFLECTION = re.compile(r"(?<=[a-z]{4})(?:ing|(?<!s)s)\b")


def typo_allowance(key: str) -> int:
    """How many letter edits a Latin-script answer key tolerates: none for short acronyms (BN, LN, Adam)."""
    size = len(key)
    if size <= 4:
        return 0
    if size <= 8:
        return 1
    if size <= 15:
        return 2
    return 3


@lru_cache(maxsize=4096)
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin  # loads its dictionaries on first use

    return frozenset(pinyin(char, style=Style.NORMAL, heteronym=True)[0])


def homophones(a: str, b: str) -> bool:
    """Whether two Chinese characters can sound alike, tones ignored (罗/逻, 既/记)."""
    return a == b or (has_cjk(a) and has_cjk(b) and bool(_readings(a) & _readings(b)))


def typo_distance(reply: str, answer: str) -> int | None:
    """The number of typo edits between two keys, or None when the difference is more than a typo.

    Chinese answers of three or more characters allow same-length substitutions by a
    same-sounding character (one, or two from six characters on); a dropped or added
    character changes the concept. Latin answers allow :func:`typo_allowance` edits
    (transpositions count as one) but never a different number (ResNet50 vs ResNet101).
    """
    if reply == answer:
        return 0
    if has_cjk(answer):
        return _cjk_distance(reply, answer)
    if _DIGITS.findall(reply) != _DIGITS.findall(answer):
        return None
    allowance = typo_allowance(answer)
    if allowance == 0 or abs(len(reply) - len(answer)) > allowance:
        return None
    distance = OSA.distance(reply, answer, score_cutoff=allowance)
    return distance if distance <= allowance else None


def _cjk_distance(reply: str, answer: str) -> int | None:
    if len(reply) != len(answer) or len(answer) < 3:
        return None
    diffs = [(r, a) for r, a in zip(reply, answer, strict=True) if r != a]
    if len(diffs) > (2 if len(answer) >= 6 else 1):
        return None
    return len(diffs) if all(homophones(r, a) for r, a in diffs) else None


def is_typo(reply: str, answer: str) -> bool:
    """Whether ``reply`` is ``answer`` with a typo at most (both normalised keys)."""
    return typo_distance(reply, answer) is not None


def stem_key(normal: str) -> str:
    """The key of a normalised text with English ``-ing``/``-s`` endings dropped (average pool = average pooling)."""
    return _INFLECTION.sub("", normal).replace(" ", "")
