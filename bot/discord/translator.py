"""Localises slash command names, descriptions and choices for Discord clients set to Simplified Chinese."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord.strings import COMMAND_ZH

__all__ = ["QuizTranslator"]


class QuizTranslator(app_commands.Translator):
    """Maps the English command texts to zh-CN; other locales fall back to English.

    discord.py calls it while building the command payload for ``tree.sync()``, and Discord
    stores the result as ``name_localizations``/``description_localizations``, so members see
    the commands in their client's language without the bot knowing it beforehand.
    """

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        """The zh-CN text of ``string``, or None for other locales and unknown strings."""
        if locale is not discord.Locale.chinese:
            return None
        return COMMAND_ZH.get(string.message)
