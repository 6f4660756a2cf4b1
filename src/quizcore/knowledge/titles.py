"""Heading titles: their numbering, and whether a title is itself a question."""

from __future__ import annotations

import re

__all__ = ["is_question_title", "split_number"]

_CN_DIGITS = "零一二三四五六七八九十百"
_NUMBER = re.compile(
    rf"""^\s*(?:
        (?P<dotted>\d+(?:\s*\.\s*\d+)+)\.?(?=\s|[^\d.])     # 2.1  /  4.10  /  1.2.3
      | (?P<arabic>\d+)\s*(?:[.、．:：)）]|\s)(?!\d)         # 1.  /  1、 /  3)
      | (?P<cn>[{_CN_DIGITS}]+)\s*[.、．:：]                 # 一.  /  三、
      | [(（](?P<paren>[\d{_CN_DIGITS}]+)[)）]               # (1)  /  （一）
      | 第(?P<ordinal>[\d{_CN_DIGITS}]+)[章节部分篇]          # 第一章
    )\s*""",
    re.VERBOSE,
)

_PREFIXES = (
    "什么",
    "为什么",
    "为何",
    "如何",
    "怎么",
    "怎样",
    "哪些",
    "哪个",
    "哪种",
    "是否",
    "是不是",
    "能否",
    "可否",
    "简述",
    "简要",
    "介绍",
    "列举",
    "解释",
    "说说",
    "说一下",
    "谈谈",
    "讲讲",
    "描述",
    "比较",
    "阐述",
    "说明",
    "请",
    "试述",
    "对比",
    "分析",
    "举例",
    "what",
    "why",
    "how",
    "which",
    "when",
    "explain",
    "describe",
    "compare",
    "is ",
    "are ",
    "does ",
)
_MARKERS = re.compile(
    r"什么|为什么|为何|如何|怎么|怎样|哪些|哪种|是否|区别|差别|异同|不同|联系|优缺点|优点|缺点|优势|劣势|作用|原理|"
    r"特点|意义|目的|原因|方法有|有哪些|怎样|对比|比较|关系|吗$|呢$"
)


def split_number(title: str) -> tuple[str | None, str]:
    """Split a heading's own numbering from its text.

    ``"2.1  SVM和LR的区别与联系？"`` gives ``("2.1", "SVM和LR的区别与联系？")``;
    ``"一.数据处理"`` gives ``("一", "数据处理")``; a title without numbering gives ``(None, title)``.
    A bare number (``"2020"``) is kept as the title.
    """
    match = _NUMBER.match(title)
    if not match:
        return None, title.strip()
    rest = title[match.end() :].strip()
    if not rest:
        return None, title.strip()
    number = next(v for v in match.groupdict().values() if v is not None)
    return re.sub(r"\s+", "", number), rest


def is_question_title(title: str, number: str | None = None) -> bool:
    """The heading is itself a question a study group would ask.

    True when it ends in a question mark, opens with an interrogative or an instruction
    (什么/为什么/如何/简述/介绍/列举/解释…), asks about a difference, a reason or a property
    (…的区别, …的优缺点, …的作用), or carries an interview question's numbering (``2.1``).
    """
    text = title.strip().rstrip("。.:：")
    if not text:
        return False
    if text.endswith(("?", "？")):
        return True
    lowered = text.casefold()
    if lowered.startswith(_PREFIXES):
        return True
    if _MARKERS.search(text):
        return True
    return number is not None and bool(re.fullmatch(r"\d+(?:\.\d+)+", number))
