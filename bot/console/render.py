"""Turning the room's outputs into text: options lettered, verdicts coloured, tables for rankings.

Every line goes through :func:`bot.texts.t`, so the console says what the Discord adapter says.
Nothing here calls the engine; :class:`Renderer` maps one output to rich renderables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

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
from bot.console.parser import COMMANDS
from bot.texts import Locale, error_text, t
from quizcore.config import CommunityConfig
from quizcore.errors import QuizError
from quizcore.events import (
    AnswerJudged,
    ConfigChanged,
    DailyPosted,
    DailyRevealed,
    HintGiven,
    QuestionAsked,
    QuestionClosed,
    QuizEnded,
    QuizStarted,
    ReportCleared,
    ReportFiled,
    StreakExtended,
)
from quizcore.questions import Format, Question
from quizcore.spaced import NotDueYet, ReviewJudged, ReviewLimitChanged
from quizcore.views import DailyView, Leaderboard, MemberStats

__all__ = ["Renderer", "interval_text", "letter"]

Renderables = list[RenderableType]


def letter(index: int) -> str:
    """The letter of option ``index`` (0 -> "A")."""
    return chr(ord("A") + index)


class Renderer:
    """Renders outputs in one locale, showing times in one timezone.

    Args:
        locale: the language of every line.
        tz: the timezone times are shown in (the community's).
        now: the current time (the clock the engine reads), to say how long is left to answer.
    """

    def __init__(self, locale: Locale, tz: tzinfo = UTC, now: Callable[[], datetime] | None = None) -> None:
        self.locale = locale
        self.tz = tz
        self.now = now or (lambda: datetime.now(UTC))
        self._question_seconds: dict[str, int] = {}
        self._by_type: dict[type[Any], Callable[[Any], Renderables]] = {
            QuizStarted: self._quiz_started,
            QuestionAsked: self._question_asked,
            AnswerJudged: self._answer_judged,
            HintGiven: self._hint,
            QuestionClosed: self._question_closed,
            QuizEnded: self._quiz_ended,
            DailyPosted: self._daily_posted,
            DailyView: self._daily_view,
            DailyRevealed: self._daily_revealed,
            StreakExtended: self._streak,
            ReportFiled: self._report_filed,
            ReportCleared: self._report_cleared,
            ConfigChanged: self._config_changed,
            Settings: self._settings,
            Leaderboard: self._leaderboard,
            MemberStats: self._member_stats,
            Topics: self._topics,
            Reports: self._reports,
            Notice: self._notice,
            ReviewShown: self._review_shown,
            ReviewJudged: self._review_judged,
            ReviewAnswer: lambda a: self._reveal(a.question),
            ReviewState: self._review_state,
            ReviewLimitChanged: self._review_limit,
            Failure: lambda f: [Text(self._error(f.error), style="red")],
            Usage: self._usage,
            Help: self._help,
        }

    def render(self, output: Output) -> Renderables:
        """The renderables for one output (nothing for an output it does not know)."""
        for cls in type(output).__mro__:
            handler = self._by_type.get(cls)
            if handler is not None:
                return handler(output)
        return []

    def _t(self, key: str, **fields: Any) -> str:
        return t(key, self.locale, **fields)

    def _time(self, when: datetime, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return when.astimezone(self.tz).strftime(fmt)

    def _private(self, line: Text, name: str) -> Text:
        """``line`` marked as meant for ``name`` only (the console is one room everyone reads)."""
        space = "" if self.locale == "zh-CN" else " "  # the Chinese text opens with a full-width bracket
        line.append(space + self._t("answer.private", name=name), style="dim")
        return line

    def _error(self, error: QuizError) -> str:
        if isinstance(error, NotDueYet):
            return error_text(error, self.locale, due=self._time(error.due))
        return error_text(error, self.locale)

    # -- questions --------------------------------------------------------------------------

    def _question_body(self, question: Question) -> Renderables:
        lines: Renderables = [Text(question.stem)]
        for index, option in enumerate(question.options or ()):
            lines.append(Text(f"  {letter(index)}. {option}"))
        return lines

    def _answer_line(self, question: Question) -> str:
        answer = question.correct_text
        if question.format is Format.MCQ and question.answer_index is not None:
            answer = f"{letter(question.answer_index)}. {answer}"
        return self._t("closed.answer", answer=answer)

    def _reveal(self, question: Question) -> Renderables:
        lines: Renderables = [Text(self._answer_line(question), style="bold")]
        if question.explanation:
            lines.append(Text(self._t("closed.explanation", explanation=question.explanation)))
        lines.append(Text(self._t("closed.source", source=str(question.source)), style="dim"))
        return lines

    def _how_to_answer(self, question: Question) -> str:
        return self._t("quiz.how_to_answer_mcq" if question.format is Format.MCQ else "quiz.how_to_answer_text")

    # -- on-demand quiz ---------------------------------------------------------------------

    def _quiz_started(self, e: QuizStarted) -> Renderables:
        self._question_seconds[e.session_id] = e.question_seconds
        topic = e.topic or self._t("quiz.all_topics")
        return [Text(self._t("quiz.started", name=e.starter.name, topic=topic, total=e.total), style="bold")]

    def _question_asked(self, e: QuestionAsked) -> Renderables:
        header = self._t("quiz.question", number=e.number, total=e.total, topic=e.question.topic)
        # Say the quiz's limit; a jump of the clock may render a question after its time passed.
        seconds = self._question_seconds.get(e.session_id, round((e.deadline - self.now()).total_seconds()))
        footer = f"{self._how_to_answer(e.question)} · " + self._t(
            "quiz.deadline", seconds=seconds, deadline=self._time(e.deadline, "%H:%M:%S")
        )
        return [
            Text(f"── {header} ──", style="bold cyan"),
            *self._question_body(e.question),
            Text(footer, style="dim"),
            Text(f"id {e.question.id}", style="dim"),
        ]

    def _answer_judged(self, e: AnswerJudged) -> Renderables:
        verdict = e.verdict
        if verdict.correct:
            key, style = "answer.correct", "bold green"
        elif verdict.score > 0:
            key, style = "answer.partial", "yellow"
        else:
            key, style = "answer.wrong", "red"
        line = Text(self._t(key, name=e.member.name, points=e.points), style=style)
        if e.private_to is not None:
            self._private(line, e.member.name)
        lines: Renderables = [line]
        if verdict.feedback:
            lines.append(Text("  " + self._t("answer.feedback", feedback=verdict.feedback), style="dim"))
        return lines

    def _hint(self, e: HintGiven) -> Renderables:
        return [Text(self._t("hint.given", level=e.level, text=e.text, cost=e.cost), style="yellow")]

    def _question_closed(self, e: QuestionClosed) -> Renderables:
        reason = self._t(f"closed.reason.{e.reason.value}")
        title = self._t("closed.title", number=e.number, total=e.total, reason=reason)
        lines: Renderables = [Text(title, style="bold")]
        lines += self._reveal(e.question)
        names = ", ".join(m.name for m in e.winners)
        lines.append(Text(self._t("closed.winners", names=names) if names else self._t("closed.no_winner")))
        return lines

    def _quiz_ended(self, e: QuizEnded) -> Renderables:
        lines: Renderables = [
            Text(self._t(f"quiz.ended.{e.reason.value}", asked=e.asked, total=e.total), style="bold magenta")
        ]
        for score in e.ranking:
            row = self._t(
                "quiz.ranking_row", rank=score.rank, name=score.member.name, points=score.points, correct=score.correct
            )
            lines.append(Text("  " + row))
        if not e.ranking:
            lines.append(Text("  " + self._t("quiz.ranking_empty")))
        return lines

    # -- daily question ---------------------------------------------------------------------

    def _daily_posted(self, e: DailyPosted) -> Renderables:
        title = self._t("daily.posted", date=e.local_date.isoformat())
        if e.late:
            title += " " + self._t("daily.late")
        return [
            Text(f"── {title} ──", style="bold blue"),
            *self._question_body(e.question),
            Text(self._t("daily.how_to_answer", closes=self._time(e.closes_at)), "dim"),
            Text(f"id {e.question.id}", style="dim"),
        ]

    def _daily_view(self, v: DailyView) -> Renderables:
        title = self._t("daily.current", date=v.local_date.isoformat(), closes=self._time(v.closes_at))
        return [
            Text(f"── {title} ──", style="bold blue"),
            *self._question_body(v.question),
            Text(self._t("daily.how_to_answer", closes=self._time(v.closes_at)), "dim"),
            Text(f"id {v.question.id}", style="dim"),
        ]

    def _daily_revealed(self, e: DailyRevealed) -> Renderables:
        lines: Renderables = [Text(f"── {self._t('daily.revealed', date=e.local_date.isoformat())} ──", "bold blue")]
        lines += self._reveal(e.question)
        lines.append(Text(self._t("daily.stats", answered=e.answered, correct=e.correct)))
        if e.distribution:
            shares = " · ".join(f"{letter(s.index)} {s.count} ({s.share:.0%})" for s in e.distribution)
            lines.append(Text(self._t("daily.distribution", distribution=shares)))
        if e.first_solver is not None:
            lines.append(Text(self._t("daily.first_solver", name=e.first_solver.name)))
        if e.reviews_due:
            lines.append(Text(self._t("daily.reviews_due", count=e.reviews_due), style="magenta"))
        return lines

    def _streak(self, e: StreakExtended) -> Renderables:
        return [Text(self._t("streak.extended", name=e.member.name, current=e.current, best=e.best), style="green")]

    # -- personal review --------------------------------------------------------------------

    def _review_shown(self, r: ReviewShown) -> Renderables:
        card = r.card
        if card is None:
            lines: Renderables = [self._private(Text(self._t("review.none", name=r.name)), r.name)]
            if r.next_due is not None:
                lines.append(Text(self._t("review.next_at", when=self._time(r.next_due)), style="dim"))
            return lines
        if card.is_new:
            state = f"{self._t('review.new')} · {self._t('review.new_left', count=card.new_left)}"
        else:
            since = self._time(card.due_at) if card.due_at else "-"
            state = f"{self._t('review.due_since', since=since)} · {self._t('review.due_count', count=card.due_count)}"
        title = Text(f"── {self._t('review.title', name=r.name)} ──", style="bold magenta")
        return [
            self._private(title, r.name),
            *self._question_body(card.question),
            Text(f"{state} · {self._t('review.how_to_answer')}", style="dim"),
            Text(f"id {card.question.id}", style="dim"),
        ]

    def _review_judged(self, e: ReviewJudged) -> Renderables:
        verdict = e.verdict
        if verdict.correct:
            key, style = "review.correct", "bold green"
        elif verdict.score > 0:
            key, style = "review.partial", "yellow"
        else:
            key, style = "review.wrong", "red"
        lines: Renderables = [self._private(Text(self._t(key, name=e.member.name), style=style), e.member.name)]
        if verdict.feedback:
            lines.append(Text("  " + self._t("answer.feedback", feedback=verdict.feedback), style="dim"))
        when, interval = self._time(e.next_due), interval_text(e.interval, self.locale)
        lines.append(Text("  " + self._t("review.next_due", when=when, interval=interval)))
        left = self._t("review.due_left", count=e.due_left) if e.due_left else self._t("review.all_done")
        lines.append(Text("  " + left, style="dim"))
        lines.append(Text("  " + self._t("review.streak", current=e.streak, best=e.best_streak), style="dim"))
        return lines

    def _review_state(self, r: ReviewState) -> Renderables:
        s = r.status
        limit = Text(self._t("review.limit_line", limit=s.new_limit, today=s.new_today, left=s.new_left), "dim")
        if not s.cards:
            return [self._private(Text(self._t("review.status_empty", name=r.name)), r.name), limit]
        lines: Renderables = [
            self._private(Text(self._t("review.status_title", name=r.name), style="bold"), r.name),
            Text(
                self._t(
                    "review.status_counts", due_now=s.due_now, due_today=s.due_today, learned=s.learned, cards=s.cards
                )
            ),
        ]
        if s.retention is not None:
            lines.append(Text(self._t("review.retention", retention=f"{s.retention:.0%}", reviews=s.reviews)))
        if s.next_due is not None:
            lines.append(Text(self._t("review.next_at", when=self._time(s.next_due))))
        lines += [limit, Text(self._t("review.streak", current=s.streak, best=s.best_streak), style="dim")]
        table = self._table("", ("topic", "cards", "due", "learned", "retention"))
        for topic in s.by_topic:
            retention = f"{topic.retention:.0%}" if topic.retention is not None else "-"
            table.add_row(topic.topic, str(topic.cards), str(topic.due_now), str(topic.learned), retention)
        lines.append(table)
        return lines

    def _review_limit(self, e: ReviewLimitChanged) -> Renderables:
        line = Text(self._t("review.limit_set", name=e.member.name, limit=e.new_limit))
        return [self._private(line, e.member.name)]

    # -- reports and settings ---------------------------------------------------------------

    def _report_filed(self, e: ReportFiled) -> Renderables:
        return [Text(self._t("report.filed", name=e.member.name, id=e.question_id))]

    def _report_cleared(self, e: ReportCleared) -> Renderables:
        return [Text(self._t("report.cleared", id=e.question_id))]

    def _reports(self, r: Reports) -> Renderables:
        if not r.items:
            return [Text(self._t("reports.none"))]
        lines: Renderables = [Text(self._t("reports.title"), style="bold")]
        for item in r.items:
            reasons = "; ".join(x for x in item.reasons if x) or "-"
            lines.append(Text("  " + self._t("reports.row", id=item.question_id, count=item.count, reasons=reasons)))
            lines.append(Text(f"    {item.stem}", style="dim"))
        return lines

    def _config_changed(self, e: ConfigChanged) -> Renderables:
        # Times shown from now on are in the community's (maybe new) timezone.
        self.tz = e.config.tz
        changes = ", ".join(_FIELD_NAMES.get(name, name) for name in e.changed) or "-"
        return [Text(self._t("config.changed", name=e.member.name, changes=changes)), self._settings_line(e.config)]

    def _settings(self, s: Settings) -> Renderables:
        self.tz = s.config.tz
        return [self._settings_line(s.config)]

    def _settings_line(self, config: CommunityConfig) -> Text:
        any_ = self._t("config.any")
        return Text(
            self._t(
                "config.summary",
                # The console's daily question goes to the room once /daily setup named it.
                enabled=self._t("config.on" if config.enabled and config.channel_id else "config.off"),
                time=config.post_time.strftime("%H:%M"),
                timezone=config.timezone,
                window=_minutes_text(config.answer_window_minutes),
                topics=", ".join(config.topics) or any_,
                kinds=", ".join(str(k) for k in config.kinds) or any_,
            ),
            style="dim",
        )

    # -- tables -----------------------------------------------------------------------------

    def _leaderboard(self, board: Leaderboard) -> Renderables:
        title = self._t("leaderboard.title", period=self._t(f"leaderboard.period.{board.period}"))
        if not board.rows:
            return [Text(title, style="bold"), Text(self._t("leaderboard.empty"))]
        table = self._table(title, ("rank", "name", "points", "answered", "accuracy"))
        for row in board.rows:
            table.add_row(str(row.rank), row.name, str(row.points), str(row.answered), f"{row.accuracy:.0%}")
        return [table]

    def _member_stats(self, s: MemberStats) -> Renderables:
        if not s.answered:
            return [Text(self._t("stats.none", name=s.name))]
        lines: Renderables = [
            Text(self._t("stats.title", name=s.name), style="bold"),
            Text(self._t("stats.totals", answered=s.answered, correct=s.correct, points=s.points)),
            Text(self._t("stats.streak", current=s.streak_current, best=s.streak_best)),
        ]
        if s.weakest:
            lines.append(Text(self._t("stats.weakest", topics=", ".join(s.weakest))))
        if s.by_topic:
            table = self._table("", ("topic", "answered", "accuracy"))
            for topic in s.by_topic:
                table.add_row(topic.topic, str(topic.answered), f"{topic.accuracy:.0%}")
            lines.append(table)
        return lines

    def _topics(self, topics: Topics) -> Renderables:
        if not topics.items:
            return [Text(self._t("topics.none"))]
        table = self._table(self._t("topics.title"), ("topic", "questions"))
        for info in topics.items:
            table.add_row(info.name, str(info.count))
        return [table]

    def _table(self, title: str, columns: Sequence[str]) -> Table:
        table = Table(
            title=title or None, box=box.SIMPLE_HEAD, show_edge=False, title_justify="left", title_style="bold"
        )
        for column in columns:
            justify = "left" if column in ("name", "topic") else "right"
            table.add_column(self._t(f"column.{column}"), justify=justify)  # type: ignore[arg-type]
        return table

    # -- the console's own lines ------------------------------------------------------------

    def _notice(self, n: Notice) -> Renderables:
        fields = dict(n.fields)
        if n.key == "console.now_typing":
            fields["mod"] = self._t("console.mod_suffix") if fields.get("mod") else ""
        if n.key == "console.clock":
            now: datetime = fields["now"]
            fields["now"] = f"{self._time(now)} {self.tz}"
            if now.astimezone(self.tz).utcoffset() or str(self.tz) != "UTC":
                fields["now"] += f" ({now.astimezone(UTC):%H:%M} UTC)"
            key = "console.clock" if fields.get("simulated") else "console.clock_real"
            return [Text(self._t(key, **fields), style="cyan")]
        return [Text(self._t(n.key, **fields), style="cyan")]

    def _usage(self, u: Usage) -> Renderables:
        problem = self._t(u.key, **u.fields)
        line = self._t("usage.error", problem=problem, usage=u.usage) if u.usage else problem
        return [Text(line, style="yellow")]

    def _help(self, h: Help) -> Renderables:
        specs = [COMMANDS[h.command]] if h.command else list(COMMANDS.values())
        lines: Renderables = [] if h.command else [Text(self._t("console.help_title"), style="bold")]
        for spec in specs:
            line = Text(f"  {spec.usage} — ")
            line.append(self._t(f"help.{spec.name}"), style="dim")
            lines.append(line)
        return lines


# The options of /daily setup that set each config field, so a change reads as the user typed it.
_FIELD_NAMES = {
    "post_time": "time",
    "answer_window_minutes": "window",
    "channel_id": "channel",
    "enabled": "on/off",
}


def interval_text(interval: timedelta, locale: Locale) -> str:
    """How long ``interval`` is, in round minutes, hours (under a day) or days."""
    seconds = interval.total_seconds()
    if seconds < 3600:
        return t("review.interval.minutes", locale, n=max(1, round(seconds / 60)))
    if seconds < 86400 - 1800:
        return t("review.interval.hours", locale, n=round(seconds / 3600))
    days = round(seconds / 86400)
    return t("review.interval.day", locale) if days == 1 else t("review.interval.days", locale, n=days)


def _minutes_text(minutes: int) -> str:
    return f"{minutes // 60}h" if minutes % 60 == 0 else f"{minutes}m"
