"""The seeded sample of generated questions that people judge by hand (kept with their verdicts in tests)."""

from __future__ import annotations

import hashlib

from quizcore.questions import Bank, Kind, Question

__all__ = ["review_sample"]


def _rank(seed: int, qid: str) -> str:
    return hashlib.sha256(f"{seed}:{qid}".encode()).hexdigest()


def review_sample(bank: Bank, size: int = 60, seed: int = 0) -> list[Question]:
    """``size`` generated (not hand-written) questions picked by a seeded hash of their ids.

    A question's place in the sample depends only on its own id, so a change to the generator
    swaps in new questions only where it changed or dropped the sampled ones, and the judgments of
    the rest still hold. At most one question per source line: the variants of one fact (multiple
    choice and short answer) would be judged twice otherwise.
    """
    by_place: dict[tuple[str, int], Question] = {}
    for q in sorted((q for q in bank if q.kind is not Kind.AUTHORED), key=lambda q: _rank(seed, q.id)):
        by_place.setdefault((q.source.file, q.source.line), q)
    return sorted(by_place.values(), key=lambda q: _rank(seed, q.id))[:size]
