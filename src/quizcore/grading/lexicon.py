"""Every name the glossary knows, indexed for exact lookups, near misses and scanning replies."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA

from quizcore.glossary import Glossary
from quizcore.grading.terms import Name, prepare

__all__ = ["Lexicon"]

# Names are indexed by their first characters, so scanning a reply looks only at names that could start there.
_HEAD = 2


class Lexicon:
    """The glossary's names, prepared once per grader."""

    def __init__(self, glossary: Glossary | None) -> None:
        self._by_key: dict[str, Name] = {}
        if glossary is not None:
            for term in glossary:
                for text in term.names:
                    name = prepare(text, term.name)
                    if name is not None:
                        self._by_key.setdefault(name.key, name)
        self._by_length: dict[int, list[str]] = defaultdict(list)
        self._by_head: dict[str, list[Name]] = defaultdict(list)
        for key, name in self._by_key.items():
            self._by_length[len(key)].append(key)
            self._by_head[key[:_HEAD]].append(name)

    def __len__(self) -> int:
        return len(self._by_key)

    def exact(self, key: str) -> Name | None:
        """The known name with this key, or None."""
        return self._by_key.get(key)

    def near(self, key: str, max_distance: int) -> list[Name]:
        """Known names within ``max_distance`` edits of ``key``, nearest first."""
        size = len(key)
        pool = [k for n in range(size - max_distance, size + max_distance + 1) for k in self._by_length.get(n, ())]
        found = process.extract(key, pool, scorer=OSA.distance, score_cutoff=max_distance, limit=8)
        return [self._by_key[text] for text, _distance, _index in found]

    def scan(self, normal: str, key: str) -> list[tuple[Name, tuple[int, int]]]:
        """The known names a normalised reply mentions, each occurrence once, longest names winning overlaps."""
        heads = {key[i : i + _HEAD] for i in range(len(key))}
        candidates = sorted((n for head in heads for n in self._by_head.get(head, ())), key=lambda n: -len(n.key))
        taken: list[tuple[int, int]] = []
        found: list[tuple[Name, tuple[int, int]]] = []
        for name in candidates:
            for span in name.spans_in(normal, key):
                if not any(span[0] < end and start < span[1] for start, end in taken):
                    taken.append(span)
                    found.append((name, span))
        return found
