"""Bringing every note format to Markdown lines, each remembering the line it came from.

Plain text rendered from a web page (numbered headings, ``•`` bullets) and one-line notes
with ``【section】``/``【一】question?`` markers are rewritten as Markdown, so that one parser
reads every format. GitHub-style ``- **question**`` bullets become headings, and an
unclosed code fence is neutralised so it does not swallow the rest of the file.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = ["Prepared", "escape_markdown", "prepare"]

_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)\s*$")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MARKER = re.compile(r"【([^】\n]{1,40})】")
_NUMERAL = re.compile(r"^[\d一二三四五六七八九十百]+$")
_CHAPTER = re.compile(r"^\s*([一二三四五六七八九十百]+)\s*[.、．]\s*(\S.{0,40})$")
_DOTTED = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\s+(\S.{0,100})$")
_BULLET = re.compile(r"^(\s*)([•◦●▪■□○·‣∙\-*+])\s+(.*)$")
_ENUM = re.compile(r"^(\s*)(?:[(（]\d{1,2}[)）]|\d{1,2}[)）、])\s*(.+)$")
_BOLD_BULLET = re.compile(r"^( {0,3})([-*+])(\s+)\*\*(.+?)\*\*(?P<sep>\s*[:：.,，。]?)\s*(.*)$")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~=])")
_QUESTION_END = re.compile(r"[?？]")
_DEEP_ITEM = re.compile(r"^([ \t]{25,})(?=(?:[-*+]|\d{1,9}[.)])(?:\s|$))")
_DEEP_QUOTE = re.compile(r"^(?:\s*>){9,}")
_DEEP_MARKERS = re.compile(r"^([ \t]*)(?:[-*+>][ \t]+){9,}")
_MAX_INDENT = 24
_MAX_QUOTES = 8


@dataclass
class Prepared:
    """Markdown lines ready for the parser, and what was learnt on the way.

    Attributes:
        lines: Markdown text, one entry a line.
        origins: for each entry of ``lines``, the 1-based line of the original file.
        format: ``markdown``, ``plain`` or ``markers``.
        title: the front matter title, if any.
        tags: the front matter tags.
        warnings: ``(line, message)`` pairs.
    """

    lines: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)
    format: str = "markdown"
    title: str | None = None
    tags: tuple[str, ...] = ()
    warnings: list[tuple[int | None, str]] = field(default_factory=list)

    def add(self, text: str, origin: int) -> None:
        """Append one Markdown line that came from ``origin``."""
        self.lines.append(text)
        self.origins.append(origin)


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown would read as markup, so plain text stays plain."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _front_matter(lines: list[str], out: Prepared) -> int:
    """Read YAML front matter; returns how many lines it took (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), 200)):
        if _FRONT_MATTER_END.match(lines[end]):
            break
    else:
        return 0
    try:
        meta: Any = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        out.warnings.append((1, f"front matter is not valid YAML ({exc.__class__.__name__}); ignored"))
        return end + 1
    if isinstance(meta, dict):
        if meta.get("title") is not None:
            out.title = str(meta["title"]).strip()
        tags = meta.get("tags") or meta.get("categories") or ()
        if isinstance(tags, str):
            tags = re.split(r"[,\s]+", tags)
        if isinstance(tags, list | tuple):
            out.tags = tuple(str(t).strip() for t in tags if str(t).strip())
    return end + 1


def _detect(lines: list[str]) -> str:
    text_sample = lines[:4000]
    markers = sum(len(_MARKER.findall(line)) for line in text_sample)
    atx = sum(1 for line in text_sample if _ATX.match(line))
    setext = sum(
        1
        for prev, line in itertools.pairwise(text_sample)
        if prev.strip() and _SETEXT.match(line) and not _BULLET.match(prev)
    )
    fences = sum(1 for line in text_sample if _FENCE.match(line))
    md_bullets = sum(1 for line in text_sample if re.match(r"^\s*[-*+]\s", line))
    if markers >= 3 and atx == 0 and setext == 0:
        return "markers"
    if atx or setext or fences or md_bullets >= 3:
        return "markdown"
    return "plain"


