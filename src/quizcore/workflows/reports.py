"""Reports of wrong or unclear questions, held back from the draw until a moderator clears them."""

from __future__ import annotations

from typing import Any

from quizcore.errors import NotAllowed, QuizError, UnknownQuestion
from quizcore.events import Event, ReportCleared, ReportFiled
from quizcore.members import Member
from quizcore.views import ReportView
from quizcore.workflows.context import Context

__all__ = ["MAX_REASON", "ReportWorkflow"]

MAX_REASON = 500


class ReportWorkflow:
    """Filing, listing and clearing reports."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def report(self, community: str, member: Member, question_id: str, reason: str) -> list[Event]:
        """File a report; ``[ReportFiled]`` (private acknowledgement to the reporter)."""
        self.ctx.question(question_id)
        reason = " ".join(reason.split())[:MAX_REASON]
        if not reason:
            raise QuizError("please say what is wrong or unclear about the question")
        async with self.ctx.database.uow() as uow:
            await uow.reports.add(community, question_id, member.id, reason, self.ctx.now())
            await self.ctx.remember_name(uow, community, member)
            await uow.commit()
        return [
            ReportFiled(
                community=community, member=member, question_id=question_id, reason=reason, private_to=member.id
            )
        ]

    async def open_reports(self, community: str, *, is_moderator: bool) -> list[ReportView]:
        """Open reports grouped by question, most reported first."""
        if not is_moderator:
            raise NotAllowed("only a moderator can list reports")
        async with self.ctx.database.uow() as uow:
            rows = await uow.reports.open(community)
        grouped: dict[str, list[Any]] = {}
        for row in rows:
            grouped.setdefault(row.question_id, []).append(row)
        views = []
        for question_id, items in grouped.items():
            question = self.ctx.bank.get(question_id)
            views.append(
                ReportView(
                    question_id=question_id,
                    stem=question.stem if question else "",
                    topic=question.topic if question else "",
                    count=len(items),
                    reasons=tuple(r.reason for r in items),
                    reporters=tuple(r.member_id for r in items),
                    first_reported_at=items[0].created_at,
                )
            )
        return sorted(views, key=lambda v: (-v.count, v.first_reported_at, v.question_id))

    async def clear(self, community: str, member: Member, question_id: str, *, is_moderator: bool) -> list[Event]:
        """Clear the open reports on a question; ``[ReportCleared]``."""
        if not is_moderator:
            raise NotAllowed("only a moderator can clear reports")
        async with self.ctx.database.uow() as uow:
            cleared = await uow.reports.clear(community, question_id, member.id, self.ctx.now())
            await uow.commit()
        if not cleared:
            raise UnknownQuestion(f"question {question_id!r} has no open report")
        return [ReportCleared(community=community, member=member, question_id=question_id, cleared=cleared)]
