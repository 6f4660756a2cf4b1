"""Repositories: a few small query sets, one per table family, used inside a unit of work."""

from quizcore.storage.repositories.answers import AnswerRepository
from quizcore.storage.repositories.communities import CommunityRepository
from quizcore.storage.repositories.dailies import DailyRepository
from quizcore.storage.repositories.ledger import LedgerRepository
from quizcore.storage.repositories.reports import ReportRepository
from quizcore.storage.repositories.sessions import SessionRepository
from quizcore.storage.repositories.streaks import StreakRepository

__all__ = [
    "AnswerRepository",
    "CommunityRepository",
    "DailyRepository",
    "LedgerRepository",
    "ReportRepository",
    "SessionRepository",
    "StreakRepository",
]
