"""Chinese word segmentation that knows the field's terms (jieba, loaded lazily, glossary as user words)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

__all__ = ["Segmenter"]


_BASE: Any = None
_BY_WORDS: dict[tuple[str, ...], Any] = {}
#: Words jieba's dictionary counts more often than this are everyday Chinese (使用 24k, 之间 25k,
#: 处理 …), while 分类 (3k), 参数 (1.7k) and 梯度 (276) name subjects.
_COMMON_FREQ = 5000
_REMEMBERED = 50_000


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
        self._known = frozenset(self._words)
        self._tokenizer: Any = None
        # Headings are cut again for every passage they might be a wrong option to: remember them.
        self._cut: dict[str, list[str]] = {}

    def _load(self) -> Any:
        if self._tokenizer is None:
            self._tokenizer = _tokenizer_for(self._words)
        return self._tokenizer

    def tokens(self, text: str) -> list[str]:
        """Every token of ``text`` in order, spaces included, so that joining them gives the text back."""
        cut = self._cut.get(text)
        if cut is None:
            if len(self._cut) >= _REMEMBERED:
                self._cut.clear()
            cut = self._cut[text] = list(self._load().cut(text))
        return list(cut)

    def is_everyday(self, word: str) -> bool:
        """A word of everyday Chinese (使用, 之间, 处理) that names no subject; never a glossary name."""
        self._load()
        return word not in self._known and _BASE.FREQ.get(word, 0) > _COMMON_FREQ

    def words(self, text: str) -> list[str]:
        """The words of ``text``, field terms kept whole."""
        return [w for w in self.tokens(text) if w.strip()]
