"""The seeded sample of generated questions that people judge by hand (kept with their verdicts in tests)."""

from __future__ import annotations

import random

from quizcore.questions import Bank, Kind, Question

__all__ = ["review_sample"]


def review_sample(bank: Bank, size: int = 60, seed: int = 0) -> list[Question]:
    """``size`` generated (not hand-written) questions picked at random, the same for the same bank and seed.

    At most one question per source line: the variants of one fact (multiple choice and short
    answer) would be judged twice otherwise.
    """
    by_place: dict[tuple[str, int], Question] = {}
    for q in sorted((q for q in bank if q.kind is not Kind.AUTHORED), key=lambda q: q.id):
        by_place.setdefault((q.source.file, q.source.line), q)
    generated = sorted(by_place.values(), key=lambda q: q.id)
    if len(generated) <= size:
        return generated
    return random.Random(seed).sample(generated, size)
