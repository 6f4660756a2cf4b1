"""How events look in the terminal: options lettered, verdicts coloured, answers with their source."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from rich.console import Console

from bot.console.harness import render_text
from bot.console.outputs import Failure, Notice, Output, Usage
from bot.console.render import Renderer
from bot.texts import Locale
from quizcore.errors import NotAllowed
from quizcore.events import AnswerJudged, CloseReason, QuestionAsked, QuestionClosed
from quizcore.grading import Verdict
from quizcore.members import Member
from quizcore.questions import Bank
from quizcore.views import Leaderboard, LeaderboardRow

NOW = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
ALICE = Member("console:alice", "alice")
BOB = Member("console:bob", "bob")
RIGHT = Verdict(True, 1.0, "负梯度方向", "", "choice")
WRONG = Verdict(False, 0.0, None, "", "wrong")


def _renderer(locale: Locale = "en") -> Renderer:
    return Renderer(locale, UTC, lambda: NOW)


def _judged(member: Member, verdict: Verdict, points: int, private: bool) -> AnswerJudged:
    return AnswerJudged(
        community="console",
        channel="console:main",
        member=member,
        question_id="q",
        verdict=verdict,
        points=points,
        private_to=member.id if private else None,
    )


def test_a_question_shows_its_options_lettered_and_the_time_left(drill_bank: Bank) -> None:
    question = drill_bank.by_id("authored:drill-gradient-direction")
    asked = QuestionAsked(
        community="console",
        channel="console:main",
        session_id="s",
        question=question,
        number=1,
        total=2,
        deadline=NOW + timedelta(seconds=60),
    )
    text = render_text(_renderer(), [asked])
    assert "Question 1/2 · 控制台演练 > 基础" in text
    assert "A. 负梯度方向" in text and "B. 梯度方向" in text and "C. 随机方向" in text
    assert "Answer within 60s (until 01:01:00)" in text
    assert "authored:drill-gradient-direction" in text


def test_a_closed_question_shows_the_answer_letter_the_explanation_and_its_source(drill_bank: Bank) -> None:
    question = drill_bank.by_id("authored:drill-gradient-direction")
    closed = QuestionClosed(
        community="console",
        channel="console:main",
        session_id="s",
        question=question,
        number=1,
        total=2,
        reason=CloseReason.ANSWERED,
        winners=(ALICE,),
    )
    text = render_text(_renderer(), [closed])
    assert "Answer: A. 负梯度方向" in text
    assert "Why: " + question.explanation in text
    assert f"Source: {question.source.file}:{question.source.line}" in text
    assert "Right: alice" in text


def test_a_private_verdict_says_who_alone_sees_it() -> None:
    text = render_text(_renderer(), [_judged(BOB, WRONG, 0, private=True), _judged(ALICE, RIGHT, 3, private=False)])
    assert text.splitlines() == ["bob: ✗ wrong (only bob sees this)", "alice: ✓ correct (+3)"]


def test_verdicts_are_coloured_green_when_right_and_red_when_wrong() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=100)
    renderer = _renderer()
    for output in (_judged(ALICE, RIGHT, 3, private=False), _judged(BOB, WRONG, 0, private=True)):
        for renderable in renderer.render(output):
            console.print(renderable)
    right_line, wrong_line = buffer.getvalue().splitlines()
    assert "\x1b[1;32m" in right_line  # bold green
    assert "\x1b[31m" in wrong_line  # red


def test_the_same_event_reads_in_chinese_when_the_room_speaks_chinese() -> None:
    text = render_text(_renderer("zh-CN"), [_judged(ALICE, RIGHT, 3, private=False)])
    assert text.strip() == "alice：✓ 正确（+3）"


def test_a_leaderboard_is_a_table_with_one_row_per_member() -> None:
    rows = (
        LeaderboardRow(1, ALICE.id, "alice", 6, 2, 2, 1.0),
        LeaderboardRow(2, BOB.id, "bob", 1, 2, 1, 0.5),
    )
    board = Leaderboard("console", "week", None, None, rows)
    lines = [line.split() for line in render_text(_renderer(), [board]).splitlines() if line.strip()]
    assert lines[0] == ["Leaderboard", "·", "this", "week"]
    assert ["1", "alice", "6", "2", "100%"] in lines
    assert ["2", "bob", "1", "2", "50%"] in lines


def test_errors_and_bad_commands_are_one_line_each() -> None:
    outputs: list[Output] = [
        Failure(NotAllowed()),
        Usage("usage.unknown_option", {"option": "colour:"}, "/quiz start [topic:…]"),
        Notice("console.no_quiz_answer"),
    ]
    lines = render_text(_renderer(), outputs).splitlines()
    assert lines[0] == "Only moderators can do that"
    assert lines[1] == "Unknown option colour:. Usage: /quiz start [topic:…]"
    assert len(lines) == 3
