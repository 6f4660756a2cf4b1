"""The unit of work: one transaction and the repositories that work inside it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncConnection

from quizcore.storage.repositories import (
    AnswerRepository,
    CommunityRepository,
    DailyRepository,
    LedgerRepository,
    ReportRepository,
    SessionRepository,
    StreakRepository,
)

__all__ = ["UnitOfWork"]


class UnitOfWork:
    """One transaction; nothing is kept unless :meth:`commit` is awaited.

    Attributes:
        communities: configs and member names.
        dailies: daily posts.
        answers: counted answers.
        ledger: the append-only points ledger and leaderboards.
        streaks: daily streaks.
        reports: question reports.
        sessions: on-demand quiz sessions.
    """

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.communities = CommunityRepository(conn)
        self.dailies = DailyRepository(conn)
        self.answers = AnswerRepository(conn)
        self.ledger = LedgerRepository(conn)
        self.streaks = StreakRepository(conn)
        self.reports = ReportRepository(conn)
        self.sessions = SessionRepository(conn)
        self._after_commit: list[Callable[[], None]] = []

    def on_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once this unit of work has committed (e.g. to update an in-process cache)."""
        self._after_commit.append(callback)

    async def commit(self) -> None:
        """Keep everything done in this unit of work."""
        await self.conn.commit()
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()

    async def rollback(self) -> None:
        """Drop everything not yet committed."""
        self._after_commit = []
        await self.conn.rollback()
