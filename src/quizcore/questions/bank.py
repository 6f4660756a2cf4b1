"""The question bank: every question of a knowledge base, looked up by id, topic and kind."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from quizcore.questions.model import Format, Kind, Question

__all__ = ["Bank", "UnknownQuestion"]


class UnknownQuestion(KeyError):
    """No question has this id (its note may have been edited or deleted)."""


@dataclass
class Bank:
    """An immutable-by-convention collection of questions with fast lookups."""

    questions: list[Question] = field(default_factory=list)
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {q.id: q for q in self.questions}

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._by_id

    def get(self, question_id: str) -> Question | None:
        """The question with this id, or None."""
        return self._by_id.get(question_id)

    def by_id(self, question_id: str) -> Question:
        """The question with this id.

        Raises:
            UnknownQuestion: no such question in this bank.
        """
        try:
            return self._by_id[question_id]
        except KeyError:
            raise UnknownQuestion(question_id) from None

    def topics(self) -> list[str]:
        """Top-level topics (first heading of each topic path), in first-seen order."""
        seen: dict[str, None] = {}
        for q in self.questions:
            seen.setdefault(q.topic.split(" > ")[0], None)
        return list(seen)

    def select(
        self,
        topic: str | None = None,
        kinds: Iterable[Kind] | None = None,
        formats: Iterable[Format] | None = None,
    ) -> list[Question]:
        """Questions whose topic path contains ``topic`` (case-insensitive) and of the given kinds/formats."""
        kind_set = set(kinds) if kinds is not None else None
        format_set = set(formats) if formats is not None else None
        needle = topic.casefold() if topic else None
        return [
            q
            for q in self.questions
            if (needle is None or needle in q.topic.casefold())
            and (kind_set is None or q.kind in kind_set)
            and (format_set is None or q.format in format_set)
        ]
