"""Deciding which sections hold answer material, and saying why the others do not."""

from __future__ import annotations

import re

from quizcore.knowledge.model import Section

__all__ = ["mark_answer_material"]

_REFERENCE_TITLE = re.compile(
    r"^(参考|参考文献|参考资料|参考链接|相关链接|相关文章|推荐阅读|延伸阅读|扩展阅读|资料|链接|待整理|待补充|待续|未完待续|"
    r"todo|to do|tbd|references?|further reading|links?|see also|resources)\b",
    re.IGNORECASE,
)
_TODO_BODY = re.compile(r"^\s*(todo|tbd|待整理|待补充|待续|未完待续)\s*[.:：。!！]*\s*$", re.IGNORECASE)
_MIN_PROSE_CHARS = 8
_PREFACE = re.compile(r"^(前言|序|序言|引言|写在前面|后记|致谢|preface|foreword)$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w./-]*[A-Za-z0-9]\.(?:com|cn|net|org|htm|html)\b\S*", re.IGNORECASE | re.ASCII)
#: A short body that only points elsewhere ("在百面深度学习中有相应的章节", "感兴趣的可以看下", "原理看 CS231n").
_POINTER = re.compile(
    r"参考|文章|章节|感兴趣|可以看(?![作成出到])|具体问题具体分析|链接|博客|见得比较少|推荐|看这里|"
    r"(?:^|[，。,])[^，。,]{0,8}看\s*(?:[A-Za-z《]|书|论文)"
)
_POINTER_LIMIT = 48
#: A further question rather than an answer: "画出lstm的结构图", "手推LR、Kmeans、SVM", "树模型如何剪枝".
_ASKING = re.compile(
    r"[?？]$|^(简述|画出|手推|写出|推导|介绍|列举|解释|说说|谈谈|描述|比较|对比)|如何|为什么|为何|什么|哪些|"
    r"(?<!判断)(?<!确定)(?<!决定)是否|怎么|怎样"  # "先判断是否为背景" states a step, it asks nothing
)
_ASKING_LIMIT = 40


def _asks(text: str) -> bool:
    text = text.strip().rstrip(" 。.")
    return text.endswith(("?", "？")) or (len(text) <= _ASKING_LIMIT and bool(_ASKING.search(text)))


def _reason(section: Section, inherited: str | None) -> str | None:
    if inherited:
        return inherited
    title = section.title.strip().strip("#*:： ")
    if _REFERENCE_TITLE.match(title):
        return "reference or to-do part"
    if not section.blocks:
        return "heading with no body"
    if _PREFACE.match(title):
        return "preface"
    prose = [b for b in section.blocks if b.is_prose or b.kind.value == "table"]
    if prose and all(
        b.is_link or _URL.search(b.text) or len(_URL.sub("", b.text).strip(" :：()（）")) < 4 for b in prose
    ):
        return "link list"
    if prose and all(_asks(b.text) for b in prose):
        return "questions without answers"
    text = _URL.sub("", "\n".join(b.text for b in prose if not b.is_link)).strip()
    if len(text) < _POINTER_LIMIT and _POINTER.search(text):
        return "only points elsewhere"
    # "很容易错的问题：" introduces something the chat cannot show (a figure), and says nothing itself.
    text = "\n".join(line for line in text.splitlines() if not line.rstrip().endswith(("：", ":")))
    for block in prose:
        for formula in block.formulas:
            text = text.replace(f"${formula}$", "")
    if _TODO_BODY.match(text):
        return "reference or to-do part"
    if len(text.strip()) < _MIN_PROSE_CHARS:
        if any(not b.is_prose for b in section.blocks):
            return "only formulas, code or images"
        return "too little text"
    return None


def mark_answer_material(root: Section) -> None:
    """Set ``no_material_reason`` on every section of a note (a reference part taints its subsections)."""

    def visit(section: Section, inherited: str | None) -> None:
        section.no_material_reason = _reason(section, inherited)
        passed = section.no_material_reason if section.no_material_reason == "reference or to-do part" else None
        for child in section.children:
            visit(child, passed)

    for top in root.children:
        visit(top, None)
