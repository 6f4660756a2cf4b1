"""The message catalogue both adapters speak through."""

from __future__ import annotations

from bot import texts
from quizcore import errors
from quizcore.errors import NoQuestions, NoQuizRunning, QuizError, UnknownTopic
from quizcore.events import CloseReason, EndReason


def test_both_languages_take_the_same_fields_for_every_key() -> None:
    for key in texts.all_keys():
        assert texts.fields(key, "zh-CN") == texts.fields(key, "en"), key
        filled = dict.fromkeys(texts.fields(key, "en"), "X")
        assert "{" not in texts.t(key, "zh-CN", **filled) + texts.t(key, "en", **filled), key


def test_every_domain_error_has_a_message_in_both_languages() -> None:
    for name in errors.__all__:
        error_class = getattr(errors, name)
        assert texts.has(f"error.{error_class.__name__}"), name


def test_every_close_and_end_reason_has_a_message() -> None:
    assert all(texts.has(f"closed.reason.{reason.value}") for reason in CloseReason)
    assert all(texts.has(f"quiz.ended.{reason.value}") for reason in EndReason)


def test_a_domain_error_becomes_one_line_in_the_chosen_language() -> None:
    assert texts.error_text(NoQuizRunning(), "en") == "No quiz is running here"
    assert texts.error_text(NoQuizRunning(), "zh-CN") == "这里没有进行中的测验"


def test_an_error_whose_fields_are_unknown_falls_back_to_its_own_message() -> None:
    assert texts.error_text(UnknownTopic("unknown topic 'x'"), "en") == "unknown topic 'x'"
    assert texts.error_text(QuizError("today's question was already posted"), "en") == (
        "today's question was already posted"
    )


def test_locales_are_matched_loosely() -> None:
    assert texts.normalize_locale("zh_CN") == "zh-CN"
    assert texts.normalize_locale("en-US") == "en"
    assert texts.normalize_locale("fr") == texts.DEFAULT_LOCALE


def test_an_unknown_key_comes_back_as_itself_instead_of_failing() -> None:
    assert texts.t("no.such.key", "en") == "no.such.key"


def test_an_error_that_says_more_than_its_class_keeps_the_engines_detail() -> None:
    assert texts.error_text(NoQuestions(), "en") == "No questions match"
    assert texts.error_text(NoQuestions("no questions match that topic"), "en") == "No questions match"
    assert texts.error_text(NoQuestions("unknown kind 'mcq'"), "en") == "No questions match: unknown kind 'mcq'"
    assert texts.error_text(NoQuestions("unknown kind 'mcq'"), "zh-CN") == "没有符合条件的题目：unknown kind 'mcq'"
