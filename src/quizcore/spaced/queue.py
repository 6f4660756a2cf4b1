"""Which question a member reviews next: the most overdue first, then new ones from their weakest topics.

Pure functions over what the storage returns and the current bank; a question the bank no longer
holds (or that is held back) is skipped, never an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable

from quizcore.daily import top_topic
from quizcore.questions import Bank, Question

__all__ = [
    "RECENT_ANSWERS",
    "BankIndex",
    "due_questions",
    "topic_candidates",
    "topic_weakness",
    "weakest_topics",
]


RECENT_ANSWERS = 500
"""How many of a member's latest graded answers measure which topics are weakest (recent form, not all time)."""


class BankIndex:
    """The bank arranged for picking, built once per bank: each question's top-level topic, and each
    topic's questions grouped by difficulty (easiest group first).

    Args:
        bank: the questions.
    """

    def __init__(self, bank: Bank) -> None:
        self.bank = bank
        self.topic_of: dict[str, str] = {q.id: top_topic(q) for q in bank}
        self.topics: list[str] = bank.topics()
        levels: dict[str, dict[int, list[Question]]] = {t: {} for t in self.topics}
        for question in bank:
            levels[top_topic(question)].setdefault(question.difficulty, []).append(question)
        self.levels: dict[str, list[list[Question]]] = {
            topic: [by_level[d] for d in sorted(by_level)] for topic, by_level in levels.items()
        }


def due_questions(due_ids: Iterable[str], bank: Bank, excluded: Collection[str] = ()) -> list[Question]:
    """The due questions still in the bank and not excluded, keeping the given order (most overdue first)."""
    questions = []
    for question_id in due_ids:
        question = bank.get(question_id)
        if question is not None and question_id not in excluded:
            questions.append(question)
    return questions


def _topic_totals(index: BankIndex, results: Iterable[tuple[str, bool]]) -> tuple[dict[str, int], dict[str, int]]:
    answered: dict[str, int] = dict.fromkeys(index.topics, 0)
    correct: dict[str, int] = dict.fromkeys(index.topics, 0)
    for question_id, right in results:
        topic = index.topic_of.get(question_id)
        if topic is not None:
            answered[topic] += 1
            correct[topic] += right
    return answered, correct


def topic_weakness(index: BankIndex, results: Iterable[tuple[str, bool]]) -> dict[str, float]:
    """Each top-level topic's smoothed accuracy over the member's ``results`` (question id, correct).

    ``(correct + 1) / (answered + 2)`` puts a topic never answered at 0.5: below topics the member gets
    right, above the ones they get wrong. Lower means weaker.
    """
    answered, correct = _topic_totals(index, results)
    return {topic: (correct[topic] + 1) / (answered[topic] + 2) for topic in answered}


def weakest_topics(index: BankIndex, results: Iterable[tuple[str, bool]]) -> list[str]:
    """Top-level topics, weakest first by :func:`topic_weakness` (ties: fewer answers first, then by name)."""
    answered, correct = _topic_totals(index, results)
    return sorted(answered, key=lambda t: ((correct[t] + 1) / (answered[t] + 2), answered[t], t))


def topic_candidates(index: BankIndex, topic: str, *, salt: str, excluded: Collection[str] = ()) -> list[Question]:
    """A topic's questions in the order a member meets them when new: easier first, then by a hash of
    ``salt`` and the question id, so each member has their own (reproducible) order."""
    ordered: list[Question] = []
    for level in index.levels.get(topic, []):
        ordered += sorted((q for q in level if q.id not in excluded), key=lambda q: _mix(salt, q.id))
    return ordered


def _mix(salt: str, question_id: str) -> bytes:
    return hashlib.blake2b(f"{salt}\x1f{question_id}".encode(), digest_size=8).digest()
