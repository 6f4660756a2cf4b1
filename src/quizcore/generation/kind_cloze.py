"""Cloze questions: a key sentence with one term blanked, distractors from the term's own family."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizcore.generation.common import Maker, pick_distractors, question_id, source_of, topic_of
from quizcore.generation.terms import TermIndex, TermInfo
from quizcore.generation.text import has_residue, leans_on_context, name_pattern, sentences
from quizcore.knowledge import Section
from quizcore.questions import Format, Kind, Question, Source

__all__ = [
    "BLANK",
    "DEFINES_BLANK",
    "TITLE_LIKE",
    "cloze_questions",
    "drop_gloss",
    "fair_blank",
    "same_kind",
    "typed_cloze",
]

BLANK = "____"
_MIN, _MAX = 12, 90
_PER_SECTION = 2
_ASKING = ("简述", "介绍", "什么", "如何", "为什么", "请", "说说", "列举", "比较", "解释", "谈谈", "描述")
_CONTENT = re.compile(r"[\w\u4e00-\u9fff]")


#: Heading-like noun phrases are titles, not claims.
TITLE_LIKE = ("问题", "方法", "原因", "区别", "差别", "过程", "方案", "步骤", "作用", "优缺点")
#: A blank right before these is a verb slot ("梯度很难____到前面").
_VERB_AFTER = tuple("到了着过得")


def _usable(sentence: str) -> bool:
    """A self-contained statement (not a question or a title), short enough for chat, with balanced brackets."""
    if not _MIN <= len(sentence) <= _MAX or has_residue(sentence):
        return False
    if sentence.endswith(("？", "?", "吗", "呢", *TITLE_LIKE)) or "哪些" in sentence or "是否" in sentence:
        return False
    if sentence.startswith(_ASKING) or leans_on_context(sentence):
        return False
    return sentence.count("（") == sentence.count("）") and sentence.count("(") == sentence.count(")")


def _candidates(section: Section, index: TermIndex) -> list[tuple[str, int, bool, TermInfo | None]]:
    """Key sentences of a section: bold claims first, then sentences that say what a known term is
    ("随机森林是由很多决策树并行构成的"), each with the term it defines."""
    found: list[tuple[str, int, bool, TermInfo | None]] = []
    for block in section.blocks:
        if not block.is_prose:
            continue
        for bold in block.bold:
            if _usable(bold):
                found.append((bold.rstrip("。"), block.line, True, None))
        # Only the author's bold key facts and definitions: eight rounds of review found cloze
        # questions cut from ordinary sentences wrong or ambiguous more often than not (missing
        # subject, a blank that several family members fill), while bold claims are self-contained
        # by intent, and a definition names what it is about: the blank.
        for sentence in sentences(block.definition or block.text):
            sentence = sentence.rstrip("。")
            opening = index.find_in(sentence)[:1]
            if not opening or opening[0][0] != 0 or not opening[0][2].from_glossary or not _usable(sentence):
                continue
            term = opening[0][2]
            if DEFINES_BLANK.match(drop_gloss(BLANK + sentence[opening[0][1] :].lstrip())):
                found.append((sentence, block.line, False, term))
    unique: dict[str, tuple[str, int, bool, TermInfo | None]] = {}
    for item in found:
        unique.setdefault(item[0], item)
    return sorted(unique.values(), key=lambda c: not c[2])


def _blank(sentence: str, term: TermInfo) -> str:
    pattern = name_pattern(term.names)
    return pattern.sub(BLANK, sentence) if pattern else sentence


def _tail_left(stem: str, term: TermInfo) -> bool:
    """The blank took a short name and left the kind after it ("____ 曲线" of "ROC 曲线"): the answer
    ROC曲线 would read "ROC曲线 曲线", and a wrong option of another kind stands out."""
    after = stem.partition(BLANK)[2].lstrip()
    tail = term.name[-2:]
    return len(term.name) >= 3 and not tail.isascii() and after.startswith(tail)


def _obvious(term: TermInfo, others: list[TermInfo], index: TermIndex) -> bool:
    """The blank's partner is in the sentence (梯度消失 by 梯度爆炸, 静态图 by 动态图): too easy or ambiguous."""
    family = {t.name for t in index.category_peers(term)} | {t.name for t in index.head_noun_peers(term.name)}
    return any(o.name in family for o in others if o is not term)


