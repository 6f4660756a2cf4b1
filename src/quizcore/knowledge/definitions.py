"""Recognising ``term：definition`` items and splitting the term from its definition."""

from __future__ import annotations

import re

__all__ = ["split_definition"]

_MAX_TERM = 24
_SEPARATORS = re.compile(r"\s*：\s*|\s*:(?!//)\s*|\s+[-–—]{1,2}\s+")
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
_ENUMERATOR = re.compile(r"^(?:[(（]\d{1,2}[)）]|\d{1,2}[.、)）]|[①-⑳])\s*")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def split_definition(text: str, bold: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The ``(term, definition)`` of an item shaped like a definition, else None.

    Recognised shapes: ``term：definition``, ``term: definition``, ``term - definition`` and
    ``**term**：definition`` (the caller passes the bold spans; a leading bold span is the term).
    The term must be short and not a sentence; the definition must say something.
    """
    body = _ENUMERATOR.sub("", text.strip(), count=1)
    if bold and body.startswith(bold[0]):
        term = bold[0].strip().rstrip(":：")
        rest = body[len(bold[0]) :]
        sep = re.match(r"\s*(?:[:：]|[-–—]{1,2}\s)\s*", rest)
        if sep and _good_term(term):
            definition = rest[sep.end() :].strip()
            return (term, definition) if _good_definition(term, definition) else None
    if _URL.match(body):
        return None
    match = _SEPARATORS.search(body)
    if not match or match.start() == 0:
        return None
    term = body[: match.start()].strip()
    definition = body[match.end() :].strip()
    if not _good_term(term) or not _good_definition(term, definition):
        return None
    return term, definition


def _good_term(term: str) -> bool:
    return 0 < len(term) <= _MAX_TERM and not _SENTENCE_PUNCT.search(term) and not term.endswith(("的", "是"))


def _good_definition(term: str, definition: str) -> bool:
    if _URL.match(definition) or _URL.search(term):
        return False
    return len(definition) >= 2 and definition.strip("。.") != term
