"""Persistence: the database, its unit of work and repositories (SQLAlchemy 2, async)."""

from quizcore.storage.database import Database, default_sqlite_url
from quizcore.storage.uow import UnitOfWork

__all__ = ["Database", "UnitOfWork", "default_sqlite_url"]
