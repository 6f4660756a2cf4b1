"""The memory model of one question: FSRS with Good for a right answer and Again for a wrong one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fsrs import State
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcore.spaced.memory import LEARNING_STEP, Memory, is_learned, recall, review

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_a_wrong_first_answer_brings_the_question_back_within_a_day() -> None:
    after = review(None, False, NOW)
    assert NOW < after.due <= NOW + timedelta(days=1)
    assert not is_learned(after)


def test_a_right_first_answer_skips_the_short_step_and_waits_days() -> None:
    after = review(None, True, NOW)
    assert after.due - NOW >= timedelta(days=1)
    assert is_learned(after)


def test_three_right_answers_in_a_row_push_the_question_out_by_weeks() -> None:
    memory, now = None, NOW
    intervals = []
    for _ in range(3):
        memory = review(memory, True, now)
        intervals.append(memory.due - now)
        now = memory.due
    assert intervals == sorted(intervals)
    assert intervals[-1] >= timedelta(weeks=3)


def test_forgetting_a_learned_question_brings_it_back_after_the_short_step() -> None:
    learned = review(review(None, True, NOW), True, NOW + timedelta(days=3))
    at = learned.due + timedelta(days=1)
    forgotten = review(learned, False, at)
    assert forgotten.state is State.Relearning
    assert forgotten.due == at + LEARNING_STEP
    assert forgotten.stability is not None and learned.stability is not None
    assert forgotten.stability < learned.stability


def test_the_same_answers_at_the_same_times_give_the_same_schedule() -> None:
    def run() -> Memory | None:
        memory = None
        for i, correct in enumerate([True, False, True, True]):
            memory = review(memory, correct, NOW + timedelta(days=3 * i))
        return memory

    assert run() == run()


def test_recall_fades_as_time_passes_after_a_review() -> None:
    memory = review(None, True, NOW)
    soon, later = recall(memory, NOW + timedelta(days=1)), recall(memory, NOW + timedelta(days=30))
    assert 0 < later < soon <= 1


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        review(None, True, NOW.replace(tzinfo=None))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=90 * 24 * 60)), min_size=1, max_size=12))
def test_any_history_schedules_the_question_after_the_answer_and_a_wrong_one_within_a_day(
    history: list[tuple[bool, int]],
) -> None:
    memory, now = None, NOW
    for correct, minutes_later in history:
        now += timedelta(minutes=minutes_later)
        memory = review(memory, correct, now)
        assert memory.due > now
        assert memory.last_review == now
        if not correct:
            assert memory.due - now <= timedelta(days=1)
