"""Sets of values in SQL (``IN``), written once for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, String, any_, bindparam
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection

__all__ = ["among", "chunks"]

# Values per IN (...) list on SQLite: well under its bound-parameter limit.
_CHUNK = 1000


def chunks(conn: AsyncConnection, items: Sequence[str]) -> list[Sequence[str]]:
    """Slices small enough for one :func:`among` (PostgreSQL takes any number in one array)."""
    if conn.dialect.name == "postgresql":
        return [items] if items else []
    return [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]


def among(conn: AsyncConnection, column: ColumnElement[str], values: Sequence[str]) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL ``= ANY(array)``, one parameter whatever the count.

    PostgreSQL switches a statement run often to a generic plan, and the generic plan of a long
    ``IN ($1, ..., $500)`` scans the whole table (70 ms instead of 2 in the benchmark).
    """
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(String)))
    return column.in_(list(values))
