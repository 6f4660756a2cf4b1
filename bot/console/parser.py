"""Reading a typed line: a slash command with ``name:value`` options, as Discord shows them, or a chat reply.

``/quiz start topic:深度学习 count:5`` becomes ``Command("quiz start", {"topic": "深度学习", "count": "5"})``;
a line without a leading ``/`` becomes :class:`Chat` (an answer while a quiz runs). Full-width
``／`` and ``：``, which a Chinese input method types, count as ``/`` and ``:``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["COMMANDS", "Chat", "Command", "CommandSpec", "UsageError", "parse_line"]


@dataclass(frozen=True)
class CommandSpec:
    """What one command accepts.

    Attributes:
        name: the full name, subcommand included ("quiz start").
        options: option names it accepts, in the order the usage shows them.
        required: options that must be given.
        main: the option a bare word fills (``/answer B`` means ``/answer text:B``).
        free_text: options whose value runs on over spaces (a reason, an answer).
        positional: takes plain words instead of options (the console's own ``/as`` and ``/clock``).
        usage: the one-line syntax shown in help and after a mistake.
    """

    name: str
    usage: str
    options: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    main: str | None = None
    free_text: tuple[str, ...] = ()
    positional: bool = False


_SPECS = (
    CommandSpec(
        "quiz start",
        "/quiz start [topic:…] [count:5] [kind:…]",
        ("topic", "count", "kind"),
        (),
        "topic",
        ("topic",),
    ),
    CommandSpec("quiz stop", "/quiz stop"),
    CommandSpec("quiz hint", "/quiz hint"),
    CommandSpec("answer", "/answer text:…", ("text",), ("text",), "text", ("text",)),
    CommandSpec("daily", "/daily [answer:…]", ("answer",), (), "answer", ("answer",)),
    CommandSpec(
        "daily setup",
        "/daily setup [time:09:00] [timezone:Asia/Shanghai] [window:12h] [topics:…] [kinds:…]",
        ("time", "timezone", "window", "topics", "kinds"),
    ),
    CommandSpec("daily post", "/daily post"),
    CommandSpec("daily off", "/daily off"),
    CommandSpec("leaderboard", "/leaderboard [period:today|week|month|all]", ("period",), (), "period"),
    CommandSpec("stats", "/stats [member:NAME]", ("member",), (), "member", ("member",)),
    CommandSpec("topics", "/topics"),
    CommandSpec("review", "/review [answer:…] [limit:N]", ("answer", "limit"), (), "answer", ("answer",)),
    CommandSpec("review status", "/review status"),
    CommandSpec("report", "/report id:… reason:…", ("id", "reason"), ("id",), "id", ("reason",)),
    CommandSpec("reports", "/reports"),
    CommandSpec("reports clear", "/reports clear id:…", ("id",), ("id",), "id"),
    CommandSpec("help", "/help [command]", positional=True),
    CommandSpec("as", "/as NAME [mod]", positional=True),
    CommandSpec("clock", "/clock [+2h | +1d | +30m | 2026-12-01 09:00]", positional=True),
    CommandSpec("quit", "/quit", positional=True),
)

COMMANDS: Mapping[str, CommandSpec] = {spec.name: spec for spec in _SPECS}
_ALIASES = {"exit": "quit", "q": "quit"}
# Commands that are only a group: a bare "/quiz" must name a subcommand.
_GROUPS_NEEDING_SUB = {"quiz"}
_OPTION = re.compile(r"^([A-Za-z_]+):(.*)$", re.DOTALL)


@dataclass(frozen=True)
class Command:
    """A parsed slash command."""

    name: str
    options: Mapping[str, str] = field(default_factory=dict)
    args: tuple[str, ...] = ()

    @property
    def spec(self) -> CommandSpec:
        """The spec of this command."""
        return COMMANDS[self.name]


@dataclass(frozen=True)
class Chat:
    """A plain line typed in the room (an answer while a quiz runs)."""

    text: str


class UsageError(ValueError):
    """A line that is not a valid command; carries a message key and the usage to show.

    Attributes:
        key: the catalogue key of the problem (``usage.unknown_option``...).
        fields: the fields of that message.
        usage: the syntax of the command meant, or "" when no command was recognised.
    """

    def __init__(self, key: str, usage: str = "", **fields: str) -> None:
        super().__init__(f"{key} {fields} {usage}".strip())
        self.key = key
        self.fields = fields
        self.usage = usage


def _normalize(line: str) -> str:
    line = line.strip()
    if line.startswith("／"):
        line = "/" + line[1:]
    return line


def parse_line(line: str) -> Command | Chat | None:
    """Parse one typed line.

    Returns:
        A :class:`Command` for a slash command, a :class:`Chat` for anything else, None for a blank line.

    Raises:
        UsageError: an unknown command, subcommand or option, a missing required option.
    """
    line = _normalize(line)
    if not line:
        return None
    if not line.startswith("/") or line == "/":
        return Chat(line)
    words = line[1:].split()
    head = _ALIASES.get(words[0].casefold(), words[0].casefold())
    rest = words[1:]
    if rest and f"{head} {rest[0].casefold()}" in COMMANDS:
        name, rest = f"{head} {rest[0].casefold()}", rest[1:]
    elif head in COMMANDS and head not in _GROUPS_NEEDING_SUB:
        name = head
    elif head in _GROUPS_NEEDING_SUB:
        subs = "|".join(n.split(" ", 1)[1] for n in COMMANDS if n.startswith(head + " "))
        problem = "usage.unknown_sub" if rest else "usage.missing"
        raise UsageError(problem, f"/{head} {subs}", sub=rest[0] if rest else "", option=subs)
    else:
        raise UsageError("usage.unknown_command", command="/" + words[0])
    spec = COMMANDS[name]
    if spec.positional:
        return Command(name, {}, tuple(rest))
    return Command(name, _parse_options(spec, rest))


def _parse_options(spec: CommandSpec, words: list[str]) -> dict[str, str]:
    options: dict[str, str] = {}
    current: str | None = None
    for word in words:
        match = _OPTION.match(word.replace("：", ":", 1))
        name = match.group(1).casefold() if match else None
        if match and name in spec.options:
            current = name
            options[name] = match.group(2)
        elif current in spec.free_text or (current is None and spec.main is not None and not match):
            current = current or spec.main
            assert current is not None
            options[current] = f"{options[current]} {word}" if options.get(current) else word
        elif match:
            raise UsageError("usage.unknown_option", spec.usage, option=match.group(1) + ":")
        else:
            raise UsageError("usage.unknown_option", spec.usage, option=word)
    options = {k: v.strip() for k, v in options.items()}
    for name in spec.required:
        if not options.get(name):
            raise UsageError("usage.missing", spec.usage, option=name + ":")
    return options
