"""Cloze questions: a key sentence with one term blanked, distractors from the term's own family."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizcore.generation.common import Maker, pick_distractors, question_id, source_of, topic_of
from quizcore.generation.kind_definition import _name_pattern
from quizcore.generation.terms import TermIndex, TermInfo
from quizcore.generation.text import has_residue, sentences
from quizcore.knowledge import Section
from quizcore.questions import Format, Kind, Question

__all__ = ["cloze_questions"]

BLANK = "____"
_MIN, _MAX = 12, 90
_PER_SECTION = 2
_ASKING = ("简述", "介绍", "什么", "如何", "为什么", "请", "说说", "列举", "比较", "解释", "谈谈", "描述")
_CONTENT = re.compile(r"[\w\u4e00-\u9fff]")


def _usable(sentence: str) -> bool:
    """A statement (not a question), short enough for chat, with balanced brackets."""
    if not _MIN <= len(sentence) <= _MAX or has_residue(sentence):
        return False
    if sentence.endswith(("？", "?", "吗", "呢")) or "哪些" in sentence or "是否" in sentence:
        return False
    if sentence.startswith(_ASKING):
        return False
    return sentence.count("（") == sentence.count("）") and sentence.count("(") == sentence.count(")")


def _candidates(section: Section, index: TermIndex) -> list[tuple[str, int, bool]]:
    """Key sentences of a section: bold claims first, then sentences dense in known terms."""
    found: list[tuple[str, int, bool]] = []
    for block in section.blocks:
        if not block.is_prose:
            continue
        for bold in block.bold:
            if _usable(bold):
                found.append((bold.rstrip("。"), block.line, True))
        for sentence in sentences(block.text):
            if _usable(sentence) and len(index.find_in(sentence)) >= 2:
                found.append((sentence.rstrip("。"), block.line, False))
    unique: dict[str, tuple[str, int, bool]] = {}
    for item in found:
        unique.setdefault(item[0], item)
    return sorted(unique.values(), key=lambda c: not c[2])


def _blank(sentence: str, term: TermInfo) -> str:
    pattern = _name_pattern(term.names)
    return pattern.sub(BLANK, sentence) if pattern else sentence


def cloze_questions(section: Section, index: TermIndex, maker: Maker) -> Iterator[Question]:
    """Up to two cloze questions (multiple choice, and short answer) from one section's key sentences."""
    made = 0
    section_terms = [t for b in section.blocks for _, _, t in index.find_in(b.text)]
    for sentence, line, _bold in _candidates(section, index):
        if made >= _PER_SECTION:
            return
        mentions = index.find_in(sentence)
        for _, _, term in sorted(mentions, key=lambda m: (not m[2].from_glossary, -len(m[2].name))):
            stem_text = _blank(sentence, term)
            if stem_text.count(BLANK) > 2 or BLANK + "（" in stem_text or BLANK + "(" in stem_text:
                continue
            if BLANK not in stem_text or len(_CONTENT.findall(stem_text.replace(BLANK, ""))) < 10:
                continue
            rng = maker.rng_for("cloze:" + sentence + term.name)
            in_sentence = {t.name for _, _, t in mentions}
            tiers = [
                [t.name for t in index.category_peers(term) if t.name not in in_sentence],
                [t.name for t in index.head_noun_peers(term.name) if t.name not in in_sentence],
                [t.name for t in section_terms if t.name not in in_sentence],
            ]
            wrong = pick_distractors(term.name, tiers, index, rng)
            if len(wrong) < 3:
                continue
            source = source_of(section, line)
            explanation = sentence + "。"
            yield maker.mcq(
                Kind.CLOZE,
                f"填空：{stem_text}",
                term.name,
                wrong,
                id_parts=(section.path_text, sentence, term.name),
                topic=topic_of(section),
                source=source,
                explanation=explanation,
                difficulty=2,
            )
            yield Question(
                id=question_id(Kind.CLOZE, Format.SHORT, section.path_text, sentence, term.name),
                kind=Kind.CLOZE,
                format=Format.SHORT,
                topic=topic_of(section),
                difficulty=3,
                stem=f"填空（写出术语）：{stem_text}",
                explanation=explanation,
                source=source,
                answers=term.names,
            )
            made += 1
            break
