"""Normal forms of replies and answers: width, case, script, punctuation and filler words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

__all__ = [
    "MAX_REPLY_CHARS",
    "clean",
    "has_cjk",
    "key_of",
    "normalize",
    "strip_filler",
    "to_simplified",
]

# Longer replies are cut before any matching: nothing useful is that long, and fuzzy matching costs grow with length.
MAX_REPLY_CHARS = 4000

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Surrogates and control characters (but not newlines/tabs, which become spaces) never carry meaning.
_JUNK = re.compile(r"[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# Everything that is not a letter, digit, ``+`` or ``#`` (C++, C#) separates words.
_SEPARATORS = re.compile(r"(?:[^\w+#]|_)+")
# Markdown/Discord wrapping that people paste around a term: mentions, tags, code fences, emphasis.
_MARKUP = re.compile(r"<[@#:&!a-zA-Z/][^<>]{0,80}>|```[a-zA-Z]*|\bhttps?://\S+")

_FILLER_HEAD = re.compile(
    r"^(?:"
    r"(?:(?:我的)?答案(?:应该|可能|大概)?(?:是|为)?|我(?:觉得|认为|猜|想|记得)(?:应该|可能|大概)?(?:是)?"
    r"|(?:应该|可能|大概|估计|也许|或许)(?:是)?|就是|是|嗯|呃)\s*"
    r"|(?:i think(?: (?:it s|its|it is|that s|thats))?|i guess|the answer is|answer is|it s|its|it is|maybe|probably)"
    r"(?:\s+|$)"
    r")"
)
_FILLER_TAIL = re.compile(
    r"(?:\s*(?:吧|吗|嘛|啊|呀|呢|了|哦|噢|喔|我觉得|我猜)|\s+(?:i think|i guess|maybe|probably|right))$"
)


@lru_cache(maxsize=1)
def _t2s() -> Any:
    # OpenCC loads its dictionaries on construction (tens of ms): do it once, and only when Chinese appears.
    import opencc

    return opencc.OpenCC("t2s")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any Chinese character."""
    return _CJK.search(text) is not None


def to_simplified(text: str) -> str:
    """Traditional Chinese characters in ``text`` turned into simplified ones."""
    if not has_cjk(text):
        return text
    return str(_t2s().convert(text))


def clean(text: str, limit: int = MAX_REPLY_CHARS) -> str:
    """A reply made safe to match: cut to ``limit`` characters, without control characters or chat markup."""
    text = text[:limit]
    if not text.isprintable():  # fast path: most replies hold no control characters at all
        text = _JUNK.sub(" ", text)
    if "<" in text or "`" in text or "http" in text:
        text = _MARKUP.sub(" ", text)
    return text


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The comparison form of ``text``: NFKC, case-folded, simplified Chinese, words separated by single spaces.

    Full-width letters become half-width, punctuation becomes a space, and the
    result is stable: normalising it again changes nothing.
    """
    if not text.isprintable():
        text = _JUNK.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if has_cjk(text):
            # A few traditional characters simplify in two steps (薴 → 苧 → 苎): settle on the fixed point.
            for _ in range(3):
                simpler = to_simplified(text)
                if simpler == text:
                    break
                text = simpler
    return _SEPARATORS.sub(" ", text).strip()


def key_of(normal: str) -> str:
    """The spaceless key of a normalised text (``batch norm`` and ``batchnorm`` share one)."""
    return normal.replace(" ", "")


def strip_filler(normal: str) -> str:
    """A normalised reply without the hedging around it (答案是…, 我觉得是…吧, i think it's …).

    Returns the reply unchanged when nothing would be left.
    """
    out = normal
    for _ in range(3):
        head = _FILLER_HEAD.match(out)
        tail = _FILLER_TAIL.search(out)
        if head is None and tail is None:
            break
        out = out[head.end() if head else 0 : tail.start() if tail else len(out)].strip()
    return out or normal
