"""Everything a short answer is compared with, computed once per question: aliases and confusables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quizcore.glossary import Glossary, Term
from quizcore.grading.numbers import Number, parse_number
from quizcore.grading.terms import Name, prepare

__all__ = ["AnswerSet", "build_answer_set"]


@dataclass(frozen=True)
class AnswerSet:
    """The accepted and the refused names for one question.

    Attributes:
        canonical: the answer shown to members.
        canonical_key: its key, to tell an exact reply from an alias.
        accepted: every accepted name, by key.
        refused: names of confusable terms (distractors, listed confusables, same category), by key.
        number: the canonical answer as a number, when it is one.
        refused_keys: the keys of ``refused``, for nearest-match searches.
    """

    canonical: str
    canonical_key: str
    accepted: dict[str, Name]
    refused: dict[str, Name]
    number: Number | None
    refused_keys: tuple[str, ...] = ()

    @property
    def accepted_names(self) -> Iterable[Name]:
        """The accepted names, longest first (so containment finds the most specific one)."""
        return sorted(self.accepted.values(), key=lambda n: -len(n.key))


def _names(glossary: Glossary | None, text: str) -> tuple[str, ...]:
    return glossary.names_for(text) if glossary is not None else (text,)


def _confusable_terms(glossary: Glossary, text: str) -> list[Term]:
    term = glossary.lookup(text)
    if term is None:
        return []
    # C4.5 and its broader 决策树 are not rivals: "C4.5 决策树" names the answer and what it is a kind of
    return [t for t in (*glossary.confusables_of(term), *glossary.same_category(term)) if not glossary.nested(t, term)]


def build_answer_set(answers: Sequence[str], distractors: Sequence[str], glossary: Glossary | None) -> AnswerSet:
    """Prepare ``answers`` (canonical first) and ``distractors`` for matching, with the glossary's help.

    Raises:
        ValueError: no answer has any letter or digit.
    """
    accepted: dict[str, Name] = {}
    canonical = answers[0] if answers else ""
    for answer in answers:
        for text in _names(glossary, answer):
            name = prepare(text, canonical)
            if name is not None:
                accepted.setdefault(name.key, name)
    if not accepted:
        raise ValueError(f"no usable answer in {list(answers)!r}")
    refused: dict[str, Name] = {}
    others: list[tuple[str, tuple[str, ...]]] = [(d, _names(glossary, d)) for d in distractors]
    if glossary is not None:
        for answer in answers:
            others.extend((t.name, t.names) for t in _confusable_terms(glossary, answer))
    for term, texts in others:
        for text in texts:
            name = prepare(text, term)
            if name is not None and name.key not in accepted:
                refused.setdefault(name.key, name)
    first = prepare(canonical, canonical)
    return AnswerSet(
        canonical=canonical,
        canonical_key=first.key if first else "",
        accepted=accepted,
        refused=refused,
        number=parse_number(canonical),
        refused_keys=tuple(refused),
    )
