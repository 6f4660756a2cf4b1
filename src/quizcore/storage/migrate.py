"""Alembic, configured in code (no alembic.ini): upgrade a connection to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

__all__ = ["alembic_config", "upgrade_to_head"]

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at ``quizcore/migrations``, bound to ``connection`` when given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to_head(connection: Connection) -> None:
    """Apply every migration not yet applied on this (sync) connection."""
    command.upgrade(alembic_config(connection), "head")
