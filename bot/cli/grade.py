"""``quizbot grade``: grade replies given as JSON lines, one verdict a line, for checking and tuning."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.common import KnowledgeOption, emit_json, resolve_knowledge_dir
from quizcore.generation import load_bank
from quizcore.glossary import Glossary, GlossaryError
from quizcore.grading import Grader
from quizcore.grading.cases import CaseError, grade_case
from quizcore.questions import Bank

__all__ = ["register"]

log = logging.getLogger(__name__)


def register(app: typer.Typer) -> None:
    """Add ``quizbot grade`` to the main app."""
    app.command("grade")(grade)


def grade(
    jsonl: Annotated[
        str,
        typer.Option(
            "--jsonl",
            help='Cases, one JSON object a line ("-" for stdin): {"kind": "short", "answers": [...], "reply": "..."}, '
            '"numeric" (+ "tolerance"), "mcq" ("options", "answer_index"), "open" ("points", "min_points").',
        ),
    ],
    knowledge: KnowledgeOption = None,
) -> None:
    """Grade each case and print one JSON verdict a line, in order; exit 1 if any line was bad."""
    folder = resolve_knowledge_dir(knowledge)
    grader = Grader(_load_glossary(folder))
    bank = _LazyBank(folder)
    bad = 0
    for number, line in _lines(jsonl):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            needs_bank = isinstance(case, dict) and "question" in case
            verdict = grade_case(grader, case, bank.get() if needs_bank else None)
        except json.JSONDecodeError as exc:
            bad += 1
            emit_json({"error": f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})"})
            continue
        except CaseError as exc:
            bad += 1
            emit_json({"error": f"line {number}: {exc}"})
            continue
        emit_json(verdict.to_json())
    if bad:
        raise typer.Exit(1)


def _load_glossary(folder: Path) -> Glossary | None:
    path = folder / "glossary.yaml"
    if not path.is_file():
        log.info("no glossary at %s: grading with the cases' own answers only", path)
        return None
    try:
        glossary = Glossary.load(path)
    except GlossaryError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    for warning in glossary.warnings:
        log.warning("%s", warning)
    return glossary


def _lines(source: str) -> Iterator[tuple[int, str]]:
    """Numbered lines of a file or stdin; undecodable bytes become U+FFFD rather than stopping the run."""
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        typer.echo(f"error: cannot read {source}: {exc}", err=True)
        raise typer.Exit(2) from exc
    for number, raw in enumerate(data.splitlines(), start=1):
        yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")


class _LazyBank:
    """The knowledge folder's question bank, loaded on the first case that names a question."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._bank: Bank | None = None
        self._tried = False

    def get(self) -> Bank | None:
        if not self._tried:
            self._tried = True
            self._bank = _load_bank(self._folder)
        return self._bank


def _load_bank(folder: Path) -> Bank | None:
    """The question bank of the knowledge folder (built once, cached on disk by the folder's content)."""
    return load_bank(folder)
