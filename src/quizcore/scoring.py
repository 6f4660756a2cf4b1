"""The scoring rules (documented in docs/scoring.md): what each answer is worth, as ledger awards."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from quizcore.questions import Format

if TYPE_CHECKING:
    from quizcore.grading import Verdict

__all__ = [
    "DAILY_POINTS",
    "HINT_COSTS",
    "QUIZ_POINTS",
    "SPEED_BONUS_MAX",
    "Award",
    "daily_awards",
    "quiz_attempt_awards",
    "quiz_win_awards",
]

DAILY_POINTS = 10
"""A correct daily answer."""
QUIZ_POINTS = 10
"""Winning an on-demand question."""
SPEED_BONUS_MAX = 5
"""Extra points for winning an on-demand question at once, falling linearly to 0 at its deadline."""
HINT_COSTS = (2, 3)
"""What the first and second hint on an on-demand question cost its winner."""
MIN_WIN_POINTS = 1
"""Hints never bring a won question below this."""


@dataclass(frozen=True)
class Award:
    """One ledger row to write for a member.

    Attributes:
        reason: ``daily_correct``, ``daily_partial``, ``daily_wrong``, ``quiz_correct``, ``quiz_wrong``,
            ``speed_bonus`` or ``hint_penalty``.
        points: may be negative (hint penalty).
        answered: 1 on the row that counts the answer itself.
        correct: 1 when that answer is correct.
    """

    reason: str
    points: int
    answered: int = 0
    correct: int = 0


def _round(value: float) -> int:
    """Round half up (2.5 -> 3), as people expect, not to even."""
    return math.floor(value + 0.5)


def _credit(base: int, verdict: Verdict, fmt: Format) -> int:
    """Full points for a right answer; open answers earn their share of key points (partial credit)."""
    if fmt is Format.OPEN:
        return _round(base * max(0.0, min(1.0, verdict.score)))
    return base if verdict.correct else 0


def daily_awards(verdict: Verdict, fmt: Format) -> list[Award]:
    """The ledger rows of one counted daily answer (always exactly one, so it counts as answered)."""
    points = _credit(DAILY_POINTS, verdict, fmt)
    if verdict.correct:
        reason = "daily_correct"
    elif points > 0:
        reason = "daily_partial"
    else:
        reason = "daily_wrong"
    return [Award(reason, points, answered=1, correct=int(verdict.correct))]


def quiz_attempt_awards() -> list[Award]:
    """The ledger row of a wrong attempt at an on-demand question: answered, no points."""
    return [Award("quiz_wrong", 0, answered=1, correct=0)]


def quiz_win_awards(
    verdict: Verdict, fmt: Format, asked_at: datetime, deadline: datetime, now: datetime, hint_cost: int
) -> list[Award]:
    """The ledger rows of winning an on-demand question: base, speed bonus, minus the hints given on it."""
    base = max(MIN_WIN_POINTS, _credit(QUIZ_POINTS, verdict, fmt))
    awards = [Award("quiz_correct", base, answered=1, correct=1)]
    limit = (deadline - asked_at) / timedelta(seconds=1)
    left = (deadline - now) / timedelta(seconds=1)
    bonus = _round(SPEED_BONUS_MAX * max(0.0, min(1.0, left / limit))) if limit > 0 else 0
    if bonus:
        awards.append(Award("speed_bonus", bonus))
    penalty = min(hint_cost, base + bonus - MIN_WIN_POINTS)
    if penalty > 0:
        awards.append(Award("hint_penalty", -penalty))
    return awards
