"""Numeric questions: a fact with a number in it (63.2%, 15%, 45 FPS) asked back with a tolerance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizcore.generation.common import item_owners, question_id, source_of, topic_of
from quizcore.generation.text import clean_heading, has_residue, tidy
from quizcore.knowledge import Section
from quizcore.questions import Format, Kind, Question

__all__ = ["numeric_questions"]

_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.×x*/\-^])(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|％|倍|层|个|维|类|种|次|帧|张|步|万|亿|位|字节|像素|通道|秒|轮|(?:FPS|fps|MB|GB|ms|M|K)(?![A-Za-z0-9]))"
)
_PER_SECTION = 2
#: Words before a number that say it is rounded.
_ROUGH = re.compile(r"约|大约|左右|近|将近|大概|超过")
#: Numbers in examples ("假设总共有4个分类") are made up for the example, not facts to remember.
_EXAMPLE = re.compile(r"假设|假如|如果|例如|比如|举例|举个|例子|咱们|我们|我用")
#: A number in a run of numbers ("重复第 2、3 步", "第 30、60 个 epoch"): its neighbours give it away.
_IN_A_RUN = re.compile(r"\d\s*、\s*$")


def _tolerance(value: float, unit: str, text: str, rough: bool = False) -> float:
    if rough and "." not in text and unit not in ("%", "％"):
        return round(max(abs(value) * 0.05, 1.0), 4)  # "约 18 倍": the notes round, so 18.6 and 19 are right too
    if unit in ("%", "％"):
        return min(0.5 if "." in text else 1.0, round(abs(value) * 0.05, 4))
    if "." in text:
        return round(abs(value) * 0.02, 6)
    return 0.0 if value < 100 else round(value * 0.02, 3)


#: A sentence that goes on from the one before, or into the next ("以上四种操作…，其他常用方法有"): what
#: it is about is there, not here.
_GOES_ON = re.compile(r"^\s*(?:所以|因此|因而|于是|但是?|而且?|这|那|以上|上述|上面)|(?:有|包括|如下|[：:])\s*$")
#: Small numbers as words name them ("留一法" and "单样本" say 1).
_SAYS_THE_NUMBER = {str(i): re.compile(re.escape(c)) for i, c in enumerate("零一二三四五六七八九十")}
_SAYS_THE_NUMBER["1"] = re.compile(
    r"一|(?<!简)单(?![独纯调位])|\b(?:one|single|uni)", re.IGNORECASE
)  # 单样本（One-shot）
_SAYS_THE_NUMBER["2"] = re.compile(r"[二两双]|\b(?:two|double|bi)", re.IGNORECASE)  # 双线性, bigram
_NEVER = re.compile(r"(?!)")
#: A run of items named in a row ("1×1、3×3、5×5 卷积和 3×3 池化").
_LISTED = re.compile(r"[^，,。；;：:、]+(?:、[^，,。；;：:、]+)+")


def _count_listed(text: str) -> int:
    """How many items the longest run in ``text`` names (a last 和 joins one more)."""
    run = max(_LISTED.findall(text), key=len, default="")
    items = run.split("、")
    return len(items) + (1 if "和" in items[-1] else 0)


_CLAUSES = re.compile(r"[，,；;]")
_PRODUCT = re.compile(r"(\d+(?:\.\d+)?)\s*[×xX*]\s*(\d+(?:\.\d+)?)")
_CONTEXT_LIMIT = 24
#: A label in front of an item ("（优点）速度快"): the context says more.
_LABEL = re.compile(r"^\s*[（(][^）)]{1,4}[）)]\s*")


def _whole_sentences(text: str) -> list[str]:
    """Sentences up to 。！？ (a clause after ； goes on from the one before it: "输入 28×28×192…；保持
    28×28 输出时约需 1.73 亿次乘加" needs its setup)."""
    return [p for p in (tidy(part) for part in _WHOLE_END.split(text)) if p]


_WHOLE_END = re.compile(r"(?<=[。！？!?])|\n")


def _candidates(text: str) -> Iterator[tuple[str, list[re.Match[str]]]]:
    """Sentences with one or two measured numbers; where a sentence restates its number, the clause
    that holds it first ("即一个样本被选中的概率是 63.2%，…大约有 63.2% 的样本被选中")."""
    for sentence in _whole_sentences(text):
        matches = list(_NUMBER.finditer(sentence))
        if not matches or _EXAMPLE.search(sentence):
            continue  # a clause taken from the sentence below is an example too
        value = matches[0].group("value")
        if sum(1 for m in matches if m.group("value") == value) > 1 or len(matches) > 2:
            clauses = _CLAUSES.split(sentence)
            at = next((i for i, c in enumerate(clauses) if _NUMBER.search(c)), len(clauses))
            if any(re.search(r"\d", c) for c in clauses[:at]):
                continue  # "VGG-16 最后的特征图为 7×7×512，展开成 25088 维…": the clause needs the sizes before it
            clause = clauses[at] if at < len(clauses) else ""
            sentence, matches = clause.strip(), list(_NUMBER.finditer(clause.strip()))
        if 1 <= len(matches) <= 2:
            yield sentence, matches


def numeric_questions(section: Section, subject: set[str] | None = None) -> Iterator[Question]:
    """Up to two numeric questions from sentences holding one or two measured numbers.

    Args:
        section: where the sentences come from.
        subject: the heading's subject words. A sentence that does not name its subject is asked
            with what it is about in front: the term of the list item it sits under, else the
            heading ("（YOLO）速度快，____ FPS"; "速度快，45 FPS" alone does not say it is YOLO).
    """
    made = 0
    asked: set[tuple[str, str]] = set()
    heading = clean_heading(section.title).rstrip("?？")
    for block, owner in zip(section.blocks, item_owners(section), strict=True):
        if not block.is_prose:
            continue
        for sentence, matches in _candidates(block.text):
            if made >= _PER_SECTION:
                return
            if has_residue(sentence) or not 10 <= len(sentence) <= 120:
                continue
            if _GOES_ON.match(sentence):
                continue  # "所以最后得出来的模型…小 18 倍": which model is in the sentence before
            context = ""
            if subject and not any(w.casefold() in sentence.casefold() for w in subject):
                context = owner or heading
                if not context or len(context) > _CONTEXT_LIMIT or has_residue(context):
                    continue
            match = next((m for m in matches if m.group("unit") in ("%", "％")), matches[0])
            value_text, unit = match.group("value"), match.group("unit")
            value = float(value_text)
            if 1900 <= value <= 2100 and "." not in value_text:
                continue
            if unit in ("%", "％") and value in (0.0, 100.0):
                continue  # "100% 的把握" is rhetoric, not a fact to recall
            if _SAYS_THE_NUMBER.get(value_text, _NEVER).search(re.split(r"[：:]", sentence, maxsplit=1)[0]):
                continue  # "留一法：…每次只留 ____ 个样本": the name says the number
            if (
                value_text.isdigit()
                and 2 <= int(value_text) <= 10
                and _count_listed(sentence[match.end() :]) == int(value_text)
            ):
                continue  # "____个分支：1×1、3×3、5×5 卷积和池化" counts the items it lists
            if re.search(r"这\s*$", sentence[: match.start()]):
                continue  # "有了这 2 个随机的保证": the number counts what came before
            if _IN_A_RUN.search(sentence[: match.start()]) or sentence[match.end() :].lstrip().startswith("、"):
                continue
            rest = sentence[: match.start()] + sentence[match.end() :]
            others = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", rest)]
            if unit in ("%", "％") and any(
                abs(value + o - 100) < 1e-9 or abs(value / 100 + o - 1) < 1e-9 for o in others
            ):
                continue  # "只占 ____ % 时 … 99% 的准确率", "及格的概率仅有0.1": the other share gives it away
            if any(float(a) * float(b) == value for a, b in _PRODUCT.findall(rest)):
                continue  # "周围 2×2 共 ____ 个像素", "3×3 卷积…参数量仍是 ____ 个": the sizes multiply out to it
            if (value_text, unit) in asked:
                continue  # the same fact said twice in one section is one question
            if re.search(rf"(?<![\d.]){re.escape(value_text)}(?![\d.])", rest):
                continue  # the number is restated elsewhere in the sentence
            unit = "%" if unit == "％" else unit
            stem = (
                sentence[: match.start()] + "____" + (" " if unit[0].isascii() else "") + unit + sentence[match.end() :]
            )
            if len(sentence[: match.start()].strip("（）() ")) < 4 and not context:
                continue
            answer = value_text + unit if unit == "%" else value_text
            shown = f"（{context}）{_LABEL.sub('', stem).rstrip('。')}" if context else stem.rstrip("。")
            yield Question(
                id=question_id(Kind.NUMERIC, Format.NUMERIC, section.path_text, sentence),
                kind=Kind.NUMERIC,
                format=Format.NUMERIC,
                topic=topic_of(section),
                difficulty=3,
                stem=f"填数字：{shown}",
                explanation=sentence,
                source=source_of(section, block.line),
                answers=(answer,),
                tolerance=_tolerance(value, unit, value_text, bool(_ROUGH.search(sentence[: match.start()][-4:]))),
            )
            asked.add((value_text, unit))
            made += 1
