"""Spaced-review benchmark: time to pick a member's next review question.

Two cases: one member with 5,000 reviewed questions (a third of them due), and a community of
10,000 members with 40 cards each (one member's pick timed for a sample of them), plus the count the
daily reveal asks for ("how many of these members have reviews due"). Target: under 20 ms per member.

Usage::

    python bench/bench_review.py [--questions 6000] [--heavy 5000] [--members 10000] [--cards 40] [--postgres URL]

SQLite always (a temporary file); PostgreSQL too when ``--postgres`` or ``QUIZBOT_TEST_POSTGRES_URL`` gives
a URL (a throw-away schema is created and dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from quizcore.clock import ManualClock
from quizcore.grading import Grader
from quizcore.members import Member
from quizcore.questions import Bank, Format, Kind, Question, Source
from quizcore.spaced import ReviewService
from quizcore.storage import Database

COMMUNITY = "bench:1"
NOW = datetime(2026, 12, 15, 12, 0, tzinfo=UTC)
HEAVY = Member("bench:heavy", "Heavy")
CAUGHT_UP = Member("bench:caught-up", "Caught up")
TOPICS = [f"Topic {i:02d}" for i in range(12)]


def make_bank(size: int) -> Bank:
    """``size`` short-answer questions over twelve topics (made up for the benchmark)."""
    return Bank(
        [
            Question(
                id=f"bench-{i:05d}",
                kind=Kind.DEFINITION,
                format=Format.SHORT,
                topic=f"{TOPICS[i % len(TOPICS)]} > Part {i % 7}",
                difficulty=1 + i % 5,
                stem=f"question {i}",
                explanation="made up",
                source=Source("bench.md", i + 1, TOPICS[i % len(TOPICS)]),
                answers=(f"answer {i}",),
            )
            for i in range(size)
        ]
    )


def _series(dialect: str) -> tuple[str, str]:
    """A row source ``s(i)`` for i in 0..:n-1, written for the dialect."""
    if dialect == "sqlite":
        return "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :n - 1) ", "FROM s"
    return "", "FROM generate_series(0, :n - 1) AS s(i)"


def _plus_days(dialect: str, days: str) -> str:
    if dialect == "sqlite":
        return f"datetime(:now, ({days}) || ' days')"
    return f"CAST(:now AS timestamp) + make_interval(days => {days})"


async def fill_cards(db: Database, member_expr: str, question_expr: str, rows: int, due_days: str) -> None:
    """Insert ``rows`` review-state cards by SQL on the server; ``due_days`` places each due date around NOW."""
    series, source = _series(db.dialect)
    naive = NOW.replace(tzinfo=None)
    now: Any = naive.isoformat(sep=" ") if db.dialect == "sqlite" else naive
    due = _plus_days(db.dialect, due_days)
    last = _plus_days(db.dialect, f"({due_days}) - 1 - (i % 40)")
    sql = (
        series + "INSERT INTO review_cards (community, member_id, question_id, state, step, stability, difficulty,"
        " due, last_review, reviews, correct, created_at) "
        f"SELECT :c, {member_expr}, {question_expr}, 2, NULL, 1.0 + (i % 40), 5.0, {due}, {last},"
        f" 1 + (i % 6), i % 6, {last} {source}"
    )
    async with db.engine.begin() as conn:
        await conn.execute(text(sql), {"n": rows, "now": now, "c": COMMUNITY})


async def fill_log(db: Database, member_id: str, rows: int, questions: int) -> None:
    """``rows`` past review-log entries of one member, over the last year."""
    series, source = _series(db.dialect)
    naive = NOW.replace(tzinfo=None)
    now: Any = naive.isoformat(sep=" ") if db.dialect == "sqlite" else naive
    at = _plus_days(db.dialect, "-1 - (i % 365)")
    sql = (
        series + "INSERT INTO review_log (community, member_id, question_id, mode, correct, rating, is_new,"
        " reviewed_at, due_after, state_after) "
        f"SELECT :c, :m, 'bench-' || substr('0000' || (i % :q), -5), 'review', (i % 3) <> 0, 3, false, {at}, {at}, 2"
        f" {source}"
    )
    if db.dialect != "sqlite":
        sql = sql.replace("substr('0000' || (i % :q), -5)", "lpad((i % :q)::text, 5, '0')")
    async with db.engine.begin() as conn:
        await conn.execute(text(sql), {"n": rows, "now": now, "c": COMMUNITY, "m": member_id, "q": questions})
        await conn.execute(text("ANALYZE"))


def _qid(dialect: str, expr: str) -> str:
    if dialect == "sqlite":
        return f"'bench-' || substr('0000' || ({expr}), -5)"
    return f"'bench-' || lpad(({expr})::text, 5, '0')"


async def timed(call: Callable[[], Awaitable[object]], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls (after one warm-up call)."""
    await call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        await call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def line(label: str, what: str, times: list[float], target: bool = True) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    mark = ("  ok" if p95 < 20 else "  OVER 20 ms") if target else ""
    sys.stdout.write(f"{label}: {what:<58} median {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms{mark}\n")


