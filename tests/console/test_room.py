"""The console room in process: the same lines a user types, the exact events the engine returns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.console.build import sqlite_url
from bot.console.harness import Harness
from bot.console.outputs import Failure, Notice, Usage
from bot.console.parser import COMMANDS
from quizcore.errors import AlreadyAnswered, NoQuizRunning, NotAllowed
from quizcore.events import (
    AnswerJudged,
    DailyPosted,
    DailyRevealed,
    QuestionAsked,
    QuestionClosed,
    QuizEnded,
    QuizStarted,
    StreakExtended,
)
from quizcore.questions import Bank

START = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # the harness fixture's start

DRILL_SETUP = "/daily setup time:09:00 timezone:Asia/Shanghai window:12h topics:控制台演练"


async def test_a_two_question_quiz_is_won_by_whoever_answers_right_first(harness: Harness) -> None:
    started = await harness.say("alice", "/quiz start topic:控制台演练 count:2")
    assert [type(e) for e in started.events] == [QuizStarted, QuestionAsked]
    assert "A. " in started.text and "B. " in started.text

    wrong = await harness.say("bob", "B")
    assert [type(e) for e in wrong.events] == [AnswerJudged]
    judged = wrong.events[0]
    assert isinstance(judged, AnswerJudged) and not judged.verdict.correct and judged.private_to == "console:bob"

    right = await harness.say("alice", "A")
    assert [type(e) for e in right.events] == [AnswerJudged, QuestionClosed, QuestionAsked]
    assert "alice: ✓ correct" in right.text and "Answer: A. " in right.text

    last = await harness.say("bob", "/answer text:A")
    assert [type(e) for e in last.events] == [AnswerJudged, QuestionClosed, QuizEnded]
    ended = last.events[-1]
    assert isinstance(ended, QuizEnded)
    assert sorted((s.member.name, s.correct) for s in ended.ranking) == [("alice", 1), ("bob", 1)]


async def test_a_hint_is_shown_to_the_room(harness: Harness) -> None:
    await harness.say("alice", "/quiz start topic:控制台演练 count:1")
    hint = await harness.say("bob", "/quiz hint")
    assert hint.text.startswith("Hint 1: ")


async def test_a_plain_line_with_no_quiz_running_says_how_to_start_one(harness: Harness) -> None:
    said = await harness.say("alice", "A")
    assert said.outputs == (Notice("console.no_quiz_answer"),)


async def test_a_bad_command_gets_one_line_of_help_and_the_room_goes_on(harness: Harness) -> None:
    bad = await harness.say("alice", "/quiz start colour:red")
    assert len(bad.of(Usage)) == 1 and bad.text.count("\n") == 1
    assert "Unknown option colour:" in bad.text
    good = await harness.say("alice", "/quiz start topic:控制台演练 count:1")
    assert any(isinstance(e, QuizStarted) for e in good.events)


async def test_domain_errors_come_back_as_one_line(harness: Harness) -> None:
    said = await harness.say("alice", "/quiz stop")
    failures = said.of(Failure)
    assert len(failures) == 1 and isinstance(failures[0], Failure) and isinstance(failures[0].error, NoQuizRunning)
    assert said.text == "No quiz is running here\n"


async def test_only_moderators_post_the_daily_question_and_you_start_as_one(harness: Harness) -> None:
    await harness.say("you", DRILL_SETUP)
    refused = await harness.say("bob", "/daily post")
    assert isinstance(refused.outputs[-1], Failure) and isinstance(refused.outputs[-1].error, NotAllowed)
    await harness.say("bob", "/as bob mod")
    posted = await harness.say("bob", "/daily post")
    assert [type(e) for e in posted.events] == [DailyPosted]


async def test_moving_the_clock_posts_and_reveals_the_daily_question_at_their_times(harness: Harness) -> None:
    await harness.say("you", DRILL_SETUP)
    posted = await harness.say("you", "/clock +1h")  # 08:00 -> 09:00 in Shanghai
    assert [type(e) for e in posted.events] == [DailyPosted]
    assert "Daily question · 2026-12-01" in posted.text

    first = await harness.say("alice", "/daily answer:A")
    assert [type(e) for e in first.events] == [AnswerJudged, StreakExtended]
    again = await harness.say("alice", "/daily answer:B")
    assert isinstance(again.outputs[-1], Failure) and isinstance(again.outputs[-1].error, AlreadyAnswered)
    await harness.say("bob", "/daily answer:C")

    revealed = await harness.advance(timedelta(hours=12).total_seconds())
    assert [type(e) for e in revealed.events] == [DailyRevealed]
    reveal = revealed.events[0]
    assert isinstance(reveal, DailyRevealed) and (reveal.answered, reveal.correct) == (2, 1)
    assert reveal.first_solver is not None and reveal.first_solver.name == "alice"


async def test_a_jump_over_several_days_fires_each_post_and_reveal_in_order(harness: Harness) -> None:
    await harness.say("you", DRILL_SETUP)
    jumped = await harness.say("you", "/clock +3d")
    kinds = [type(e).__name__ for e in jumped.events]
    assert kinds == ["DailyPosted", "DailyRevealed"] * 3
    dates = [e.local_date.isoformat() for e in jumped.events if isinstance(e, DailyPosted)]
    assert dates == ["2026-12-01", "2026-12-02", "2026-12-03"]


async def test_the_clock_does_not_run_backwards(harness: Harness) -> None:
    said = await harness.say("you", "/clock 2020-01-01 00:00")
    assert len(said.of(Usage)) == 1
    assert "Simulated time" not in said.text


async def test_a_jump_past_a_quizs_deadlines_times_its_questions_out_one_after_another(harness: Harness) -> None:
    await harness.say("alice", "/quiz start topic:控制台演练 count:2")
    jumped = await harness.advance(600)
    closed = [e for e in jumped.events if isinstance(e, QuestionClosed)]
    assert [(e.number, e.reason.value) for e in closed] == [(1, "timeout"), (2, "timeout")]
    asked = [e for e in jumped.events if isinstance(e, QuestionAsked)]
    assert len(asked) == 1 and asked[0].number == 2
    assert asked[0].deadline == START + timedelta(seconds=120)  # asked when question 1 timed out, not at the end
    assert isinstance(jumped.events[-1], QuizEnded)


async def test_the_room_speaks_chinese_when_its_locale_is_chinese(drill_bank: Bank, tmp_path: Path) -> None:
    harness = await Harness.open(
        drill_bank, database_url=sqlite_url(tmp_path / "zh.sqlite3"), start=START, locale="zh-CN"
    )
    try:
        said = await harness.say("alice", "/quiz stop")
        assert said.text == "这里没有进行中的测验\n"
        started = await harness.say("alice", "/quiz start topic:控制台演练 count:1")
        assert "alice 开始了测验：控制台演练，共 1 题" in started.text
        assert "直接输入选项字母作答" in started.text
    finally:
        await harness.close()


async def test_help_describes_every_command(harness: Harness) -> None:
    said = await harness.say("you", "/help")
    for name, spec in COMMANDS.items():
        assert any(line.strip().startswith(spec.usage + " — ") for line in said.text.splitlines()), name


async def test_a_member_reports_a_question_and_a_moderator_clears_it(harness: Harness) -> None:
    qid = "authored:drill-l1-sparsity"
    filed = await harness.say("carol", f"/report id:{qid} reason:选项 B 也说得通")
    assert filed.text == f"Thanks carol, question {qid} is reported\n"
    refused = await harness.say("carol", "/reports")
    assert refused.text == "Only moderators can do that\n"
    listed = await harness.say("you", "/reports")
    assert f"{qid} · 1 report(s) · 选项 B 也说得通" in listed.text
    await harness.say("you", f"/reports clear id:{qid}")
    assert (await harness.say("you", "/reports")).text == "No open reports\n"
