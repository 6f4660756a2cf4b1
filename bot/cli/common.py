"""What every subcommand shares: where the knowledge folder is, and JSON output."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

__all__ = ["JsonOption", "KnowledgeOption", "emit_json", "resolve_knowledge_dir"]

KnowledgeOption = Annotated[
    Path | None,
    typer.Option(
        "--knowledge",
        "-k",
        help="Notes folder (default: $QUIZBOT_KNOWLEDGE_DIR, then ./knowledge, then the bundled one).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]

_BUNDLED = Path(__file__).resolve().parents[2] / "knowledge"


def resolve_knowledge_dir(option: Path | None) -> Path:
    """The knowledge folder: the option, else $QUIZBOT_KNOWLEDGE_DIR, else ./knowledge, else the bundled one."""
    if option is not None:
        chosen = option
    elif os.environ.get("QUIZBOT_KNOWLEDGE_DIR"):
        chosen = Path(os.environ["QUIZBOT_KNOWLEDGE_DIR"])
    elif Path("knowledge").is_dir():
        chosen = Path("knowledge")
    else:
        chosen = _BUNDLED
    if not chosen.is_dir():
        typer.echo(f"error: knowledge folder {chosen} does not exist or is not a folder", err=True)
        raise typer.Exit(2)
    return chosen


def emit_json(value: Any) -> None:
    """Print one JSON value on stdout, UTF-8, non-ASCII kept readable."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
