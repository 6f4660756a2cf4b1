"""The one hook every graded answer goes through: it updates the member's memory of the question."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from quizcore.spaced.memory import Memory, rating_for, review
from quizcore.spaced.repository import ReviewStore
from quizcore.spaced.reviewlog import LogEntry
from quizcore.storage import Database, UnitOfWork

__all__ = ["MODES", "MemoryUpdate", "record_graded_answer"]

log = logging.getLogger(__name__)

MODES = ("answer", "daily", "quiz", "review")
"""Where a graded answer can come from (``"answer"``: unspecified; only ``"review"`` counts against the new limit)."""


@dataclass(frozen=True)
class MemoryUpdate:
    """What one graded answer did to a member's memory of a question."""

    question_id: str
    before: Memory | None
    after: Memory

    @property
    def is_new(self) -> bool:
        """The member had never answered this question."""
        return self.before is None


async def record_graded_answer(
    target: UnitOfWork | Database,
    community: str,
    member_id: str,
    question_id: str,
    correct: bool,
    now: datetime,
    *,
    mode: str = "answer",
) -> MemoryUpdate:
    """Update the member's memory of a question after a graded answer (correct: FSRS Good; wrong: Again).

    Call it inside the unit of work that records the answer, so both are kept or neither; given a
    :class:`Database`, it runs in a unit of work of its own and commits.

    Args:
        target: the caller's unit of work, or the database.
        mode: where the answer came from: ``"daily"``, ``"quiz"``, ``"review"`` or ``"answer"`` (unspecified).

    Raises:
        ValueError: unknown ``mode``, or naive ``now``.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    if isinstance(target, Database):
        async with target.uow() as uow:
            update = await _record(ReviewStore(uow.conn), community, member_id, question_id, correct, now, mode)
            await uow.commit()
        return update
    return await _record(ReviewStore(target.conn), community, member_id, question_id, correct, now, mode)


async def _record(
    store: ReviewStore, community: str, member_id: str, question_id: str, correct: bool, now: datetime, mode: str
) -> MemoryUpdate:
    # Most graded answers meet a question for the first time (a daily is drawn from unasked ones), so try
    # to create the card first; when it exists, lock it and review its stored state instead.
    before: Memory | None = None
    after = review(None, correct, now)
    if not await store.cards.create(community, member_id, question_id, after, correct, now):
        before = await store.cards.lock(community, member_id, question_id)
        after = review(before, correct, now)
        await store.cards.save(community, member_id, question_id, after, correct)
    entry = LogEntry(
        question_id=question_id,
        mode=mode,
        correct=correct,
        rating=int(rating_for(correct)),
        is_new=before is None,
        reviewed_at=now,
        due_before=before.due if before is not None else None,
        after=after,
    )
    await store.log.append(community, member_id, entry)
    log.debug("memory of %s for %s in %s: due %s", question_id, member_id, community, after.due.isoformat())
    return MemoryUpdate(question_id, before, after)
