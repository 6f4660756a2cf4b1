"""``quizbot console`` as a real process, fed a script on stdin, as a user would pipe one in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from bot.cli import app

if TYPE_CHECKING:  # the folder's conftest is not importable at run time (--import-mode=importlib)
    from conftest import ConsoleRunner, Run

QUIZ = """\
/as alice
/quiz start topic:控制台演练 count:2
/quiz hint
/as bob
B
/as alice
A
/as bob
A
/leaderboard
"""

DAILY = """\
/daily setup time:09:00 timezone:Asia/Shanghai window:12h topics:控制台演练
/clock +1h
/as alice
/daily answer:A
/as bob
/daily answer:负梯度方向
/as carol
/daily answer:C
/clock +12h
/leaderboard period:today
/stats member:alice
"""

MISTAKES = """\
/dance
/quiz start colour:red
/quiz
/leaderboard period:year
/clock next tuesday
/as
/quiz start count:lots
/quiz start topic:占星术
/daily setup timezone:Mars/Base
/reports clear id:nope
hello?
/topics
"""


# One process for the quiz and then the mistakes, typed by the moderator "you".
QUIZ_THEN_MISTAKES = QUIZ + "/as you\n" + MISTAKES


@pytest.fixture(scope="module")
def quiz_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("quiz") / "console.sqlite3"


@pytest.fixture(scope="module")
def quiz_run(run_console: ConsoleRunner, quiz_db: Path) -> Run:
    return run_console(QUIZ_THEN_MISTAKES, db=quiz_db)


@pytest.fixture(scope="module")
def daily_run(run_console: ConsoleRunner, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return run_console(DAILY, db=tmp_path_factory.mktemp("daily") / "console.sqlite3")


def _clean(run: Run) -> None:
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_a_quiz_with_two_players_and_a_hint_runs_to_the_end(quiz_run: Run) -> None:
    _clean(quiz_run)
    assert quiz_run.after("alice> /quiz hint")[0].startswith("Hint 1: ")
    assert quiz_run.after("bob> B")[0] == "bob: ✗ wrong (only bob sees this)"
    alice_right = quiz_run.after("alice> A")
    assert alice_right[0].startswith("alice: ✓ correct (+")
    assert any(line.startswith("Answer: A. ") for line in alice_right)
    assert any(line.startswith("Source: ") and "drill.yaml:" in line for line in alice_right)
    assert "── Question 2/2 · 控制台演练 > 基础 ──" in alice_right
    bob_right = quiz_run.after("bob> A")
    assert bob_right[0].startswith("bob: ✓ correct (+")
    assert "Quiz over (2/2 questions)" in bob_right
    board = [line.split() for line in quiz_run.after("bob> /leaderboard")]
    assert sorted(row[1] for row in board if row and row[0].isdigit()) == ["alice", "bob"]


def test_a_hint_costs_the_player_who_wins_the_question(quiz_run: Run) -> None:
    alice_points = _points(quiz_run.after("alice> A")[0])  # question 1, after alice's hint
    bob_points = _points(quiz_run.after("bob> A")[0])  # question 2, no hint
    assert 0 < alice_points < bob_points


def _points(verdict_line: str) -> int:
    return int(verdict_line.split("(+")[1].split(")")[0])


def test_the_daily_question_is_posted_answered_by_three_revealed_and_scored(daily_run: Run) -> None:
    _clean(daily_run)
    assert daily_run.after("you> /clock +1h")[0] == "── Daily question · 2026-12-01 ──"
    assert daily_run.after("alice> /daily answer:A")[0].startswith("alice: ✓ correct (+")
    assert daily_run.after("bob> /daily answer:负梯度方向")[0].startswith("bob: ✓ correct (+")
    assert daily_run.after("carol> /daily answer:C")[0] == "carol: ✗ wrong (only carol sees this)"
    revealed = daily_run.after("carol> /clock +12h")
    assert revealed[0] == "── Daily answer · 2026-12-01 ──"
    assert "3 answered, 2 right" in revealed
    assert "First to solve it: alice" in revealed
    board = [line.split() for line in daily_run.after("carol> /leaderboard period:today")]
    ranked = [(row[0], row[1]) for row in board if row and row[0].isdigit()]
    assert sorted(ranked) == [("1", "alice"), ("1", "bob"), ("3", "carol")]  # a tie shares its rank
    assert "Daily streak: 1 (best 1)" in daily_run.after("carol> /stats member:alice")


def test_bad_commands_and_unknown_options_get_one_line_of_help_each(quiz_run: Run) -> None:
    _clean(quiz_run)
    for line in MISTAKES.splitlines()[:-1]:
        assert len(quiz_run.after("you> " + line)) == 1, line
    assert quiz_run.after("you> /quiz start colour:red") == [
        "Unknown option colour:. Usage: /quiz start [topic:…] [count:5] [kind:…]"
    ]
    assert quiz_run.after("you> /dance") == ["Unknown command /dance; type /help"]
    assert "控制台演练" in " ".join(quiz_run.after("you> /topics"))


def test_a_second_run_continues_where_the_first_stopped(
    run_console: ConsoleRunner, quiz_run: Run, quiz_db: Path
) -> None:
    assert quiz_run.stdout.splitlines()[-1] == "Bye, everything is saved"
    second = run_console("/leaderboard\n", db=quiz_db, clock=None)  # real time, a fresh process
    _clean(second)
    assert second.after("you> /leaderboard") == quiz_run.after("bob> /leaderboard")


def test_the_same_script_and_seed_give_the_same_output(
    run_console: ConsoleRunner, quiz_run: Run, tmp_path: Path
) -> None:
    again = run_console(QUIZ_THEN_MISTAKES, db=tmp_path / "again.sqlite3")  # hints and draws included
    assert again.stdout == quiz_run.stdout


def test_an_unknown_command_line_option_is_refused_without_a_traceback() -> None:
    result = CliRunner().invoke(app, ["console", "--colour"])
    assert result.exit_code == 2
    assert "No such option" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
