"""Buttons and the answer modal. Each button carries everything it needs in its ``custom_id``.

Discord sends a click as an interaction naming only the ``custom_id``, possibly days after the
message was posted and after any number of restarts. So buttons are ``DynamicItem`` classes whose
``template`` regex rebuilds them from the id (registered with ``add_dynamic_items`` at start-up), and
the callback asks the engine for the state by question id: nothing lives only in a View object.
"""

from __future__ import annotations

import re
import string
from typing import Any, Protocol, cast

import discord

from bot.discord import safety
from bot.discord.safety import cut
from bot.discord.strings import ui
from quizcore.questions import Format, Question

__all__ = [
    "DAILY",
    "REVIEW",
    "AnswerButton",
    "AnswerModal",
    "Answerer",
    "NextReviewButton",
    "OptionButton",
    "answer_items",
]

# The scope of a button: the daily question, personal review, or the id of an on-demand quiz session
# (hex, so it never reads "daily" or "review").
DAILY = "daily"
REVIEW = "review"
LETTERS = string.ascii_uppercase


class Answerer(Protocol):
    """What a click needs from the bot: one way to submit an answer (the bot class provides it)."""

    async def answer(self, interaction: discord.Interaction[Any], scope: str, question_id: str, reply: str) -> None:
        """Submit ``reply`` to the question ``question_id`` of ``scope`` and show the verdict privately."""

    async def next_review(self, interaction: discord.Interaction[Any]) -> None:
        """Show the member their next question to review, privately."""


def _answerer(interaction: discord.Interaction[Any]) -> Answerer:
    return cast(Answerer, interaction.client)


def _custom_id(*parts: object) -> str:
    value = ":".join(str(p) for p in parts)
    if len(value) > safety.CUSTOM_ID:
        raise ValueError(f"custom_id longer than Discord's {safety.CUSTOM_ID} characters: {value!r}")
    return value


class OptionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"qz:o:(?P<index>\d+):(?P<scope>[^:]+):(?P<qid>.+)",
):
    """One option of a multiple-choice question; clicking it answers with that option's letter."""

    def __init__(self, scope: str, question_id: str, index: int, option: str = "") -> None:
        self.scope, self.question_id, self.index = scope, question_id, index
        label = cut(f"{LETTERS[index]}. {option}" if option else LETTERS[index], safety.BUTTON_LABEL)
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=_custom_id("qz", "o", index, scope, question_id),
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> OptionButton:
        """Rebuild the button from a click (the label is not needed to answer)."""
        return cls(match["scope"], match["qid"], int(match["index"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Answer with this option's letter; the verdict comes back ephemeral."""
        await _answerer(interaction).answer(interaction, self.scope, self.question_id, LETTERS[self.index])


class AnswerButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"qz:a:(?P<scope>[^:]+):(?P<qid>.+)",
):
    """Opens a modal to type a short or open answer, so the answer stays private."""

    def __init__(self, scope: str, question_id: str, locale: str = "zh-CN") -> None:
        self.scope, self.question_id = scope, question_id
        super().__init__(
            discord.ui.Button(
                label=ui("button.answer", locale),
                style=discord.ButtonStyle.primary,
                custom_id=_custom_id("qz", "a", scope, question_id),
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AnswerButton:
        """Rebuild the button from a click."""
        return cls(match["scope"], match["qid"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Open the answer modal (a modal must be the first response, so nothing is deferred here)."""
        locale = str(interaction.locale)
        await interaction.response.send_modal(AnswerModal(self.scope, self.question_id, locale))


class AnswerModal(discord.ui.Modal):
    """The private answer form of a short, numeric or open question."""

    def __init__(self, scope: str, question_id: str, locale: str) -> None:
        super().__init__(
            title=cut(ui("modal.title", locale), safety.MODAL_TITLE),
            custom_id=_custom_id("qz", "m", scope, question_id),
            timeout=15 * 60,
        )
        self.scope, self.question_id = scope, question_id
        self.reply: discord.ui.TextInput[AnswerModal] = discord.ui.TextInput(
            label=cut(ui("modal.label", locale), safety.TEXT_INPUT_LABEL),
            custom_id="reply",
            style=discord.TextStyle.paragraph,
            max_length=1000,
        )
        self.add_item(self.reply)

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        """Grade the typed answer; the verdict comes back ephemeral."""
        await _answerer(interaction).answer(interaction, self.scope, self.question_id, self.reply.value)


class NextReviewButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"qz:rn"):
    """Under a review verdict: show the member's next question to review (it knows whose by the click)."""

    def __init__(self, locale: str = "zh-CN") -> None:
        super().__init__(
            discord.ui.Button(
                label=cut(ui("button.next_review", locale), safety.BUTTON_LABEL),
                style=discord.ButtonStyle.primary,
                custom_id="qz:rn",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> NextReviewButton:
        """Rebuild the button from a click."""
        return cls()

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Show the next question to review, ephemeral like the one before."""
        await _answerer(interaction).next_review(interaction)


def answer_items(question: Question, locale: str, *, session_id: str | None = None) -> list[discord.ui.Item[Any]]:
    """The buttons under a question: one per option for multiple choice, else one that opens the modal.

    ``session_id`` is the quiz session's id, or :data:`REVIEW` for a member's review question.
    """
    scope = session_id or DAILY
    if question.format is Format.MCQ and question.options:
        return [OptionButton(scope, question.id, i, option) for i, option in enumerate(question.options)]
    return [AnswerButton(scope, question.id, locale)]
