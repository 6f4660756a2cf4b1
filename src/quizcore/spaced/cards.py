"""Memory cards: one row per member per question with its FSRS state and tallies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fsrs import State
from sqlalchemy import Row, case, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.spaced.memory import Memory
from quizcore.spaced.sqlsets import among, chunks
from quizcore.spaced.tables import review_cards
from quizcore.storage.dialect import insert_for

__all__ = ["CardRepository", "CardSummary"]


@dataclass(frozen=True)
class CardSummary:
    """What a member's status needs of one card: its FSRS state, whether it is due, and its tallies."""

    question_id: str
    state: State
    due_now: bool
    due_today: bool
    reviews: int
    correct: int


class CardRepository:
    """Rows of ``review_cards`` for one unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def lock(self, community: str, member_id: str, question_id: str) -> Memory | None:
        """The card, locked until the unit of work ends (PostgreSQL; SQLite's writer lock already serialises)."""
        result = await self.conn.execute(
            select(review_cards)
            .where(
                review_cards.c.community == community,
                review_cards.c.member_id == member_id,
                review_cards.c.question_id == question_id,
            )
            .with_for_update()
        )
        row = result.first()
        return _memory(row) if row is not None else None

    async def create(
        self, community: str, member_id: str, question_id: str, memory: Memory, correct: bool, now: datetime
    ) -> bool:
        """Store the first review of a card; False when another transaction created it first."""
        stmt = (
            insert_for(self.conn, review_cards)
            .values(
                community=community,
                member_id=member_id,
                question_id=question_id,
                **_memory_values(memory),
                reviews=1,
                correct=int(correct),
                created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["community", "member_id", "question_id"])
            .returning(review_cards.c.question_id)
        )
        result = await self.conn.execute(stmt)
        return result.scalar_one_or_none() is not None

    async def save(self, community: str, member_id: str, question_id: str, memory: Memory, correct: bool) -> None:
        """Store a later review of a locked card, counting it in the card's tallies."""
        await self.conn.execute(
            update(review_cards)
            .where(
                review_cards.c.community == community,
                review_cards.c.member_id == member_id,
                review_cards.c.question_id == question_id,
            )
            .values(
                **_memory_values(memory),
                reviews=review_cards.c.reviews + 1,
                correct=review_cards.c.correct + int(correct),
            )
        )

    async def due(self, community: str, member_id: str, until: datetime) -> list[str]:
        """Ids of the member's questions due at or before ``until``, most overdue first."""
        c = review_cards.c
        result = await self.conn.execute(
            select(c.question_id)
            .where(c.community == community, c.member_id == member_id, c.due <= until)
            .order_by(c.due, c.question_id)
        )
        # Ids only: turning thousands of stored times into datetimes would cost more than the query.
        return list(result.scalars().all())

    async def due_at(self, community: str, member_id: str, question_id: str) -> datetime | None:
        """When the member's card of this question is due, None if they have none."""
        c = review_cards.c
        result = await self.conn.execute(
            select(c.due).where(c.community == community, c.member_id == member_id, c.question_id == question_id)
        )
        return result.scalar_one_or_none()

    async def known_among(self, community: str, member_id: str, question_ids: Sequence[str]) -> set[str]:
        """Which of these questions the member has a card for."""
        c = review_cards.c
        known: set[str] = set()
        for chunk in chunks(self.conn, question_ids):
            result = await self.conn.execute(
                select(c.question_id).where(
                    c.community == community, c.member_id == member_id, among(self.conn, c.question_id, chunk)
                )
            )
            known.update(result.scalars().all())
        return known

    async def cards(self, community: str, member_id: str, now: datetime, day_end: datetime) -> list[CardSummary]:
        """Every card of the member, summed up: due at ``now``, due before ``day_end``."""
        c = review_cards.c
        # Compared in SQL: turning thousands of stored times into datetimes costs more than the query.
        due_now = case((c.due <= now, 1), else_=0)
        due_today = case((c.due < day_end, 1), else_=0)
        result = await self.conn.execute(
            select(c.question_id, c.state, due_now, due_today, c.reviews, c.correct).where(
                c.community == community, c.member_id == member_id
            )
        )
        return [
            CardSummary(qid, State(state), bool(now_), bool(today), n, right)
            for qid, state, now_, today, n, right in result.all()
        ]

    async def upcoming(self, community: str, member_id: str, now: datetime, limit: int) -> list[tuple[str, datetime]]:
        """(question id, due) of the member's next ``limit`` cards not yet due, soonest first."""
        c = review_cards.c
        result = await self.conn.execute(
            select(c.question_id, c.due)
            .where(c.community == community, c.member_id == member_id, c.due > now)
            .order_by(c.due, c.question_id)
            .limit(limit)
        )
        return [(qid, due) for qid, due in result.all()]

    async def due_question_ids(self, community: str, member_ids: Sequence[str], now: datetime) -> set[str]:
        """Ids of every question due for any of these members."""
        found: set[str] = set()
        for chunk in chunks(self.conn, member_ids):
            result = await self.conn.execute(
                select(review_cards.c.question_id)
                .where(
                    review_cards.c.community == community,
                    among(self.conn, review_cards.c.member_id, chunk),
                    review_cards.c.due <= now,
                )
                .distinct()
            )
            found.update(result.scalars())
        return found

    async def members_due(
        self, community: str, member_ids: Sequence[str], now: datetime, skip: Sequence[str] = ()
    ) -> int:
        """How many of these members have a card due at ``now``, not counting cards of the ``skip`` questions."""
        total = 0
        for chunk in chunks(self.conn, member_ids):
            stmt = select(func.count(review_cards.c.member_id.distinct())).where(
                review_cards.c.community == community,
                among(self.conn, review_cards.c.member_id, chunk),
                review_cards.c.due <= now,
            )
            if skip:
                stmt = stmt.where(~among(self.conn, review_cards.c.question_id, skip))
            total += int((await self.conn.execute(stmt)).scalar_one())
        return total


def _memory(row: Row[Any]) -> Memory:
    return Memory(
        state=State(int(row.state)),
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
    )


def _memory_values(memory: Memory) -> dict[str, object]:
    return {
        "state": int(memory.state),
        "step": memory.step,
        "stability": memory.stability,
        "difficulty": memory.difficulty,
        "due": memory.due,
        "last_review": memory.last_review,
    }
