"""The sentences members read: short, Chinese, English terms kept as written."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "CHOICE_OUT_OF_RANGE",
    "EMPTY",
    "EXACT",
    "NEGATED",
    "NUMBER_WRONG",
    "TOO_LONG",
    "WRONG",
    "alias",
    "confusable",
    "contained",
    "known_other",
    "open_result",
    "typo",
    "vague",
]

EXACT = "正确！"
EMPTY = "没有收到回答。"
TOO_LONG = "回答太长了：这题只要一个术语或一个数字。"
NEGATED = "回答里否定了答案，不算对。"
NUMBER_WRONG = "数字不对。"
WRONG = "不对。"
CHOICE_OUT_OF_RANGE = "没有这个选项。"


def alias(canonical: str) -> str:
    """Accepted under another name."""
    return f"正确，也叫 {canonical}。"


def typo(canonical: str) -> str:
    """Accepted despite a typo."""
    return f"算对，有个小笔误：标准写法是 {canonical}。"


def contained(canonical: str) -> str:
    """Accepted inside a longer reply."""
    return f"正确，答案是 {canonical}。"


def confusable(other: str) -> str:
    """Refused: the reply names a look-alike concept."""
    return f"不对：{other} 是另一个容易混淆的概念。"


def known_other(other: str) -> str:
    """Refused: the reply names some other known concept."""
    return f"不对：{other} 不是这题要的概念。"


def vague(reply: str) -> str:
    """Refused: the reply names only the family."""
    return f"太笼统了：{reply} 只是大类，要说出具体是哪一个。"


def open_result(hit: Sequence[str], missed: Sequence[str], spray: int) -> str:
    """Which key points an open answer covered and which it missed."""
    parts = [f"答到 {len(hit)}/{len(hit) + len(missed)} 个要点"]
    if hit:
        parts.append("命中：" + "、".join(hit))
    if missed:
        parts.append("漏了：" + "、".join(missed))
    if spray:
        parts.append(f"另有 {spray} 个无关术语，倒扣分")
    return "；".join(parts) + "。"
