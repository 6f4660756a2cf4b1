"""``quizbot bank``: build the question bank of a knowledge folder, preview it or print it as JSON lines."""

from __future__ import annotations

import random
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from bot.cli.common import JsonOption, KnowledgeOption, emit_json, resolve_knowledge_dir
from quizcore.generation import BuildResult, build_from_folder
from quizcore.questions import Kind, Question

_LETTERS = "ABCDEF"


def _preview(console: Console, q: Question) -> None:
    console.print(f"[bold]{q.stem}[/bold]  [dim]({q.kind.value}/{q.format.value}, {q.id})[/dim]", markup=True)
    for i, option in enumerate(q.options or ()):
        mark = "✓" if i == q.answer_index else " "
        console.print(f"  {mark} {_LETTERS[i]}. {option}", markup=False, highlight=False)
    if q.answers:
        console.print(
            f"  answers: {' / '.join(q.answers)}" + (f" (± {q.tolerance})" if q.tolerance else ""), markup=False
        )
    if q.points:
        points = "; ".join(" / ".join(p) for p in q.points)
        console.print(f"  key points (need {q.min_points}): {points}", markup=False)
    console.print(f"  [dim]{q.source} · {q.source.heading}[/dim]\n")


def _stats(console: Console, result: BuildResult, as_json: bool) -> None:
    s = result.stats
    data = {
        "questions": len(result.bank),
        "by_kind": s.by_kind,
        "by_format": s.by_format,
        "by_topic": s.by_topic,
        "sections_with_material": s.sections_with_material,
        "sections_yielding": s.sections_yielding,
        "sections_without_questions": s.no_question_reasons,
        "rejected": s.rejected,
        "duplicates_collapsed": s.duplicates_collapsed,
        "authored_errors": s.authored_errors,
    }
    if as_json:
        emit_json(data)
        return
    table = Table(title=f"{len(result.bank)} questions", show_header=False)
    for key in ("by_kind", "by_format", "by_topic", "sections_without_questions", "rejected"):
        for name, count in sorted(data[key].items(), key=lambda kv: -kv[1]):  # type: ignore[attr-defined]
            table.add_row(key.replace("_", " "), str(name), str(count))
    table.add_row("coverage", "sections yielding / with material", f"{s.sections_yielding}/{s.sections_with_material}")
    table.add_row("duplicates collapsed", "", str(s.duplicates_collapsed))
    console.print(table)
    for error in s.authored_errors:
        console.print(error, markup=False)


def bank(
    knowledge: KnowledgeOption = None,
    kind: Annotated[str | None, typer.Option(help="Only this kind: " + ", ".join(k.value for k in Kind))] = None,
    topic: Annotated[str | None, typer.Option(help="Only topics whose path contains this text.")] = None,
    sample: Annotated[int | None, typer.Option(help="Show N questions picked at random (seeded).", min=1)] = None,
    seed: Annotated[int, typer.Option(help="Seed for option order and sampling.")] = 0,
    stats: Annotated[
        bool, typer.Option("--stats", help="Counts by kind and topic, and why sections gave none.")
    ] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Rebuild even when the notes are unchanged.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Build the question bank; print a preview, one JSON question a line (--json), or counts (--stats)."""
    folder = resolve_knowledge_dir(knowledge)
    if kind is not None and kind not in {k.value for k in Kind}:
        typer.echo(f"error: unknown kind {kind!r}; choose from {', '.join(k.value for k in Kind)}", err=True)
        raise typer.Exit(2)
    result = build_from_folder(folder, seed=seed, use_cache=not no_cache)
    console = Console(highlight=False)
    if stats:
        _stats(console, result, as_json)
        return
    chosen = result.bank.select(topic=topic, kinds=[Kind(kind)] if kind else None)
    if sample is not None and sample < len(chosen):
        chosen = random.Random(seed).sample(chosen, sample)
    for question in chosen:
        if as_json:
            emit_json(question.to_json())
        else:
            _preview(console, question)


def register(app: typer.Typer) -> None:
    """Add ``quizbot bank`` to the main app."""
    app.command("bank")(bank)
