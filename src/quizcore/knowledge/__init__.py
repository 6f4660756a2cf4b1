"""Reading a knowledge base of notes into notes, sections and blocks."""

from quizcore.knowledge.model import Block, BlockKind, Note, ReadWarning, Section, SourceRef
from quizcore.knowledge.reader import KnowledgeBase, note_files, read_knowledge, read_note_bytes, read_note_text

__all__ = [
    "Block",
    "BlockKind",
    "KnowledgeBase",
    "Note",
    "ReadWarning",
    "Section",
    "SourceRef",
    "note_files",
    "read_knowledge",
    "read_note_bytes",
    "read_note_text",
]
