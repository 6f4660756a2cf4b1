"""Clean text for stems and options: no markdown residue, no LaTeX, no dangling figure references."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "CLAUSE_WORD",
    "FIGURE_REFERENCE",
    "LEANING_TITLES",
    "PUNCTUATION",
    "clause_cut",
    "clean_heading",
    "grams",
    "has_residue",
    "leans_on_context",
    "name_pattern",
    "norm_key",
    "sentences",
    "strip_enumerator",
    "tidy",
]

FIGURE_REFERENCE = re.compile(
    r"如下图|如上图|下图|上图|见图|如图|图中|下表|上表|如下所示|如下：|如下:|以下代码|下面的代码|链接|http|"
    r"讲的比较好|这篇|这个讲|文章|博客|参考|我们来看|看看|面试|推荐|点击|zhihu|csdn|公式中|上式|下式|式中|"
    r"可以看|阅读|详见|见下|原文|下面两类|以下几|如下几"
)
#: A lone space between two Chinese characters is where a formula was dropped when the page was saved.
_GAP = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff，。]|[\u4e00-\u9fff]  +\S")
#: A formula copied from a rendered page comes twice, once per rendering ("f(x)f(x)", not PaddlePaddle);
#: a label run into its text repeats a word ("输入Normalize Normalize非常重要").
_TWICE = re.compile(
    r"([A-Za-z][A-Za-z0-9]*[()^_+\-*/=][A-Za-z0-9()^_+\-*/=]*)\1|(?<![A-Za-z])([A-Za-z]{3,})\s+\2(?![A-Za-z])"
)
_RESIDUE = re.compile(r"\*\*|`|!\[|\]\(|<[a-zA-Z/][^>]{0,40}>|^#|\$|\\[a-zA-Z]+|\{|\}|\|")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n|(?<=[a-z\d)]\.)\s+(?=[A-Z\u4e00-\u9fff])")
_ENUMERATOR = re.compile(r"^\s*(?:[(（]?\d{1,2}[)）.、]|[①-⑳]|[•◦●▪]|[-*+])\s*")
_SPACES = re.compile(r"\s+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_KEY_DROP = re.compile(r"[^\w]+")


def tidy(text: str) -> str:
    """Collapse white space, drop a leading enumerator and trailing separators."""
    text = _SPACES.sub(" ", text).strip()
    text = strip_enumerator(text)
    return text.strip(" ，,；;：:")


def strip_enumerator(text: str) -> str:
    """Remove a list enumerator like ``(1)``, ``2.``, ``①`` or a bullet from the start."""
    return _ENUMERATOR.sub("", text, count=1).strip()


#: Openings that lean on the sentence before (而, 所以, 这…) or on the layout (a label and a colon).
_NEEDS_CONTEXT = re.compile(
    r"^(而|但|所以|因此|因而|于是|这|那|其|它|该|此|同理|此外|另外|然后|并且|要注意|注意|原因|适合|比如|例如|即|也|还|"
    r"首先|其次|最后|其实|简单来讲|简单来说|很简单|我|我们|有一篇|具体|相关的|他们|她们|它们|他|她|至此|综上|总之|如上|以上|上述|"
    r"当然|就是因为|因为|第[一二三四五六七八九十\d]+个?|一是|二是|三是|一个是|另一个|属于|下面|同时|而且|并且|或者|"
    r"[^，。：:]{1,16}[：:])"
)


_BACK_REFERENCE = re.compile(
    r"也是这样|同上|如上所述|这样的|这里|后续的?篇章|敬请期待|尽情期待|下一?篇|上一个|相比之下|这个角度|前者|后者|上面的|前面的|"
    r"仅此而已|举个例子|如下所示|以下几|依旧是|依然是|原论文"
)


#: Words that make a short part a clause ("而灰度图用的是单通道", "能加快特征抽取", "再做池化"), not a name.
CLAUSE_WORD = re.compile(r"[是的能会可使用为了有在将把被对不没要让较更很都也就而但再做]")
#: Marks that end a clause or a sentence, or introduce what follows.
PUNCTUATION = re.compile(r"[，。；！？,;!?：:]")
#: Headings that lean on the ones before them ("还有哪些经典网络结构？": others than which?).
LEANING_TITLES = ("还有", "其他", "其它", "另外")


def points_back(sentence: str) -> bool:
    """The sentence refers to text around it ("比上一个深", "相比之下", "这里")."""
    return bool(_BACK_REFERENCE.search(sentence))


def leans_on_context(sentence: str) -> bool:
    """The sentence cannot stand alone: it continues the one before it, points back at it, or follows a label."""
    return bool(_NEEDS_CONTEXT.match(sentence) or _BACK_REFERENCE.search(sentence))


def clean_heading(title: str) -> str:
    """A heading as text to show: spaces the author put between Chinese words are layout, not lost formulas."""
    return re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", title.strip()).rstrip(":：")


def has_residue(text: str) -> bool:
    """The text still carries markdown, HTML, LaTeX or a figure reference that makes no sense in chat."""
    return bool(_RESIDUE.search(text) or FIGURE_REFERENCE.search(text) or _GAP.search(text) or _TWICE.search(text))


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
    if text[limit - 1 : limit + 1].isascii() and text[limit - 1 : limit + 1].isalnum():
        # Never cut an English word in two ("depthwise Separable Co").
        space = window.rstrip().rfind(" ")
        if space >= limit * 0.4:
            window = window[:space]
    return window.rstrip(" ，,；;：:。")


@lru_cache(maxsize=200_000)
def norm_key(text: str) -> str:
    """A comparison key: NFKC, case-folded, only letters and digits."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def cjk_bigrams(text: str) -> set[str]:
    """Every two characters of Chinese that stand side by side in ``text``."""
    return {run[i : i + 2] for run in _CJK_RUN.findall(text) for i in range(len(run) - 1)}


def grams(text: str) -> set[str]:
    """English words and two-character runs of Chinese, case-folded: the pieces a reader recognises."""
    return {w.casefold() for w in re.findall(r"[A-Za-z]{2,}", text)} | cjk_bigrams(text)


@lru_cache(maxsize=50_000)
def name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for every name (longest first); English names only as whole words."""
    parts = []
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 2:
            continue
        piece = re.escape(name)
        if name.isascii():  # "Faster R-CNN" is also written "FasterRcnn", "Faster-RCNN"
            piece = re.sub(r"(?:\\ |\\-|-)", r"[\\s\\-]?", piece)
        # an identifier is one word: softmax is not named inside softmax_cross_entropy_with_logits
        if name[0].isascii() and name[0].isalnum():
            piece = r"(?<![A-Za-z0-9_])" + piece
        if name[-1].isascii() and name[-1].isalnum():
            piece += r"(?![A-Za-z0-9_])"
        parts.append(piece)
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None
