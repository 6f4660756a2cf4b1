"""Insert-or-nothing and upserts, written once for SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

__all__ = ["insert_for"]


def insert_for(conn: AsyncConnection, table: Table) -> Any:
    """An INSERT for ``table`` with ``on_conflict_do_nothing``/``on_conflict_do_update`` in the connection's dialect."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
