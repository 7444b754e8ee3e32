"""Bytes → text, for newsletters in the encodings they really arrive in.

Byte-order marks decide first; then strict UTF-8; then charset-normalizer's
ranked guesses.  A guess is only accepted when the text it yields reads as
Chinese: short GB18030 files are otherwise easily taken for Korean cp949.

When no encoding reads the whole file, one that reads all but a few bytes
(one in a thousand) is used, each damaged byte replaced and named in a
warning (`kg.ingest.damage`); so is a file mixing UTF-8 and GB18030 lines.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import charset_normalizer

from kg.ingest.damage import (
    Repaired,
    damage_warning,
    decode_leniently,
    decode_line_by_line,
    mixed_warning,
    replace_controls,
)

__all__ = ["DecodeError", "Decoded", "decode_newsletter", "chinese_score"]

# Byte-order mark, the codec of the bytes after it, the name reported.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Tried after the detector's guesses: the encodings Chinese text comes in.
_FALLBACKS = ("gb18030", "big5hkscs")
# A file mixing encodings line by line is mostly UTF-8 with lines pasted from a GBK one.
_MIXED = ("utf-8", "gb18030")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1a\x1b")
# Deleting these from the bytes leaves only the control bytes text never holds.
_NOT_BINARY = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
# Detector guesses worth trying, best first.
_MAX_GUESSES = 4
# Share of non-ASCII letters that must be common Chinese characters.
_MIN_SCORE = 0.6
# Damaged bytes a file may have and still be read: one in this many, and at least `_MIN_DAMAGE`.
_DAMAGE_RATIO = 1000
_MIN_DAMAGE = 3


class DecodeError(ValueError):
    """The bytes are not a newsletter kg can read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read in, and what had to be repaired (one line each)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_newsletter(data: bytes) -> Decoded:
    """Return the text of a newsletter file's bytes, with the encoding used.

    Every candidate that decodes strictly is scored by how Chinese its text
    reads; the best one above the bar wins, ties going to the earlier guess.
    When none does, the candidate that reads as Chinese with the fewest
    damaged bytes (or a line-by-line mix of UTF-8 and GB18030) is used, and
    the warnings say what was replaced where.

    >>> decode_newsletter("中国科学院".encode("gb18030"))
    Decoded(text='中国科学院', encoding='gb18030', warnings=())
    """
    if not data.strip():
        raise DecodeError("the file is empty")
    limit = max(_MIN_DAMAGE, len(data) // _DAMAGE_RATIO)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            repaired = decode_leniently(data[len(bom) :], codec, limit=limit)
            if repaired is None:
                raise DecodeError(
                    f"it opens with a {name} byte-order mark, but more than {limit} of its bytes "
                    f"are not {name}; save the file as UTF-8 and try again"
                )
            repaired.encoding = name
            return _decoded(replace_controls(repaired))
    controls = _control_bytes(data)
    if controls:
        utf16 = _utf16(data)
        if utf16 is not None:
            return utf16
        if controls > limit:
            raise DecodeError("the file is binary (it holds control bytes and is not UTF-16 text), not a newsletter")
    tried: list[str] = []
    readable: list[str] = []  # the encodings that read every byte, though not as Chinese
    best: tuple[float, Repaired] | None = None
    for encoding in _candidate_encodings(data):
        tried.append(encoding)
        try:
            decoded = replace_controls(Repaired(_strict(data, encoding), encoding))
        except UnicodeDecodeError:
            continue
        readable.append(encoding)
        score = chinese_score(decoded.text)
        if score < _MIN_SCORE and encoding == "utf-8" and not any(ch.isalpha() for ch in decoded.text):
            score = _MIN_SCORE  # no letters at all (section markers only): nothing can be misread
        if score >= _MIN_SCORE and (best is None or score > best[0]):
            best = (score, decoded)
    if best is None:
        best = _best_repair(data, tried, limit - controls)
    if best is None:
        raise DecodeError(_unreadable_reason(tried, readable))
    return _decoded(best[1])


def _best_repair(data: bytes, encodings: list[str], limit: int) -> tuple[float, Repaired] | None:
    """The reading with the fewest damaged bytes whose text is Chinese, if any has at most `limit`."""
    readings = [decode_leniently(data, encoding, limit=limit) for encoding in encodings]
    readings.append(decode_line_by_line(data, *_MIXED, limit=limit, reads_well=_reads_chinese))
    best: tuple[int, float, Repaired] | None = None
    for reading in readings:
        if reading is None or not (reading.damage or reading.lines):
            continue
        reading = replace_controls(reading)
        score = chinese_score(reading.text)
        if score >= _MIN_SCORE and (best is None or (reading.damaged_bytes, -score) < best[:2]):
            best = (reading.damaged_bytes, -score, reading)
    return None if best is None else (-best[1], best[2])


def _reads_chinese(text: str) -> bool:
    return chinese_score(text) >= _MIN_SCORE


def _decoded(repaired: Repaired) -> Decoded:
    warnings = []
    if repaired.damage:
        warnings.append(damage_warning(repaired))
    if repaired.lines:
        warnings.append(mixed_warning(repaired))
    return Decoded(repaired.text, repaired.encoding, tuple(warnings))


def _unreadable_reason(tried: list[str], readable: list[str]) -> str:
    """Why no candidate gives Chinese text, and a cure only where one would help."""
    if "utf-8" in readable:  # UTF-8 checks itself; GB18030 reads almost any bytes, so its reading says little
        return (
            "it reads as utf-8 but holds no Chinese text (kg reads Chinese newsletters); "
            "check that this is the file you meant"
        )
    return (
        "no encoding gives Chinese text (tried " + ", ".join(tried) + "); "
        "save the file as UTF-8 or GB18030 and try again"
    )


def _candidate_encodings(data: bytes) -> list[str]:
    """UTF-8, the detector's best guesses and the Chinese fallbacks, by their codecs' names (utf_8 is utf-8)."""
    guesses = [match.encoding for match in charset_normalizer.from_bytes(data)][:_MAX_GUESSES]
    return list(dict.fromkeys(_codec_name(name) for name in ["utf-8", *guesses, *_FALLBACKS] if _codec_name(name)))


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def _strict(data: bytes, encoding: str) -> str:
    return data.decode(encoding, errors="strict")


def _control_bytes(data: bytes) -> int:
    """How many NULs and other C0 controls: UTF-16 without a BOM, a bad copy's debris, or not text at all."""
    return len(data.translate(None, _NOT_BINARY))


def _utf16(data: bytes) -> Decoded | None:
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = _strict(data, encoding)
        except UnicodeDecodeError:
            continue
        if chinese_score(text) >= _MIN_SCORE:
            return Decoded(text, encoding)
    return None


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
