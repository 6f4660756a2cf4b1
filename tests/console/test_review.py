"""Personal review in the console: a missed question comes back, is answered privately, and counts in the status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.console.harness import Harness, render_text
from bot.console.outputs import Failure, Notice, ReviewAnswer, ReviewShown, ReviewState, Usage
from bot.console.render import Renderer, interval_text
from quizcore.errors import InvalidConfig
from quizcore.events import DailyPosted, DailyRevealed
from quizcore.spaced import NotDueYet, ReviewJudged, ReviewLimitChanged

if TYPE_CHECKING:  # the folder's conftest is not importable at run time (--import-mode=importlib)
    from conftest import ConsoleRunner

SHANGHAI = ZoneInfo("Asia/Shanghai")
DRILL_SETUP = "/daily setup time:09:00 timezone:Asia/Shanghai window:12h topics:控制台演练"


def _local(when: datetime) -> str:
    return when.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


async def _miss_the_daily(harness: Harness, who: str = "alice") -> DailyPosted:
    """Post the drill's daily question (its right answer is A) and have ``who`` answer it wrong."""
    await harness.say("you", DRILL_SETUP)
    posted = (await harness.say("you", "/clock +1h")).events[0]
    assert isinstance(posted, DailyPosted)
    await harness.say(who, "/daily answer:B")
    return posted


async def test_a_missed_daily_question_comes_back_for_review_within_a_day_and_only_its_member_sees_it(
    harness: Harness,
) -> None:
    posted = await _miss_the_daily(harness)
    await harness.say("bob", "/daily answer:A")
    revealed = await harness.advance(timedelta(hours=13).total_seconds())
    assert [type(e) for e in revealed.events] == [DailyRevealed]
    assert "1 of today's answerers have reviews due — /review" in revealed.text

    shown = await harness.say("alice", "/review")
    (review,) = shown.of(ReviewShown)
    assert isinstance(review, ReviewShown) and review.card is not None
    assert review.card.question.id == posted.question.id and not review.card.is_new
    assert "── Review · alice ── (only alice sees this)" in shown.text
    assert posted.question.stem in shown.text and "Answer with /review answer:<reply>" in shown.text


async def test_a_review_answer_gets_a_private_verdict_and_the_next_due_time_in_the_rooms_timezone(
    harness: Harness,
) -> None:
    await _miss_the_daily(harness)
    await harness.advance(timedelta(hours=13).total_seconds())
    await harness.say("alice", "/review")
    answered = await harness.say("alice", "/review answer:A")
    (judged,) = answered.events
    assert isinstance(judged, ReviewJudged) and judged.verdict.correct
    assert judged.next_due > harness.clock.now()
    assert "alice: ✓ correct (only alice sees this)" in answered.text
    assert f"This question comes back {_local(judged.next_due)}" in answered.text
    assert "Nothing else is due now" in answered.text

    status = await harness.say("alice", "/review status")
    (state,) = status.of(ReviewState)
    assert isinstance(state, ReviewState)
    assert (state.status.reviews, state.status.retention, state.status.due_now) == (2, 0.5, 0)
    assert "Review status for alice (only alice sees this)" in status.text
    assert "Retention 50% (graded answers: 2)" in status.text
    assert f"The next one falls due {_local(judged.next_due)}" in status.text


async def test_a_missed_review_shows_the_answer_and_brings_the_question_back_in_minutes(harness: Harness) -> None:
    shown = await harness.say("alice", "/review")
    (review,) = shown.of(ReviewShown)
    assert isinstance(review, ReviewShown) and review.card is not None and review.card.is_new
    question = review.card.question
    assert question.answer_index is not None  # multiple choice: the drill's right answers are all A
    right = "ABC"[question.answer_index]
    wrong = next(letter for letter in "ABC" if letter != right)
    missed = await harness.say("alice", f"/review answer:{wrong}")
    judged, answer = missed.outputs
    assert isinstance(judged, ReviewJudged) and not judged.verdict.correct
    assert judged.interval <= timedelta(minutes=10)
    assert isinstance(answer, ReviewAnswer) and answer.question == question
    assert f"Answer: {right}. {question.correct_text}" in missed.text

    await harness.advance(timedelta(minutes=10).total_seconds())
    again = await harness.say("alice", "/review")
    (back,) = again.of(ReviewShown)
    assert isinstance(back, ReviewShown) and back.card is not None
    assert back.card.question.id == question.id and not back.card.is_new


