"""Building the question bank from a knowledge base, and caching it on disk by the folder's content."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from quizcore.generation.common import Maker, Rejections
from quizcore.generation.kind_cloze import cloze_questions
from quizcore.generation.kind_contrast import contrast_questions
from quizcore.generation.kind_definition import definition_questions
from quizcore.generation.kind_numeric import numeric_questions
from quizcore.generation.kind_odd import odd_one_out_questions
from quizcore.generation.kind_section import MISSES, section_questions, subject_words
from quizcore.generation.quality import collapse_near_duplicates, problems
from quizcore.generation.section_lists import Enumeration, enumeration_of
from quizcore.generation.segment import Segmenter
from quizcore.generation.terms import TermIndex, known_names, named_categories, section_terms
from quizcore.glossary import Glossary
from quizcore.knowledge import KnowledgeBase, Section, read_knowledge
from quizcore.questions import Bank, Question
from quizcore.yamlsource import YamlSourceError

__all__ = [
    "GENERATOR_VERSION",
    "BuildResult",
    "BuildStats",
    "build_bank",
    "build_from_folder",
    "default_cache_dir",
    "load_bank",
    "load_glossary",
]

log = logging.getLogger(__name__)

#: Bump when the bank's format changes; changes to the code that builds it are noticed on their own.
GENERATOR_VERSION = "2"
BUNDLED_KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"
_NEARBY = 20
_PACKAGE = Path(__file__).resolve().parents[1]
#: The code a bank depends on: a cached bank built by other code is never reused.
_BUILDING_CODE = ("generation", "knowledge", "questions", "glossary.py", "yamlsource.py", "authored.py")


@functools.cache
def _code_digest() -> str:
    digest = hashlib.sha256()
    for name in _BUILDING_CODE:
        path = _PACKAGE / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class BuildStats:
    """What a build made, and why some sections made nothing."""

    by_kind: dict[str, int] = field(default_factory=dict)
    by_format: dict[str, int] = field(default_factory=dict)
    by_topic: dict[str, int] = field(default_factory=dict)
    sections_with_material: int = 0
    sections_yielding: int = 0
    no_question_reasons: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    duplicates_collapsed: int = 0
    authored_errors: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        """Share of sections with answer material that yielded at least one question."""
        return self.sections_yielding / self.sections_with_material if self.sections_with_material else 0.0


@dataclass
class BuildResult:
    """The bank and the statistics of its build."""

    bank: Bank
    stats: BuildStats
    from_cache: bool = False


def _parents(kb: KnowledgeBase) -> dict[int, Section]:
    parents: dict[int, Section] = {}
    for note in kb.notes:
        for section in note.root.walk():
            for child in section.children:
                parents[id(child)] = section
    return parents


def _live(sections: list[Section]) -> list[Section]:
    return [s for s in sections if s.duplicate_of is None and s.has_answer_material]


def _related(section: Section, parents: dict[int, Section], enums: dict[int, Enumeration]) -> list[Enumeration]:
    """Enumerations near this one: under the same parent, else under the same grandparent."""
    parent = parents.get(id(section))
    scopes: list[list[Section]] = []
    if parent is not None:
        scopes.append(parent.children)
        grand = parents.get(id(parent))
        if grand is not None:
            scopes.append([c for sib in grand.children for c in sib.children])
    for scope in scopes:
        found = [enums[id(s)] for s in scope if s is not section and id(s) in enums]
        if found:
            return found
    return []


_FAR = 16


def _far_kin(sections: list[Section], index: TermIndex) -> dict[int, list[Section]]:
    """For each section, sections anywhere in the notes on a related topic: two rare known terms in
    common, then headings naming a term of the same glossary category (中值滤波 beside 高斯滤波).

    Rare is by how many sections mention a term (过拟合 and 训练集 are everywhere). Found through
    indexes from term and category to sections, so the work grows with the notes, not with their square.
    """
    live = _live(sections)
    terms = {id(s): section_terms(s, index) for s in live}
    kinds = {id(s): named_categories(s.title, index) for s in live}
    by_term: dict[str, list[Section]] = {}
    by_kind: dict[str, list[Section]] = {}
    for s in live:
        for t in terms[id(s)]:
            by_term.setdefault(t, []).append(s)
        for k in kinds[id(s)]:
            by_kind.setdefault(k, []).append(s)
    rare_limit = max(3, len(live) // 25)
    far: dict[int, list[Section]] = {}
    for s in live:
        shared: Counter[int] = Counter()
        found: dict[int, Section] = {}
        for t in terms[id(s)]:
            if len(by_term[t]) <= rare_limit:
                for other in by_term[t]:
                    shared[id(other)] += 2
                    found[id(other)] = other
        for k in kinds[id(s)]:
            for other in by_kind[k][: _FAR * 4]:
                shared[id(other)] += 4  # a heading of the same kind counts as two rare terms
                found[id(other)] = other
        shared.pop(id(s), None)
        ranked = sorted(
            (k for k, n in shared.items() if n >= 4), key=lambda k: (-shared[k], found[k].file, found[k].line)
        )
        far[id(s)] = [found[k] for k in ranked[:_FAR]]
    return far


def _why_none(section: Section, misses: list[str], rejected: bool) -> str:
    """Why a section made no question: a candidate the quality filters dropped, else the furthest step
    its which-heading question reached, else that it has nothing any shape asks about."""
    if rejected:
        return "every candidate failed the quality filters"
    if misses:
        return max(misses, key=MISSES.index)
    return "no question-like title, definitions, key sentences or numbers"


def _section_candidates(
    section: Section,
    parents: dict[int, Section],
    enums: dict[int, Enumeration],
    nearby: list[Section],
    far: list[Section],
    note_terms: frozenset[str],
    index: TermIndex,
    segmenter: Segmenter,
    maker: Maker,
    misses: list[str],
    headed: frozenset[str],
) -> Iterator[Question]:
    parent = parents.get(id(section))
    siblings = _live(parent.children) if parent is not None else []
    grand = parents.get(id(parent)) if parent is not None else None
    cousins = _live([c for aunt in grand.children if aunt is not parent for c in aunt.children]) if grand else []
    # Contrast questions first: a definition or which-heading question on the same clause is the
    # near-duplicate dropped (between two things, "which of the two" is the sharper question).
    yield from contrast_questions(section, index, maker)
    yield from definition_questions(section, index, maker, note_terms, segmenter.is_everyday)
    kin = list({id(s): s for s in _live([*nearby, *far]) if s is not section}.values())
    yield from section_questions(section, siblings, cousins, kin, index, segmenter, maker, misses, headed)
    subject = subject_words(section.title, index, segmenter, shortest=2)
    yield from cloze_questions(section, index, maker, subject)
    yield from numeric_questions(section, subject)
    if id(section) in enums:
        near = _related(section, parents, enums)
        yield from odd_one_out_questions(enums[id(section)], near, index, maker)


def build_bank(
    kb: KnowledgeBase, glossary: Glossary | None, authored: list[Question] | None = None, seed: int = 0
) -> BuildResult:
    """Generate every question the notes support, filter out the bad ones, and add the hand-written ones.

    Args:
        kb: the notes, as read by :func:`quizcore.knowledge.read_knowledge`.
        glossary: terms, aliases and categories for distractors and answers (None: only the notes' own terms).
        authored: hand-written questions, taken as written.
        seed: decides option order; ids never depend on it.
    """
    index = TermIndex(glossary, kb)
    # Only the glossary teaches the segmenter: the notes' own labels would make segmentation depend
    # on which notes were read, and with it the blanks of every question.
    segmenter = Segmenter(n for t in index.terms if t.from_glossary for n in t.names)
    maker = Maker(seed)
    parents = _parents(kb)
    sections = [s for s in kb.sections() if s.has_answer_material]
    enums = {id(s): e for s in sections if (e := enumeration_of(s)) is not None}
    stats = BuildStats(sections_with_material=len(sections))
    rejections = Rejections()
    accepted: list[Question] = []
    by_note: dict[str, list[Section]] = {}
    for section in sections:
        by_note.setdefault(section.file, []).append(section)
    place = {id(s): i for note in by_note.values() for i, s in enumerate(note)}
    terms_of_note = {
        file: frozenset().union(*(section_terms(s, index) for s in note)) for file, note in by_note.items()
    }
    far = _far_kin(sections, index)
    headed = frozenset().union(*(known_names(s.title, index) for s in _live(sections)))
    for section in sections:
        made = 0
        misses: list[str] = []
        rejected = False
        note = by_note[section.file]
        # Wrong headings also come from the sections around this one: nearby is related, and a window
        # keeps the work per section bounded however long the note (a whole note made it quadratic).
        at = place[id(section)]
        nearby = note[max(0, at - _NEARBY) : at + _NEARBY + 1]
        candidates = _section_candidates(
            section,
            parents,
            enums,
            nearby,
            far.get(id(section), []),
            terms_of_note[section.file],
            index,
            segmenter,
            maker,
            misses,
            headed,
        )
        for question in candidates:
            problem = problems(question, index, segmenter.is_everyday)
            if problem:
                rejections.add(problem)
                rejected = True
                continue
            accepted.append(question)
            made += 1
        if made:
            stats.sections_yielding += 1
        else:
            reason = _why_none(section, misses, rejected)
            stats.no_question_reasons[reason] = stats.no_question_reasons.get(reason, 0) + 1
    kept, stats.duplicates_collapsed = collapse_near_duplicates([*(authored or []), *accepted])
    stats.rejected = rejections.counts
    stats.by_kind = dict(Counter(q.kind.value for q in kept))
    stats.by_format = dict(Counter(q.format.value for q in kept))
    stats.by_topic = dict(Counter(q.topic.split(" > ")[0] for q in kept))
    return BuildResult(Bank(kept), stats)


def load_glossary(folder: Path) -> Glossary | None:
    """The folder's ``glossary.yaml``, else the bundled one, else None; a broken file is logged and skipped."""
    for path in (folder / "glossary.yaml", BUNDLED_KNOWLEDGE / "glossary.yaml"):
        if path.is_file():
            try:
                return Glossary.load(path)
            except YamlSourceError as exc:
                log.warning("%s", exc)
    return None


def _fingerprint(folder: Path, seed: int) -> str:
    digest = hashlib.sha256(f"{GENERATOR_VERSION}:{_code_digest()}:{seed}".encode())
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not any(x.startswith(".") for x in p.parts[-1:]))
    if not (folder / "glossary.yaml").is_file() and (BUNDLED_KNOWLEDGE / "glossary.yaml").is_file():
        paths.append(BUNDLED_KNOWLEDGE / "glossary.yaml")
    for path in paths:
        digest.update(str(path.relative_to(folder) if path.is_relative_to(folder) else path).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def default_cache_dir() -> Path:
    """Where built banks are cached: ``$QUIZBOT_CACHE_DIR``, else ``~/.cache/quizbot``."""
    env = os.environ.get("QUIZBOT_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "quizbot"


def build_from_folder(
    folder: Path, *, seed: int = 0, cache_dir: Path | None = None, use_cache: bool = True
) -> BuildResult:
    """Read a knowledge folder and build its bank, reusing the cached bank when the folder is unchanged."""
    cache_dir = cache_dir or default_cache_dir()
    cache_file = cache_dir / f"bank-{_fingerprint(folder, seed)}.json"
    if use_cache and cache_file.is_file():
        try:
            data: dict[str, Any] = json.loads(cache_file.read_text(encoding="utf-8"))
            bank = Bank([Question.from_json(q) for q in data["questions"]])
            return BuildResult(bank, BuildStats(**data["stats"]), from_cache=True)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring unreadable bank cache %s: %s", cache_file, exc)
    from quizcore.authored import load_authored

    loaded = load_authored(folder)
    result = build_bank(read_knowledge(folder), load_glossary(folder), loaded.questions, seed)
    result.stats.authored_errors = [str(e) for e in loaded.errors]
    if use_cache:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            payload = {"questions": [q.to_json() for q in result.bank], "stats": asdict(result.stats)}
            tmp = cache_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
            tmp.replace(cache_file)
        except OSError as exc:
            log.warning("could not cache the bank in %s: %s", cache_dir, exc)
    return result


def load_bank(knowledge_dir: Path, *, seed: int = 0, cache_dir: Path | None = None) -> Bank:
    """The question bank of a knowledge folder (built, or loaded from the cache when unchanged)."""
    return build_from_folder(knowledge_dir, seed=seed, cache_dir=cache_dir).bank
