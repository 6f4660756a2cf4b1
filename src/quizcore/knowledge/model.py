"""The document model: notes made of sections made of blocks, each knowing its file and line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Block", "BlockKind", "Note", "ReadWarning", "Section", "SourceRef"]


class BlockKind(StrEnum):
    """What a block of a section holds."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    CODE = "code"
    FORMULA = "formula"
    IMAGE = "image"
    TABLE = "table"
    QUOTE = "quote"


@dataclass(frozen=True)
class SourceRef:
    """A place in a note file: path relative to the knowledge folder, 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class ReadWarning:
    """Something in a note file that could not be read well, and what was done about it."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"

    def to_json(self) -> dict[str, object]:
        """The ``{"file", "line", "message"}`` shape that ``kb stats --json`` promises."""
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class Block:
    """One block of content.

    Attributes:
        kind: paragraph, list item, code, formula, image, table or quote.
        text: clean text without markdown (inline formulas kept as ``$…$``); the code for
            code blocks, the TeX for formulas, the alt text for images, cells joined for tables.
        file: note file, relative to the knowledge folder.
        line: 1-based line in that file.
        bold: bold spans, in order (they mark key facts).
        formulas: inline formulas inside ``text``.
        depth: list nesting depth (0 for a top-level item).
        ordered: the item belongs to a numbered list.
        term: for ``term：definition`` items, the term.
        definition: for ``term：definition`` items, the definition.
        rows: table rows (header first), each a tuple of cell texts.
        language: code block language, if given.
        src: image reference (never read as text).
        is_link: the block is only a link (link lists have no answer material).
    """

    kind: BlockKind
    text: str
    file: str
    line: int
    bold: tuple[str, ...] = ()
    formulas: tuple[str, ...] = ()
    depth: int = 0
    ordered: bool = False
    term: str | None = None
    definition: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    language: str | None = None
    src: str | None = None
    is_link: bool = False

    @property
    def is_prose(self) -> bool:
        """Text a question can be made from (not code, formula, image or table)."""
        return self.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE)


@dataclass(eq=False)
class Section:
    """A heading and what stands under it, up to the next heading of the same or a higher level.

    Attributes:
        title: the heading text, clean, without its number.
        number: the heading's own numbering (``2.1``, ``一``), if any.
        level: depth in the note's tree (1 for a top section; 0 for a note's root).
        heading_path: titles from the top section down to this one.
        file: note file, relative to the knowledge folder.
        line: line of the heading.
        is_question: the title is itself a question.
        blocks: the section's own content, in order (not its subsections').
        children: subsections, in order.
        sources: every place this section stands (more than one when duplicates were merged).
        duplicate_of: set on a section merged into another one; readers skip it.
        no_material_reason: why the section has no answer material, or None when it has.
    """

    title: str
    level: int
    file: str
    line: int
    number: str | None = None
    heading_path: tuple[str, ...] = ()
    is_question: bool = False
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    duplicate_of: Section | None = None
    no_material_reason: str | None = None

    @property
    def has_answer_material(self) -> bool:
        """The section's own blocks can answer a question."""
        return self.no_material_reason is None

    @property
    def path_text(self) -> str:
        """The heading path joined with `` > ``."""
        return " > ".join(self.heading_path)

    def walk(self) -> Iterator[Section]:
        """This section and all its descendants, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def body_text(self) -> str:
        """The prose of the section's own blocks, one block a line."""
        return "\n".join(b.text for b in self.blocks if b.is_prose or b.kind is BlockKind.TABLE)


@dataclass(eq=False)
class Note:
    """One note file: its title, tags and section tree.

    Attributes:
        file: path relative to the knowledge folder.
        title: front matter title, else the first top heading, else the file name.
        tags: front matter tags.
        format: how the file was read: ``markdown``, ``plain`` or ``markers`` (【】 one-liners).
        encoding: the detected text encoding.
        root: a level-0 section holding the text before the first heading and the top sections.
    """

    file: str
    title: str
    format: str
    encoding: str
    root: Section
    tags: tuple[str, ...] = ()

    def sections(self) -> Iterator[Section]:
        """Every section of the note (not the root), in document order, merged duplicates included."""
        for top in self.root.children:
            yield from top.walk()
