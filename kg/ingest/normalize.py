"""Decoded text → the one normalised text every offset refers to.

Line ends become `\\n`; leading and trailing blanks (ASCII, tabs, U+3000
full-width spaces, no-break spaces) are cut from each line.  How much was
cut is kept per line, because indentation is evidence for the splitter
(a flush-left headline among indented paragraphs), and the map back to the
decoded source lets a user find any offset in the original file.

Text in Traditional characters is converted to Simplified here (see
`kg.ingest.script`), one character for one, so the map stays exact: the
whole text when it is Traditional, else each line written in Traditional
(an issue quoting one article from a Traditional source).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from kg.ingest.script import Script, detect_script, to_simplified

__all__ = ["Line", "NormalizedText", "normalize_text"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")
_BLANKS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\f\v"


@dataclass(frozen=True)
class Line:
    """One line of the normalised text (blank lines have `text == ""`)."""

    number: int  # 1-based line number in the source file
    start: int
    end: int
    text: str
    indent: int  # blank characters cut from the line's start


@dataclass(frozen=True)
class NormalizedText:
    text: str
    lines: tuple[Line, ...]
    _source_starts: tuple[int, ...]  # decoded-source offset of each line's first kept char
    script: Script = "simplified"  # what the source was written in; `text` is always Simplified
    written: str = ""  # `text` before any conversion to Simplified ("" when nothing was converted)

    def to_source(self, offset: int) -> int:
        """Map an offset of the normalised text back to the decoded source."""
        starts = [line.start for line in self.lines]
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return self._source_starts[index] + (offset - self.lines[index].start)


def normalize_text(source: str) -> NormalizedText:
    """Normalise line ends, indentation and script, remembering where text came from.

    >>> normalize_text("\\u3000\\u3000标题\\r\\n正文。").text
    '标题\\n正文。'
    >>> normalize_text("科技廳廳長說").text
    '科技厅厅长说'
    """
    source = source.removeprefix("\ufeff")
    lines: list[Line] = []
    source_starts: list[int] = []
    pieces: list[str] = []
    offset = 0
    source_offset = 0
    raw_lines = _LINE_BREAK.split(source)
    breaks = [m.group() for m in _LINE_BREAK.finditer(source)]
    for number, raw in enumerate(raw_lines, start=1):
        stripped_left = raw.lstrip(_BLANKS)
        indent = len(raw) - len(stripped_left)
        text = stripped_left.rstrip(_BLANKS)
        lines.append(Line(number, offset, offset + len(text), text, indent if text else 0))
        source_starts.append(source_offset + indent)
        pieces.append(text)
        offset += len(text) + 1
        source_offset += len(raw) + (len(breaks[number - 1]) if number <= len(breaks) else 0)
    text = written = "\n".join(pieces)
    script = detect_script(text)
    if script == "traditional":
        text = to_simplified(text)
    else:  # an issue may quote one article from a Traditional source: its lines are converted alone
        text = "\n".join(
            to_simplified(line) if detect_script(line) == "traditional" else line for line in text.split("\n")
        )
    lines = [replace(line, text=text[line.start : line.end]) for line in lines]
    return NormalizedText(text, tuple(lines), tuple(source_starts), script, written if written != text else "")
