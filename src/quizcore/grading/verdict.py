"""The verdict on one reply: right or wrong, how much credit, and one sentence for the member."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Verdict"]


@dataclass(frozen=True)
class Verdict:
    """How one reply was judged.

    Attributes:
        correct: whether the reply counts as right.
        score: credit between 0 and 1 (partial for open answers).
        matched: the canonical answer when the reply was accepted, else None.
        feedback: one short sentence for the member (Chinese, English terms kept).
        reason: a machine code: ``exact``, ``alias``, ``typo``, ``contained``, ``number``, ``choice``,
            ``complete``, ``partial``, ``confusable``, ``vague``, ``negated``, ``wrong``, ``empty``,
            ``too_long``, ``spray``.
        points_hit: key points covered (open answers), by their first alias.
        points_missed: key points not covered (open answers).
    """

    correct: bool
    score: float
    matched: str | None
    feedback: str
    reason: str
    points_hit: tuple[str, ...] = field(default=())
    points_missed: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The JSON shape printed by ``quizbot grade``."""
        data: dict[str, Any] = {
            "correct": self.correct,
            "score": round(self.score, 4),
            "matched": self.matched,
            "feedback": self.feedback,
            "reason": self.reason,
        }
        if self.points_hit or self.points_missed:
            data["points_hit"] = list(self.points_hit)
            data["points_missed"] = list(self.points_missed)
        return data


def accept(matched: str, reason: str, feedback: str) -> Verdict:
    """A full-credit verdict."""
    return Verdict(True, 1.0, matched, feedback, reason)


def reject(reason: str, feedback: str) -> Verdict:
    """A no-credit verdict."""
    return Verdict(False, 0.0, None, feedback, reason)
