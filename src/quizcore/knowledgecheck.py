"""Checking a whole knowledge folder: notes, glossary and hand-written questions, every problem with file:line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from quizcore.glossary import Glossary
from quizcore.knowledge import ReadWarning, read_knowledge
from quizcore.yamlsource import YamlSourceError

__all__ = ["CheckResult", "check_folder"]


@dataclass
class CheckResult:
    """What ``quizbot kb check`` reports."""

    warnings: list[ReadWarning] = field(default_factory=list)
    usable: bool = False


def check_folder(folder: Path) -> CheckResult:
    """Read everything in a knowledge folder and collect every problem.

    ``usable`` is False only when not a single note section, glossary term or question could be read.
    """
    kb = read_knowledge(folder)
    result = CheckResult(warnings=list(kb.warnings))
    usable = any(True for _ in kb.sections())
    glossary_path = folder / "glossary.yaml"
    if glossary_path.is_file():
        try:
            glossary = Glossary.load(glossary_path, _rel(folder, glossary_path))
            result.warnings.extend(ReadWarning(w.file, w.line, w.message) for w in glossary.warnings)
            usable = usable or len(glossary) > 0
        except YamlSourceError as exc:
            result.warnings.append(ReadWarning(exc.file, exc.line, exc.message))
    questions_dir = folder / "questions"
    if questions_dir.is_dir():
        from quizcore.authored import load_authored

        loaded = load_authored(folder)
        result.warnings.extend(ReadWarning(e.file, e.line, e.message) for e in loaded.errors)
        usable = usable or bool(loaded.questions)
    result.usable = usable
    return result


def _rel(folder: Path, path: Path) -> str:
    return path.relative_to(folder).as_posix()
