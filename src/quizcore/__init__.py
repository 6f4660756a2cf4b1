"""quizcore: the platform-free quiz engine behind quizbot.

It reads a knowledge base of notes, generates questions with provenance, grades
free-text replies, and runs quiz sessions and the daily question. It never
imports ``discord`` or the ``bot`` adapters.

The public API is re-exported here and loaded on first use, so ``import quizcore``
stays cheap (SQLAlchemy, jieba and opencc load only when their part is used)::

    from quizcore import Database, Grader, ManualClock, Member, QuizService, load_bank
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Bank": "quizcore.questions",
    "Question": "quizcore.questions",
    "Glossary": "quizcore.glossary",
    "read_knowledge": "quizcore.knowledge",
    "load_bank": "quizcore.generation",
    "build_from_folder": "quizcore.generation",
    "Grader": "quizcore.grading",
    "Verdict": "quizcore.grading",
    "Member": "quizcore.members",
    "Clock": "quizcore.clock",
    "ManualClock": "quizcore.clock",
    "SystemClock": "quizcore.clock",
    "CommunityConfig": "quizcore.config",
    "Database": "quizcore.storage",
    "QuizService": "quizcore.service",
    "QuizScheduler": "quizcore.scheduler",
    "QuizError": "quizcore.errors",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quizcore' has no attribute {name!r}")
    return getattr(import_module(module), name)
