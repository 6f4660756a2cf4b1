"""Numeric questions: a fact with a number in it (63.2%, 15%, 45 FPS) asked back with a tolerance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizcore.generation.common import question_id, source_of, topic_of
from quizcore.generation.text import has_residue, sentences
from quizcore.knowledge import Section
from quizcore.questions import Format, Kind, Question

__all__ = ["numeric_questions"]

_NUMBER = re.compile(
    r"(?<![\w.×x*/\-^_])(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|％|倍|层|个|维|类|种|次|帧|张|步|万|亿|位|字节|像素|通道|秒|轮|(?:FPS|fps|MB|GB|ms|M|K)(?![A-Za-z0-9]))"
)
_PER_SECTION = 2
#: Words before a number that say it is rounded.
_ROUGH = re.compile(r"约|大约|左右|近|将近|大概|超过")
#: Numbers in examples ("假设总共有4个分类") are made up for the example, not facts to remember.
_EXAMPLE = re.compile(r"假设|例如|比如|举例|举个|例子")


def _tolerance(value: float, unit: str, text: str, rough: bool = False) -> float:
    if rough and "." not in text and unit not in ("%", "％"):
        return round(max(abs(value) * 0.05, 1.0), 4)  # "约 18 倍": the notes round, so 18.6 and 19 are right too
    if unit in ("%", "％"):
        return min(0.5 if "." in text else 1.0, round(abs(value) * 0.05, 4))
    if "." in text:
        return round(abs(value) * 0.02, 6)
    return 0.0 if value < 100 else round(value * 0.02, 3)


def numeric_questions(section: Section, subject: set[str] | None = None) -> Iterator[Question]:
    """Up to two numeric questions from sentences holding one or two measured numbers.

    Args:
        section: where the sentences come from.
        subject: the heading's subject words; a sentence must name its subject ("速度快，45 FPS"
            alone does not say it is YOLO).
    """
    made = 0
    for block in section.blocks:
        if not block.is_prose:
            continue
        for sentence in sentences(block.text):
            if made >= _PER_SECTION:
                return
            if has_residue(sentence) or not 10 <= len(sentence) <= 120 or _EXAMPLE.search(sentence):
                continue
            if subject and not any(w.casefold() in sentence.casefold() for w in subject):
                continue
            matches = list(_NUMBER.finditer(sentence))
            if not 1 <= len(matches) <= 2:
                continue
            match = next((m for m in matches if m.group("unit") in ("%", "％")), matches[0])
            value_text, unit = match.group("value"), match.group("unit")
            value = float(value_text)
            if 1900 <= value <= 2100 and "." not in value_text:
                continue
            if unit in ("%", "％") and value in (0.0, 100.0):
                continue  # "100% 的把握" is rhetoric, not a fact to recall
            rest = sentence[: match.start()] + sentence[match.end() :]
            if unit in ("%", "％") and any(
                abs(value + float(m.group("value")) - 100) < 1e-9 for m in matches if m is not match
            ):
                continue  # "只占 ____ % 时 … 99% 的准确率": the other share gives it away
            if re.search(rf"(?<![\d.]){re.escape(value_text)}(?![\d.])", rest):
                continue  # the number is restated elsewhere in the sentence
            unit = "%" if unit == "％" else unit
            stem = (
                sentence[: match.start()] + "____" + (" " if unit[0].isascii() else "") + unit + sentence[match.end() :]
            )
            if len(sentence[: match.start()].strip()) < 4:
                continue
            answer = value_text + unit if unit == "%" else value_text
            yield Question(
                id=question_id(Kind.NUMERIC, Format.NUMERIC, section.path_text, sentence),
                kind=Kind.NUMERIC,
                format=Format.NUMERIC,
                topic=topic_of(section),
                difficulty=3,
                stem=f"填数字：{stem.rstrip('。')}",
                explanation=sentence,
                source=source_of(section, block.line),
                answers=(answer,),
                tolerance=_tolerance(value, unit, value_text, bool(_ROUGH.search(sentence[: match.start()][-4:]))),
            )
            made += 1
