"""Reporting questions, and changing a community's config."""

from __future__ import annotations

from datetime import time

import pytest

from quizcore.errors import InvalidConfig, NotAllowed, QuizError, UnknownQuestion
from quizcore.events import ConfigChanged, ReportCleared, ReportFiled
from quizcore.members import Member
from quizcore.questions import Kind
from quizcore.service import QuizService

C = "console"
ALICE = Member("console:alice", "Alice")
BOB = Member("console:bob", "Bob")
MOD = Member("console:mod", "Mod")


async def test_any_member_reports_and_moderators_list_the_reports_by_question(service: QuizService) -> None:
    filed = await service.report_question(C, ALICE, "reg-2", "  L2 is   not the only answer ")
    assert filed == [
        ReportFiled(
            community=C, member=ALICE, question_id="reg-2", reason="L2 is not the only answer", private_to=ALICE.id
        )
    ]
    await service.report_question(C, BOB, "reg-2", "unclear wording")
    await service.report_question(C, BOB, "att-1", "typo")
    with pytest.raises(NotAllowed):
        await service.list_reports(C, is_moderator=False)
    reports = await service.list_reports(C, is_moderator=True)
    assert [(r.question_id, r.count) for r in reports] == [("reg-2", 2), ("att-1", 1)]
    assert reports[0].reasons == ("L2 is not the only answer", "unclear wording")
    assert reports[0].reporters == (ALICE.id, BOB.id)
    assert reports[0].stem == "stem of reg-2"
    assert await service.list_reports("discord:other", is_moderator=True) == []


async def test_clearing_needs_a_moderator_and_an_open_report(service: QuizService) -> None:
    await service.report_question(C, ALICE, "reg-2", "wrong")
    with pytest.raises(NotAllowed):
        await service.clear_report(C, ALICE, "reg-2", is_moderator=False)
    assert await service.clear_report(C, MOD, "reg-2", is_moderator=True) == [
        ReportCleared(community=C, member=MOD, question_id="reg-2", cleared=1)
    ]
    assert await service.list_reports(C, is_moderator=True) == []
    with pytest.raises(UnknownQuestion):
        await service.clear_report(C, MOD, "reg-2", is_moderator=True)


async def test_reporting_an_unknown_question_or_without_a_reason_is_refused(service: QuizService) -> None:
    with pytest.raises(UnknownQuestion, match="nope"):
        await service.report_question(C, ALICE, "nope", "bad")
    with pytest.raises(QuizError, match="what is wrong"):
        await service.report_question(C, ALICE, "reg-2", "   ")


async def test_a_new_community_gets_the_defaults(service: QuizService) -> None:
    config = await service.get_config("discord:new")
    assert (config.post_time, config.timezone, config.answer_window_minutes, config.enabled) == (
        time(9, 0),
        "UTC",
        720,
        True,
    )
    assert "discord:new" in dict(await service.communities())


async def test_moderators_change_the_config_and_learn_what_changed(service: QuizService) -> None:
    events = await service.configure(
        C, MOD, is_moderator=True, post_time="08:30", timezone="Europe/Berlin", kinds=["cloze"], locale="en"
    )
    assert len(events) == 1 and isinstance(events[0], ConfigChanged)
    assert events[0].changed == ("kinds", "locale", "post_time", "timezone")
    config = await service.get_config(C)
    assert (config.post_time, config.timezone, config.kinds, config.locale) == (
        time(8, 30),
        "Europe/Berlin",
        [Kind.CLOZE],
        "en",
    )
    with pytest.raises(NotAllowed):
        await service.configure(C, ALICE, is_moderator=False, post_time="07:00")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"timezone": "Mars/Base"}, "unknown timezone 'Mars/Base'"),
        ({"post_time": "25:00"}, "bad time '25:00'"),
        ({"post_time": "nine"}, "bad time 'nine'"),
        ({"answer_window_minutes": 0}, "answer_window_minutes"),
        ({"locale": "fr"}, "locale"),
        ({"colour": "red"}, "colour"),
        ({"topics": ["Biology"]}, "unknown topic 'Biology'"),
    ],
)
async def test_bad_config_is_refused_with_a_message_naming_the_problem(
    service: QuizService, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidConfig, match=message):
        await service.configure(C, MOD, is_moderator=True, **changes)
    assert (await service.get_config(C)).timezone == "UTC"
