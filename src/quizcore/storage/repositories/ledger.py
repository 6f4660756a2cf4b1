"""The append-only points ledger, and the per-period standings derived from it in the same transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.dialect import insert_for
from quizcore.storage.tables import ledger, standings

__all__ = ["LedgerEntry", "LedgerRepository", "Standing"]

_CHUNK = 5000


@dataclass(frozen=True)
class LedgerEntry:
    """One ledger row: points (maybe negative) for a reason; ``answered``/``correct`` count the answer once."""

    member_id: str
    reason: str
    points: int
    answered: int = 0
    correct: int = 0
    answer_id: int | None = None


@dataclass(frozen=True)
class Standing:
    """A member's sums over a period."""

    member_id: str
    points: int
    answered: int
    correct: int


class LedgerRepository:
    """Rows of ``ledger`` (never updated or deleted) and of ``standings`` (their running sums per period)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def append(
        self, community: str, at: datetime, entries: Sequence[LedgerEntry], periods: Sequence[str]
    ) -> None:
        """Append entries and add them to the member's standings of each period key (both in SQL, no read-back).

        Args:
            periods: the keys the entries count toward, e.g. ``("all", "M2026-03", "W2026-10", "D2026-03-02")``.
        """
        if not entries:
            return
        await self.conn.execute(
            insert(ledger),
            [
                {
                    "community": community,
                    "member_id": e.member_id,
                    "created_at": at,
                    "reason": e.reason,
                    "points": e.points,
                    "answered": e.answered,
                    "correct": e.correct,
                    "answer_id": e.answer_id,
                }
                for e in entries
            ],
        )
        totals: dict[str, list[int]] = {}
        for e in entries:
            sums = totals.setdefault(e.member_id, [0, 0, 0])
            sums[0] += e.points
            sums[1] += e.answered
            sums[2] += e.correct
        rows = [
            {"community": community, "period": period, "member_id": member, "points": p, "answered": a, "correct": c}
            for member, (p, a, c) in sorted(totals.items())
            for period in periods
        ]
        stmt = insert_for(self.conn, standings).values(rows)
        stmt = stmt.on_conflict_do_update(
            index_elements=["community", "period", "member_id"],
            set_={
                "points": standings.c.points + stmt.excluded.points,
                "answered": standings.c.answered + stmt.excluded.answered,
                "correct": standings.c.correct + stmt.excluded.correct,
            },
        )
        await self.conn.execute(stmt)

    async def top(self, community: str, period: str, limit: int) -> list[Standing]:
        """The best members of a period key: points, then correct answers (ties in no particular order)."""
        result = await self.conn.execute(
            select(standings.c.member_id, standings.c.points, standings.c.answered, standings.c.correct)
            .where(standings.c.community == community, standings.c.period == period)
            .order_by(standings.c.points.desc(), standings.c.correct.desc(), standings.c.member_id.desc())
            .limit(limit)
        )
        return [Standing(m, int(p), int(a), int(c)) for m, p, a, c in result]

    async def standing(self, community: str, period: str, member_id: str) -> Standing | None:
        """One member's sums for a period key."""
        result = await self.conn.execute(
            select(standings.c.points, standings.c.answered, standings.c.correct).where(
                standings.c.community == community, standings.c.period == period, standings.c.member_id == member_id
            )
        )
        row = result.first()
        return Standing(member_id, int(row[0]), int(row[1]), int(row[2])) if row else None

    async def sums(self, community: str, start: datetime | None, end: datetime | None) -> list[Standing]:
        """Every member's sums straight from the ledger over ``[start, end)`` (for audits; slower than :meth:`top`)."""
        points = func.sum(ledger.c.points).label("points")
        correct = func.sum(ledger.c.correct).label("correct")
        stmt = select(ledger.c.member_id, points, func.sum(ledger.c.answered), correct).where(
            ledger.c.community == community
        )
        if start is not None:
            stmt = stmt.where(ledger.c.created_at >= start)
        if end is not None:
            stmt = stmt.where(ledger.c.created_at < end)
        stmt = stmt.group_by(ledger.c.member_id).order_by(points.desc(), correct.desc(), ledger.c.member_id.desc())
        result = await self.conn.execute(stmt)
        return [Standing(m, int(p or 0), int(a or 0), int(c or 0)) for m, p, a, c in result]

    async def rebuild_standings(self, community: str, tz: ZoneInfo, keys_of: Callable[[date], tuple[str, ...]]) -> int:
        """Recompute the community's standings from its whole ledger (after a timezone change, or to audit).

        Args:
            tz: the community's timezone, which decides each row's local date.
            keys_of: the period keys of a local date.

        Returns:
            How many ledger rows were summed.
        """
        await self.conn.execute(delete(standings).where(standings.c.community == community))
        keys: dict[date, tuple[str, ...]] = {}
        totals: dict[tuple[str, str], list[int]] = {}
        rows = 0
        result = await self.conn.stream(
            select(ledger.c.member_id, ledger.c.created_at, ledger.c.points, ledger.c.answered, ledger.c.correct).where(
                ledger.c.community == community
            )
        )
        async for member, at, points, answered, correct in result:
            rows += 1
            day = at.astimezone(tz).date()
            if day not in keys:
                keys[day] = keys_of(day)
            for key in keys[day]:
                sums = totals.setdefault((key, member), [0, 0, 0])
                sums[0] += points
                sums[1] += answered
                sums[2] += correct
        values = [
            {"community": community, "period": k, "member_id": m, "points": p, "answered": a, "correct": c}
            for (k, m), (p, a, c) in totals.items()
        ]
        for start in range(0, len(values), _CHUNK):
            await self.conn.execute(insert(standings), values[start : start + _CHUNK])
        return rows
