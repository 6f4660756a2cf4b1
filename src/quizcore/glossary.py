"""The glossary: the field's terms, their aliases across languages, categories and confusables.

It is loaded from ``glossary.yaml`` at the root of a knowledge folder::

    terms:
      - term: 逻辑回归
        aliases: [LR, logistic regression, 对数几率回归]
        category: 分类模型
      - term: 随机森林
        category: 集成学习
        broader: Bagging        # a kind of Bagging: never a wrong option beside it
    confusables:
      - [逻辑回归, 线性回归]
      - [BN, LN, IN, GN]
    related_categories:             # kinds a term of the other is never one of, but near
      - [分类网络, 检测模型, 分割模型]

Grading uses it to accept aliases and refuse confusables; question generation uses
it to pick distractors of the same category (never a term's broader or narrower terms, which
fit its description as well), odd ones out of a related category, and to teach the segmenter
the terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizcore.yamlsource import YamlSourceError, load_yaml

__all__ = ["Glossary", "GlossaryError", "Term", "term_key"]

_KEY_DROP = re.compile(r"[\s\-_·・.'’\"“”()（）]+")


def term_key(text: str) -> str:
    """The comparison key of a term: NFKC, case-folded, without spaces, hyphens and brackets."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


class GlossaryError(YamlSourceError):
    """A glossary entry that is malformed, with the file and line at fault."""


@dataclass(frozen=True)
class Term:
    """One concept: its canonical name, other names, category, and the term it is a kind of."""

    name: str
    aliases: tuple[str, ...] = ()
    category: str = ""
    line: int = 0
    broader: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass
class Glossary:
    """All terms of a knowledge base, indexed by every name they go by."""

    terms: list[Term] = field(default_factory=list)
    confusable_groups: list[frozenset[str]] = field(default_factory=list)
    related_categories: list[tuple[str, ...]] = field(default_factory=list)
    warnings: list[GlossaryError] = field(default_factory=list)
    _by_key: dict[str, Term] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            self._index(term)

    def _index(self, term: Term) -> None:
        for name in term.names:
            self._by_key.setdefault(term_key(name), term)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def add(self, term: Term) -> None:
        """Add a term; a name already taken keeps pointing at its first owner."""
        self.terms.append(term)
        self._index(term)

    def lookup(self, text: str) -> Term | None:
        """The term that ``text`` names (any alias, any case or width), or None."""
        return self._by_key.get(term_key(text))

    def names_for(self, text: str) -> tuple[str, ...]:
        """Every name of the term ``text`` names, or just ``(text,)`` when it is unknown."""
        term = self.lookup(text)
        return term.names if term else (text,)

    def same_category(self, term: Term) -> list[Term]:
        """The other terms in ``term``'s category, in glossary order."""
        if not term.category:
            return []
        return [t for t in self.terms if t.category == term.category and t is not term]

    def nested(self, a: Term, b: Term) -> bool:
        """One is a kind of the other by their broader terms (C4.5 and 决策树)."""
        return self._under(a, b) or self._under(b, a)

    def _under(self, term: Term, ancestor: Term) -> bool:
        seen: set[str] = set()
        current: Term | None = term
        while current is not None and current.broader and current.name not in seen:
            seen.add(current.name)
            current = self.lookup(current.broader)
            if current is ancestor:
                return True
        return False

    def near_categories(self, category: str) -> list[str]:
        """Categories listed as related to ``category``: near it, yet none of their terms is one of it
        (YOLO is no classification network)."""
        found = [c for group in self.related_categories if category in group for c in group if c != category]
        return list(dict.fromkeys(found))

    def confusables_of(self, term: Term) -> list[Term]:
        """Terms that must never be accepted for ``term``: its listed confusables."""
        found: list[Term] = []
        for group in self.confusable_groups:
            if term.name in group:
                for name in sorted(group):
                    other = self.lookup(name)
                    if other is not None and other is not term and other not in found:
                        found.append(other)
        return found

    @classmethod
    def load(cls, path: Path, display: str | None = None) -> Glossary:
        """Read a glossary file; malformed entries become warnings, the rest loads.

        Raises:
            GlossaryError: the file is not YAML or not a mapping with ``terms``.
        """
        doc = load_yaml(path, display)
        data: Any = doc.data
        if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
            raise GlossaryError(doc.file, 1, "a glossary is a mapping with a 'terms' list")
        glossary = cls()
        for index, entry in enumerate(data["terms"]):
            line = doc.line_of(("terms", index))
            problem = _entry_problem(entry)
            if problem:
                glossary.warnings.append(GlossaryError(doc.file, line, f"terms[{index}]: {problem}"))
                continue
            aliases = tuple(str(a) for a in entry.get("aliases") or ())
            broader = str(entry.get("broader") or "")
            glossary.add(Term(str(entry["term"]), aliases, str(entry.get("category") or ""), line, broader))
        for narrower in list(glossary):
            if narrower.broader and glossary.lookup(narrower.broader) is None:
                problem = f"{narrower.name}: broader term {narrower.broader!r} is not in the glossary"
                glossary.warnings.append(GlossaryError(doc.file, narrower.line, problem))
        for index, group in enumerate(data.get("confusables") or []):
            line = doc.line_of(("confusables", index))
            if not isinstance(group, list) or len(group) < 2:
                glossary.warnings.append(
                    GlossaryError(doc.file, line, f"confusables[{index}]: a list of two or more terms")
                )
                continue
            names: set[str] = set()
            for name in group:
                term = glossary.lookup(str(name))
                if term is None:
                    glossary.warnings.append(
                        GlossaryError(doc.file, line, f"confusables[{index}]: unknown term {name!r}")
                    )
                else:
                    names.add(term.name)
            if len(names) >= 2:
                glossary.confusable_groups.append(frozenset(names))
        categories = {t.category for t in glossary}
        for index, group in enumerate(data.get("related_categories") or []):
            line = doc.line_of(("related_categories", index))
            if not isinstance(group, list) or len(group) < 2:
                problem = f"related_categories[{index}]: a list of two or more categories"
                glossary.warnings.append(GlossaryError(doc.file, line, problem))
                continue
            unknown = [str(c) for c in group if str(c) not in categories]
            if unknown:
                problem = f"related_categories[{index}]: no term has the category {unknown[0]!r}"
                glossary.warnings.append(GlossaryError(doc.file, line, problem))
                continue
            glossary.related_categories.append(tuple(str(c) for c in group))
        return glossary


_ENTRY_KEYS = {"term", "aliases", "category", "broader"}


def _entry_problem(entry: Any) -> str:
    if not isinstance(entry, dict):
        return "each entry is a mapping with 'term', 'aliases', 'category' and 'broader'"
    unknown = set(entry) - _ENTRY_KEYS
    if unknown:
        return f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_ENTRY_KEYS)}"
    if not isinstance(entry.get("term"), str | int | float) or not str(entry.get("term")).strip():
        return "'term' must be a non-empty string"
    aliases = entry.get("aliases")
    if aliases is not None and not isinstance(aliases, list):
        return "'aliases' must be a list"
    return ""
