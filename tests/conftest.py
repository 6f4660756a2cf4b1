"""Fixtures shared by every test folder."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from quizcore.storage import Database

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
KNOWLEDGE = ROOT / "knowledge"
POSTGRES_URL = os.environ.get("QUIZBOT_TEST_POSTGRES_URL")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The study group's five real note files; tests using it skip on a fresh clone without ../shared."""
    if not SEEDS.is_dir() or not any(SEEDS.iterdir()):
        pytest.skip("../shared/seeds is not here (fresh clone)")
    return SEEDS


@pytest.fixture(scope="session")
def knowledge_dir() -> Path:
    """The bundled knowledge base."""
    return KNOWLEDGE


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database: a SQLite file, or a fresh schema on the test PostgreSQL.

    Storage tests take this fixture to run on both; the PostgreSQL run skips only when
    QUIZBOT_TEST_POSTGRES_URL is unset (CI always sets it).
    """
    if request.param == "sqlite":
        db = await Database.open(f"sqlite+aiosqlite:///{tmp_path}/quiz.db")
        yield db
        await db.close()
        return
    if not POSTGRES_URL:
        pytest.skip("QUIZBOT_TEST_POSTGRES_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    db = await Database.open(POSTGRES_URL, schema=schema)
    yield db
    async with db.engine.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await db.close()
