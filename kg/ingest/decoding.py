"""Bytes → text, for newsletters in the encodings they really arrive in.

Byte-order marks decide first; then strict UTF-8; then charset-normalizer's
ranked guesses.  A guess is only accepted when the text it yields reads as
Chinese: short GB18030 files are otherwise easily taken for Korean cp949.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from functools import lru_cache

import charset_normalizer

__all__ = ["DecodeError", "decode_newsletter", "chinese_score", "is_han"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried after the detector's guesses: the encodings Chinese text comes in.
_FALLBACKS = ("gb18030", "big5hkscs")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1a\x1b")
# Deleting these from the bytes leaves only the control bytes text never holds.
_NOT_BINARY = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
_SNIFF_BYTES = 65536
# Detector guesses worth trying, best first.
_MAX_GUESSES = 4
# Share of non-ASCII letters that must be common Chinese characters.
_MIN_SCORE = 0.6


class DecodeError(ValueError):
    """The bytes are not a newsletter kg can read; the message says why."""


def decode_newsletter(data: bytes) -> tuple[str, str]:
    """Return `(text, encoding)` for a newsletter file's bytes.

    Every candidate that decodes strictly is scored by how Chinese its text
    reads; the best one above the bar wins, ties going to the earlier guess.

    >>> decode_newsletter("中国科学院".encode("gb18030"))
    ('中国科学院', 'gb18030')
    """
    if not data.strip():
        raise DecodeError("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding.removesuffix("-sig")
    if _has_control_bytes(data):
        return _decode_utf16_or_reject(data)
    tried: list[str] = []
    best: tuple[float, str, str] | None = None
    for encoding in _candidate_encodings(data):
        if encoding in tried:
            continue
        tried.append(encoding)
        try:
            text = _strict(data, encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = chinese_score(text)
        if score >= _MIN_SCORE and (best is None or score > best[0]):
            best = (score, text, encoding)
    if best is None:
        raise DecodeError(
            "no encoding gives Chinese text (tried " + ", ".join(tried) + "); "
            "save the file as UTF-8 or GB18030 and try again"
        )
    return best[1], best[2]


def _candidate_encodings(data: bytes) -> list[str]:
    guesses = [match.encoding for match in charset_normalizer.from_bytes(data)]
    return ["utf-8", *guesses[:_MAX_GUESSES], *_FALLBACKS]


def _strict(data: bytes, encoding: str) -> str:
    return data.decode(encoding, errors="strict")


def _has_control_bytes(data: bytes) -> bool:
    """NULs and other C0 controls: UTF-16 without a BOM, or not text at all."""
    return bool(data[:_SNIFF_BYTES].translate(None, _NOT_BINARY))


def _decode_utf16_or_reject(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = _strict(data, encoding)
        except UnicodeDecodeError:
            continue
        if chinese_score(text) >= _MIN_SCORE:
            return text, encoding
    raise DecodeError("the file is binary (it holds control bytes and is not UTF-16 text), not a newsletter")


def chinese_score(text: str, sample: int = 4000) -> float:
    """Share of the text's letters that are common Chinese characters.

    Common means GB2312 level 1 (the 3,755 most used simplified characters)
    or Big5 level 1 (the common traditional ones).  Text decoded with the
    wrong codec turns into rare characters, private-use code points or
    Hangul, and scores low.
    """
    common_han = _common_han()
    letters = common = 0
    for ch, count in Counter(text[:sample]).items():
        if _is_letter(ch):
            letters += count
            if ch in common_han:
                common += count
    if not letters:
        return 0.0
    return common / letters


def _is_letter(ch: str) -> bool:
    """Non-ASCII letters, private-use code points and controls (ASCII ones too)."""
    category = unicodedata.category(ch)
    if ch.isascii():
        return category == "Cc"
    return ch.isalpha() or category in ("Co", "Cc")


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    """GB2312 level 1 (lead bytes 0xB0–0xD7) and Big5 level 1 (0xA4–0xC6)."""
    chars = set()
    for encoding, leads, trails in (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    ):
        for lead in leads:
            for trail in trails:
                try:
                    ch = bytes((lead, trail)).decode(encoding)
                except UnicodeDecodeError:
                    continue
                # A character Big5 holds twice counts where it encodes.
                if ch.encode(encoding)[0] in leads:
                    chars.add(ch)
    return frozenset(chars)


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (basic block and extensions A–F)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2EBEF
