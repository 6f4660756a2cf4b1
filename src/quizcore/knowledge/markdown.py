"""Parsing prepared Markdown into a tree of sections and blocks (markdown-it-py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

from quizcore.knowledge.definitions import split_definition
from quizcore.knowledge.model import Block, BlockKind, Section
from quizcore.knowledge.prepare import Prepared
from quizcore.knowledge.titles import is_question_title, split_number

__all__ = ["build_tree"]

_SPACES = re.compile(r"[ \t\u3000]+")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_TAGS = re.compile(r"<[^>\n]{0,200}>")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Tables and $…$ / $$…$$ math are what study notes use beyond CommonMark.
    md = MarkdownIt("commonmark", {"maxNesting": 64}).enable("table").use(dollarmath_plugin, double_inline=True)
    return md


@dataclass
class _Inline:
    text: str = ""
    bold: list[str] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    images: list[tuple[str, str]] = field(default_factory=list)
    only_link: bool = False


def _join(parts: list[str]) -> str:
    text = "".join(parts)
    return _SPACES.sub(" ", text).strip()


def _soft_break(parts: list[str]) -> str:
    # Lines of Chinese text wrap without a space; English words need one.
    last = parts[-1][-1:] if parts and parts[-1] else ""
    return "" if _CJK.match(last) else " "


def _read_inline(token: Token) -> _Inline:
    parts: list[str] = []
    bold_parts: list[str] | None = None
    out = _Inline()
    link_depth = 0
    linked_chars = 0
    for child in token.children or []:
        piece = ""
        if child.type in ("text", "code_inline"):
            piece = child.content
        elif child.type == "softbreak":
            piece = _soft_break(parts)
        elif child.type == "hardbreak":
            piece = "\n"
        elif child.type in ("math_inline", "math_inline_double"):
            piece = f"${child.content}$"
            out.formulas.append(child.content)
        elif child.type == "image":
            out.images.append((child.content, str(child.attrs.get("src", ""))))
        elif child.type == "strong_open":
            bold_parts = []
        elif child.type == "strong_close" and bold_parts is not None:
            span = _join(bold_parts)
            if span:
                out.bold.append(span)
            bold_parts = None
        elif child.type == "link_open":
            link_depth += 1
        elif child.type == "link_close":
            link_depth = max(0, link_depth - 1)
        elif child.type == "html_inline":
            piece = ""
        if piece:
            parts.append(piece)
            if bold_parts is not None:
                bold_parts.append(piece)
            if link_depth:
                linked_chars += len(piece.strip())
    out.text = _TAGS.sub("", _join(parts)) if "<" in "".join(parts) else _join(parts)
    out.only_link = bool(out.text) and linked_chars >= len(out.text.replace(" ", "")) * 0.8
    return out


class _Builder:
    """Walks the token stream once, keeping the open sections and lists."""

    def __init__(self, prepared: Prepared, file: str, root: Section) -> None:
        self.origins = prepared.origins
        self.file = file
        self.root = root
        self.stack: list[tuple[int, Section]] = [(0, root)]
        self.lists: list[bool] = []
        self.quote_depth = 0
        self.items_open = 0

    def line_of(self, token: Token) -> int:
        if token.map and self.origins:
            return self.origins[min(token.map[0], len(self.origins) - 1)]
        return self.stack[-1][1].line or 1

    @property
    def current(self) -> Section:
        return self.stack[-1][1]

    def heading(self, token: Token, inline: Token) -> None:
        raw = _read_inline(inline).text
        number, title = split_number(raw)
        title = title.strip().strip("#").strip()
        if not title:
            return
        md_level = int(token.tag[1:])
        while len(self.stack) > 1 and self.stack[-1][0] >= md_level:
            self.stack.pop()
        parent = self.current
        section = Section(
            title=title,
            level=parent.level + 1,
            file=self.file,
            line=self.line_of(token),
            number=number,
            heading_path=(*parent.heading_path, title),
            is_question=is_question_title(title, number),
        )
        parent.children.append(section)
        self.stack.append((md_level, section))

    def paragraph(self, token: Token, inline: Token) -> None:
        info = _read_inline(inline)
        line = self.line_of(token)
        for alt, src in info.images:
            self.current.blocks.append(Block(BlockKind.IMAGE, alt, self.file, line, src=src))
        if not info.text:
            return
        kind = BlockKind.PARAGRAPH
        if self.items_open:
            kind = BlockKind.LIST_ITEM
        elif self.quote_depth:
            kind = BlockKind.QUOTE
        term_def = None
        # List items are where notes define sibling terms; a short one-line paragraph may too.
        one_liner = kind is BlockKind.PARAGRAPH and "\n" not in info.text and len(info.text) < 200
        if kind is BlockKind.LIST_ITEM or one_liner:
            term_def = split_definition(info.text, tuple(info.bold))
        self.current.blocks.append(
            Block(
                kind,
                info.text,
                self.file,
                line,
                bold=tuple(info.bold),
                formulas=tuple(info.formulas),
                depth=max(0, len(self.lists) - 1),
                ordered=bool(self.lists and self.lists[-1]),
                term=term_def[0] if term_def else None,
                definition=term_def[1] if term_def else None,
                is_link=info.only_link,
            )
        )

    def table(self, tokens: Sequence[Token], start: int) -> int:
        rows: list[tuple[str, ...]] = []
        row: list[str] = []
        index = start + 1
        while index < len(tokens) and tokens[index].type != "table_close":
            tok = tokens[index]
            if tok.type == "tr_open":
                row = []
            elif tok.type == "inline":
                row.append(_read_inline(tok).text)
            elif tok.type == "tr_close":
                rows.append(tuple(row))
            index += 1
        text = "\n".join(" | ".join(r) for r in rows)
        if text.strip():
            block = Block(BlockKind.TABLE, text, self.file, self.line_of(tokens[start]), rows=tuple(rows))
            self.current.blocks.append(block)
        return index

    def run(self, tokens: Sequence[Token]) -> None:
        index = 0
        while index < len(tokens):
            tok = tokens[index]
            kind = tok.type
            if kind == "heading_open":
                self.heading(tok, tokens[index + 1])
                index += 2
            elif kind == "paragraph_open":
                self.paragraph(tok, tokens[index + 1])
                index += 2
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if self.lists:
                    self.lists.pop()
            elif kind == "list_item_open":
                self.items_open += 1
            elif kind == "list_item_close":
                self.items_open = max(0, self.items_open - 1)
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth = max(0, self.quote_depth - 1)
            elif kind in ("fence", "code_block"):
                lang = tok.info.strip().split(" ")[0] or None if tok.info else None
                if tok.content.strip():
                    self.current.blocks.append(
                        Block(BlockKind.CODE, tok.content.rstrip("\n"), self.file, self.line_of(tok), language=lang)
                    )
            elif kind in ("math_block", "math_block_label"):
                if tok.content.strip():
                    self.current.blocks.append(
                        Block(BlockKind.FORMULA, tok.content.strip(), self.file, self.line_of(tok))
                    )
            elif kind == "table_open":
                index = self.table(tokens, index)
            elif kind == "html_block":
                text = _SPACES.sub(" ", _TAGS.sub(" ", tok.content)).strip()
                if text:
                    self.current.blocks.append(Block(BlockKind.PARAGRAPH, text, self.file, self.line_of(tok)))
            index += 1


def build_tree(prepared: Prepared, file: str, root: Section) -> None:
    """Parse prepared Markdown and hang its sections and blocks under ``root``.

    Raises:
        RecursionError: pathological nesting; the caller falls back to plain text.
    """
    tokens = _parser().parse("\n".join(prepared.lines))
    _Builder(prepared, file, root).run(tokens)
