"""Bytes → text, for newsletters in the encodings they really arrive in.

Byte-order marks decide first; then strict UTF-8; then charset-normalizer's
ranked guesses.  A guess is only accepted when the text it yields reads as
Chinese: short GB18030 files are otherwise easily taken for Korean cp949.
"""

from __future__ import annotations

import codecs
import unicodedata

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
    return any(byte < 0x20 and byte not in _TEXT_CONTROLS for byte in data[:_SNIFF_BYTES])


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
    letters = [ch for ch in text[:sample] if ch.isalpha() or unicodedata.category(ch) in ("Co", "Cc")]
    letters = [ch for ch in letters if not ch.isascii() or unicodedata.category(ch) == "Cc"]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _is_common_han(ch)) / len(letters)


def _is_common_han(ch: str) -> bool:
    try:
        lead = ch.encode("gb2312")[0]
        if 0xB0 <= lead <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (basic block and extensions A–F)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2EBEF
