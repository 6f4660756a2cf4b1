"""Questions: the model every kind of question shares, and the bank that holds them."""

from quizcore.questions.bank import Bank, UnknownQuestion
from quizcore.questions.model import Format, Kind, Question, Source

__all__ = ["Bank", "Format", "Kind", "Question", "Source", "UnknownQuestion"]
