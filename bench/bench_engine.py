"""Engine benchmark: daily answers recorded per second, and leaderboard time over a million ledger rows.

Usage::

    python bench/bench_engine.py [--rows 1000000] [--answers 2000] [--postgres URL]

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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "engine"))

from conftest import make_bank

from quizcore.clock import ManualClock
from quizcore.events import DailyPosted
from quizcore.grading import Grader
from quizcore.leaderboards import day_keys
from quizcore.members import Member
from quizcore.service import QuizService
from quizcore.storage import Database

COMMUNITY = "bench:1"
MEMBERS = 5000
NOW = datetime(2026, 12, 15, 12, 0, tzinfo=UTC)


async def bench_answers(db: Database, count: int) -> float:
    """Answers per second: ``count`` members answer one daily question at once."""
    clock = ManualClock(NOW.replace(hour=9))
    service = QuizService(make_bank(), Grader(None), db, clock, seed=1)
    await service.configure(COMMUNITY, Member("bench:mod", "mod"), is_moderator=True, post_time="09:00")
    posted = next(e for e in await service.tick() if isinstance(e, DailyPosted))
    reply = posted.question.correct_text
    members = [Member(f"bench:a{i}", f"A{i}") for i in range(count)]
    started = time.perf_counter()
    await asyncio.gather(*(service.answer_daily(COMMUNITY, m, reply) for m in members))
    return count / (time.perf_counter() - started)


async def fill(db: Database, rows: int) -> float:
    """Insert ``rows`` answers and as many ledger rows, spread over the past year, by SQL on the server."""
    started = time.perf_counter()
    start = NOW - timedelta(days=365)
    if db.dialect == "sqlite":
        series = "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < :n - 1) "
        at = "datetime(:start, '+' || (i * 31536000 / :n) || ' seconds')"
        source = "FROM s"
    else:
        series = ""
        at = "CAST(:start AS timestamp) + make_interval(secs => i * 31536000.0 / :n)"
        source = "FROM generate_series(0, :n - 1) AS s(i)"
    naive = start.replace(tzinfo=None)
    params = {"n": rows, "start": naive.isoformat(sep=" ") if db.dialect == "sqlite" else naive, "m": MEMBERS}
    async with db.engine.begin() as conn:
        await conn.execute(
            text(
                series + "INSERT INTO answers (community, member_id, mode, question_id, topic, reply, correct, score,"
                " points, answered_at, session_id, number) "
                f"SELECT :c, 'bench:m' || (i % :m), 'quiz', 'opt-1', 'Optimizers', 'x', (i % 3) <> 0, 1.0, 10, {at},"
                f" 'bench-' || (i / 5), i % 5 {source}"
            ),
            {**params, "c": COMMUNITY},
        )
        await conn.execute(
            text(
                series + "INSERT INTO ledger (community, member_id, created_at, reason, points, answered, correct) "
                f"SELECT :c, 'bench:m' || (i % :m), {at}, 'quiz_correct', (i % 7) + (i % :m) % 11, 1,"
                f" CASE WHEN (i % 3) <> 0 THEN 1 ELSE 0 END {source}"
            ),
            {**params, "c": COMMUNITY},
        )
    return time.perf_counter() - started


async def rebuild(db: Database) -> float:
    """Seconds to recount the standings from the whole ledger (what a timezone change does)."""
    started = time.perf_counter()
    async with db.uow() as uow:
        await uow.ledger.rebuild_standings(COMMUNITY, ZoneInfo("UTC"), day_keys)
        await uow.commit()
    async with db.engine.begin() as conn:
        await conn.execute(text("ANALYZE"))
    return time.perf_counter() - started


async def bench_leaderboard(db: Database, repeat: int = 20) -> dict[str, float]:
    """Median milliseconds of the top 10 for each period, with the ledger filled."""
    service = QuizService(make_bank(), Grader(None), db, ManualClock(NOW), seed=1)
    results = {}
    for period in ("today", "week", "month", "all"):
        board = await service.leaderboard(COMMUNITY, period)
        assert board.rows, period
        times = []
        for _ in range(repeat if period != "all" else 3):
            started = time.perf_counter()
            await service.leaderboard(COMMUNITY, period)
            times.append((time.perf_counter() - started) * 1000)
        results[period] = statistics.median(times)
    return results


async def run(label: str, url: str, schema: str | None, rows: int, answers: int) -> None:
    db = await Database.open(url, schema=schema)
    try:
        rate = await bench_answers(db, answers)
        sys.stdout.write(f"{label}: {rate:,.0f} daily answers recorded per second ({answers} at once)\n")
        seconds = await fill(db, rows)
        sys.stdout.write(f"{label}: filled {rows:,} answers + {rows:,} ledger rows in {seconds:.1f} s\n")
        seconds = await rebuild(db)
        sys.stdout.write(f"{label}: standings recounted from the ledger in {seconds:.1f} s\n")
        for period, ms in (await bench_leaderboard(db)).items():
            target = "  (target < 50 ms)" if period == "month" else ""
            sys.stdout.write(f"{label}: leaderboard top 10 {period:>5}: {ms:7.1f} ms{target}\n")
    finally:
        if schema:
            async with db.engine.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--postgres", default=os.environ.get("QUIZBOT_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(run("sqlite", f"sqlite+aiosqlite:///{tmp}/bench.db", None, args.rows, args.answers))
    if args.postgres:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        asyncio.run(run("postgresql", args.postgres, schema, args.rows, args.answers))
    else:
        sys.stdout.write("postgresql: skipped (no --postgres and no QUIZBOT_TEST_POSTGRES_URL)\n")


if __name__ == "__main__":
    main()
