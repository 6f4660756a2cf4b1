"""Chinese word segmentation that knows the field's terms (jieba, loaded lazily, glossary as user words)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["Segmenter"]

_STOP = frozenset(
    [
        "的",
        "了",
        "是",
        "在",
        "和",
        "与",
        "及",
        "或",
        "等",
        "对",
        "将",
        "把",
        "被",
        "为",
        "以",
        "由",
        "从",
        "到",
        "而",
        "但",
        "也",
        "都",
        "就",
        "这",
        "那",
        "其",
        "之",
        "中",
        "上",
        "下",
        "可以",
        "能够",
        "通过",
        "进行",
        "使用",
        "采用",
        "一个",
        "一种",
        "一些",
        "这个",
        "这些",
        "那些",
        "如果",
        "因为",
        "所以",
        "因此",
        "可能",
        "需要",
        "比较",
        "非常",
        "没有",
        "不是",
        "就是",
        "以及",
        "还是",
        "然后",
        "同时",
        "主要",
        "一般",
        "常用",
        "具有",
        "其中",
        "不同",
        "相同",
        "更",
        "很",
        "最",
        "会",
        "要",
        "有",
        "个",
        "种",
        "次",
        "时",
        "后",
        "前",
    ]
)
_WORD = re.compile(r"[\w\u4e00-\u9fff]")


_BASE: Any = None
_BY_WORDS: dict[tuple[str, ...], Any] = {}


def _tokenizer_for(words: tuple[str, ...]) -> Any:
    """A jieba tokenizer that knows exactly ``words`` besides its dictionary.

    Segmentation must not depend on what else the process built before (a word added for one
    knowledge base would change how another is cut), so each word set gets its own tokenizer;
    the dictionary is loaded once (about a second) and copied, which is cheap.
    """
    global _BASE
    if words in _BY_WORDS:
        return _BY_WORDS[words]
    import jieba

    if _BASE is None:
        jieba.setLogLevel(logging.WARNING)
        _BASE = jieba.Tokenizer()
        _BASE.initialize()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(_BASE.FREQ)
    tokenizer.total = _BASE.total
    tokenizer.initialized = True
    for word in words:
        # Spaces break jieba's dictionary format; such names are matched by the term index instead.
        if " " not in word:
            tokenizer.add_word(word, freq=200_000)
    if len(_BY_WORDS) >= 8:
        _BY_WORDS.pop(next(iter(_BY_WORDS)))
    _BY_WORDS[words] = tokenizer
    return tokenizer


class Segmenter:
    """jieba segmentation (our own tokenizers, never jieba's global one), taught the glossary's terms."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = tuple(sorted({w for w in words if 2 <= len(w) <= 30}))
        self._tokenizer: Any = None

    def _load(self) -> Any:
        if self._tokenizer is None:
            self._tokenizer = _tokenizer_for(self._words)
        return self._tokenizer

    def tokens(self, text: str) -> list[str]:
        """Every token of ``text`` in order, spaces included, so that joining them gives the text back."""
        return list(self._load().cut(text))

    def words(self, text: str) -> list[str]:
        """The words of ``text``, field terms kept whole."""
        return [w for w in self._load().lcut(text) if w.strip()]

    def keywords(self, text: str, limit: int = 3) -> list[str]:
        """The longest content words of ``text`` (no stop words, at least two characters), in text order."""
        seen: dict[str, None] = {}
        for word in self.words(text):
            if len(word) >= 2 and word not in _STOP and _WORD.search(word) and not word.isdigit():
                seen.setdefault(word, None)
        ranked = sorted(seen, key=len, reverse=True)[:limit]
        return [w for w in seen if w in ranked]
