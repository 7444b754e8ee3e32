"""People: names found by the titles and speech verbs around them.

A name is a known surname plus one or two characters, standing after a
title (厅长高鹰忠, 教授刘譞哲) or before a speech verb or title (胡振江表示,
习近平总书记), and followed by something a name is followed by.  Adverbials
may stand between a name and its speech verb (王建国日前表示,
周立衡深有感触地说).  Names
listed after one title (院士张三、李四和王五等) are names too.  Once found,
every other occurrence of the name in the same text counts.
"""

from __future__ import annotations

import re
from functools import cache

from kg.config import load_data_yaml
from kg.ingest.decoding import is_han
from kg.nlp.candidates import Candidate, TokenView
from kg.nlp.gazetteers import Gazetteers, gazetteers, word_tag

__all__ = ["find_people"]

_BOUNDARY = set("。！？；，、：:“”‘’「」（）()《》 \n—") | {""}
# What joins the names of a list, and what may end one.
_LIST_JOINS = ("、", "和", "及", "与")
_LIST_ENDS = ("、", "和", "及", "与", "等", "，", "。", "；")
# How far back from a speech verb adverbials are looked for (在接受采访时也: 7).
_ADVERBIALS_MAX_CHARS = 12


@cache
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    gaz = gazetteers()
    raw = load_data_yaml("patterns/names.yaml")["person"]
    titles = re.compile("|".join(map(re.escape, gaz.titles)))
    after = sorted(set(gaz.speech_verbs) | set(raw["after_name_titles"]), key=len, reverse=True)
    speech = re.compile("|".join(map(re.escape, after)))
    followers = tuple(sorted(set(raw["followers"]) | set(gaz.speech_verbs), key=len, reverse=True))
    return titles, speech, followers


@cache
def _adverbials() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Adverbials, then a speech verb: matched after a name, and (reversed) before a speech verb."""
    gaz = gazetteers()
    raw = load_data_yaml("patterns/names.yaml")["person"]
    words = "|".join(map(re.escape, sorted(raw["adverbials"], key=len, reverse=True)))
    adverbs = "|".join(f"[\u4e00-\u9fff]{{{n}}}地" for n in raw["adverb_lengths"])
    adverbial = f"(?:{words}|{adverbs})"
    verbs = "|".join(map(re.escape, gaz.speech_verbs))  # longest first already
    return re.compile(f"(?:{adverbial})+(?:{verbs})"), re.compile(f"(?:{adverbial})+$")


def _is_name(name: str, gaz: Gazetteers) -> bool:
    if not all(is_han(ch) for ch in name):
        return False
    surname = name[:2] if name[:2] in gaz.surnames and len(name) >= 3 else name[:1]
    if surname not in gaz.surnames or not 1 <= len(name) - len(surname) <= 2:
        return False
    tag = word_tag(name)
    return tag is None or tag.startswith("nr")


def _follow_quality(text: str, end: int, gaz: Gazetteers, followers: tuple[str, ...]) -> int:
    """3: a speech verb comes next, perhaps after adverbials; 2: a follower word; 1: punctuation; 0: none.

    A speech verb outranks a follower, so 周岚深有感触地说 reads 周岚, not 周岚深 (有 being a follower).
    """
    if text.startswith(gaz.speech_verbs, end) or _adverbials()[0].match(text, end):
        return 3
    if text.startswith(followers, end):
        return 2
    return 1 if text[end:end + 1] in _BOUNDARY else 0


def _best_name(text: str, start: int, gaz: Gazetteers, followers: tuple[str, ...]) -> tuple[int, str]:
    """The likeliest name starting at `start`, with how well what follows fits a name."""
    function_words = {f for f in followers if len(f) == 1}  # 周岚等: 等 is no part of the name
    scored = [
        (_follow_quality(text, start + length, gaz, followers), -abs(length - 3), text[start:start + length])
        for length in (3, 2, 4)
        if _is_name(text[start:start + length], gaz) and text[start + length - 1] not in function_words
    ]
    quality, _, name = max(scored, default=(0, 0, ""))
    return quality, name


def _segmented_name(view: TokenView, start: int, gaz: Gazetteers) -> tuple[int, str]:
    """After a title, a name followed by no word a name is known to precede (董事长马国栋指着…) still
    counts when jieba cut it as one word of its own: its name model read it as a name."""
    for length in (3, 2):
        end = start + length
        if (_is_name(view.text[start:end], gaz) and view.is_start(start) and view.is_start(end)
                and view.token_at(start) == view.token_at(end - 1)):
            return 1, view.text[start:end]
    return 0, ""


def _listed_after(text: str, end: int, gaz: Gazetteers) -> list[str]:
    """Names joined to the one ending at `end` by 、/和, each followed by a list word."""
    listed = []
    while text.startswith(_LIST_JOINS, end):
        start = end + 1
        candidates = [text[start:start + n] for n in (3, 2) if _is_name(text[start:start + n], gaz)
                      and text.startswith(_LIST_ENDS, start + n)]
        if not candidates:
            break
        listed.append(candidates[0])
        end = start + len(candidates[0])
    return listed


def find_people(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    text = view.text
    titles, speech, followers = _grammar()
    names: set[str] = set()
    for match in titles.finditer(text):
        quality, name = _best_name(text, match.end(), gaz, followers)
        if quality == 0:
            quality, name = _segmented_name(view, match.end(), gaz)
        if quality > 0:
            names.add(name)
            names.update(_listed_after(text, match.end() + len(name), gaz))
    for match in speech.finditer(text):
        start = match.start()
        gap = _adverbials()[1].search(text, max(0, start - _ADVERBIALS_MAX_CHARS), start)
        if gap is not None and match.group() in gaz.speech_verbs:
            start = gap.start()
        for length in (3, 2, 4):
            name = text[max(0, start - length):start]
            before = text[start - length - 1:start - length] if start - length > 0 else ""
            if len(name) == length and before in _BOUNDARY and _is_name(name, gaz):
                names.add(name)
                break
    found = []
    for name in names:
        for match in re.finditer(re.escape(name), text):
            found.append(Candidate(match.start(), match.end(), "Person", name, "person_context"))
    return found
