"""The interactive console in a real terminal (tmux): a prompt naming the speaker, and Ctrl-C leaves cleanly."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

KB = Path(__file__).parent / "data" / "kb"
QUIZBOT = Path(sys.executable).with_name("quizbot")
WAIT_SECONDS = 45.0  # generous: other test processes may load the machine


class Terminal:
    """A tmux server of our own (its own socket), running one command in a detached window."""

    def __init__(self, socket: str, workdir: Path) -> None:
        self.socket = socket
        self.workdir = workdir

    def start(self, options: str = "") -> None:
        """Run the console (English, seeded) in a new window that stays open after it exits."""
        command = (
            f"cd {self.workdir} && {QUIZBOT} console --knowledge {KB} --db {self.workdir / 'tty.sqlite3'}"
            f" --seed 1 --locale en {options}; echo EXITED=$?; sleep 60"
        )
        self.tmux("new-session", "-d", "-s", "console", "-x", "110", "-y", "50", command)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)
        return done.stdout

    def screen(self) -> str:
        # Without the pane's empty rows below the text, so earlier output keeps its offsets.
        return self.tmux("capture-pane", "-p", "-t", "console", "-S", "-200").rstrip()

    def type(self, line: str) -> None:
        self.tmux("send-keys", "-t", "console", "-l", line)
        self.tmux("send-keys", "-t", "console", "Enter")

    def wait_for(self, text: str, after: int = 0) -> str:
        """The screen once ``text`` shows up after the first ``after`` characters (polls a real process)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen[after:]:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen:\n{self.screen()}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A terminal with nothing running yet; :meth:`Terminal.start` runs the console in it."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    if not QUIZBOT.exists():
        pytest.skip(f"{QUIZBOT} is not installed")
    term = Terminal(f"quizbot-test-{tmp_path.name}", tmp_path)
    yield term
    term.tmux("kill-server")


def test_the_console_runs_interactively_in_a_terminal_and_ctrl_c_leaves_cleanly(terminal: Terminal) -> None:
    terminal.start("--clock '2026-12-01 00:00'")
    terminal.wait_for("you>")
    terminal.type("/as alice")
    terminal.wait_for("alice>")
    terminal.type("/quiz start topic:控制台演练 count:1")
    screen = terminal.wait_for("A. ")
    terminal.type("A")
    screen = terminal.wait_for("Quiz over (1/1 questions)", len(screen))
    assert "alice: ✓ correct" in screen
    terminal.tmux("send-keys", "-t", "console", "C-c")
    screen = terminal.wait_for("EXITED=")
    assert "EXITED=0" in screen
    assert "Bye, everything is saved" in screen
    assert "Traceback" not in screen


def test_on_real_time_the_daily_question_appears_while_nobody_types(terminal: Terminal) -> None:
    terminal.start()
    terminal.wait_for("you>")
    # A post time already reached today is due at once; only the background tick can post it,
    # since a typed line ticks before it runs, not after.
    terminal.type(f"/daily setup time:{datetime.now(UTC):%H:%M}")
    screen = terminal.wait_for("Daily question: on")
    screen = terminal.wait_for("── Daily question · ", len(screen))
    assert screen.endswith("you>")  # the prompt comes back under it
