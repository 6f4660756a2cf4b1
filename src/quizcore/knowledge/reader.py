"""Reading a knowledge folder: every note file, whatever its format, into the document model."""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizcore.knowledge.decode import MAX_NOTE_BYTES, DecodeError, decode_note
from quizcore.knowledge.dedupe import merge_duplicates
from quizcore.knowledge.markdown import build_tree
from quizcore.knowledge.material import mark_answer_material
from quizcore.knowledge.model import Note, ReadWarning, Section, SourceRef
from quizcore.knowledge.prepare import Prepared, escape_markdown, prepare

__all__ = ["NOTE_SUFFIXES", "KnowledgeBase", "note_files", "read_knowledge", "read_note_bytes", "read_note_text"]

log = logging.getLogger(__name__)

#: File endings read as notes; other files (images, YAML, PDFs) are not notes.
NOTE_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".txt", ".text"})
IGNORE_FILE = ".quizbotignore"
_READ_LIMIT = MAX_NOTE_BYTES * 16


@dataclass
class KnowledgeBase:
    """Every note read from a folder, with what could not be read.

    Attributes:
        folder: the knowledge folder.
        notes: the notes read, in file-name order.
        warnings: one entry per problem, with file and line where there is one.
        skipped: files that could not be read at all (relative paths).
        duplicates_merged: sections merged into a near-identical section of another file.
    """

    folder: Path
    notes: list[Note] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates_merged: int = 0

    @property
    def files_read(self) -> int:
        """Note files read (including partly read ones)."""
        return len(self.notes)

    def sections(self) -> Iterator[Section]:
        """Every section of every note, in order, without the ones merged into a duplicate."""
        for note in self.notes:
            for section in note.sections():
                if section.duplicate_of is None:
                    yield section

    def find(self, *path: str) -> Section | None:
        """The first section whose heading path ends with ``path`` (exact titles), or None."""
        for section in self.sections():
            if section.heading_path[-len(path) :] == path:
                return section
        return None

    def stats(self) -> dict[str, Any]:
        """The counts that ``quizbot kb stats --json`` prints (stable key names)."""
        sections = list(self.sections())
        return {
            "files": self.files_read,
            "skipped": len(self.skipped),
            "notes": len(self.notes),
            "sections": len(sections),
            "sections_with_material": sum(1 for s in sections if s.has_answer_material),
            "question_sections": sum(1 for s in sections if s.is_question),
            "definitions": sum(1 for s in sections for b in s.blocks if b.term),
            "duplicates_merged": self.duplicates_merged,
            "warnings": [w.to_json() for w in self.warnings],
        }


def _note_from(prepared: Prepared, file: str, encoding: str, fallback_title: str) -> Note:
    root = Section(title=prepared.title or fallback_title, level=0, file=file, line=1)
    try:
        build_tree(prepared, file, root)
    except RecursionError:
        # Pathological nesting: read the text line by line instead of giving up on the file.
        root = Section(title=prepared.title or fallback_title, level=0, file=file, line=1)
        prepared.warnings.append((None, "nesting too deep to parse as Markdown; read as plain text"))
        flat = Prepared(format="plain")
        for text, origin in zip(prepared.lines, prepared.origins, strict=True):
            flat.add(escape_markdown(text.strip()), origin)
            flat.add("", origin)
        build_tree(flat, file, root)
    for section in root.walk():
        section.sources.append(SourceRef(section.file, section.line))
    mark_answer_material(root)
    tops = root.children
    title = prepared.title or (tops[0].title if len(tops) == 1 else fallback_title)
    return Note(file=file, title=title, format=prepared.format, encoding=encoding, root=root, tags=prepared.tags)


def read_note_text(text: str, file: str, encoding: str = "utf-8") -> tuple[Note, list[ReadWarning]]:
    """Read one note from its text. Never raises on any text.

    Args:
        text: the note's text.
        file: its name, relative to the knowledge folder (used in warnings and provenance).
        encoding: how the text was decoded, for the record.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    prepared = prepare(text)
    note = _note_from(prepared, file, encoding, Path(file).stem)
    warnings = [ReadWarning(file, line, message) for line, message in prepared.warnings]
    if not any(True for _ in note.sections()) and not note.root.blocks:
        warnings.append(ReadWarning(file, None, "no text found"))
    return note, warnings


def read_note_bytes(data: bytes, file: str) -> tuple[Note | None, list[ReadWarning]]:
    """Read one note from its bytes; returns None (with a warning) when it is not readable text."""
    try:
        decoded = decode_note(data)
    except DecodeError as exc:
        return None, [ReadWarning(file, None, f"{exc}; skipped")]
    warnings: list[ReadWarning] = []
    if decoded.truncated:
        size_mb, limit_mb = len(data) / 1024 / 1024, MAX_NOTE_BYTES // 1024 // 1024
        warnings.append(ReadWarning(file, None, f"file is {size_mb:.1f} MB; read only the first {limit_mb} MB"))
    try:
        note, more = read_note_text(decoded.text, file, decoded.encoding)
    except Exception as exc:  # a bug here must cost one file, never the folder
        log.exception("reading %s failed", file)
        return None, [*warnings, ReadWarning(file, None, f"could not be read ({exc.__class__.__name__}); skipped")]
    return note, warnings + more


def _ignored_patterns(folder: Path) -> list[str]:
    path = folder / IGNORE_FILE
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def note_files(folder: Path) -> list[Path]:
    """The note files of a folder, recursively, in a stable order (hidden and ignored files left out)."""
    patterns = _ignored_patterns(folder)
    found: list[Path] = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith((".", "~")) for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() not in NOTE_SUFFIXES:
            continue
        posix = rel.as_posix()
        if any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(path.name, p) for p in patterns):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_knowledge(folder: Path) -> KnowledgeBase:
    """Read every note file under ``folder``.

    One unreadable file costs only itself: it is skipped with a warning naming it, and
    the rest load. Near-duplicate sections across files are merged.
    """
    kb = KnowledgeBase(folder=folder)
    for path in note_files(folder):
        rel = path.relative_to(folder).as_posix()
        try:
            with path.open("rb") as handle:
                data = handle.read(_READ_LIMIT)
        except OSError as exc:
            kb.warnings.append(ReadWarning(rel, None, f"cannot open: {exc.strerror or exc}; skipped"))
            kb.skipped.append(rel)
            continue
        note, warnings = read_note_bytes(data, rel)
        kb.warnings.extend(warnings)
        if note is None:
            kb.skipped.append(rel)
        else:
            kb.notes.append(note)
    kb.duplicates_merged = merge_duplicates(kb.notes)
    return kb
