"""Discord-only wording: slash command names and descriptions in Chinese, and the few UI labels.

Event and error texts come from :mod:`bot.texts` (shared with the console); only what exists
because of Discord (command names, button labels, modal titles) lives here.
"""

from __future__ import annotations

from typing import Final

from bot.texts import normalize_locale

__all__ = ["COMMAND_ZH", "ui"]

# English command text (as written in the code) → its zh-CN localisation. Discord shows these to
# members whose client language is Simplified Chinese; names must be unique among siblings.
COMMAND_ZH: Final[dict[str, str]] = {
    # names
    "quiz": "测验",
    "start": "开始",
    "stop": "停止",
    "hint": "提示",
    "answer": "作答",
    "daily": "每日一题",
    "daily-admin": "每日一题管理",
    "show": "查看",
    "setup": "设置",
    "post-now": "立即发布",
    "off": "关闭",
    "leaderboard": "排行榜",
    "stats": "统计",
    "topics": "主题列表",
    "report": "反馈",
    "reports": "反馈管理",
    "list": "列表",
    "clear": "处理",
    "topic": "主题",
    "kind": "题型",
    "kinds": "题型们",
    "count": "题数",
    "reply": "答案",
    "channel": "频道",
    "time": "时间",
    "timezone": "时区",
    "window": "作答时限",
    "language": "语言",
    "period": "时段",
    "member": "成员",
    "question": "题目",
    "reason": "原因",
    "review": "复习",
    "next": "下一题",
    "status": "状态",
    "limit": "新题上限",
    # descriptions
    "Quizzes in this channel": "本频道的测验",
    "Start a quiz in this channel": "在本频道开始测验",
    "Stop this channel's quiz": "停止本频道的测验",
    "Get a hint for the current question (costs points)": "获取当前题目的提示（会扣分）",
    "Answer the current question privately": "私下回答当前题目",
    "The daily question": "每日一题",
    "Show today's question": "查看今天的题目",
    "Answer today's question privately": "私下回答今天的题目",
    "Set up the daily question (Manage Server)": "设置每日一题（需要管理服务器权限）",
    "Post today's question now (Manage Server)": "立即发布今天的题目（需要管理服务器权限）",
    "Turn the daily question off (Manage Server)": "关闭每日一题（需要管理服务器权限）",
    "Show the leaderboard": "查看排行榜",
    "Show a member's stats": "查看成员的统计",
    "List the topics of the question bank": "列出题库的主题",
    "Report a wrong or unclear question": "反馈有错或不清楚的题目",
    "Reported questions (Manage Server)": "题目反馈（需要管理服务器权限）",
    "List open reports": "列出待处理的反馈",
    "Clear the reports on a question": "处理某道题的反馈",
    "Topic (empty: all topics)": "主题（留空为全部）",
    "Kind of question": "题型",
    "Number of questions": "题数",
    "Your answer": "你的答案",
    "Channel to post in": "发布的频道",
    "Local post time, HH:MM": "本地发布时间，HH:MM",
    "IANA timezone, e.g. Asia/Shanghai": "IANA 时区，如 Asia/Shanghai",
    "Topics, comma-separated (empty: all)": "主题，用逗号分隔（留空为全部）",
    "Kinds, comma-separated (empty: all)": "题型，用逗号分隔（留空为全部）",
    "Answer window in minutes": "作答时限（分钟）",
    "Language of the bot's posts": "机器人发帖的语言",
    "Period": "时段",
    "Member (default: you)": "成员（默认：你自己）",
    "Question id": "题目编号",
    "What is wrong": "哪里有问题",
    "Your personal review (only you see it)": "个人复习（只有你能看到）",
    "Your next question to review": "你的下一道复习题",
    "Your review: due, learned, retention, streak": "你的复习：待复习、已掌握、保持率、连续天数",
    "Set how many new questions you start a day": "设置每天开始学几道新题",
    "New questions a day (0: only review known ones)": "每天的新题数（0：只复习学过的）",
    # choices
    "today": "今天",
    "this week": "本周",
    "this month": "本月",
    "all time": "总榜",
    "definition": "定义",
    "section": "章节",
    "cloze": "填空",
    "odd one out": "找不同",
    "numeric": "数值",
    "authored": "人工出题",
    "Chinese": "中文",
    "English": "英文",
}

_UI: Final[dict[str, tuple[str, str]]] = {
    "button.answer": ("作答", "Answer"),
    "modal.title": ("你的答案", "Your answer"),
    "modal.label": ("答案", "Answer"),
    "done": ("好的", "Done"),
    "quiz.deadline": ("点按钮作答，{deadline}截止", "Click to answer; closes {deadline}"),
    "daily.how_to_answer_buttons": (
        "点选项按钮或「作答」私下作答，{closes} 截止",
        "Click an option or Answer to reply privately; closes {closes}",
    ),
    "button.next_review": ("下一题", "Next"),
    "review.how_to_answer": ("只有你能看到这道题；点按钮作答", "Only you see this; click to answer"),
    "review.comes_back": ("这道题下次复习：{when}（{relative}）", "This question comes back {when} ({relative})"),
    "error.guild_only": ("只能在服务器里使用", "This only works in a server"),
    "error.unexpected": ("出错了，已记录，请稍后再试", "Something went wrong; it was logged, try again later"),
    "error.stale_button": ("这道题已经结束了", "This question is already over"),
}


def ui(key: str, locale: str, /, **fields: object) -> str:
    """A Discord-only UI text in ``locale`` (zh-CN or en), with its fields filled in."""
    zh, en = _UI[key]
    template = zh if normalize_locale(locale) == "zh-CN" else en
    return template.format(**fields)
