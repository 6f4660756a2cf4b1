"""Picking what to review: due questions in order, then new ones from the weakest topics."""

from __future__ import annotations

from dataclasses import replace

from quizcore.questions import Bank
from quizcore.spaced.queue import BankIndex, due_questions, topic_candidates, topic_weakness, weakest_topics


def test_due_questions_keep_their_order_and_skip_ids_the_bank_lost(bank: Bank) -> None:
    picked = due_questions(["reg-2", "gone-1", "opt-1", "att-3"], bank, excluded={"att-3"})
    assert [q.id for q in picked] == ["reg-2", "opt-1"]


def test_a_topic_answered_wrongly_is_weaker_than_one_never_seen_and_one_answered_well(bank: Bank) -> None:
    results = [("opt-1", True), ("opt-2", True), ("reg-1", False), ("reg-2", False), ("gone-1", False)]
    assert weakest_topics(BankIndex(bank), results) == ["Regularization", "Attention", "Optimizers"]
    assert topic_weakness(BankIndex(bank), results)["Attention"] == 0.5


def test_a_member_with_no_history_starts_with_the_first_topic_by_name(bank: Bank) -> None:
    assert weakest_topics(BankIndex(bank), []) == ["Attention", "Optimizers", "Regularization"]


def test_a_topics_new_questions_come_easiest_first_without_excluded_ones(bank: Bank) -> None:
    picked = topic_candidates(BankIndex(bank), "Regularization", salt="alice", excluded={"reg-2"})
    assert [q.id for q in picked] == ["reg-1", "reg-3"]
    assert topic_candidates(BankIndex(bank), "No such topic", salt="alice") == []


def test_members_meet_equally_hard_questions_in_their_own_reproducible_order(bank: Bank) -> None:
    # One topic, one difficulty: only the member orders them.
    same = BankIndex(Bank([replace(q, topic="Same > Topic", difficulty=2) for q in bank]))
    orders = {salt: [q.id for q in topic_candidates(same, "Same", salt=salt)] for salt in ("a", "b", "c", "d")}
    assert all(sorted(order) == sorted(q.id for q in bank) for order in orders.values())
    assert len({tuple(order) for order in orders.values()}) > 1
    assert orders["a"] == [q.id for q in topic_candidates(same, "Same", salt="a")]


def test_the_index_follows_the_topics_of_the_bank_it_was_built_from(bank: Bank) -> None:
    index = BankIndex(bank)
    assert index.topics == ["Optimizers", "Regularization", "Attention"]
    assert index.topic_of["att-2"] == "Attention"
    assert [[q.difficulty for q in level] for level in index.levels["Optimizers"]] == [[1], [2], [3]]
