"""The service's use cases, one module each, sharing a :class:`Context`; ``QuizService`` is their facade."""

from quizcore.workflows.context import Context

__all__ = ["Context"]
