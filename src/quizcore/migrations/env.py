"""Alembic environment: runs migrations on the connection ``Database.open`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from quizcore.storage.tables import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("quizbot migrations run through quizcore.storage.Database.open, which supplies a connection")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
