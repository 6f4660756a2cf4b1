"""A real process is killed mid-question; a new one carries on with nothing lost and nothing repeated."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

import pytest

from quizcore.questions import Bank

PROC = Path(__file__).with_name("engine_proc.py")
POST = datetime.fromisoformat("2026-03-02T09:00:00+00:00")

pytestmark = pytest.mark.slow


class EngineProcess:
    """One engine process, spoken to line by line."""

    def __init__(self, db: Path, clock: datetime) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(PROC), str(db), clock.isoformat()],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self._read() == {"ready": True}

    def _read(self) -> dict[str, Any]:
        out: IO[str] | None = self.proc.stdout
        assert out is not None
        line = out.readline()
        assert line, f"engine process died (exit {self.proc.poll()})"
        return dict(json.loads(line))

    def send(self, *command: object) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(command) + "\n")
        self.proc.stdin.flush()
        return self._read()

    def events(self, *command: object) -> list[dict[str, Any]]:
        reply = self.send(*command)
        assert "events" in reply, reply
        return list(reply["events"])

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        assert self.proc.returncode == -signal.SIGKILL

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=10)


def _types(events: list[dict[str, Any]]) -> list[str]:
    return [e["type"] for e in events]


def test_an_open_daily_survives_a_kill_and_is_revealed_on_time_by_the_next_process(tmp_path: Path, bank: Bank) -> None:
    db = tmp_path / "data" / "quiz.db"
    first = EngineProcess(db, POST)
    posted = first.events("tick")
    assert _types(posted) == ["DailyPosted"]
    question = bank.by_id(posted[0]["question"]["id"])
    closes_at = datetime.fromisoformat(posted[0]["closes_at"])
    right = question.correct_text if question.options is None else "ABCD"[question.answer_index or 0]
    for member in ("m1", "m2", "m3"):
        assert _types(first.events("answer", member, right)) == ["AnswerJudged", "StreakExtended"]
    first.kill()

    second = EngineProcess(db, POST + timedelta(minutes=5))
    try:
        assert second.events("tick") == []  # not posted twice
        assert second.send("answer", "m1", right)["error"] == "AlreadyAnswered"
        assert _types(second.events("answer", "m4", "wrong guess")) == ["AnswerJudged"]
        second.events("clock", (closes_at - timedelta(seconds=1)).isoformat())
        assert second.events("tick") == []
        second.events("clock", closes_at.isoformat())
        revealed = second.events("tick")
        assert _types(revealed) == ["DailyRevealed"]
        assert (revealed[0]["answered"], revealed[0]["correct"]) == (4, 3)
        assert revealed[0]["first_solver"]["id"] == "m1"
    finally:
        second.close()


def test_a_post_time_missed_while_down_is_posted_late_once(tmp_path: Path) -> None:
    db = tmp_path / "quiz.db"
    first = EngineProcess(db, POST - timedelta(hours=1))
    assert first.events("tick") == []
    first.kill()
    second = EngineProcess(db, POST + timedelta(hours=2))
    try:
        posted = second.events("tick")
        assert _types(posted) == ["DailyPosted"] and posted[0]["late"] is True
        assert second.events("tick") == []
    finally:
        second.close()


def test_a_quiz_survives_a_kill_with_its_attempts_and_deadline(tmp_path: Path, bank: Bank) -> None:
    db = tmp_path / "quiz.db"
    first = EngineProcess(db, POST - timedelta(hours=3))  # well before the daily post
    started = first.events("start", "alice", 2)
    asked = started[-1]
    assert asked["type"] == "QuestionAsked"
    assert _types(first.events("quiz", "bob", "surely wrong")) == ["AnswerJudged"]
    first.kill()

    second = EngineProcess(db, POST - timedelta(hours=3) + timedelta(seconds=10))
    try:
        assert second.send("quiz", "bob", "again")["error"] == "AlreadyAnswered"
        assert second.send("start", "carol", 1)["error"] == "QuizAlreadyRunning"
        second.events("clock", asked["deadline"])
        timed_out = second.events("tick")
        assert _types(timed_out) == ["QuestionClosed", "QuestionAsked"]
        assert timed_out[0]["reason"] == "timeout"
    finally:
        second.close()
