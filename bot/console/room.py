"""The console room: one line in, the same service call the Discord adapter makes, outputs back.

It owns what only the console has (``/as`` switches the speaker, ``/clock`` moves time) and
turns bad lines and domain errors into outputs, so one bad line never ends the session.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any, cast, get_args

from bot.console.clock import ClockError, ConsoleClock, next_post_time, next_stop, parse_clock_target
from bot.console.outputs import (
    Failure,
    Help,
    Notice,
    Output,
    Reports,
    ReviewAnswer,
    ReviewShown,
    ReviewState,
    Settings,
    Topics,
    Usage,
)
from bot.console.parser import COMMANDS, Chat, Command, UsageError, parse_line
from bot.console.people import People
from quizcore.errors import NoQuizRunning, QuizError
from quizcore.events import Event, QuestionAsked, QuizEnded
from quizcore.service import QuizService
from quizcore.spaced import ReviewJudged
from quizcore.views import Period

__all__ = ["CHANNEL", "COMMUNITY", "TICK_STEP", "Room"]

log = logging.getLogger(__name__)

COMMUNITY = "console"
CHANNEL = "console:main"
# A clock jump ticks at least this often, so what falls due at a time the console cannot
# foresee (an idle quiz ending) fires within this much of its time, and in order.
TICK_STEP = timedelta(minutes=15)
_MAX_COUNT = 50
_WINDOW = re.compile(r"^(\d+)\s*([hm]?)$")

Handler = Callable[[Command], Awaitable[list[Output]]]


class Room:
    """The console's one chat room, speaking to a :class:`QuizService`.

    Args:
        service: the engine.
        clock: the clock the service reads (the room moves it on ``/clock``).
        people: who is typing; a fresh room starts with ``you``, a moderator.
    """

    def __init__(self, service: QuizService, clock: ConsoleClock, people: People | None = None) -> None:
        self.service = service
        self.clock = clock
        self.people = people or People()
        self.finished = False
        self._quiz_deadline: datetime | None = None
        # The review question each member was last shown: "/review answer:B" answers it.
        self._reviewing: dict[str, str] = {}
        self._handlers: dict[str, Handler] = {
            "quiz start": self._quiz_start,
            "quiz stop": self._quiz_stop,
            "quiz hint": self._quiz_hint,
            "answer": self._answer,
            "daily": self._daily,
            "daily setup": self._daily_setup,
            "daily post": self._daily_post,
            "daily off": self._daily_off,
            "leaderboard": self._leaderboard,
            "stats": self._stats,
            "topics": self._topics,
            "review": self._review,
            "review status": self._review_status,
            "report": self._report,
            "reports": self._reports,
            "reports clear": self._reports_clear,
            "help": self._help,
            "as": self._as,
            "clock": self._clock,
            "quit": self._quit,
        }

    async def handle(self, line: str, who: str | None = None) -> list[Output]:
        """Everything that follows from typing ``line`` (as ``who``, default the current speaker).

        Whatever fell due since the last line (a daily post, a timed-out question) comes first.
        """
        if who is not None and who != self.people.current:
            self.people.switch(who)
        outputs: list[Output] = list(await self.service.tick())
        try:
            parsed = parse_line(line)
            if isinstance(parsed, Chat):
                outputs += await self._chat(parsed.text)
            elif isinstance(parsed, Command):
                outputs += await self._handlers[parsed.name](parsed)
        except UsageError as exc:
            outputs.append(Usage(exc.key, exc.fields, exc.usage))
        except QuizError as exc:
            outputs.append(Failure(exc))
        except Exception as exc:  # an engine bug must not end the session; the line simply did nothing
            log.warning("%r failed: %s", line, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            outputs.append(Notice("console.internal_error", {"error": f"{type(exc).__name__}: {exc}"}))
        self._track([o for o in outputs if isinstance(o, Event)])
        return outputs

    async def settings(self) -> Settings:
        """The community's current settings (shown at start-up and after ``/daily setup``)."""
        return Settings(await self.service.get_config(COMMUNITY))

    async def tick(self) -> list[Output]:
        """Whatever fell due at the clock's current time."""
        return self._track(await self.service.tick())

    async def move_clock(self, target: datetime) -> list[Output]:
        """Move the clock forward to ``target``, ticking along the way so due events fire in order.

        The jump stops at every time something is known to fall due (a daily post, a daily
        reveal, a quiz question's deadline) and at least every :data:`TICK_STEP` in between.
        """
        now = self.clock.now()
        if target < now:
            raise UsageError("usage.bad_value", COMMANDS["clock"].usage, option="/clock", value=target.isoformat())
        config = await self.service.get_config(COMMUNITY)
        outputs: list[Output] = []
        while now < target:
            daily = await self.service.current_daily(COMMUNITY)
            post = next_post_time(now, config.post_time, config.tz) if config.enabled else None
            now = next_stop(now, target, TICK_STEP, (post, daily.closes_at if daily else None, self._quiz_deadline))
            self.clock.set(now)
            outputs += self._track(await self.service.tick(now))
        self.clock.set(target)
        return outputs

    def _track(self, events: list[Event]) -> list[Output]:
        """Remember when the open quiz question times out, so a clock jump stops there."""
        for event in events:
            if isinstance(event, QuestionAsked):
                self._quiz_deadline = event.deadline
            elif isinstance(event, QuizEnded):
                self._quiz_deadline = None
        return list(events)

    # -- chat and the quiz ------------------------------------------------------------------

    async def _chat(self, text: str) -> list[Output]:
        try:
            return list(await self.service.answer_quiz(COMMUNITY, CHANNEL, self.people.speaker, text))
        except NoQuizRunning:
            return [Notice("console.no_quiz_answer")]

    async def _quiz_start(self, cmd: Command) -> list[Output]:
        count = _int_option(cmd, "count", default=5, low=1, high=_MAX_COUNT)
        events = await self.service.start_quiz(
            COMMUNITY,
            CHANNEL,
            self.people.speaker,
            topic=cmd.options.get("topic") or None,
            kind=cmd.options.get("kind") or None,
            count=count,
        )
        return list(events)

    async def _quiz_stop(self, cmd: Command) -> list[Output]:
        speaker, mod = self.people.speaker, self.people.is_moderator()
        return list(await self.service.stop_quiz(COMMUNITY, CHANNEL, speaker, is_moderator=mod))

    async def _quiz_hint(self, cmd: Command) -> list[Output]:
        return list(await self.service.hint(COMMUNITY, CHANNEL, self.people.speaker))

    async def _answer(self, cmd: Command) -> list[Output]:
        return list(await self.service.answer_quiz(COMMUNITY, CHANNEL, self.people.speaker, cmd.options["text"]))

    # -- the daily question -----------------------------------------------------------------

    async def _daily(self, cmd: Command) -> list[Output]:
        reply = cmd.options.get("answer")
        if reply:
            return list(await self.service.answer_daily(COMMUNITY, self.people.speaker, reply))
        view = await self.service.current_daily(COMMUNITY)
        return [view] if view is not None else [Notice("daily.none")]

    async def _daily_setup(self, cmd: Command) -> list[Output]:
        changes: dict[str, Any] = {"channel_id": CHANNEL, "enabled": True}
        opts = cmd.options
        if "time" in opts:
            changes["post_time"] = opts["time"]
        if "timezone" in opts:
            changes["timezone"] = opts["timezone"]
        if "window" in opts:
            changes["answer_window_minutes"] = _window_minutes(opts["window"])
        if "topics" in opts:
            changes["topics"] = _split_list(opts["topics"])
        if "kinds" in opts:
            changes["kinds"] = _split_list(opts["kinds"])
        return await self._configure(changes)

    async def _daily_off(self, cmd: Command) -> list[Output]:
        return await self._configure({"enabled": False})

    async def _configure(self, changes: dict[str, Any]) -> list[Output]:
        speaker, mod = self.people.speaker, self.people.is_moderator()
        return list(await self.service.configure(COMMUNITY, speaker, is_moderator=mod, **changes))

    async def _daily_post(self, cmd: Command) -> list[Output]:
        speaker, mod = self.people.speaker, self.people.is_moderator()
        return list(await self.service.post_daily_now(COMMUNITY, speaker, is_moderator=mod))

    # -- scores, topics, reports ------------------------------------------------------------

    async def _leaderboard(self, cmd: Command) -> list[Output]:
        period = cmd.options.get("period", "all").casefold()
        if period not in get_args(Period):
            raise UsageError("usage.bad_value", cmd.spec.usage, option="period:", value=period)
        return [await self.service.leaderboard(COMMUNITY, cast(Period, period))]

    async def _stats(self, cmd: Command) -> list[Output]:
        member = self.people.member(cmd.options.get("member") or self.people.current)
        return [await self.service.member_stats(COMMUNITY, member.id)]

    async def _topics(self, cmd: Command) -> list[Output]:
        return [Topics(tuple(await self.service.topics()))]

    async def _report(self, cmd: Command) -> list[Output]:
        reason = cmd.options.get("reason", "")
        return list(await self.service.report_question(COMMUNITY, self.people.speaker, cmd.options["id"], reason))

    async def _reports(self, cmd: Command) -> list[Output]:
        return [Reports(tuple(await self.service.list_reports(COMMUNITY, is_moderator=self.people.is_moderator())))]

    async def _reports_clear(self, cmd: Command) -> list[Output]:
        speaker, mod = self.people.speaker, self.people.is_moderator()
        return list(await self.service.clear_report(COMMUNITY, speaker, cmd.options["id"], is_moderator=mod))

    # -- personal review --------------------------------------------------------------------

    async def _review(self, cmd: Command) -> list[Output]:
        if "limit" in cmd.options:
            return await self._review_limit(cmd)
        reply = cmd.options.get("answer")
        if reply:
            return await self._review_answer(reply)
        speaker = self.people.speaker
        card = await self.service.review_next(COMMUNITY, speaker)
        if card is None:
            self._reviewing.pop(speaker.id, None)
            status = await self.service.review_status(COMMUNITY, speaker.id)
            return [ReviewShown(self.people.current, None, status.next_due)]
        self._reviewing[speaker.id] = card.question.id
        return [ReviewShown(self.people.current, card)]

    async def _review_answer(self, reply: str) -> list[Output]:
        speaker = self.people.speaker
        # Answered or refused, the card shown is used up: "/review" shows the next one.
        question_id = self._reviewing.pop(speaker.id, None)
        if question_id is None:
            return [Notice("review.pick_first")]
        events = await self.service.answer_review(COMMUNITY, speaker, question_id, reply)
        outputs: list[Output] = list(events)
        missed = any(isinstance(e, ReviewJudged) and not e.verdict.correct for e in events)
        question = self.service.bank.get(question_id)
        if missed and question is not None:
            # A review is private, so a miss can show the answer at once.
            outputs.append(ReviewAnswer(self.people.current, question))
        return outputs

    async def _review_limit(self, cmd: Command) -> list[Output]:
        if cmd.options.get("answer"):
            raise UsageError("usage.unknown_option", cmd.spec.usage, option="answer:")
        raw = cmd.options["limit"]
        try:
            limit = int(raw)
        except ValueError:
            raise UsageError("usage.bad_value", cmd.spec.usage, option="limit:", value=raw) from None
        return list(await self.service.set_review_limit(COMMUNITY, self.people.speaker, limit))

    async def _review_status(self, cmd: Command) -> list[Output]:
        status = await self.service.review_status(COMMUNITY, self.people.speaker.id)
        return [ReviewState(self.people.current, status)]

    # -- the console's own commands ---------------------------------------------------------

    async def _help(self, cmd: Command) -> list[Output]:
        wanted = " ".join(cmd.args).lstrip("/").casefold() or None
        return [Help(wanted if wanted in COMMANDS else None)]

    async def _as(self, cmd: Command) -> list[Output]:
        if not cmd.args or len(cmd.args) > 2 or (len(cmd.args) == 2 and cmd.args[1].casefold() != "mod"):
            raise UsageError("usage.missing", cmd.spec.usage, option="NAME")
        self.people.switch(cmd.args[0], moderator=len(cmd.args) == 2)
        return [Notice("console.now_typing", {"name": cmd.args[0], "mod": self.people.is_moderator()})]

    async def _clock(self, cmd: Command) -> list[Output]:
        outputs: list[Output] = []
        if cmd.args:
            config = await self.service.get_config(COMMUNITY)
            text = " ".join(cmd.args)
            try:
                target = parse_clock_target(text, self.clock.now(), config.tz)
            except ClockError:
                raise UsageError("usage.bad_value", cmd.spec.usage, option="/clock", value=text) from None
            outputs += await self.move_clock(target)
        return [*outputs, Notice("console.clock", {"now": self.clock.now(), "simulated": self.clock.simulated})]

    async def _quit(self, cmd: Command) -> list[Output]:
        self.finished = True
        return []


def _int_option(cmd: Command, name: str, *, default: int, low: int, high: int) -> int:
    raw = cmd.options.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise UsageError("usage.bad_value", cmd.spec.usage, option=name + ":", value=raw)
    return value


def _window_minutes(text: str) -> int:
    """``12h``, ``90m`` or a bare number of minutes."""
    match = _WINDOW.match(text.strip().casefold())
    if not match:
        raise UsageError("usage.bad_value", COMMANDS["daily setup"].usage, option="window:", value=text)
    number, unit = int(match.group(1)), match.group(2)
    return number * 60 if unit == "h" else number


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,，、]", text) if part.strip()]
