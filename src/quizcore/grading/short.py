"""Grading a term, a name or a number typed as a reply: lenient to people, strict about facts."""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

from quizcore.grading import feedback
from quizcore.grading.answerset import AnswerSet
from quizcore.grading.lexicon import Lexicon
from quizcore.grading.normalize import clean, has_cjk, key_of, normalize, strip_filler
from quizcore.grading.numbers import numbers_match, parse_number
from quizcore.grading.terms import Name
from quizcore.grading.typos import stem_key, typo_distance
from quizcore.grading.verdict import Verdict, accept, reject

__all__ = ["MAX_SHORT_CHARS", "grade_short"]

# A reply longer than this is an essay, not a term.
MAX_SHORT_CHARS = 200
# Words people add to a term that do not change which concept it names (Sigmoid函数, dropout层).
_SUFFIXES = ("层", "函数", "算法", "模型", "方法", "机制", "技术", "layer", "function", "algorithm", "model", "method")
# Chinese answers this short are often part of longer words, so they must stand alone to count as contained.
_SHORT_CJK = 2
_NEGATION = re.compile(r"不是|不对|并非|而非|不选|不用|不该|\bnot\b|\bisn t\b|\bisnt\b|\bno\b")


def grade_short(reply: str, answers: AnswerSet, lexicon: Lexicon, tolerance: float = 0.0) -> Verdict:
    """Judge a short reply against prepared answers (see :class:`~quizcore.grading.Grader`)."""
    raw = clean(reply, MAX_SHORT_CHARS * 4)
    normal = normalize(raw)
    if not normal:
        return reject("empty", feedback.EMPTY)
    if len(normal) > MAX_SHORT_CHARS:
        return reject("too_long", feedback.TOO_LONG)
    if answers.number is not None:
        number = parse_number(raw.strip())
        if number is not None:
            if numbers_match(number, answers.number, tolerance):
                return accept(answers.canonical, "number", feedback.contained(answers.canonical))
            return reject("wrong", feedback.NUMBER_WRONG)
    core = strip_filler(normal)
    keys = _variants(key_of(core), key_of(normal))
    return (
        _exact(keys, answers)
        or _vague(core, keys[0], answers)
        or _known_other(keys, lexicon)
        or _contained(core, keys[0], answers, lexicon)
        or _typo(core, keys, answers, lexicon)
        or reject("wrong", feedback.WRONG)
    )


def _variants(core_key: str, full_key: str) -> list[str]:
    keys = [core_key]
    if core_key.endswith(_SUFFIXES):
        suffix = next(s for s in _SUFFIXES if core_key.endswith(s))
        if len(core_key) > len(suffix):
            keys.append(core_key[: -len(suffix)])
    if full_key != core_key:
        keys.append(full_key)
    return keys


def _exact(keys: list[str], answers: AnswerSet) -> Verdict | None:
    for key in keys:
        if key in answers.accepted:
            if key == answers.canonical_key:
                return accept(answers.canonical, "exact", feedback.EXACT)
            return accept(answers.canonical, "alias", feedback.alias(answers.canonical))
    for key in keys:
        if key in answers.refused:
            return reject("confusable", feedback.confusable(answers.refused[key].term))
    return None


def _known_other(keys: list[str], lexicon: Lexicon) -> Verdict | None:
    for key in keys:
        other = lexicon.exact(key)
        if other is not None:
            return reject("wrong", feedback.known_other(other.term))
    return None


def _vague(core: str, key: str, answers: AnswerSet) -> Verdict | None:
    """A fragment of the answer (回归 for 逻辑回归, normalization for batch normalization) names a family."""
    for name in answers.accepted.values():
        if len(key) >= len(name.key):
            continue
        fragment = key in name.key if name.is_cjk else bool(core.split()) and set(core.split()) < name.words
        if fragment:
            return reject("vague", feedback.vague(core))
    return None


def _contained(core: str, key: str, answers: AnswerSet, lexicon: Lexicon) -> Verdict | None:
    """The answer inside a reply with a little text around it, and no look-alike named beside it."""
    for name in answers.accepted_names:
        spans = name.spans_in(core, key)
        if not spans or len(key) - len(name.key) > max(8, len(name.key)):
            continue
        start, end = spans[0]
        if len(name.key) <= _SHORT_CJK and name.is_cjk and not _stands_alone(core, start, end):
            continue  # 分类 inside 多分类, 速度 inside 速度精度: a two-character word inside a longer one
        if _NEGATION.search(core[:start]):
            return reject("negated", feedback.NEGATED)
        rival = _rival(core, key, (start, end), answers)
        if rival is not None:
            return reject("confusable", feedback.confusable(rival.term))
        wider = _wider_term(core, key, (start, end), answers, lexicon)
        if wider is not None:
            return reject("wrong", feedback.known_other(wider.term))
        return accept(answers.canonical, "contained", feedback.contained(answers.canonical))
    return None


def _stands_alone(core: str, start: int, end: int) -> bool:
    return (start == 0 or core[start - 1] == " ") and (end == len(core) or core[end] == " ")


def _wider_term(core: str, key: str, span: tuple[int, int], answers: AnswerSet, lexicon: Lexicon) -> Name | None:
    """A longer known term the answer is only part of (池化 inside 最大池化, ReLU inside Leaky ReLU)."""
    for name, (start, end) in lexicon.scan(core, key):
        covers = start <= span[0] and span[1] <= end and end - start > span[1] - span[0]
        if covers and name.key not in answers.accepted and name.term != answers.canonical:
            return name
    return None


def _rival(core: str, key: str, span: tuple[int, int], answers: AnswerSet) -> Name | None:
    """A refused term named in the reply outside the answer itself (hedging between look-alikes)."""
    for name in answers.refused.values():
        for start, end in name.spans_in(core, key):
            if not (span[0] <= start and end <= span[1]):
                return name
    return None


def _typo(core: str, keys: list[str], answers: AnswerSet, lexicon: Lexicon) -> Verdict | None:
    """Within the typo allowance of an accepted name, and no closer to any other known term."""
    best: int | None = None
    best_key = keys[0]
    stem = stem_key(core)
    for key in keys:
        for name in answers.accepted.values():
            distance = typo_distance(key, name.key)
            if distance is None and stem == name.stem:
                distance = 1  # only an English inflection apart: average pool for average pooling
            if distance is not None and (best is None or distance < best):
                best, best_key = distance, key
    if best is None:
        return None
    for found, _distance, _index in process.extract(
        best_key, answers.refused_keys, scorer=OSA.distance, score_cutoff=best, limit=None
    ):
        if _as_close(best_key, found, best):
            return reject("confusable", feedback.confusable(answers.refused[found].term))
    for rival in lexicon.near(best_key, best):
        if (
            rival.key not in answers.accepted
            and rival.term != answers.canonical
            and _as_close(best_key, rival.key, best)
        ):
            return reject("confusable", feedback.confusable(rival.term))
    return accept(answers.canonical, "typo", feedback.typo(answers.canonical))


def _as_close(key: str, other: str, distance: int) -> bool:
    """Whether ``key`` is within ``distance`` typo edits of ``other`` (same-sounding characters for Chinese)."""
    if has_cjk(other):
        near = typo_distance(key, other)
        return near is not None and near <= distance
    return OSA.distance(key, other, score_cutoff=distance) <= distance
