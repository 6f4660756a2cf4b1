"""Counted answers: one per member per daily question, the first attempt per member per quiz question."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Row, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.dialect import insert_for
from quizcore.storage.tables import answers

__all__ = ["AnswerRepository"]


class AnswerRepository:
    """Rows of ``answers``."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def add(self, **values: Any) -> int | None:
        """Insert an answer unless this member already has one for this question; its id, or None."""
        stmt = insert_for(self.conn, answers).values(**values).on_conflict_do_nothing().returning(answers.c.id)
        result = await self.conn.execute(stmt)
        return result.scalar_one_or_none()

    async def daily_totals(self, daily_id: int) -> tuple[int, int]:
        """How many answered this daily question and how many were correct."""
        result = await self.conn.execute(
            select(func.count(), func.coalesce(func.sum(answers.c.correct.cast(Integer)), 0)).where(
                answers.c.daily_id == daily_id
            )
        )
        answered, correct = result.one()
        return int(answered), int(correct)

    async def daily_choices(self, daily_id: int) -> dict[int, int]:
        """How many daily answers chose each option index (multiple choice)."""
        result = await self.conn.execute(
            select(answers.c.choice, func.count())
            .where(answers.c.daily_id == daily_id, answers.c.choice.is_not(None))
            .group_by(answers.c.choice)
        )
        return {int(choice): int(n) for choice, n in result}

    async def daily_members(self, daily_id: int) -> list[str]:
        """The members who answered this daily question."""
        result = await self.conn.execute(
            select(answers.c.member_id).where(answers.c.daily_id == daily_id).order_by(answers.c.member_id)
        )
        return [str(member_id) for member_id in result.scalars()]

    async def first_correct(self, daily_id: int) -> str | None:
        """The member who answered this daily question correctly first."""
        result = await self.conn.execute(
            select(answers.c.member_id)
            .where(answers.c.daily_id == daily_id, answers.c.correct.is_(True))
            .order_by(answers.c.answered_at, answers.c.id)
            .limit(1)
        )
        return result.scalar_one_or_none()

    async def by_topic(self, community: str, member_id: str) -> list[tuple[str, int, int]]:
        """(topic, answered, correct) for each topic the member answered in this community."""
        result = await self.conn.execute(
            select(answers.c.topic, func.count(), func.sum(answers.c.correct.cast(Integer)))
            .where(answers.c.community == community, answers.c.member_id == member_id)
            .group_by(answers.c.topic)
            .order_by(answers.c.topic)
        )
        return [(topic, int(n), int(c or 0)) for topic, n, c in result]

    async def history(self, community: str, member_id: str, limit: int) -> list[Row[tuple[object, ...]]]:
        """The member's latest answers, newest first."""
        result = await self.conn.execute(
            select(answers)
            .where(answers.c.community == community, answers.c.member_id == member_id)
            .order_by(answers.c.answered_at.desc(), answers.c.id.desc())
            .limit(limit)
        )
        return list(result)

    async def answered_daily(self, daily_id: int, member_id: str) -> bool:
        """Whether the member already answered this daily question."""
        result = await self.conn.execute(
            select(answers.c.id).where(answers.c.daily_id == daily_id, answers.c.member_id == member_id)
        )
        return result.first() is not None

    async def latest_at(self, community: str, member_id: str) -> datetime | None:
        """When the member last answered anything here."""
        result = await self.conn.execute(
            select(func.max(answers.c.answered_at)).where(
                answers.c.community == community, answers.c.member_id == member_id
            )
        )
        value = result.scalar_one_or_none()
        return value if isinstance(value, datetime) else None
