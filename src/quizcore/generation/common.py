"""What every question maker shares: stable ids, seeded option order, distractor choice, provenance."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from quizcore.generation.terms import TermIndex, is_generic
from quizcore.generation.text import has_residue, norm_key
from quizcore.knowledge import BlockKind, Section
from quizcore.questions import Format, Kind, Question, Source

__all__ = ["Maker", "Rejections", "item_owners", "pick_distractors", "question_id", "source_of", "topic_of"]

_NEAR_DUPLICATE = 80.0
_FUZZY_FROM = 6
_VERSION = re.compile(r"v?\d[\w.]*")


def question_id(kind: Kind, fmt: Format, *parts: str) -> str:
    """A stable id from the question's content: the same note content gives the same id anywhere."""
    digest = hashlib.sha1("|".join([kind.value, fmt.value, *(norm_key(p) for p in parts)]).encode("utf-8"))
    return "q" + digest.hexdigest()[:12]


def topic_of(section: Section) -> str:
    """The topic path of a question made from ``section``."""
    return section.path_text


def source_of(section: Section, line: int | None = None) -> Source:
    """Provenance: file, line (the block's when given, else the heading's) and heading path."""
    return Source(section.file, line or section.line, section.path_text)


@dataclass
class Rejections:
    """Why candidate questions were dropped, counted by reason."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, reason: str) -> None:
        """Count one rejection."""
        self.counts[reason] = self.counts.get(reason, 0) + 1


def _too_close(a: str, b: str) -> bool:
    """The same thing twice, or one inside the other (池化 and 平均池化); English names count
    only as whole words (LeNet is not inside GoogleNet), and short names are never fuzzy matches
    (LeNet and AlexNet are different networks)."""
    ka, kb = norm_key(a), norm_key(b)
    if not ka or not kb or ka == kb:
        return True
    if ka.isascii() and kb.isascii():
        wa, wb = re.findall(r"[a-z0-9]+", a.casefold()), re.findall(r"[a-z0-9]+", b.casefold())
        if _contains_words(wa, wb) or _contains_words(wb, wa):
            return True
        if _versions(ka, kb) or _versions(kb, ka):
            return True  # YOLO and YOLOv5: a version of the same thing
    elif len(ka) <= 12 and len(kb) <= 12 and (ka in kb or kb in ka):
        return True
    return min(len(ka), len(kb)) >= _FUZZY_FROM and fuzz.ratio(ka, kb) >= _NEAR_DUPLICATE


def _versions(base: str, other: str) -> bool:
    return other.startswith(base) and bool(_VERSION.fullmatch(other[len(base) :]))


def _contains_words(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def pick_distractors(
    answer: str,
    tiers: Sequence[Iterable[str]],
    index: TermIndex,
    rng: random.Random,
    k: int = 3,
    *,
    terms: bool = True,
    affinity: Callable[[str], int] | None = None,
) -> list[str]:
    """Up to ``k`` wrong options, taken tier by tier (closest relatives first).

    Candidates that are the answer under another name, contain it or are contained in it
    (for terms), a kind of it or what it is a kind of (随机森林 for Bagging), nearly duplicate the
    answer or an option already chosen, generic labels, or text with markdown residue are skipped.
    Within a tier the order is shuffled by ``rng``, and candidates of higher ``affinity`` (sharing more
    with the answer) come first.
    """
    chosen: list[str] = []
    for tier in tiers:
        pool = list(dict.fromkeys(tier))
        rng.shuffle(pool)
        if affinity is not None:
            pool.sort(key=affinity, reverse=True)
        for candidate in pool:
            if len(chosen) >= k:
                return chosen
            if has_residue(candidate) or (terms and is_generic(candidate)):
                continue
            if index.same_term(answer, candidate) or _too_close(answer, candidate) or index.nested(answer, candidate):
                continue
            if any(_too_close(candidate, c) or index.same_term(candidate, c) for c in chosen):
                continue
            chosen.append(candidate)
    return chosen


@dataclass
class Maker:
    """Seeded construction of questions: option order depends on the seed, ids never do."""

    seed: int

    def rng_for(self, key: str) -> random.Random:
        """A random generator private to one question's content; the seed plays no part.

        It picks distractors, so which questions exist (and their ids) never depends on the seed.
        """
        digest = hashlib.sha1(f"content:{key}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def _order_rng(self, qid: str) -> random.Random:
        digest = hashlib.sha1(f"{self.seed}:{qid}".encode()).digest()
        return random.Random(int.from_bytes(digest[:8], "big"))

    def mcq(
        self,
        kind: Kind,
        stem: str,
        correct: str,
        wrong: Sequence[str],
        *,
        id_parts: Sequence[str],
        topic: str,
        source: Source,
        explanation: str,
        difficulty: int,
    ) -> Question:
        """A multiple-choice question with the correct option at a seeded position."""
        qid = question_id(kind, Format.MCQ, *id_parts)
        options = [correct, *wrong]
        self._order_rng(qid).shuffle(options)
        return Question(
            id=qid,
            kind=kind,
            format=Format.MCQ,
            topic=topic,
            difficulty=difficulty,
            stem=stem,
            explanation=explanation,
            source=source,
            options=tuple(options),
            answer_index=options.index(correct),
        )


def item_owners(section: Section) -> list[str | None]:
    """For each block, the term of the list item it is nested in ("YOLO：…" over "（优点）速度快，45FPS")."""
    owners: list[str | None] = []
    stack: list[tuple[int, str | None]] = []
    for block in section.blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            owners.append(None)
            stack.clear()
            continue
        while stack and stack[-1][0] >= block.depth:
            stack.pop()
        owners.append(next((term for _, term in reversed(stack) if term), None))
        stack.append((block.depth, block.term))
    return owners


def explanation_of(section: Section, limit: int = 500) -> str:
    """The section's own text, cut to a readable length."""
    parts = []
    for block in section.blocks:
        if block.is_prose:
            parts.append(("- " if block.kind is BlockKind.LIST_ITEM else "") + block.text)
    text = "\n".join(parts)
    return text if len(text) <= limit else text[:limit].rstrip() + "…"
