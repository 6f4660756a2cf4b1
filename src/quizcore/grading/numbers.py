"""Numbers in replies: 63.2% = 63.2 = 0.632 = 百分之六十三点二, within a tolerance."""

from __future__ import annotations

import logging
import math
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Number", "numbers_match", "parse_number"]

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"^([-+]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\s*(%|percent|个百分点)?$")
_CN_DIGITS = re.compile(r"[零〇一二两三四五六七八九十百千万亿点]")
_AROUND = re.compile(
    r"^(?:(?:我觉得|我认为|我猜|答案|应该|大概|大约|约|估计|差不多|接近)(?:是|为|等于)?|是|为|等于"
    r"|about|approx(?:imately)?|around|~|≈)\s*"
)
_PER = re.compile(r"^(千|万)分之(.+)$")
_AFTER = re.compile(r"\s*(?:左右|上下|吧|啊|呀|呢|了)$")


@dataclass(frozen=True)
class Number:
    """A number as written: its value, whether it carried a percent sign, and its decimal places."""

    value: float
    percent: bool
    decimals: int


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Number | None:
    """The one number ``text`` states (Arabic or Chinese numerals, maybe a percent), or None."""
    text = unicodedata.normalize("NFKC", text).strip().casefold()
    if not text or len(text) > 40:
        return None
    for _ in range(2):
        text = _AFTER.sub("", _AROUND.sub("", text)).strip()
    fraction = _PER.match(text)
    if fraction is not None:  # 千分之一 = 0.001: cn2an reads only 百分之
        part = parse_number(fraction.group(2))
        if part is None or part.percent:
            return None
        places = 3 if fraction.group(1) == "千" else 4
        return Number(part.value / 10**places, False, part.decimals + places)
    if _CN_DIGITS.search(text):
        text = _from_chinese(text)
    match = _NUMBER.match(text.replace(" ", ""))
    if match is None:
        return None
    digits = match.group(1).replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    mantissa = digits.split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return Number(value, match.group(2) is not None, decimals)


def _from_chinese(text: str) -> str:
    import cn2an  # slow to import (tens of ms) and only needed for Chinese numerals

    try:
        with warnings.catch_warnings():  # cn2an warns about odd numerals instead of raising: they are not numbers
            warnings.simplefilter("ignore")
            return str(cn2an.transform(text, "cn2an"))
    except Exception:  # cn2an raises bare ValueErrors and worse on odd input; the reply is just not a number
        log.debug("cn2an could not read %r", text)
        return text


def numbers_match(reply: Number, answer: Number, tolerance: float = 0.0) -> bool:
    """Whether ``reply`` states ``answer``: same value on either percent scale, within ``tolerance``.

    A reply written more precisely than the answer also counts when it rounds to it
    (63.21% for 63.2%); the tolerance is absolute, in the answer's unit.
    """
    slack = max(tolerance, 0.0)
    if reply.decimals > answer.decimals:
        slack = max(slack, 0.5 * 10.0 ** (-answer.decimals))
    slack += 1e-9 * max(1.0, abs(answer.value))
    return any(abs(candidate - answer.value) <= slack for candidate in _in_answer_units(reply, answer))


def _in_answer_units(reply: Number, answer: Number) -> tuple[float, ...]:
    if answer.percent:
        # 63.2% may be written 63.2, 63.2 % or 0.632.
        return (reply.value,) if reply.percent else (reply.value, reply.value * 100)
    # For a plain answer, 15% means 0.15; a percent sign on the bare value (63.2% for 63.2) is decoration.
    return (reply.value / 100, reply.value) if reply.percent else (reply.value,)