async def test_answering_before_asking_for_a_review_question_says_to_ask_first(harness: Harness) -> None:
    said = await harness.say("alice", "/review answer:A")
    assert said.outputs == (Notice("review.pick_first"),)
    assert "Type /review first" in said.text


async def test_the_new_question_limit_holds_back_new_questions_and_nothing_due_says_when_the_next_is(
    harness: Harness,
) -> None:
    limited = await harness.say("alice", "/review limit:1")
    assert [type(e) for e in limited.events] == [ReviewLimitChanged]
    assert "alice: new questions per day set to 1 (only alice sees this)" in limited.text
    await harness.say("alice", "/review")
    answered = await harness.say("alice", "/review answer:A")
    (judged,) = answered.events
    assert isinstance(judged, ReviewJudged)

    done = await harness.say("alice", "/review")
    (shown,) = done.of(ReviewShown)
    assert isinstance(shown, ReviewShown) and shown.card is None and shown.next_due == judged.next_due
    assert "Nothing to review right now, alice (only alice sees this)" in done.text
    assert "The next one falls due" in done.text
    status = await harness.say("alice", "/review status")
    assert "New questions: 1 a day, 1 started today, 0 left" in status.text


async def test_a_limit_that_is_not_a_number_or_out_of_range_is_refused(harness: Harness) -> None:
    word = await harness.say("alice", "/review limit:lots")
    assert [type(o) for o in word.outputs] == [Usage]
    assert "Bad value lots for limit:" in word.text
    huge = await harness.say("alice", "/review limit:500")
    (failure,) = huge.outputs
    assert isinstance(failure, Failure) and isinstance(failure.error, InvalidConfig)


async def test_a_member_without_any_history_is_told_how_to_start(harness: Harness) -> None:
    said = await harness.say("carol", "/review status")
    assert "carol has nothing to review yet" in said.text
    assert "New questions: 10 a day, 0 started today, 10 left" in said.text


def test_a_question_not_due_yet_says_when_it_comes_back_in_local_time() -> None:
    due = datetime(2026, 12, 3, 1, 30, tzinfo=UTC)
    text = render_text(Renderer("en", SHANGHAI), [Failure(NotDueYet(due))])
    assert text.strip() == "You already reviewed this question; it comes back 2026-12-03 09:30"


REVIEW_SCRIPT = """\
/daily setup time:09:00 timezone:Asia/Shanghai window:12h topics:控制台演练
/clock +1h
/as alice
/daily answer:B
/clock +13h
/review
/review answer:A
/review status
"""


def test_a_piped_console_reviews_a_missed_daily_question_and_reports_the_retention(
    run_console: ConsoleRunner, tmp_path: Path
) -> None:
    run = run_console(REVIEW_SCRIPT, db=tmp_path / "review.sqlite3")
    assert run.returncode == 0, run.stderr
    reveal = run.after("alice> /clock +13h")
    assert "1 of today's answerers have reviews due — /review" in reveal
    shown = run.after("alice> /review")
    assert shown[0] == "── Review · alice ── (only alice sees this)"
    assert "梯度下降每一步沿哪个方向更新参数？" in shown
    verdict = run.after("alice> /review answer:A")
    assert verdict[0] == "alice: ✓ correct (only alice sees this)"
    assert any(line.strip().startswith("This question comes back 2026-12-0") for line in verdict)
    status = run.after("alice> /review status")
    assert "Retention 50% (graded answers: 2)" in status


def test_the_time_until_a_question_comes_back_reads_in_minutes_hours_or_days() -> None:
    assert interval_text(timedelta(minutes=10), "en") == "10 min"
    assert interval_text(timedelta(hours=5), "en") == "5 h"
    assert interval_text(timedelta(hours=24), "en") == "1 day"
    assert interval_text(timedelta(days=9, hours=3), "zh-CN") == "9 天"
