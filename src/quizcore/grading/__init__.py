"""Grading free-text replies: lenient to people (case, width, script, typos, filler), strict about facts.

Typical use::

    from quizcore.grading import Grader, Verdict

    grader = Grader(glossary)
    verdict = grader.grade(question, reply)
"""

from quizcore.grading.grader import Grader
from quizcore.grading.normalize import normalize
from quizcore.grading.verdict import Verdict

__all__ = ["Grader", "Verdict", "normalize"]
