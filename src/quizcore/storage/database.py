"""The database: engine and sessionmaker made at start-up, migrations applied on open."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from quizcore.settings import Settings
from quizcore.storage.migrate import upgrade_to_head
from quizcore.storage.uow import UnitOfWork

__all__ = ["Database", "default_sqlite_url"]

log = logging.getLogger(__name__)

# PostgreSQL advisory lock key serialising migrations when several processes start at once.
_MIGRATION_LOCK = 0x5155_495A


def default_sqlite_url(data_dir: Path | str = "data") -> str:
    """The embedded database: ``sqlite+aiosqlite:///<data_dir>/quizbot.db``."""
    return f"sqlite+aiosqlite:///{Path(data_dir) / 'quizbot.db'}"


def _install_sqlite_pragmas(engine: AsyncEngine) -> None:
    """WAL, a busy timeout and BEGIN IMMEDIATE, so writers from several processes queue instead of failing."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below start transactions, not the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A deferred transaction that reads then writes can fail with SQLITE_BUSY without waiting;
        # taking the write lock up front makes concurrent writers wait their turn (busy_timeout).
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An opened, migrated database. Make it with :meth:`open`; close it with :meth:`close`."""

    def __init__(self, engine: AsyncEngine, url: URL, schema: str | None = None) -> None:
        self.engine = engine
        self.url = url
        self.schema = schema

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @classmethod
    async def open(cls, url: str | None = None, *, schema: str | None = None, pool_size: int = 10) -> Database:
        """Connect and apply the schema migrations.

        Args:
            url: SQLAlchemy async URL; default ``QUIZBOT_DATABASE_URL`` or a SQLite file under ``data/``
                (its folder is created when needed).
            schema: PostgreSQL only: use (and create) this schema, e.g. to isolate tests.
            pool_size: connections kept open (PostgreSQL).
        """
        settings = Settings()
        parsed = make_url(url or settings.database_url or default_sqlite_url(settings.data_dir))
        if parsed.get_backend_name() == "sqlite":
            engine = _sqlite_engine(parsed)
        else:
            connect_args: dict[str, Any] = {}
            if schema:
                connect_args["server_settings"] = {"search_path": schema}
            engine = create_async_engine(parsed, pool_size=pool_size, max_overflow=pool_size, connect_args=connect_args)
        db = cls(engine, parsed, schema)
        try:
            await db._migrate(schema)
        except BaseException:
            await engine.dispose()
            raise
        log.info("database ready: %s", parsed.render_as_string(hide_password=True))
        return db

    async def _migrate(self, schema: str | None) -> None:
        async with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                await conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _MIGRATION_LOCK})
                if schema:
                    await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
                    await conn.commit()
            try:
                await conn.run_sync(upgrade_to_head)
                await conn.commit()
            finally:
                if self.dialect == "postgresql":
                    await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _MIGRATION_LOCK})
                    await conn.commit()

    @asynccontextmanager
    async def uow(self) -> AsyncIterator[UnitOfWork]:
        """A unit of work: ``async with db.uow() as uow: ...; await uow.commit()``; rolls back unless committed."""
        # A Core connection, not an ORM session: the repositories speak SQL and need nothing more.
        async with self.engine.connect() as conn:
            await conn.begin()
            work = UnitOfWork(conn)
            try:
                yield work
            finally:
                await work.rollback()

    async def close(self) -> None:
        """Close every connection."""
        await self.engine.dispose()


def _sqlite_engine(url: URL) -> AsyncEngine:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    # One connection: SQLite has one writer at a time anyway, and queueing for the pool in asyncio is far
    # cheaper than connections sleeping in SQLite's busy handler (other processes still wait on busy_timeout).
    engine = create_async_engine(url, pool_size=5, max_overflow=5, pool_timeout=120)
    _install_sqlite_pragmas(engine)
    return engine
