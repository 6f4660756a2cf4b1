"""Merging near-duplicate sections across note files (the same article saved in two formats)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from quizcore.knowledge.model import Note, Section, SourceRef

__all__ = ["merge_duplicates"]

_NOT_WORD = re.compile(r"[^\w]+")
_SIMILAR = 85.0
_CONTAINED = 90.0


def _norm(text: str) -> str:
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def _signature(section: Section) -> str:
    """The body and the subsection titles: containers with no prose still compare by their outline."""
    return _norm(section.body_text() + "".join(child.title for child in section.children))


def _alike(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    if fuzz.ratio(a, b) >= _SIMILAR:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 0.6 * len(longer) and fuzz.partial_ratio(shorter, longer) >= _CONTAINED


def merge_duplicates(notes: Sequence[Note]) -> int:
    """Mark sections that repeat a section of another file; returns how many were merged.

    Sections pair up when their titles are the same once numbering, width, case and
    punctuation are ignored, and their bodies are nearly the same text. The richer copy
    is kept and records every source; the other gets ``duplicate_of`` set.
    """
    by_title: dict[str, list[Section]] = defaultdict(list)
    for note in notes:
        for section in note.sections():
            key = _norm(section.title)
            if key:
                by_title[key].append(section)
    merged = 0
    for group in by_title.values():
        if len(group) < 2 or len({s.file for s in group}) < 2:
            continue
        signatures = {id(s): _signature(s) for s in group}
        kept: list[Section] = []
        for section in group:
            twin = next(
                (k for k in kept if k.file != section.file and _alike(signatures[id(k)], signatures[id(section)])),
                None,
            )
            if twin is None:
                kept.append(section)
                continue
            keep, drop = (twin, section)
            if len(signatures[id(section)]) > len(signatures[id(twin)]):
                keep, drop = (section, twin)
                kept[kept.index(twin)] = section
            keep.sources.extend(src for src in drop.sources if src not in keep.sources)
            drop.duplicate_of = keep
            merged += 1
    return merged
