"""The message catalogue: every line the bot says, in Simplified Chinese and English.

Both adapters (console and Discord) render engine events and domain errors through
:func:`t`, so the bot says the same thing in the terminal and in a Discord channel.
Keys are stable; the named fields each key takes are listed in its template::

    t("answer.correct", "en", name="alice", points=3)   # "alice: ✓ correct (+3)"

Domain errors have one key each, ``error.<ClassName>`` (see :func:`error_text`).
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from typing import Any, Final, Literal, get_args

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "Locale",
    "all_keys",
    "error_text",
    "fields",
    "has",
    "normalize_locale",
    "t",
]

log = logging.getLogger(__name__)

Locale = Literal["zh-CN", "en"]
LOCALES: Final[tuple[Locale, ...]] = get_args(Locale)
DEFAULT_LOCALE: Final[Locale] = "zh-CN"

# key -> (zh-CN, en). Fields in braces; both languages take the same fields.
_CATALOGUE: Final[Mapping[str, tuple[str, str]]] = {
    # --- on-demand quiz ------------------------------------------------------------------------
    "quiz.started": ("{name} 开始了测验：{topic}，共 {total} 题", "{name} started a {total}-question quiz on {topic}"),
    "quiz.all_topics": ("全部主题", "all topics"),
    "quiz.question": ("第 {number}/{total} 题 · {topic}", "Question {number}/{total} · {topic}"),
    "quiz.deadline": ("{seconds} 秒内作答（截止 {deadline}）", "Answer within {seconds}s (until {deadline})"),
    "quiz.how_to_answer_mcq": ("直接输入选项字母作答，如 A", "Type the letter of your choice, e.g. A"),
    "quiz.how_to_answer_text": ("直接输入答案作答", "Type your answer"),
    "quiz.ended.completed": ("测验结束（{asked}/{total} 题）", "Quiz over ({asked}/{total} questions)"),
    "quiz.ended.stopped": ("测验已停止（{asked}/{total} 题）", "Quiz stopped ({asked}/{total} questions)"),
    "quiz.ended.idle": ("无人作答，测验自动结束", "Nobody answered, so the quiz ended"),
    "quiz.ranking_row": (
        "{rank}. {name} — {points} 分（答对 {correct} 题）",
        "{rank}. {name} — {points} pts ({correct} right)",
    ),
    "quiz.ranking_empty": ("本轮无人得分", "Nobody scored this round"),
    # --- answers and verdicts ------------------------------------------------------------------
    "answer.correct": ("{name}：✓ 正确（+{points}）", "{name}: ✓ correct (+{points})"),
    "answer.partial": ("{name}：◐ 部分正确（+{points}）", "{name}: ◐ partly right (+{points})"),
    "answer.wrong": ("{name}：✗ 错误", "{name}: ✗ wrong"),
    "answer.private": ("（仅 {name} 可见）", "(only {name} sees this)"),
    "answer.feedback": ("提示：{feedback}", "Note: {feedback}"),
    "hint.given": ("提示 {level}：{text}（答对少得 {cost} 分）", "Hint {level}: {text} (costs {cost} pts)"),
    # --- closing a question --------------------------------------------------------------------
    "closed.answer": ("答案：{answer}", "Answer: {answer}"),
    "closed.explanation": ("解析：{explanation}", "Why: {explanation}"),
    "closed.source": ("出处：{source}", "Source: {source}"),
    "closed.winners": ("答对：{names}", "Right: {names}"),
    "closed.no_winner": ("无人答对", "Nobody got it"),
    "closed.title": ("第 {number}/{total} 题结束：{reason}", "Question {number}/{total} closed: {reason}"),
    "closed.reason.answered": ("有人答对了", "answered"),
    "closed.reason.timeout": ("时间到", "time is up"),
    "closed.reason.stopped": ("测验已停止", "quiz stopped"),
    # --- daily question ------------------------------------------------------------------------
    "daily.posted": ("每日一题 · {date}", "Daily question · {date}"),
    "daily.late": ("（因停机补发）", "(posted late after downtime)"),
    "daily.how_to_answer": (
        "用 /daily answer:<答案> 私下作答，{closes} 截止",
        "Answer privately with /daily answer:<reply> before {closes}",
    ),
    "daily.current": ("今日题目（{date}，{closes} 截止）", "Today's question ({date}, closes {closes})"),
    "daily.none": ("现在没有开放的每日一题", "No daily question is open right now"),
    "daily.revealed": ("每日一题揭晓 · {date}", "Daily answer · {date}"),
    "daily.stats": ("{answered} 人作答，{correct} 人答对", "{answered} answered, {correct} right"),
    "daily.first_solver": ("最先答对：{name}", "First to solve it: {name}"),
    "daily.distribution": ("各选项：{distribution}", "Choices: {distribution}"),
    "daily.off": ("每日一题已关闭", "The daily question is off"),
    "daily.reviews_due": (
        "{count} 位答题者有待复习的题目，输入 /review 开始",
        "{count} of today's answerers have reviews due — /review",
    ),
    "streak.extended": (
        "{name} 连续答题 {current} 天（最佳 {best} 天）",
        "{name}'s daily streak: {current} (best {best})",
    ),
    # --- personal review (spaced repetition) ---------------------------------------------------
    "review.title": ("复习 · {name}", "Review · {name}"),
    "review.new": ("新题", "new question"),
    "review.due_since": ("{since} 起待复习", "due since {since}"),
    "review.due_count": ("现在待复习 {count} 题", "{count} due now"),
    "review.new_left": ("今天还可以学 {count} 道新题", "{count} new left today"),
    "review.how_to_answer": ("用 /review answer:<答案> 作答", "Answer with /review answer:<reply>"),
    "review.none": ("{name}，现在没有要复习的题目", "Nothing to review right now, {name}"),
    "review.next_at": ("下一道题 {when} 到期", "The next one falls due {when}"),
    "review.pick_first": ("先输入 /review 查看要复习的题目", "Type /review first to see the question to review"),
    "review.correct": ("{name}：✓ 正确", "{name}: ✓ correct"),
    "review.partial": ("{name}：◐ 部分正确", "{name}: ◐ partly right"),
    "review.wrong": ("{name}：✗ 错误", "{name}: ✗ wrong"),
    "review.next_due": ("这道题下次复习：{when}（{interval}后）", "This question comes back {when} (in {interval})"),
    "review.due_left": ("还有 {count} 题待复习，输入 /review 继续", "{count} more due — /review for the next"),
    "review.all_done": ("现在没有别的待复习题目了", "Nothing else is due now"),
    "review.streak": ("复习连续 {current} 天（最佳 {best} 天）", "Review streak: {current} (best {best})"),
    "review.status_title": ("{name} 的复习", "Review status for {name}"),
    "review.status_counts": (
        "现在待复习 {due_now} 题，今天到期共 {due_today} 题；已掌握 {learned}/{cards} 题",
        "Due now {due_now}, due today {due_today}; learned {learned} of {cards}",
    ),
    "review.retention": (
        "记忆保持率 {retention}（共 {reviews} 次作答）",
        "Retention {retention} (graded answers: {reviews})",
    ),
    "review.status_empty": (
        "{name} 还没有要复习的题目：回答每日一题，或输入 /review 开始",
        "{name} has nothing to review yet: answer the daily question, or start with /review",
    ),
    "review.limit_line": (
        "新题上限：每天 {limit} 道，今天已学 {today} 道，还剩 {left} 道",
        "New questions: {limit} a day, {today} started today, {left} left",
    ),
    "review.limit_set": ("{name} 每天的新题上限改为 {limit} 道", "{name}: new questions per day set to {limit}"),
    "review.interval.minutes": ("{n} 分钟", "{n} min"),
    "review.interval.hours": ("{n} 小时", "{n} h"),
    "review.interval.day": ("1 天", "1 day"),
    "review.interval.days": ("{n} 天", "{n} days"),
    # --- configuration -------------------------------------------------------------------------
    "config.changed": ("{name} 更新了设置：{changes}", "{name} changed the settings: {changes}"),
    "config.summary": (
        "每日一题：{enabled}，{time}（{timezone}），作答时限 {window}，主题 {topics}，题型 {kinds}",
        "Daily question: {enabled}, {time} ({timezone}), window {window}, topics {topics}, kinds {kinds}",
    ),
    "config.on": ("开启", "on"),
    "config.off": ("关闭", "off"),
    "config.any": ("不限", "any"),
    # --- reports -------------------------------------------------------------------------------
    "report.filed": ("已记录 {name} 对题目 {id} 的反馈，谢谢", "Thanks {name}, question {id} is reported"),
    "report.cleared": ("题目 {id} 的反馈已处理", "Reports on question {id} cleared"),
    "reports.title": ("待处理的题目反馈", "Reported questions"),
    "reports.none": ("没有待处理的反馈", "No open reports"),
    "reports.row": ("{id} · {count} 条 · {reasons}", "{id} · {count} report(s) · {reasons}"),
    # --- leaderboard, stats, topics ------------------------------------------------------------
    "leaderboard.title": ("排行榜 · {period}", "Leaderboard · {period}"),
    "leaderboard.empty": ("还没有人得分", "Nobody has scored yet"),
    "leaderboard.period.today": ("今天", "today"),
    "leaderboard.period.week": ("本周", "this week"),
    "leaderboard.period.month": ("本月", "this month"),
    "leaderboard.period.all": ("总榜", "all time"),
    "column.rank": ("名次", "#"),
    "column.name": ("成员", "Member"),
    "column.points": ("得分", "Points"),
    "column.answered": ("作答", "Answered"),
    "column.accuracy": ("正确率", "Accuracy"),
    "column.topic": ("主题", "Topic"),
    "column.cards": ("题数", "Cards"),
    "column.due": ("待复习", "Due"),
    "column.learned": ("已掌握", "Learned"),
    "column.retention": ("保持率", "Retention"),
    "column.questions": ("题数", "Questions"),
    "stats.title": ("{name} 的统计", "Stats for {name}"),
    "stats.streak": ("连续答题：{current} 天（最佳 {best} 天）", "Daily streak: {current} (best {best})"),
    "stats.totals": (
        "共 {answered} 题，答对 {correct} 题，{points} 分",
        "{answered} answered, {correct} right, {points} pts",
    ),
    "stats.weakest": ("薄弱主题：{topics}", "Weakest topics: {topics}"),
    "stats.none": ("{name} 还没有作答记录", "{name} has not answered anything yet"),
    "topics.title": ("主题", "Topics"),
    "topics.none": ("题库是空的", "The question bank is empty"),
    # --- console only --------------------------------------------------------------------------
    "console.welcome": (
        "quizbot 控制台 · 题库 {count} 题 · 输入 /help 查看命令，Ctrl-D 退出",
        "quizbot console · {count} questions · type /help for commands, Ctrl-D to leave",
    ),
    "console.now_typing": ("现在以 {name} 的身份发言{mod}", "Now typing as {name}{mod}"),
    "console.mod_suffix": ("（管理员）", " (moderator)"),
    "console.clock": ("模拟时间：{now}", "Simulated time: {now}"),
    "console.clock_real": (
        "真实时间：{now}（用 /clock +1h 开始模拟）",
        "Real time: {now} (use /clock +1h to simulate)",
    ),
    "console.bye": ("再见，进度已保存", "Bye, everything is saved"),
    "console.no_quiz_answer": (
        "现在没有进行中的测验；/quiz start 开始，或用 /daily answer:<答案> 回答每日一题",
        "No quiz is running; /quiz start begins one, /daily answer:<reply> answers the daily question",
    ),
    "console.help_title": ("命令", "Commands"),
    "help.quiz start": ("开始一轮测验", "start a quiz in this room"),
    "help.quiz stop": ("停止测验（发起人或管理员）", "stop the quiz (its starter or a moderator)"),
    "help.quiz hint": ("要一个提示，答对者少得分", "get a hint; it costs whoever wins the question"),
    "help.answer": ("回答测验题（直接输入答案也可以）", "answer the quiz question (or just type the answer)"),
    "help.daily": ("查看今日题目，或私下作答", "show today's question, or answer it privately"),
    "help.daily setup": ("设置每日一题（管理员）", "set up the daily question (moderators)"),
    "help.daily post": ("立即发布今日题目（管理员）", "post today's question now (moderators)"),
    "help.daily off": ("关闭每日一题（管理员）", "turn the daily question off (moderators)"),
    "help.leaderboard": ("排行榜", "the leaderboard"),
    "help.stats": ("个人统计：各主题正确率、连续天数", "someone's record: accuracy by topic, streak"),
    "help.topics": ("题库里的主题", "the topics of the question bank"),
    "help.report": ("反馈一道有问题的题目", "report a wrong or unclear question"),
    "help.reports": ("待处理的反馈（管理员）", "open reports (moderators)"),
    "help.reports clear": ("处理完一道题的反馈（管理员）", "clear a question's reports (moderators)"),
    "help.review": (
        "私下复习：查看下一道到期的题，用 answer: 作答，用 limit: 设每天新题上限",
        "review privately: your next due question; answer: answers it, limit: sets new questions a day",
    ),
    "help.review status": (
        "你的复习：待复习、已掌握、保持率、各主题、连续天数",
        "your review: due, learned, retention, by topic, streak",
    ),
    "help.help": ("命令列表", "this list"),
    "help.as": (
        "换一个人发言；加 mod 设为管理员（控制台专用）",
        "type as someone else; add mod to make them a moderator",
    ),
    "help.clock": ("查看或拨动模拟时间（控制台专用）", "show or move the simulated time (console only)"),
    "help.quit": ("退出（进度已保存）", "leave (everything is saved)"),
    "console.internal_error": (
        "出错了：{error}（这一行没有生效，可以继续）",
        "Something went wrong: {error} (that line did nothing)",
    ),
    "usage.error": ("{problem}。用法：{usage}", "{problem}. Usage: {usage}"),
    "usage.unknown_command": ("未知命令 {command}，输入 /help 查看命令", "Unknown command {command}; type /help"),
    "usage.unknown_option": ("未知选项 {option}", "Unknown option {option}"),
    "usage.unknown_sub": ("未知子命令 {sub}", "Unknown subcommand {sub}"),
    "usage.missing": ("缺少 {option}", "Missing {option}"),
    "usage.bad_value": ("{option} 的值 {value} 无效", "Bad value {value} for {option}"),
    # --- domain errors (error.<ClassName>) -----------------------------------------------------
    "error.QuizError": ("{message}", "{message}"),
    "error.NoQuizRunning": ("这里没有进行中的测验", "No quiz is running here"),
    "error.QuizAlreadyRunning": ("这里已经有一个测验在进行", "A quiz is already running here"),
    "error.AlreadyAnswered": ("你已经答过这道题了", "You have already answered this question"),
    "error.NoDailyOpen": ("现在没有开放的每日一题", "No daily question is open right now"),
    "error.AnswerWindowClosed": ("作答时间已过", "The answer window has closed"),
    "error.UnknownTopic": ("没有这个主题：{topic}（/topics 查看全部）", "No such topic: {topic} (see /topics)"),
    "error.NoQuestions": ("没有符合条件的题目{detail}", "No questions match{detail}"),
    "error.NotAllowed": ("只有管理员可以这样做", "Only moderators can do that"),
    "error.InvalidConfig": ("设置无效：{message}", "Invalid setting: {message}"),
    "error.UnknownQuestion": (
        "没有这道题（题号写在每道题下方）",
        "No such question (each question shows its id under it)",
    ),
    "error.NoMoreHints": ("这道题没有更多提示了", "No more hints for this question"),
    "error.ReviewUnavailable": (
        "这道题现在不能复习（它是开放中的每日一题，或正被反馈）",
        "This question cannot be reviewed now (it is the open daily question, or reported)",
    ),
    "error.NotDueYet": ("这道题已经复习过了，{due} 再来", "You already reviewed this question; it comes back {due}"),
}


class _Fields(dict[str, Any]):
    """Format fields that leave a missing one visible instead of failing mid-sentence."""

    def __missing__(self, key: str) -> str:
        log.warning("message field %r missing", key)
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def normalize_locale(value: str | None) -> Locale:
    """The supported locale closest to ``value`` ("zh", "zh_CN", "en-US"...), else the default."""
    if value:
        folded = value.replace("_", "-").casefold()
        for locale in LOCALES:
            if folded == locale.casefold() or folded.split("-")[0] == locale.split("-")[0].casefold():
                return locale
    return DEFAULT_LOCALE


def has(key: str) -> bool:
    """Whether the catalogue has this key."""
    return key in _CATALOGUE


def all_keys() -> list[str]:
    """Every key of the catalogue, sorted."""
    return sorted(_CATALOGUE)


def fields(key: str, locale: str = DEFAULT_LOCALE) -> frozenset[str]:
    """The names of the fields the message ``key`` takes in ``locale`` (empty for an unknown key)."""
    pair = _CATALOGUE.get(key)
    if pair is None:
        return frozenset()
    template = pair[0] if normalize_locale(locale) == "zh-CN" else pair[1]
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name)


def t(key: str, locale: str = DEFAULT_LOCALE, /, **fields: Any) -> str:
    """The message ``key`` in ``locale``, with its fields filled in.

    An unknown key comes back as the key itself (and is logged), so a missing
    translation never breaks a reply.
    """
    pair = _CATALOGUE.get(key)
    if pair is None:
        log.warning("no message for key %r", key)
        return key
    template = pair[0] if normalize_locale(locale) == "zh-CN" else pair[1]
    return _FORMATTER.vformat(template, (), _Fields(fields))


def error_text(error: BaseException, locale: str = DEFAULT_LOCALE, **shown: Any) -> str:
    """One line explaining a domain error to a user, in ``locale``.

    Looks up ``error.<ClassName>`` along the exception's class hierarchy and fills
    the template from the exception's attributes, its own message (``{message}``), and
    ``{detail}``: that message after a colon when it says more than the class's default.
    ``shown`` replaces attributes as the adapter shows them (a time in the reader's timezone).
    """
    message = str(error.args[0]) if error.args else str(error)
    fields: dict[str, Any] = {**_public_attributes(error), "message": message, "detail": "", **shown}
    default = str(getattr(type(error), "default_message", message))
    if message and not message.casefold().startswith(default.casefold()):
        # The engine said something more specific than the class does ("unknown kind 'mcq'").
        fields["detail"] = ("：" if normalize_locale(locale) == "zh-CN" else ": ") + message
    for cls in type(error).__mro__:
        key = f"error.{cls.__name__}"
        if key in _CATALOGUE:
            template = _CATALOGUE[key][0] if normalize_locale(locale) == "zh-CN" else _CATALOGUE[key][1]
            try:
                return template.format_map(fields)
            except (KeyError, IndexError, ValueError):
                return message or key
    return message or type(error).__name__


def _public_attributes(error: BaseException) -> dict[str, Any]:
    try:
        return {k: v for k, v in vars(error).items() if not k.startswith("_")}
    except TypeError:
        return {}
