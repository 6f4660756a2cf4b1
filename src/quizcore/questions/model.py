"""The question model shared by generation, grading, the engine and the adapters."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["Format", "Kind", "Question", "Source"]


class Kind(StrEnum):
    """Where a question came from."""

    DEFINITION = "definition"
    SECTION = "section"
    CLOZE = "cloze"
    ODD_ONE_OUT = "odd_one_out"
    NUMERIC = "numeric"
    AUTHORED = "authored"


class Format(StrEnum):
    """How a question is answered."""

    MCQ = "mcq"
    SHORT = "short"
    OPEN = "open"
    NUMERIC = "numeric"


@dataclass(frozen=True)
class Source:
    """Where the fact behind a question stands: file (relative to the knowledge folder), line, heading path."""

    file: str
    line: int
    heading: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Question:
    """One question, with everything needed to ask it, grade it and explain it.

    Attributes:
        id: stable across runs and machines for the same note content.
        kind: how it was made.
        format: how it is answered.
        topic: heading path of its topic, joined with `` > ``.
        difficulty: 1 (easy) to 5 (hard).
        stem: the question text, clean of markdown.
        options: the choices (``mcq`` only).
        answer_index: index of the correct option (``mcq`` only).
        answers: accepted answers, canonical first (``short`` and ``numeric``).
        points: key points, each a tuple of aliases (``open`` only).
        min_points: key points needed to pass (``open`` only).
        tolerance: absolute tolerance for ``numeric`` answers.
        explanation: shown after the question closes.
        source: provenance.
    """

    id: str
    kind: Kind
    format: Format
    topic: str
    difficulty: int
    stem: str
    explanation: str
    source: Source
    options: tuple[str, ...] | None = None
    answer_index: int | None = None
    answers: tuple[str, ...] | None = None
    points: tuple[tuple[str, ...], ...] | None = None
    min_points: int | None = None
    tolerance: float | None = None

    @property
    def correct_text(self) -> str:
        """The canonical correct answer as text, whatever the format."""
        if self.format is Format.MCQ and self.options is not None and self.answer_index is not None:
            return self.options[self.answer_index]
        if self.answers:
            return self.answers[0]
        if self.points:
            return "；".join(p[0] for p in self.points)
        return ""

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of ``quizbot bank --json`` (absent values are null)."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "format": self.format.value,
            "topic": self.topic,
            "difficulty": self.difficulty,
            "stem": self.stem,
            "options": list(self.options) if self.options is not None else None,
            "answer_index": self.answer_index,
            "answers": list(self.answers) if self.answers is not None else None,
            "points": [list(p) for p in self.points] if self.points is not None else None,
            "min_points": self.min_points,
            "tolerance": self.tolerance,
            "explanation": self.explanation,
            "source": {"file": self.source.file, "line": self.source.line, "heading": self.source.heading},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Question:
        """Rebuild a question from :meth:`to_json` output."""
        src = data["source"]
        return cls(
            id=data["id"],
            kind=Kind(data["kind"]),
            format=Format(data["format"]),
            topic=data["topic"],
            difficulty=int(data["difficulty"]),
            stem=data["stem"],
            explanation=data["explanation"],
            source=Source(src["file"], int(src["line"]), src["heading"]),
            options=tuple(data["options"]) if data.get("options") is not None else None,
            answer_index=data.get("answer_index"),
            answers=tuple(data["answers"]) if data.get("answers") is not None else None,
            points=tuple(tuple(p) for p in data["points"]) if data.get("points") is not None else None,
            min_points=data.get("min_points"),
            tolerance=data.get("tolerance"),
        )
