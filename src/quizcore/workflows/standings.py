"""Leaderboards, streaks and personal stats, all derived from the ledger and the answers."""

from __future__ import annotations

from quizcore.leaderboards import period_bounds, period_key, previous_month_key, rank_rows
from quizcore.storage import UnitOfWork
from quizcore.views import HistoryItem, Leaderboard, MemberStats, Period, TopicStats
from quizcore.workflows.context import Context

__all__ = ["HISTORY_LENGTH", "WEAKEST_TOPICS", "StandingsWorkflow"]

HISTORY_LENGTH = 20
WEAKEST_TOPICS = 3


class StandingsWorkflow:
    """Read-only views of scores."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def leaderboard(self, community: str, period: Period, limit: int) -> Leaderboard:
        """The top members of a period in the community's timezone."""
        now = self.ctx.now()
        async with self.ctx.database.uow() as uow:
            config = await self.ctx.config(uow, community)
            start, end = period_bounds(period, now, config.tz)
            standings = await uow.ledger.top(community, period_key(period, now, config.tz), max(1, limit))
            champion = None
            if period == "month":
                champion = await uow.ledger.top(community, previous_month_key(now, config.tz), 1)
            ids = [s.member_id for s in standings] + [s.member_id for s in champion or []]
            names = await uow.communities.names(community, ids)
        rows = rank_rows(standings, names)
        best = rank_rows(champion, names)[0] if champion and champion[0].points > 0 else None
        return Leaderboard(community, period, start, end, rows, best)

    async def member_stats(self, community: str, member_id: str) -> MemberStats:
        """A member's record: totals, accuracy by topic, weakest topics, streaks and recent answers."""
        async with self.ctx.database.uow() as uow:
            totals = await uow.ledger.standing(community, "all", member_id)
            topics = await uow.answers.by_topic(community, member_id)
            history = await uow.answers.history(community, member_id, HISTORY_LENGTH)
            current, best = await self._streak(uow, community, member_id)
            names = await uow.communities.names(community, [member_id])
        points, answered, correct = (totals.points, totals.answered, totals.correct) if totals else (0, 0, 0)
        by_topic = tuple(TopicStats(t, n, c, c / n if n else 0.0) for t, n, c in topics)
        weak = sorted((s for s in by_topic if s.accuracy < 1.0), key=lambda s: (s.accuracy, -s.answered, s.topic))
        items = tuple(
            HistoryItem(r.answered_at, r.question_id, r.topic, r.mode, bool(r.correct), int(r.points)) for r in history
        )
        return MemberStats(
            community=community,
            member_id=member_id,
            name=names.get(member_id, member_id),
            answered=answered,
            correct=correct,
            accuracy=correct / answered if answered else 0.0,
            points=points,
            by_topic=by_topic,
            weakest=tuple(s.topic for s in weak[:WEAKEST_TOPICS]),
            streak_current=current,
            streak_best=best,
            history=items,
        )

    async def _streak(self, uow: UnitOfWork, community: str, member_id: str) -> tuple[int, int]:
        """(current, best); the current run counts only if it reaches the latest daily (or the one before
        it, while the latest is still open and unanswered by this member)."""
        stored = await uow.streaks.get(community, member_id)
        if stored is None:
            return 0, 0
        current, best = stored
        last = await uow.streaks.last_daily(community, member_id)
        latest = await uow.dailies.latest(community)
        if latest is None:
            return 0, best
        alive = {latest.id}
        if latest.revealed_at is None and latest.closes_at > self.ctx.now():
            previous = await uow.dailies.previous_id(community, latest.local_date)
            if previous is not None:
                alive.add(previous)
        return (current if last in alive else 0), best
