"""The database: created where expected, migrated to match the schema, transactions that roll back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from quizcore.storage import Database
from quizcore.storage.tables import metadata


async def test_opening_without_a_url_creates_a_wal_sqlite_file_under_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUIZBOT_DATABASE_URL", raising=False)
    monkeypatch.delenv("QUIZBOT_DATA_DIR", raising=False)
    db = await Database.open()
    try:
        assert (tmp_path / "data" / "quizbot.db").is_file()
        async with db.engine.connect() as conn:
            assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
    finally:
        await db.close()


async def test_the_database_url_setting_picks_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZBOT_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/elsewhere.db")
    db = await Database.open()
    await db.close()
    assert (tmp_path / "elsewhere.db").is_file()


async def test_opening_twice_applies_the_migrations_once(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/q.db"
    for _ in range(2):
        db = await Database.open(url)
        async with db.engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM alembic_version"))).scalar() == 1
        await db.close()


async def test_the_migrations_build_exactly_the_schema_the_code_queries(database: Database) -> None:
    def diff(sync_conn: object) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(sync_conn), metadata))  # type: ignore[arg-type]

    async with database.engine.connect() as conn:
        assert await conn.run_sync(diff) == []


async def test_a_unit_of_work_keeps_nothing_unless_committed(database: Database) -> None:
    now = datetime(2026, 3, 2, tzinfo=UTC)
    async with database.uow() as uow:
        await uow.communities.save("c1", "{}", now)
    async with database.uow() as uow:
        await uow.communities.save("c2", "{}", now)
        await uow.commit()
    with pytest.raises(RuntimeError):
        async with database.uow() as uow:
            await uow.communities.save("c3", "{}", now)
            raise RuntimeError("boom")
    async with database.uow() as uow:
        assert [c for c, _ in await uow.communities.all()] == ["c2"]
