"""Putting the console together: the bank and glossary from a knowledge folder, the database, the room."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.console.clock import ConsoleClock
from bot.console.people import People
from bot.console.room import Room
from quizcore.glossary import Glossary
from quizcore.questions import Bank
from quizcore.service import QuizService
from quizcore.storage import Database

__all__ = ["ConsoleParts", "load_bank", "load_glossary", "open_room", "sqlite_url"]

log = logging.getLogger(__name__)


@dataclass
class ConsoleParts:
    """A ready room and what must be closed after it."""

    room: Room
    database: Database
    bank: Bank


def sqlite_url(path: Path) -> str:
    """The async SQLAlchemy URL of a SQLite file."""
    return f"sqlite+aiosqlite:///{path}"


def load_glossary(knowledge_dir: Path | None) -> Glossary:
    """The knowledge folder's ``glossary.yaml``, or an empty glossary when it has none."""
    if knowledge_dir is None or not (knowledge_dir / "glossary.yaml").is_file():
        return Glossary()
    glossary = Glossary.load(knowledge_dir / "glossary.yaml")
    for warning in glossary.warnings:
        log.warning("%s", warning)
    return glossary


def load_bank(knowledge_dir: Path, *, seed: int) -> Bank:
    """Every question of a knowledge folder: generated from the notes, plus the hand-written ones."""
    from quizcore.generation import load_bank as build  # heavy (jieba): only once a folder is read

    return build(knowledge_dir, seed=seed)


async def open_room(
    bank: Bank,
    glossary: Glossary,
    *,
    database_url: str,
    clock: ConsoleClock,
    seed: int = 0,
    people: People | None = None,
) -> ConsoleParts:
    """Open (and migrate) the database and build the room around a new :class:`QuizService`."""
    from quizcore.grading import Grader

    database = await Database.open(database_url)
    service = QuizService(bank, Grader(glossary), database, clock, seed=seed)
    return ConsoleParts(Room(service, clock, people), database, bank)