def _split_markers(line: str) -> list[tuple[str, str]]:
    """Split a line at 【】 markers into ``(kind, text)`` pieces: ``section``, ``question`` or ``text``."""
    pieces: list[tuple[str, str]] = []
    pos = 0
    for match in _MARKER.finditer(line):
        before = line[pos : match.start()].strip()
        if before and pieces and pieces[-1] == ("question", ""):
            pieces[-1] = ("question", before)
        elif before:
            pieces.append(("text", before))
        label = match.group(1).strip()
        if _NUMERAL.match(label):
            pieces.append(("question", ""))
        else:
            pieces.append(("section", label))
        pos = match.end()
    rest = line[pos:].strip()
    if rest:
        if pieces and pieces[-1] == ("question", ""):
            pieces[-1] = ("question", rest)
        else:
            pieces.append(("text", rest))
    return pieces


def _question_title(text: str) -> tuple[str, str]:
    """The title of a 【一】 question and the body after it."""
    mark = _QUESTION_END.search(text)
    if mark and mark.end() <= 80:
        return text[: mark.end()].strip(), text[mark.end() :].strip()
    space = re.search(r"\s", text)
    if space and space.start() <= 40:
        return text[: space.start()], text[space.end() :].strip()
    if len(text) <= 40:
        return text, ""
    return text[:30], text[30:]


def _plain_line(line: str, number: int, out: Prepared, indents: list[int]) -> None:
    """Rewrite one plain-text line as Markdown."""
    if not line.strip():
        indents.clear()
        out.add("", number)
        return
    chapter = _CHAPTER.match(line)
    dotted = _DOTTED.match(line) if not chapter else None
    if chapter and not chapter.group(2).endswith(("。", "；", ";")):
        indents.clear()
        out.add(f"# {chapter.group(1)}. {escape_markdown(chapter.group(2).strip())}", number)
        out.add("", number)
        return
    if dotted and len(line.strip()) <= 100 and not dotted.group(2).rstrip().endswith(("。", "；")):
        indents.clear()
        level = min(6, dotted.group(1).count(".") + 1)
        out.add(f"{'#' * level} {dotted.group(1)} {escape_markdown(dotted.group(2).strip())}", number)
        out.add("", number)
        return
    bullet = _BULLET.match(line) or _ENUM.match(line)
    if bullet:
        indent = len(bullet.group(1).expandtabs(4))
        text = bullet.group(bullet.lastindex or 1)
        while indents and indents[-1] > indent:
            indents.pop()
        if not indents or indents[-1] < indent:
            indents.append(indent)
        depth = min(len(indents) - 1, 8)
        out.add(f"{'  ' * depth}- {escape_markdown(text.strip())}", number)
        return
    indents.clear()
    out.add(escape_markdown(line.strip()), number)
    out.add("", number)


def _prepare_markers(lines: list[str], first: int, out: Prepared) -> None:
    indents: list[int] = []
    for offset, line in enumerate(lines):
        number = first + offset
        for kind, text in _split_markers(line):
            if kind == "section":
                out.add(f"# {escape_markdown(text)}", number)
                out.add("", number)
            elif kind == "question":
                title, body = _question_title(text)
                out.add(f"## {escape_markdown(title) if title else '(untitled)'}", number)
                out.add("", number)
                if body:
                    _plain_line(body, number, out, indents)
            else:
                _plain_line(text, number, out, indents)


_UNDERLINE = re.compile(r"^ {0,3}(-{2,}|={2,})\s*$")
_TITLE_LINE = re.compile(r"^ {0,3}[^\s#>*+\-|`\d][^|]{0,38}$")
_SETEXT_HABIT = 3


def _stray_blanks(lines: list[str]) -> set[int]:
    """Blank lines between a title and its underline, in notes that underline their headings.

    "训练采样方法\n\n---------" in a file with a dozen "标题\n------" headings is one more heading
    with a stray blank line, not a paragraph and a horizontal rule.
    """
    underlined = sum(
        1 for i in range(1, len(lines)) if _UNDERLINE.match(lines[i]) and _TITLE_LINE.match(lines[i - 1].rstrip())
    )
    if underlined < _SETEXT_HABIT:
        return set()
    return {
        i
        for i in range(1, len(lines) - 1)
        if not lines[i].strip()
        and lines[i + 1].strip().startswith("-")
        and _UNDERLINE.match(lines[i + 1])
        and _TITLE_LINE.match(lines[i - 1].rstrip())
        and not lines[i - 1].rstrip().endswith(("。", ".", "：", ":", "，", ","))
        and (i < 2 or not lines[i - 2].strip())
    }


