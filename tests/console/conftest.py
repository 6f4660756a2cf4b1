"""What the console tests share: a tiny knowledge folder, its bank, and an in-process console on it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.console.build import sqlite_url
from bot.console.harness import Harness
from quizcore.authored import load_authored
from quizcore.glossary import Glossary
from quizcore.questions import Bank

DATA = Path(__file__).parent / "data"
KB = DATA / "kb"
# 08:00 in Shanghai: an hour before a 09:00 daily post there.
START = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
DRILL = "控制台演练"


@pytest.fixture(scope="session")
def kb_dir() -> Path:
    """The tiny knowledge folder: two notes, a glossary, five hand-written questions."""
    return KB


@pytest.fixture(scope="session")
def drill_bank() -> Bank:
    """Its hand-written questions; in the drill topic every right answer is option A."""
    loaded = load_authored(KB)
    assert not loaded.errors, loaded.errors
    return Bank(loaded.questions)


@pytest.fixture
async def harness(drill_bank: Bank, tmp_path: Path) -> AsyncIterator[Harness]:
    """A console on a fresh SQLite file, in English, its clock simulated from :data:`START`."""
    opened = await Harness.open(
        drill_bank,
        database_url=sqlite_url(tmp_path / "console.sqlite3"),
        start=START,
        glossary=Glossary.load(KB / "glossary.yaml"),
        seed=1,
        locale="en",
    )
    yield opened
    await opened.close()


QUIZBOT = Path(sys.executable).with_name("quizbot")


@dataclass(frozen=True)
class Run:
    """One finished ``quizbot console`` process."""

    stdout: str
    stderr: str
    returncode: int

    def after(self, echo: str, nth: int = 0) -> list[str]:
        """The output lines that the ``nth`` script line echoed as ``echo`` ("bob> A") brought about."""
        lines = self.stdout.splitlines()
        starts = [i for i, text in enumerate(lines) if text == echo]
        rest = lines[starts[nth] + 1 :]
        end = next((i for i, text in enumerate(rest) if _ECHO.match(text) or text == BYE), len(rest))
        return rest[:end]


_ECHO = re.compile(r"^\w+> ")
BYE = "Bye, everything is saved"

ConsoleRunner = Callable[..., Run]


@pytest.fixture(scope="session")
def run_console(tmp_path_factory: pytest.TempPathFactory) -> ConsoleRunner:
    """Run ``quizbot console --plain`` on the tiny knowledge folder with a piped script, on the SQLite file ``db``."""
    if not QUIZBOT.exists():
        pytest.skip(f"{QUIZBOT} is not installed")
    workdir = tmp_path_factory.mktemp("console-runs")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZBOT_")}
    env["PYTHONIOENCODING"] = "utf-8"
    env["QUIZBOT_CACHE_DIR"] = str(workdir / "cache")

    def run(script: str, *, db: Path, seed: int = 1, clock: str | None = "2026-12-01 00:00") -> Run:
        args = [str(QUIZBOT), "console", "--plain", "--knowledge", str(KB), "--seed", str(seed), "--locale", "en"]
        args += ["--db", str(db)]
        if clock:
            args += ["--clock", clock]
        done = subprocess.run(
            args, input=script, capture_output=True, text=True, encoding="utf-8", cwd=workdir, env=env, timeout=60
        )
        return Run(done.stdout, done.stderr, done.returncode)

    return run