async def run(label: str, url: str, schema: str | None, args: argparse.Namespace) -> None:
    db = await Database.open(url, schema=schema)
    try:
        started = time.perf_counter()
        d = db.dialect
        bank = make_bank(args.questions)
        # The heavy member: every third card due (up to 30 days overdue), the rest due within 60 days.
        await fill_cards(db, f"'{HEAVY.id}'", _qid(d, "i"), args.heavy, "((i % 9973) * 7919) % 90 - 30")
        # A member as big but with nothing due: the pick falls through to new questions.
        await fill_cards(db, f"'{CAUGHT_UP.id}'", _qid(d, "i"), args.heavy, "1 + ((i % 9973) * 7919) % 60")
        await fill_cards(
            db,
            "'bench:m' || (i / :k)".replace(":k", str(args.cards)),
            _qid(d, f"(i * 131) % {args.questions}"),
            args.members * args.cards,
            "((i % 9973) * 7919) % 90 - 30",
        )
        await fill_log(db, HEAVY.id, args.heavy * 5, args.heavy)
        cards = args.heavy * 2 + args.members * args.cards
        sys.stdout.write(f"{label}: filled {cards:,} cards in {time.perf_counter() - started:.1f} s\n")

        reviews = ReviewService(bank, Grader(None), db, ManualClock(NOW))
        card = await reviews.review_next(COMMUNITY, HEAVY)
        assert card is not None and not card.is_new, card
        sys.stdout.write(f"{label}: heavy member has {card.due_count:,} due of {args.heavy:,} cards\n")
        line(
            label,
            f"next review, {args.heavy:,} cards, {card.due_count:,} due",
            await timed(lambda: reviews.review_next(COMMUNITY, HEAVY), args.repeat),
        )
        fresh = await reviews.review_next(COMMUNITY, CAUGHT_UP)
        assert fresh is not None and fresh.is_new, fresh
        line(
            label,
            f"next review, {args.heavy:,} cards, none due (new question)",
            await timed(lambda: reviews.review_next(COMMUNITY, CAUGHT_UP), args.repeat),
        )
        line(
            label,
            f"review status, {args.heavy:,} cards",
            await timed(lambda: reviews.review_status(COMMUNITY, HEAVY.id), args.repeat),
            target=False,
        )

        members = [Member(f"bench:m{i}", f"M{i}") for i in range(0, args.members, max(1, args.members // args.sample))]
        times: list[float] = []
        for member in members:
            times += await timed(lambda m=member: reviews.review_next(COMMUNITY, m), 1)  # type: ignore[misc]
        line(label, f"next review, community of {args.members:,} ({len(members)} sampled)", times)

        everyone = [f"bench:m{i}" for i in range(args.members)]
        due = await reviews.members_with_reviews_due(COMMUNITY, everyone)
        reveal = await timed(lambda: reviews.members_with_reviews_due(COMMUNITY, everyone), 5)
        line(label, f"reveal count: {due:,} of {args.members:,} members have reviews due", reveal, target=False)
    finally:
        if schema:
            async with db.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=6000)
    parser.add_argument("--heavy", type=int, default=5000, help="cards of the heavy member")
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--cards", type=int, default=40, help="cards per community member")
    parser.add_argument("--sample", type=int, default=300, help="community members timed")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--postgres", default=os.environ.get("QUIZBOT_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    if args.heavy > args.questions:
        parser.error("--heavy cannot exceed --questions")
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run("sqlite", f"sqlite+aiosqlite:///{tmp}/bench.db", None, args))
    if args.postgres:
        asyncio.run(run("postgresql", args.postgres, f"bench_{uuid.uuid4().hex[:8]}", args))
    else:
        sys.stdout.write("postgresql: skipped (no --postgres and no QUIZBOT_TEST_POSTGRES_URL)\n")


if __name__ == "__main__":
    main()
