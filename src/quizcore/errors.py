"""Domain errors: each carries a human message that adapters show as an ephemeral reply or a console line."""

from __future__ import annotations

from quizcore.questions import UnknownQuestion as _BankUnknownQuestion

__all__ = [
    "AlreadyAnswered",
    "AnswerWindowClosed",
    "InvalidConfig",
    "NoDailyOpen",
    "NoMoreHints",
    "NoQuestions",
    "NoQuizRunning",
    "NotAllowed",
    "QuizAlreadyRunning",
    "QuizError",
    "UnknownQuestion",
    "UnknownTopic",
]


class QuizError(Exception):
    """Base of every error the engine raises on purpose.

    Attributes:
        message: one human sentence (English; adapters may map the class to a localised text).
    """

    default_message = "quiz error"

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class NoQuizRunning(QuizError):
    """No on-demand quiz runs in this channel."""

    default_message = "no quiz is running in this channel"


class QuizAlreadyRunning(QuizError):
    """A quiz already runs in this channel (one session per channel)."""

    default_message = "a quiz is already running in this channel"


class AlreadyAnswered(QuizError):
    """The member already answered this daily question (one counted answer each)."""

    default_message = "you have already answered today's question"


class NoDailyOpen(QuizError):
    """No daily question is open in this community."""

    default_message = "there is no daily question open right now"


class AnswerWindowClosed(QuizError):
    """The answer came after the daily question's window closed."""

    default_message = "too late: this question's answer window has closed"


class UnknownTopic(QuizError):
    """No topic by this name."""

    default_message = "unknown topic"


class NoQuestions(QuizError):
    """No question fits the request (topic, kind, reports held back)."""

    default_message = "no questions match"


class NotAllowed(QuizError):
    """Only a moderator (or the quiz's starter) may do this."""

    default_message = "only a moderator can do that"


class InvalidConfig(QuizError):
    """A config change was refused (bad timezone, bad time, unknown field...)."""

    default_message = "invalid configuration"


class NoMoreHints(QuizError):
    """Every hint for this question has been given."""

    default_message = "no more hints for this question"


class UnknownQuestion(QuizError, _BankUnknownQuestion):
    """No question has this id; also a :class:`quizcore.questions.UnknownQuestion`."""

    default_message = "unknown question"

    def __str__(self) -> str:
        return self.message