def _prepare_markdown(lines: list[str], first: int, out: Prepared) -> None:
    """Copy Markdown lines, turning ``- **question**`` bullets into headings and closing stray fences."""
    heading_level = 0
    fence: tuple[str, int] | None = None
    dedent = 0
    stray = _stray_blanks(lines)
    for offset, line in enumerate(lines):
        number = first + offset
        if offset in stray and fence is None:
            continue
        if fence is not None:
            if line.lstrip().startswith(fence[0]) and not line.strip().strip(fence[0][0]):
                fence = None
            out.add(line, number)
            continue
        if dedent:
            if not line.strip():
                out.add("", number)
                continue
            width = len(line) - len(line.lstrip(" "))
            if width >= dedent:
                line = line[dedent:]
            else:
                dedent = 0
        line = _flatten_deep_nesting(line, number, out)
        opening = _FENCE.match(line)
        if opening:
            fence = (opening.group(1), len(out.lines))
            out.add(line, number)
            continue
        atx = _ATX.match(line)
        if atx:
            heading_level = len(atx.group(1))
        bold = _BOLD_BULLET.match(line)
        if bold and _bold_is_heading(bold.group(4), bold.group("sep"), bold.group(6)):
            level = min(6, heading_level + 1) if heading_level else 2
            out.add("", number)
            out.add(f"{'#' * level} {bold.group(4).strip()}", number)
            out.add("", number)
            if bold.group(6).strip():
                out.add(bold.group(6).strip(), number)
            dedent = len(bold.group(1)) + len(bold.group(2)) + len(bold.group(3))
            continue
        out.add(line, number)
    if fence is not None:
        index = fence[1]
        out.warnings.append((out.origins[index], "code fence never closed; read the rest of the file as text"))
        out.lines[index] = "\\" + out.lines[index].lstrip()


def _flatten_deep_nesting(line: str, number: int, out: Prepared) -> str:
    """Cap list indentation and quote depth: the parser drops whatever nests deeper than it allows."""
    item = _DEEP_ITEM.match(line)
    quote = _DEEP_QUOTE.match(line)
    markers = _DEEP_MARKERS.match(line)
    if not item and not quote and not markers:
        return line
    if not any("nested too deep" in message for _, message in out.warnings):
        out.warnings.append((number, "lists or quotes nested too deep; deeper levels read as the deepest allowed"))
    if markers:
        return markers.group(1) + "- " + line[markers.end() :]
    if item:
        return " " * _MAX_INDENT + line[item.end() :]
    assert quote is not None
    return "> " * _MAX_QUOTES + line[quote.end() :]


def _bold_is_heading(bold: str, separator: str, rest: str) -> bool:
    """``- **question**`` (alone, or with its answer glued on) acts as a heading; ``- **term**：text`` does not."""
    from quizcore.knowledge.titles import is_question_title

    if not rest.strip():
        return True
    if bold.strip().endswith(("?", "？")) or (is_question_title(bold) and len(bold) <= 60):
        return True
    # A long bold phrase run straight into its text, with no separator, is a title written inline.
    return not separator.strip() and len(bold.strip()) >= 8 and bold.strip()[-1] not in "。.，,；;：:"


def prepare(text: str) -> Prepared:
    """Bring a note's text to Markdown lines with their original line numbers.

    Args:
        text: the decoded note, line endings already ``\\n``.
    """
    out = Prepared()
    lines = text.split("\n")
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    skip = _front_matter(lines, out)
    body = lines[skip:]
    out.format = _detect(body)
    if out.format == "markers":
        _prepare_markers(body, skip + 1, out)
    elif out.format == "plain":
        indents: list[int] = []
        for offset, line in enumerate(body):
            _plain_line(line, skip + 1 + offset, out, indents)
    else:
        _prepare_markdown(body, skip + 1, out)
    return out
