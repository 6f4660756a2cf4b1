"""The engine's pure rules: clocks, post times across DST, the session state machine, hints, option parsing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcore.clock import ManualClock
from quizcore.config import CommunityConfig
from quizcore.daily import chosen_option, due_posts
from quizcore.errors import NoMoreHints
from quizcore.events import Event, QuestionAsked, QuestionClosed, QuizEnded
from quizcore.grading import Grader, Verdict
from quizcore.hints import hint_text
from quizcore.members import Member
from quizcore.questions import Bank, Format
from quizcore.scoring import HINT_COSTS, quiz_win_awards
from quizcore.sessions import QuizSession

ALICE = Member("console:alice", "Alice")
BOB = Member("console:bob", "Bob")
T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_a_manual_clock_moves_only_forward_and_only_in_aware_time() -> None:
    clock = ManualClock(datetime(2026, 1, 1, 8, 0, tzinfo=UTC))
    assert clock.advance(90) == datetime(2026, 1, 1, 8, 1, 30, tzinfo=UTC)
    assert clock.advance(timedelta(hours=1)).hour == 9
    with pytest.raises(ValueError, match="negative"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="naive"):
        clock.set(datetime(2026, 1, 1))


@pytest.mark.parametrize(("tz", "post"), [("America/New_York", "02:30"), ("Europe/Berlin", "02:30"), ("UTC", "23:55")])
def test_every_local_date_is_due_exactly_once_through_a_year_of_dst_changes(tz: str, post: str) -> None:
    config = CommunityConfig.model_validate({"timezone": tz, "post_time": post, "grace_minutes": 60})
    posted: dict[date, datetime] = {}
    now = datetime(2026, 1, 1, tzinfo=UTC)
    while now < datetime(2027, 1, 1, tzinfo=UTC):
        for due in due_posts(now, config):
            if due.local_date not in posted:
                posted[due.local_date] = now
        now += timedelta(minutes=10)
    days = sorted(posted)
    assert len(days) == (days[-1] - days[0]).days + 1  # no date skipped, none twice (dict keys)
    assert len(days) >= 364


def test_a_post_missed_for_longer_than_the_grace_is_skipped() -> None:
    config = CommunityConfig.model_validate({"post_time": "09:00", "grace_minutes": 30})
    assert due_posts(datetime(2026, 3, 2, 9, 29, tzinfo=UTC), config)[0].late
    assert due_posts(datetime(2026, 3, 2, 9, 31, tzinfo=UTC), config) == []
    assert not due_posts(datetime(2026, 3, 2, 9, 0, 30, tzinfo=UTC), config)[0].late


def test_config_parses_post_times_written_in_several_ways() -> None:
    assert CommunityConfig.model_validate({"post_time": "7:05"}).post_time == time(7, 5)
    assert CommunityConfig.model_validate({"post_time": "07：05"}).post_time == time(7, 5)
    assert CommunityConfig.model_validate_json(
        CommunityConfig.model_validate({"post_time": "21:30"}).model_dump_json()
    ).post_time == time(21, 30)


def _session(bank: Bank, ids: list[str]) -> tuple[QuizSession, list[Event]]:
    return QuizSession.start(
        session_id="s1",
        community="c",
        channel="ch",
        starter=ALICE,
        questions=[bank.by_id(i) for i in ids],
        question_seconds=60,
        topic=None,
        kind=None,
        now=T0,
    )


def test_a_session_saved_to_json_and_loaded_back_behaves_the_same(bank: Bank, grader: Grader) -> None:
    session, _ = _session(bank, ["reg-1", "att-1"])
    session.answer(BOB, "nope", grader.grade(session.current, "nope"), T0 + timedelta(seconds=5))
    session.hint(BOB, T0 + timedelta(seconds=6))
    copy = QuizSession.from_json(json.loads(json.dumps(session.to_json())), bank)
    assert copy == session
    now = T0 + timedelta(seconds=20)
    original = session.answer(ALICE, "dropout", grader.grade(session.current, "dropout"), now)
    restored = copy.answer(ALICE, "dropout", grader.grade(copy.current, "dropout"), now)
    assert original == restored
    assert original.attempt is not None and sum(a.points for a in original.attempt.awards) == 10 + 3 - 2


def test_a_session_finishes_once_and_refuses_everything_after(bank: Bank, grader: Grader) -> None:
    session, _ = _session(bank, ["reg-1"])
    step = session.tick(T0 + timedelta(seconds=60))
    assert [type(e) for e in step.events] == [QuestionClosed, QuizEnded]
    assert session.next_due is None
    assert session.tick(T0 + timedelta(hours=1)).events == []
    with pytest.raises(Exception, match="no quiz"):
        session.hint(ALICE, T0 + timedelta(hours=1))


def test_a_session_asks_the_next_question_with_a_fresh_deadline(bank: Bank) -> None:
    session, events = _session(bank, ["reg-1", "att-1"])
    assert isinstance(events[-1], QuestionAsked) and events[-1].deadline == T0 + timedelta(seconds=60)
    later = T0 + timedelta(seconds=75)
    asked = session.tick(later).events[-1]
    assert isinstance(asked, QuestionAsked) and asked.deadline == later + timedelta(seconds=60)


def test_hints_for_open_and_numeric_questions_show_more_at_the_second_level(bank: Bank) -> None:
    open_q = bank.by_id("reg-3")
    assert hint_text(open_q, 1, "x") == "w_____ d____ / e____ s_______ / d___ a___________"
    assert hint_text(open_q, 2, "x").startswith("weight decay / e____")
    numeric = bank.by_id("att-4")
    assert hint_text(numeric, 1, "x") == "6_ (2)"
    with pytest.raises(NoMoreHints):
        hint_text(numeric, 2, "x")  # a two-digit answer has nothing more to show
    phrase = bank.by_id("att-3")
    assert hint_text(phrase, 2, "x") == "cau___ ma__"


@pytest.mark.parametrize(
    ("reply", "index"),
    [
        ("B", 1),
        ("b", 1),
        ("Ｂ", 1),
        ("选B", 1),
        ("option b", 1),
        ("B)", 1),
        ("l2", 1),
        ("L0", 2),
        ("E", None),
        ("?", None),
    ],
)
def test_the_option_a_reply_picked_is_recognised_for_the_distribution(
    bank: Bank, reply: str, index: int | None
) -> None:
    assert chosen_option(bank.by_id("reg-2"), reply) == index


@settings(derandomize=True, max_examples=300)
@given(
    elapsed=st.floats(min_value=0, max_value=120),
    later=st.floats(min_value=0, max_value=120),
    hints=st.integers(min_value=0, max_value=2),
    score=st.floats(min_value=0, max_value=1),
)
def test_a_won_question_is_worth_1_to_15_points_and_never_more_for_answering_later(
    elapsed: float, later: float, hints: int, score: float
) -> None:
    verdict = Verdict(True, score, "x", "", "exact")
    deadline = T0 + timedelta(seconds=60)

    def total(seconds: float) -> int:
        at = T0 + timedelta(seconds=seconds)
        return sum(a.points for a in quiz_win_awards(verdict, Format.OPEN, T0, deadline, at, sum(HINT_COSTS[:hints])))

    assert 1 <= total(elapsed) <= 15
    assert total(elapsed + later) <= total(elapsed)
