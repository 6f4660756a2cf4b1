"""Alembic migrations of the quizbot schema (applied by ``Database.open``)."""