#: "____是…", "____指…", "____表示…": the sentence defines the blank.
DEFINES_BLANK = re.compile(r"^____\s*(?:是指|指的是|就是|是|指|表示|即|称为|又称)")


def drop_gloss(text: str) -> str:
    """``____(gradient vanishing problem)`` → ``____``: the gloss after a blank names what was blanked."""
    return re.sub(r"____\s*[（(][^）)]{1,40}[）)]", "____", text)


def same_kind(a: str, b: str) -> bool:
    """Two names of the same kind of thing by their form: both English, or ending alike (…化, …图, …次数)."""
    if a.isascii() != b.isascii():
        return False
    return a.isascii() or a[-1] == b[-1]


def typed_cloze(
    section: Section,
    sentence: str,
    term: str,
    stem: str,
    explanation: str,
    source: Source,
    answers: tuple[str, ...],
) -> Question:
    """A short-answer cloze: the sentence with the term blanked, the term typed back."""
    return Question(
        id=question_id(Kind.CLOZE, Format.SHORT, section.path_text, sentence, term),
        kind=Kind.CLOZE,
        format=Format.SHORT,
        topic=topic_of(section),
        difficulty=3,
        stem=f"填空（写出术语）：{stem}",
        explanation=explanation,
        source=source,
        answers=answers,
    )


def fair_blank(stem: str) -> bool:
    """The blank takes a noun: not a verb slot, not a label before a colon, enough context around it."""
    if stem.count(BLANK) != 1 or BLANK + "（" in stem or BLANK + "(" in stem:
        return False  # two blanks for one answer read as two questions
    if re.search(re.escape(BLANK) + r"\s*[:：]", stem) or any(BLANK + c in stem for c in _VERB_AFTER):
        return False
    return len(_CONTENT.findall(stem.replace(BLANK, ""))) >= 10


def _has_subject(stem: str, term: TermInfo, subject: set[str], bold: bool) -> bool:
    """The sentence says what it is about: the blank is the heading's subject, or the subject is still there.

    An author's bold key fact is taken as self-contained."""
    if bold or not subject or any(n in subject for n in term.names):
        return True
    folded = stem.casefold()
    return any(w.casefold() in folded for w in subject)


def cloze_questions(
    section: Section, index: TermIndex, maker: Maker, subject: set[str] | None = None
) -> Iterator[Question]:
    """Up to two cloze questions from one section's key sentences: multiple choice, and (for bold key facts)
    short answer."""
    made = 0
    for sentence, line, bold, defined in _candidates(section, index):
        if made >= _PER_SECTION:
            return
        mentions = index.find_in(sentence)
        others = [t for _, _, t in mentions]
        for _, _, term in sorted(mentions, key=lambda m: (not m[2].from_glossary, -len(m[2].name))):
            if not term.from_glossary or _obvious(term, others, index) or (defined and term is not defined):
                continue
            stem_text = _blank(sentence, term)
            if _tail_left(stem_text, term):
                continue
            if (
                BLANK not in stem_text
                or not fair_blank(stem_text)
                or not _has_subject(stem_text, term, subject or set(), bold or defined is not None)
            ):
                continue
            rng = maker.rng_for("cloze:" + sentence + term.name)
            in_sentence = {t.name for t in others}
            # Wrong terms of the answer's own kind: the same category and the same head noun or last
            # character (标准化 among 归一化/正则化…, not among 独热编码 and 过滤法), so that the blank's
            # grammar alone does not pick the answer.
            peers = [t for t in index.category_peers(term) if t.name not in in_sentence]
            tiers = [
                [t.name for t in peers if same_kind(t.name, term.name)],
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
            if bold and DEFINES_BLANK.match(stem_text):
                # typed from memory only where the sentence says what the term is ("____操作把分布压缩在…"
                # fits 标准化 as well as BN)
                yield typed_cloze(section, sentence, term.name, stem_text, explanation, source, term.names)
            made += 1
            if not bold:
                break
            break
