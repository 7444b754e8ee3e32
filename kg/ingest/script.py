"""Traditional characters → Simplified, so one set of gazetteers reads both.

kg's gazetteers and patterns are written in Simplified characters.  An issue
written in Traditional ones is converted during normalisation with OpenCC's
`tw2s` dictionaries: phrases first, so 瞭解 → 了解 while 瞭望 stays, and both
Taiwan (為, 隨著) and OpenCC-standard (爲, 隨着) forms come out right.  A
Simplified issue is never touched, so 乾隆 and 显著 keep their characters.

Two rules keep offsets and ids honest:

- Conversion keeps every line's length, so an offset of the normalised text
  still maps back to the same character of the source file.  A line whose
  phrase conversion would change its length is converted character by
  character instead.
- Only conversions into GB2312 (the 6,763 characters of everyday Simplified
  text) are made.  Rarer targets mostly come from personal names, where
  mainland text keeps the character as written (刘譞哲, not 刘𫍽哲), so the
  converted copy of a Simplified issue reads back to the same text and ids.
  Characters Simplified text also uses as they are (乾) are kept as well:
  `data/traditional.yaml` lists them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal

from kg.config import load_data_yaml

if TYPE_CHECKING:
    import opencc

__all__ = ["Script", "detect_script", "to_simplified"]

Script = Literal["simplified", "traditional"]

# Below this share of Traditional-only characters among the Han ones, text
# is Simplified (a Traditional issue has about a third, a Simplified one ~0).
_MIN_TRADITIONAL_SHARE = 0.05
# …and they must outnumber the Simplified-only characters this many times.
_MIN_TRADITIONAL_RATIO = 3
# A line shows it is Simplified with this many Simplified-only characters and no Traditional one.
_MIN_TELLING_CHARS = 2
# OpenCC config: Taiwan-standard Traditional (as Big5 files hold it: 為, 著)
# and OpenCC-standard Traditional (爲) both convert with it.
_T2S = "tw2s"
# CJK unified ideographs, as `kg.text.is_han` counts them.
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ebef]")


def detect_script(text: str) -> Script:
    """Whether `text` is written in Traditional or Simplified characters.

    Traditional-only characters are those OpenCC's `tw2s` turns into another
    common character; Simplified-only ones are those `s2t` changes.  Most
    Traditional-only characters lie outside GB2312, so Simplified text is
    recognised without loading the dictionaries.

    >>> detect_script("浙江省科技厅厅长说"), detect_script("浙江省科技廳廳長說")
    ('simplified', 'traditional')
    """
    # Counted by `subn` (no list of every character of a 50 MB file), in one pass each: most lines and
    # issues are decided here, with no per-character Python work.
    total = _HAN.subn("", text)[1]
    if not total:
        return "simplified"
    outside = _han_outside_gb2312().subn("", text)[1]
    if outside < _MIN_TRADITIONAL_SHARE * total:
        return "simplified"
    han = Counter({ch: count for ch, count in Counter(text).items() if _HAN.match(ch)})
    traditional_only, simplified_only = _script_only_counts(han)
    if (
        traditional_only >= _MIN_TRADITIONAL_SHARE * total
        and traditional_only > _MIN_TRADITIONAL_RATIO * simplified_only
    ):
        return "traditional"
    return "simplified"


def telling_script(text: str) -> Script | None:
    """The script a short line shows, or None when its characters are the same in both (上海市中山路).

    >>> telling_script("新能源汽车产业前景广阔"), telling_script("新能源汽車產業"), telling_script("上海市中山路")
    ('simplified', 'traditional', None)
    """
    if detect_script(text) == "traditional":
        return "traditional"
    traditional_only, simplified_only = _script_only_counts(Counter(_HAN.findall(text)))
    return "simplified" if simplified_only >= _MIN_TELLING_CHARS and not traditional_only else None


def _script_only_counts(han: Counter[str]) -> tuple[int, int]:
    """How many characters only Traditional text writes, and how many only Simplified text does."""
    simplified_forms = _character_table(_T2S, set(han), common_only=True)
    traditional_forms = _character_table("s2t", set(han), common_only=False)
    traditional_only = sum(count for ch, count in han.items() if simplified_forms[ch] != ch)
    simplified_only = sum(count for ch, count in han.items() if traditional_forms[ch] != ch)
    return traditional_only, simplified_only


def to_simplified(text: str) -> str:
    """Convert Traditional text to Simplified, keeping every line's length.

    >>> to_simplified("浙江省科技廳瞭解到\\n劉譞哲說")
    '浙江省科技厅了解到\\n刘譞哲说'
    """
    return "\n".join(_simplify_line(line) for line in text.split("\n"))


def _simplify_line(line: str) -> str:
    if not line:
        return line
    converted = _converter(_T2S).convert(line)
    if len(converted) != len(line):
        table = _character_table(_T2S, set(line), common_only=True)
        converted = "".join(table[ch] for ch in line)
    return "".join(new if _may_become(old, new) else old for old, new in zip(line, converted))


def _may_become(old: str, new: str) -> bool:
    return new in _gb2312() and old not in _kept_as_written()


def _character_table(config: str, chars: set[str], common_only: bool) -> dict[str, str]:
    """Each character's own conversion, kept when it is one (GB2312) character."""
    converter = _converter(config)
    ordered = sorted(chars)
    # One call for all: no dictionary entry spans a line break.
    converted = converter.convert("\n".join(ordered)).split("\n")
    if len(converted) != len(ordered):  # pragma: no cover - a dictionary with line breaks
        converted = [converter.convert(ch) for ch in ordered]
    return {
        old: new if len(new) == 1 and (_may_become(old, new) or not common_only) else old
        for old, new in zip(ordered, converted)
    }


@cache
def _converter(config: str) -> opencc.OpenCC:
    import opencc  # imported on first Traditional-looking text: it loads its dictionaries

    return opencc.OpenCC(config)


@lru_cache(maxsize=1)
def _kept_as_written() -> frozenset[str]:
    return frozenset(load_data_yaml("traditional.yaml")["kept_as_written"])


@lru_cache(maxsize=1)
def _han_outside_gb2312() -> re.Pattern[str]:
    """A Han character (as `_HAN` matches) that GB2312 lacks; GB2312's are all in the basic block."""
    gb2312 = _gb2312()
    runs: list[list[str]] = []  # consecutive characters as one range: a short class compiles quickly
    for char in map(chr, range(0x3400, 0xA000)):
        if not _HAN.match(char) or char in gb2312:
            continue
        if runs and ord(runs[-1][1]) == ord(char) - 1:
            runs[-1][1] = char
        else:
            runs.append([char, char])
    return re.compile("[" + "".join(f"{first}-{last}" for first, last in runs) + "\U00020000-\U0002ebef]")


@lru_cache(maxsize=1)
def _gb2312() -> frozenset[str]:
    """The 6,763 Han characters of GB2312 (rows 0xB0–0xF7)."""
    chars = set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)
