"""Clean text for stems and options: no markdown residue, no LaTeX, no dangling figure references."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "FIGURE_REFERENCE",
    "clause_cut",
    "has_residue",
    "norm_key",
    "sentences",
    "strip_enumerator",
    "tidy",
]

FIGURE_REFERENCE = re.compile(
    r"如下图|如上图|下图|上图|见图|如图|图中|下表|上表|如下所示|如下：|如下:|以下代码|下面的代码|链接|http"
)
_RESIDUE = re.compile(r"\*\*|`|!\[|\]\(|<[a-zA-Z/][^>]{0,40}>|^#|\$|\\[a-zA-Z]+|\{|\}|\|")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n|(?<=[a-z\d)]\.)\s+(?=[A-Z\u4e00-\u9fff])")
_ENUMERATOR = re.compile(r"^\s*(?:[(（]?\d{1,2}[)）.、]|[①-⑳]|[•◦●▪]|[-*+])\s*")
_SPACES = re.compile(r"\s+")
_KEY_DROP = re.compile(r"[^\w]+")


def tidy(text: str) -> str:
    """Collapse white space, drop a leading enumerator and trailing separators."""
    text = _SPACES.sub(" ", text).strip()
    text = strip_enumerator(text)
    return text.strip(" ，,；;：:")


def strip_enumerator(text: str) -> str:
    """Remove a list enumerator like ``(1)``, ``2.``, ``①`` or a bullet from the start."""
    return _ENUMERATOR.sub("", text, count=1).strip()


def has_residue(text: str) -> bool:
    """The text still carries markdown, HTML, LaTeX or a figure reference that makes no sense in chat."""
    return bool(_RESIDUE.search(text) or FIGURE_REFERENCE.search(text))


def sentences(text: str) -> list[str]:
    """Split prose into sentences (Chinese and English punctuation), tidied, empty ones dropped."""
    return [s for s in (tidy(part) for part in _SENTENCE_END.split(text)) if s]


def clause_cut(text: str, limit: int) -> str:
    """Cut text to at most ``limit`` characters at a sentence or clause boundary when there is one."""
    text = tidy(text)
    if len(text) <= limit:
        return text.rstrip("。.")
    window = text[:limit]
    for marks in ("。！？；;!?", "，,、：:"):
        cut = max(window.rfind(m) for m in marks)
        if cut >= limit * 0.4:
            return window[:cut].rstrip(" ，,；;：:。")
    return window.rstrip(" ，,；;：:。")


@lru_cache(maxsize=200_000)
def norm_key(text: str) -> str:
    """A comparison key: NFKC, case-folded, only letters and digits."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())
