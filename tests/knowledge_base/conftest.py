"""Helpers of the knowledge-base tests: write question files into a temporary knowledge folder."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

WriteQuestions = Callable[[str, str], Path]
LineOf = Callable[[Path, str], int]


@pytest.fixture
def tmp_knowledge(tmp_path: Path) -> Path:
    """An empty knowledge folder with a ``questions/`` subfolder."""
    (tmp_path / "questions").mkdir()
    return tmp_path


@pytest.fixture
def write_questions(tmp_knowledge: Path) -> WriteQuestions:
    """Write ``text`` (dedented) as ``questions/<name>`` of the temporary knowledge folder."""

    def write(name: str, text: str) -> Path:
        path = tmp_knowledge / "questions" / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def line_of() -> LineOf:
    """Find the 1-based number of the first line of a file that contains a marker."""

    def find(path: Path, marker: str) -> int:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if marker in line:
                return number
        raise AssertionError(f"{marker!r} not in {path}")

    return find
