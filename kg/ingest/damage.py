"""Bytes a codec cannot read, and where a user finds them.

A newsletter that arrives with a few damaged bytes (a GB18030 file cut
mid-character, NUL bytes from a bad copy) or with lines in two encodings
(UTF-8 pasted into a GBK file) is still read: each damaged byte becomes
U+FFFD, and the warning names its line and column and the encoding the
rest was read in, so the user can check the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "Damage",
    "Repaired",
    "decode_leniently",
    "decode_line_by_line",
    "replace_controls",
    "damage_warning",
    "mixed_warning",
]

REPLACEMENT = "\ufffd"
# Control characters text never holds (tabs, line ends, form feeds and escapes are kept).
_TEXT_CONTROLS = "\t\n\r\f\v\x1a\x1b"
_CONTROLS = "".join(chr(code) for code in range(0x20) if chr(code) not in _TEXT_CONTROLS)
_CONTROL = re.compile(f"[{re.escape(_CONTROLS)}]")
# Spots named in a warning; the rest are counted.
_SHOWN = 5


@dataclass(frozen=True)
class Damage:
    """Bytes replaced by U+FFFD at `offset` of the decoded text."""

    offset: int
    raw: bytes


@dataclass
class Repaired:
    """Text decoded in spite of damage: what was replaced, and the lines read with a fallback codec."""

    text: str
    encoding: str
    damage: list[Damage] = field(default_factory=list)
    # A file read line by line: the lines (1-based) each encoding read, ASCII lines aside.
    lines: dict[str, list[int]] = field(default_factory=dict)

    @property
    def damaged_bytes(self) -> int:
        return sum(len(d.raw) for d in self.damage)


def decode_leniently(data: bytes, encoding: str, *, limit: int) -> Repaired | None:
    """Decode, replacing each run of bytes the codec rejects; None once more than `limit` bytes are bad.

    >>> repaired = decode_leniently("中国".encode("gb18030")[:-1], "gb18030", limit=3)
    >>> repaired.text, repaired.damage
    ('中\\ufffd', [Damage(offset=1, raw=b'\\xb9')])
    """
    view = memoryview(data)
    pieces: list[str] = []
    damage: list[Damage] = []
    length, position, bad = 0, 0, 0
    while True:
        try:
            piece = str(view[position:], encoding)
        except UnicodeDecodeError as error:
            good = str(view[position : position + error.start], encoding)
            raw = bytes(view[position + error.start : position + error.end])
            bad += len(raw)
            if bad > limit:
                return None
            pieces += [good, REPLACEMENT]
            damage.append(Damage(length + len(good), raw))
            length += len(good) + 1
            position += error.end
            continue
        except LookupError:
            return None
        pieces.append(piece)
        return Repaired("".join(pieces), encoding, damage)


def decode_line_by_line(
    data: bytes, main: str, fallback: str, *, limit: int, reads_well: Callable[[str], bool]
) -> Repaired | None:
    """Each line in `main`, else in `fallback` when that reads well, else in `main` with its damage
    replaced; None once more than `limit` bytes are bad.  For a file that mixes two encodings line
    by line (UTF-8 pasted into a GBK file)."""
    pieces: list[str] = []
    damage: list[Damage] = []
    lines: dict[str, list[int]] = {main: [], fallback: []}
    length = bad = 0
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        piece = _strictly(line, main)
        if piece is not None and not line.isascii():
            lines[main].append(number)
        elif piece is None:
            piece = _strictly(line, fallback)
            if piece is not None and reads_well(piece):
                lines[fallback].append(number)
            else:
                repaired = decode_leniently(line, main, limit=limit - bad)
                if repaired is None:
                    return None
                piece = repaired.text
                bad += repaired.damaged_bytes
                damage += [Damage(length + d.offset, d.raw) for d in repaired.damage]
        pieces.append(piece)
        length += len(piece)
    if not lines[fallback]:
        return Repaired("".join(pieces), main, damage)
    first, second = sorted(lines, key=lambda encoding: -len(lines[encoding]))  # the encoding most lines are in first
    return Repaired("".join(pieces), f"{first}+{second}", damage, lines)


def _strictly(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def replace_controls(repaired: Repaired) -> Repaired:
    """NUL and other control characters (a bad copy's debris) become U+FFFD, each a damaged byte."""
    text = repaired.text
    if _CONTROL.search(text) is None:
        return repaired
    found = [Damage(match.start(), match.group().encode("ascii")) for match in _CONTROL.finditer(text)]
    cleaned = text.translate({ord(ch): REPLACEMENT for ch in _CONTROLS})
    damage = sorted([*repaired.damage, *found], key=lambda d: d.offset)
    return Repaired(cleaned, repaired.encoding, damage, repaired.lines)


def damage_warning(repaired: Repaired) -> str:
    """One line: how many bytes were replaced, the first few by line and column, and the codec used.

    >>> damage_warning(Repaired("第一行\\n第二\\ufffd行", "gb18030", [Damage(6, b"\\xb9")]))
    '1 damaged byte replaced with U+FFFD (the rest read as gb18030): line 2, column 3 (0xb9)'
    """
    count = repaired.damaged_bytes
    spots = "; ".join(
        f"line {line}, column {column} ({_hex(d.raw)})"
        for d in repaired.damage[:_SHOWN]
        for line, column in [_line_and_column(repaired.text, d.offset)]
    )
    more = f"; and {len(repaired.damage) - _SHOWN} more" if len(repaired.damage) > _SHOWN else ""
    plural = "byte" if count == 1 else "bytes"
    encoding = repaired.encoding.split("+")[0]
    return f"{count} damaged {plural} replaced with U+FFFD (the rest read as {encoding}): {spots}{more}"


def mixed_warning(repaired: Repaired) -> str:
    """One line: the lines in the encoding fewer lines are in (the first few, then a count).

    >>> mixed_warning(Repaired("…", "utf-8+gb18030", lines={"utf-8": [1, 2, 5], "gb18030": [4]}))
    'the file mixes encodings: line 4 read as gb18030, the rest as utf-8'
    """
    most, fewer = repaired.encoding.split("+")
    lines = repaired.lines[fewer]
    shown = ", ".join(map(str, lines[:_SHOWN])) + (f" and {len(lines) - _SHOWN} more" if len(lines) > _SHOWN else "")
    noun = "line" if len(lines) == 1 else "lines"
    return f"the file mixes encodings: {noun} {shown} read as {fewer}, the rest as {most}"


def _hex(raw: bytes) -> str:
    return " ".join(f"0x{byte:02x}" for byte in raw)


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`; CRLF, CR and LF each end a line."""
    breaks = text.count("\n", 0, offset) + text.count("\r", 0, offset) - text.count("\r\n", 0, offset)
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return breaks + 1, offset - line_start + 1
