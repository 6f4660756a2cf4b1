"""Process settings read from the environment (prefix ``QUIZBOT_``) and ``.env``."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Settings of one bot process.

    Attributes:
        database_url: SQLAlchemy async URL (``QUIZBOT_DATABASE_URL``), e.g.
            ``postgresql+asyncpg://user@host/db``; None means a SQLite file under ``data_dir``.
        data_dir: where the embedded SQLite database lives (``QUIZBOT_DATA_DIR``).
    """

    model_config = SettingsConfigDict(env_prefix="QUIZBOT_", env_file=".env", extra="ignore")

    database_url: str | None = None
    data_dir: str = "data"
