"""Domain errors of personal review (shown to the member like every :class:`quizcore.errors.QuizError`)."""

from __future__ import annotations

from datetime import datetime

from quizcore.errors import QuizError

__all__ = ["NotDueYet", "ReviewUnavailable"]


class ReviewUnavailable(QuizError):
    """This question cannot be reviewed now (it is the open daily question, or held back by a report)."""

    default_message = "this question cannot be reviewed right now"


class NotDueYet(ReviewUnavailable):
    """The member already reviewed this question and it is not due again yet (a second click, an old message).

    Attributes:
        due: when it comes back (UTC), for the adapter to show in the member's time.
    """

    default_message = "you already reviewed this question; it comes back later"

    def __init__(self, due: datetime, message: str | None = None) -> None:
        super().__init__(message)
        self.due = due
