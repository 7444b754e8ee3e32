"""The number a heading opens with: `一、` → ("chinese", 1), `（3）` → ("paren_arabic", 3).

A section that numbers its stories (`1.` … `2.` …) and a story that numbers
its subheadings (`（一）` … `（二）` …) look alike line by line.  What tells
them apart is the sequence: the line that carries the next number in the
style of the story's own headline starts the next story.
"""

from __future__ import annotations

import re

__all__ = ["HeadingNumber", "heading_number", "follows", "numeral_value"]

HeadingNumber = tuple[str, int]  # (numbering style, value)

_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def heading_number(text: str, styles: dict[str, re.Pattern[str]]) -> HeadingNumber | None:
    """The style and value of the number `text` opens with, if any.

    Each style's pattern captures the numeral in its first group.

    >>> heading_number("（十二）开放合作", {"paren": re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")})
    ('paren', 12)
    """
    for style, pattern in styles.items():
        found = pattern.match(text)
        if found:
            value = numeral_value(found.group(1))
            if value is not None:
                return style, value
    return None


def follows(number: HeadingNumber | None, previous: HeadingNumber | None) -> bool:
    """Whether `number` is the one after `previous` in the same style."""
    return number is not None and previous is not None and number == (previous[0], previous[1] + 1)


def numeral_value(numeral: str) -> int | None:
    """An Arabic, circled or Chinese (一 … 九十九) numeral's value; None for anything else."""
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    if len(numeral) == 1 and numeral in _CIRCLED:
        return _CIRCLED.index(numeral) + 1
    return _chinese_value(numeral)


def _chinese_value(numeral: str) -> int | None:
    """一 … 九十九 (十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23)."""
    if not numeral or any(c not in _CHINESE_DIGITS and c != "十" for c in numeral):
        return None
    if "十" not in numeral:
        return _CHINESE_DIGITS[numeral] if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)
