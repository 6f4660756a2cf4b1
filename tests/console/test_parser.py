"""Reading typed lines the way Discord shows slash commands."""

from __future__ import annotations

import pytest

from bot.console.parser import COMMANDS, Chat, Command, UsageError, parse_line


def test_options_are_read_as_name_value_pairs() -> None:
    assert parse_line("/quiz start topic:深度学习 count:5 kind:mcq") == Command(
        "quiz start", {"topic": "深度学习", "count": "5", "kind": "mcq"}
    )


def test_a_line_without_a_slash_is_a_chat_reply() -> None:
    assert parse_line("  A ") == Chat("A")
    assert parse_line("梯度 消失") == Chat("梯度 消失")


def test_a_blank_line_is_nothing() -> None:
    assert parse_line("   ") is None


def test_free_text_options_run_on_over_spaces_until_the_next_option() -> None:
    parsed = parse_line("/report id:authored:x reason:the answer is wrong: see notes")
    assert parsed == Command("report", {"id": "authored:x", "reason": "the answer is wrong: see notes"})


def test_a_bare_word_fills_the_commands_main_option() -> None:
    assert parse_line("/answer 负梯度 方向") == Command("answer", {"text": "负梯度 方向"})
    assert parse_line("/daily B") == Command("daily", {"answer": "B"})
    assert parse_line("/leaderboard week") == Command("leaderboard", {"period": "week"})


def test_full_width_slash_and_colon_from_a_chinese_input_method_are_understood() -> None:
    assert parse_line("／quiz start topic：优化") == Command("quiz start", {"topic": "优化"})


def test_subcommands_and_bare_commands_are_told_apart() -> None:
    assert parse_line("/daily") == Command("daily", {})
    assert parse_line("/daily post") == Command("daily post", {})
    assert parse_line("/reports clear id:q1") == Command("reports clear", {"id": "q1"})
    assert parse_line("/QUIZ Hint") == Command("quiz hint", {})


def test_daily_setup_keeps_colons_inside_values() -> None:
    parsed = parse_line("/daily setup time:09:00 timezone:Asia/Shanghai window:12h topics:优化,评估指标")
    assert parsed == Command(
        "daily setup", {"time": "09:00", "timezone": "Asia/Shanghai", "window": "12h", "topics": "优化,评估指标"}
    )


def test_console_commands_take_plain_words() -> None:
    assert parse_line("/as bob mod") == Command("as", {}, ("bob", "mod"))
    assert parse_line("/clock 2026-12-01 09:00") == Command("clock", {}, ("2026-12-01", "09:00"))
    assert parse_line("/exit") == Command("quit", {}, ())


@pytest.mark.parametrize(
    ("line", "key", "usage_starts"),
    [
        ("/dance", "usage.unknown_command", ""),
        ("/quiz", "usage.missing", "/quiz start|stop|hint"),
        ("/quiz dance", "usage.unknown_sub", "/quiz start|stop|hint"),
        ("/quiz start colour:red", "usage.unknown_option", "/quiz start"),
        ("/leaderboard week month", "usage.unknown_option", "/leaderboard"),
        ("/answer", "usage.missing", "/answer text:"),
        ("/report reason:bad", "usage.missing", "/report id:"),
        ("/topics extra", "usage.unknown_option", "/topics"),
    ],
)
def test_mistakes_name_the_problem_and_the_commands_syntax(line: str, key: str, usage_starts: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_line(line)
    assert caught.value.key == key
    assert caught.value.usage.startswith(usage_starts)


def test_every_command_shows_its_own_name_in_its_usage() -> None:
    for name, spec in COMMANDS.items():
        assert spec.usage.startswith("/" + name), name
