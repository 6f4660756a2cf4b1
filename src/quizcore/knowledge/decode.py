"""Turning the bytes of a note file into text: BOMs, UTF-8, GB18030/GBK, UTF-16, binary detection."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

__all__ = ["MAX_NOTE_BYTES", "DecodeError", "Decoded", "decode_note"]

_RADICALS = re.compile("[\u2e80-\u2fdf]")

#: Notes larger than this are read only up to here (a line boundary), with a warning.
MAX_NOTE_BYTES = 4 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The bytes are not text a note could be read from (binary, empty, or no encoding fits)."""


@dataclass(frozen=True)
class Decoded:
    """Text of a note file, with line endings made ``\\n``, and how it was decoded."""

    text: str
    encoding: str
    truncated: bool = False


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for ASCII-heavy text."""
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls >= half * 0.15 and even_nuls * 4 <= odd_nuls:
        candidate = "utf-16-le"
    elif even_nuls >= half * 0.15 and odd_nuls * 4 <= even_nuls:
        candidate = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(candidate)
    except UnicodeDecodeError:
        return None
    # Real text has newlines and no stray control characters.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return candidate if controls == 0 else None


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls > max(8, len(sample) // 50)


def _guess(data: bytes) -> str | None:
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def decode_note(data: bytes) -> Decoded:
    """Decode a note file's bytes to text.

    Tries a BOM first, then strict UTF-8, then BOM-less UTF-16, then charset detection
    (GB18030 covers GBK and GB2312). Line endings become ``\\n``.

    Raises:
        DecodeError: the file is empty, binary, or no encoding decodes it.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise DecodeError("empty file")
    truncated = len(data) > MAX_NOTE_BYTES
    if truncated:
        cut = data.rfind(b"\n", 0, MAX_NOTE_BYTES)
        data = data[: cut if cut > 0 else MAX_NOTE_BYTES]
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding is not None:
        data = data[len(next(bom for bom, name in _BOMS if name == encoding)) :]
    else:
        encoding = _utf16_without_bom(data[:4096])
    if encoding is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            if _looks_binary(data[:8192]):
                raise DecodeError("binary file, not text") from None
            guessed = _guess(data)
            if guessed is None:
                raise DecodeError("cannot tell the text encoding (tried UTF-8, UTF-16, GB18030 and others)") from None
            encoding = "gb18030" if guessed.lower() in {"gbk", "gb2312", "gb18030", "hz"} else guessed
            text = data.decode(encoding, errors="replace")
    else:
        text = data.decode(encoding, errors="replace")
    if "\x00" in text or _looks_binary(text[:8192].encode("utf-8", "replace")):
        raise DecodeError("binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Text copied out of PDFs carries Kangxi radicals (⽤⾃⽬) that look like, but are not, the usual characters.
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return Decoded(text=text, encoding=encoding, truncated=truncated)
