"""What every use case needs: the bank, the grader, the database, the clock and the seed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from quizcore.clock import Clock
from quizcore.config import CommunityConfig
from quizcore.errors import UnknownQuestion
from quizcore.members import Member
from quizcore.questions import Bank, Question
from quizcore.storage import Database, UnitOfWork

if TYPE_CHECKING:
    from quizcore.grading import Grader

__all__ = ["Context"]


@dataclass(frozen=True)
class Context:
    """Shared dependencies of the use cases."""

    bank: Bank
    grader: Grader
    database: Database
    clock: Clock
    seed: int
    _names: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def now(self, now: datetime | None = None) -> datetime:
        """``now`` if given, else the clock's time."""
        return now if now is not None else self.clock.now()

    def question(self, question_id: str) -> Question:
        """A question of the bank.

        Raises:
            UnknownQuestion: the bank has no such question.
        """
        question = self.bank.get(question_id)
        if question is None:
            raise UnknownQuestion(f"no question with id {question_id!r}")
        return question

    async def remember_name(self, uow: UnitOfWork, community: str, member: Member) -> None:
        """Store the member's display name, unless this process already stored that very name."""
        key = (community, member.id)
        if self._names.get(key) == member.name:
            return
        await uow.communities.remember_name(community, member.id, member.name)
        uow.on_commit(lambda: self._names.__setitem__(key, member.name))

    async def config(self, uow: UnitOfWork, community: str) -> CommunityConfig:
        """The community's config inside a unit of work, registering it with defaults the first time."""
        raw = await uow.communities.get(community)
        if raw is not None:
            return CommunityConfig.model_validate_json(raw)
        config = CommunityConfig()
        await uow.communities.ensure(community, config.model_dump_json(), self.now())
        return config
