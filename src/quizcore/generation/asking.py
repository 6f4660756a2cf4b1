"""What a heading asks: whether it is a question, a comparison, a catch-all, and the words that ask."""

from __future__ import annotations

import re

__all__ = ["ASKING_PREFIXES", "CATCH_ALL", "COMPARES", "QUESTION_WORDS", "reads_as_question"]

ASKING_PREFIXES = ("简述", "介绍", "什么", "如何", "为什么", "请", "说说", "列举", "比较", "解释", "谈谈", "描述")


_ASKS = re.compile(
    r"[?？]$|^(什么|为什么|为何|如何|怎么|怎样|哪些|哪个|是否|简述|介绍|列举|解释|说说|谈谈|描述|比较|对比)|"
    r"什么|为什么|如何|哪些|区别|差别|异同|优缺点|作用|原理|联系|吗$|呢$"
)


#: "X 和 Y 的区别" wants an explanation, not a list of names: no open question with listed key points.
COMPARES = re.compile(r"区别|差别|异同|对比|比较|不同|联系|vs", re.IGNORECASE)


CATCH_ALL = re.compile(
    r"^(常见的?常识题|常识|基础|前言|总结|其他|其它|杂项|补充|概述|简介|引言|附录|备注|一些.*|.*相关知识)$"
)


QUESTION_WORDS: frozenset[str] = frozenset(
    [
        "什么",
        "为什么",
        "如何",
        "怎么",
        "怎样",
        "哪些",
        "哪个",
        "是否",
        "区别",
        "差别",
        "联系",
        "作用",
        "特点",
        "原理",
        "方法",
        "问题",
        "关系",
        "优缺点",
        "优势",
        "缺点",
        "优点",
        "理解",
        "介绍",
        "简述",
        "以及",
        "具体",
        "相关",
        "常用",
        "一般",
    ]
)


def reads_as_question(title: str) -> bool:
    """The heading reads as a question (ends in ？, or asks 什么/为什么/哪些/区别…)."""
    return bool(_ASKS.search(title.strip()))
