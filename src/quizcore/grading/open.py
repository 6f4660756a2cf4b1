"""Grading explanations and lists by key-point coverage, each point counted once, term-spraying penalised."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from quizcore.glossary import Glossary
from quizcore.grading import feedback
from quizcore.grading.lexicon import Lexicon
from quizcore.grading.normalize import clean, key_of, normalize
from quizcore.grading.terms import Name, prepare
from quizcore.grading.typos import typo_distance
from quizcore.grading.verdict import Verdict, reject

__all__ = ["MAX_OPEN_CHARS", "PointSet", "build_point_set", "grade_open"]

# Open replies are cut here: a chat answer is a few sentences, and matching cost grows with length.
MAX_OPEN_CHARS = 2000
# Latin names this long may be found with a typo inside a longer reply.
_FUZZY_LATIN_MIN = 8
_LATIN_WORD = re.compile(r"[a-z0-9+#]+")


@dataclass(frozen=True)
class PointSet:
    """The key points of one open question, each with every name it goes by."""

    labels: tuple[str, ...]
    names: tuple[tuple[Name, ...], ...]

    @cached_property
    def keys(self) -> tuple[frozenset[str], ...]:
        """The keys of each point's names."""
        return tuple(frozenset(n.key for n in names) for names in self.names)

    @cached_property
    def all_keys(self) -> frozenset[str]:
        """Keys of every name of every point."""
        return frozenset().union(*self.keys)


def build_point_set(points: Sequence[Sequence[str]], glossary: Glossary | None) -> PointSet:
    """Prepare key points (each a list of aliases, label first), adding the glossary's aliases.

    Raises:
        ValueError: there are no points, or a point has no usable alias.
    """
    if not points:
        raise ValueError("an open question needs at least one key point")
    labels: list[str] = []
    prepared: list[tuple[Name, ...]] = []
    for point in points:
        texts = [name for alias in point for name in (glossary.names_for(alias) if glossary else (alias,))]
        names = {n.key: n for n in (prepare(t, point[0] if point else "") for t in texts) if n is not None}
        if not names:
            raise ValueError(f"key point {list(point)!r} has no usable alias")
        labels.append(str(point[0]))
        prepared.append(tuple(names.values()))
    return PointSet(tuple(labels), tuple(prepared))


def grade_open(reply: str, points: PointSet, min_points: int, lexicon: Lexicon) -> Verdict:
    """Judge an explanation: pass with ``min_points`` key points, partial credit for the leaderboard."""
    normal = normalize(clean(reply, MAX_OPEN_CHARS * 2))[:MAX_OPEN_CHARS]
    if not normal:
        return reject("empty", feedback.EMPTY)
    key = key_of(normal)
    hit: list[str] = []
    missed: list[str] = []
    spans: list[tuple[int, int]] = []
    # each name written out in the reply, else found by a shared tail or as a typo
    named_by_point = [[name.spans_in(normal, key) for name in names] for names in points.names]
    found_by_point = [
        [
            span
            for name, written in zip(names, by_name, strict=True)
            for span in written or _near(name, own, normal, key, lexicon)
        ]
        for names, own, by_name in zip(points.names, points.keys, named_by_point, strict=True)
    ]
    named = [[span for spans in by_name for span in spans] for by_name in named_by_point]
    for at, (label, found) in enumerate(zip(points.labels, found_by_point, strict=True)):
        # a point named only inside another point's longer name (平均池化 inside 全局平均池化, 动量 inside
        # Nesterov动量) is that other point, not a second one ("L1、L2正则化" names both, by the shared tail)
        others = [span for j, spans_j in enumerate(named) if j != at for span in spans_j]
        found = [span for span in found if not any(_inside(span, other) for other in others)]
        (hit if found else missed).append(label)
        spans.extend(found)
    spray = _unrelated_terms(normal, key, points, spans, lexicon) - max(2, len(points.labels))
    penalty = max(0, spray)
    effective = len(hit) - penalty
    total = len(points.labels)
    correct = effective >= max(1, min(min_points, total))
    if penalty:
        reason = "spray"
    elif not hit:
        reason = "wrong"
    else:
        reason = "complete" if not missed else "partial"
    return Verdict(
        correct=correct,
        score=min(1.0, max(0, effective) / total),
        matched="；".join(points.labels) if correct else None,
        feedback=feedback.open_result(hit, missed, penalty),
        reason=reason,
        points_hit=tuple(hit),
        points_missed=tuple(missed),
    )


def _inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
    """``span`` lies within the longer ``other`` (a fuzzy match, -1, lies nowhere)."""
    if span[0] < 0 or other[0] < 0:
        return False
    return other[0] <= span[0] and span[1] <= other[1] and other[1] - other[0] > span[1] - span[0]


def _near(name: Name, own: frozenset[str], normal: str, key: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Where a name not written out in the reply still stands: in a list sharing its tail, or with a typo."""
    shared = name.shared_tail_pattern
    if shared is not None:
        match = shared.search(normal)
        if match is not None:
            return [match.span()]
    window = _homophone_window(name.key, key) if name.is_cjk else _latin_window(name, normal)
    if window is None:
        return []
    # A near miss that is itself another known term (L2 for L1, 最小池化 for 最大池化) is that term, not a typo.
    distance = max(1, typo_distance(window, name.key) or 0)
    if any(other.key not in own for other in lexicon.near(window, distance)):
        return []
    return [(-1, -1)]


def _latin_window(name: Name, normal: str) -> str | None:
    """Whole Latin words of the reply that read as ``name`` with a typo, for names long enough to allow one."""
    if len(name.key) < _FUZZY_LATIN_MIN:
        return None
    words = _LATIN_WORD.findall(normal)
    size = len(name.normal.split())
    for n in range(max(1, size - 1), size + 2):
        for i in range(len(words) - n + 1):
            window = "".join(words[i : i + n])
            if typo_distance(window, name.key) is not None:
                return window
    return None


def _homophone_window(name: str, key: str) -> str | None:
    """The stretch of ``key`` that is ``name`` with same-sounding characters swapped (罗辑回归 for 逻辑回归)."""
    size = len(name)
    if size < 3:
        return None
    half = size // 2
    for piece, offset in ((name[:half], 0), (name[half:], half)):
        at = key.find(piece)
        while at != -1:
            start = at - offset
            window = key[start : start + size]
            if start >= 0 and typo_distance(window, name) is not None:
                return window
            at = key.find(piece, at + 1)
    return None


def _unrelated_terms(normal: str, key: str, points: PointSet, spans: list[tuple[int, int]], lexicon: Lexicon) -> int:
    """How many distinct known terms the reply names that belong to no key point."""
    point_keys = points.all_keys
    terms: set[str] = set()
    for name, (start, end) in lexicon.scan(normal, key):
        if name.key in point_keys or any(start < e and s < end for s, e in spans):
            continue
        terms.add(name.term)
    return len(terms)
