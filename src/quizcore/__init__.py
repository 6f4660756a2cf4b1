"""quizcore: the platform-free quiz engine behind quizbot.

It reads a knowledge base of notes, generates questions with provenance, grades
free-text replies, and runs quiz sessions and the daily question. It never
imports ``discord`` or the ``bot`` adapters.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
