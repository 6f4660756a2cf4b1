"""``quizbot kb``: what a knowledge folder holds, and what in it could not be read."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from bot.cli.common import JsonOption, KnowledgeOption, emit_json, resolve_knowledge_dir
from quizcore.knowledge import ReadWarning, read_knowledge
from quizcore.knowledgecheck import check_folder

kb_app = typer.Typer(help="Inspect a knowledge folder.", no_args_is_help=True)

_LABELS = {
    "files": "files read",
    "skipped": "files skipped",
    "notes": "notes",
    "sections": "sections",
    "sections_with_material": "sections with answer material",
    "question_sections": "question-like sections",
    "definitions": "definitions (term：definition)",
    "duplicates_merged": "duplicate sections merged",
}


@kb_app.command("stats")
def stats(knowledge: KnowledgeOption = None, as_json: JsonOption = False) -> None:
    """Count the files, notes, sections, questions-like sections and definitions of a folder."""
    folder = resolve_knowledge_dir(knowledge)
    data: dict[str, Any] = read_knowledge(folder).stats()
    if as_json:
        emit_json(data)
        return
    table = Table(title=f"knowledge: {folder}", show_header=False)
    for key, label in _LABELS.items():
        table.add_row(label, str(data[key]))
    table.add_row("warnings", str(len(data["warnings"])))
    Console().print(table)


@kb_app.command("check")
def check(knowledge: KnowledgeOption = None, as_json: JsonOption = False) -> None:
    """List every problem with file:line; exit 1 only when nothing usable could be read."""
    folder = resolve_knowledge_dir(knowledge)
    result = check_folder(folder)
    if as_json:
        emit_json({"usable": result.usable, "warnings": [w.to_json() for w in result.warnings]})
    else:
        for warning in result.warnings:
            typer.echo(str(warning))
        typer.echo(_summary(result.warnings, result.usable), err=True)
    if not result.usable:
        raise typer.Exit(1)


def _summary(warnings: list[ReadWarning], usable: bool) -> str:
    if not usable:
        return "nothing usable could be read"
    return "no warnings" if not warnings else f"{len(warnings)} warning(s)"


def register(app: typer.Typer) -> None:
    """Add ``quizbot kb`` to the main app."""
    app.add_typer(kb_app, name="kb")
