"""Personal review with spaced repetition: every graded answer updates the member's FSRS memory of it.

Typical use::

    from quizcore.spaced import ReviewService, record_graded_answer

    reviews = ReviewService(bank, grader, database, clock)
    card = await reviews.review_next(community, member)
    events = await reviews.answer_review(community, member, card.question.id, reply)

    # in the engine's answer paths, inside their unit of work:
    await record_graded_answer(uow, community, member.id, question.id, verdict.correct, now, mode="daily")
"""

from quizcore.spaced.errors import NotDueYet, ReviewUnavailable
from quizcore.spaced.events import ReviewJudged, ReviewLimitChanged
from quizcore.spaced.memory import Memory
from quizcore.spaced.recording import MemoryUpdate, record_graded_answer
from quizcore.spaced.service import DEFAULT_NEW_LIMIT, MAX_NEW_LIMIT, ReviewService, count_members_due
from quizcore.spaced.views import ReviewCard, ReviewStatus, TopicReview

__all__ = [
    "DEFAULT_NEW_LIMIT",
    "MAX_NEW_LIMIT",
    "Memory",
    "MemoryUpdate",
    "NotDueYet",
    "ReviewCard",
    "ReviewJudged",
    "ReviewLimitChanged",
    "ReviewService",
    "ReviewStatus",
    "ReviewUnavailable",
    "TopicReview",
    "count_members_due",
    "record_graded_answer",
]
