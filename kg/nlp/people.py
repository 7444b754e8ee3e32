"""People: names found by the titles and speech verbs around them.

A name is a known surname plus one or two characters, standing after a
title (厅长高鹰忠, 教授刘譞哲) or before a speech verb or title (胡振江表示,
习近平总书记), and followed by something a name is followed by.  Adverbials
may stand between a name and its speech verb (王建国日前表示,
周立衡深有感触地说).  Names
listed after one title (院士张三、李四和王五等) are names too.  Once found,
every other occurrence of the name in the same text counts.

Bylines and credits name reporters the same way: by a role word (记者张三、李四报道,
（记者 张三 通讯员 李四）) or alone in the parentheses after a dateline
(北京2月3日电 （张三）).  A general word may open a list of names (市领导张三、李四等).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.nlp.candidates import Candidate, TokenView, occurrences
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.text import is_han

__all__ = ["find_people"]

_BOUNDARY = set("。！？；，、：:“”‘’「」（）()《》 \n—") | {""}
# What may end a list of names.
_LIST_ENDS = ("、", "和", "及", "与", "等", "，", "。", "；")
# How far back from a speech verb adverbials are looked for (在接受采访时也: 7).
_ADVERBIALS_MAX_CHARS = 12


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


@derived
def _grammar(gaz: Gazetteers) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    raw = gaz.names["person"]
    titles = re.compile(_alternatives([*gaz.titles, *raw["list_openers"]]))
    long_titles = [
        t for t in gaz.titles if len(t) >= raw["title_after_name_min_chars"] and t[0] not in raw["place_title_openings"]
    ]
    speech = re.compile(
        _alternatives([*gaz.speech_verbs, *raw["after_name_titles"], *long_titles, *raw["clause_verbs"]])
    )
    followers = tuple(
        sorted(set(raw["followers"]) | set(gaz.speech_verbs) | set(raw["after_name_titles"]), key=len, reverse=True)
    )
    return titles, speech, followers


@derived
def _adverbials(gaz: Gazetteers) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Adverbials, then a speech verb: matched after a name, and (reversed) before a speech verb."""
    raw = gaz.names["person"]
    words = "|".join(map(re.escape, sorted(raw["adverbials"], key=len, reverse=True)))
    adverbs = "|".join(f"[\u4e00-\u9fff]{{{n}}}地" for n in raw["adverb_lengths"])
    adverbial = f"(?:{words}|{adverbs})"
    verbs = "|".join(map(re.escape, gaz.speech_verbs))  # longest first already
    return re.compile(f"(?:{adverbial})+(?:{verbs})"), re.compile(f"(?:{adverbial})+$")


@derived
def _not_name_endings(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["person"]["not_name_endings"])


@derived
def _list_joins(gaz: Gazetteers) -> tuple[str, ...]:
    """What joins the names of a list (、, 和 …)."""
    return tuple(gaz.names["person"]["list_joins"])


def _is_name(name: str, gaz: Gazetteers, *, credited: bool = False) -> bool:
    """A surname and one or two characters; jieba must not know it as another kind of word,
    unless a credit names it (a reporter's name may be a word too: 黄涛)."""
    if not name or not all(is_han(ch) for ch in name):
        return False
    surname = name[:2] if name[:2] in gaz.surnames and len(name) >= 3 else name[:1]
    if surname not in gaz.surnames or not 1 <= len(name) - len(surname) <= 2:
        return False
    if name[-1] in _not_name_endings(gaz) or gaz.place_at(name, 0) is not None:
        return False  # 吴江区委书记, 区政协主席: a place or an organ before a title
    if credited:
        return True
    tag = word_tag(name)
    return tag is None or tag.startswith("nr")


def _follow_quality(text: str, end: int, gaz: Gazetteers, followers: tuple[str, ...]) -> int:
    """3: a speech verb comes next, perhaps after adverbials; 2: a follower word; 1: punctuation; 0: none.

    A speech verb outranks a follower, so 周岚深有感触地说 reads 周岚, not 周岚深 (有 being a follower).
    """
    if text.startswith(gaz.speech_verbs, end) or _adverbials(gaz)[0].match(text, end):
        return 3
    if text.startswith(followers, end):
        return 2
    return 1 if text[end : end + 1] in _BOUNDARY else 0


def _best_name(text: str, start: int, gaz: Gazetteers, followers: tuple[str, ...]) -> tuple[int, str]:
    """The likeliest name starting at `start`, with how well what follows fits a name."""
    function_words = {f for f in followers if len(f) == 1}  # 周岚等: 等 is no part of the name
    scored = [
        (_follow_quality(text, start + length, gaz, followers), -abs(length - 3), text[start : start + length])
        for length in (3, 2, 4)
        if start + length <= len(text)
        and _is_name(text[start : start + length], gaz)
        and text[start + length - 1] not in function_words
    ]
    quality, _, name = max(scored, default=(0, 0, ""))
    return quality, name


def _segmented_name(view: TokenView, start: int, gaz: Gazetteers) -> tuple[int, str]:
    """After a title, a name followed by no word a name is known to precede (董事长马国栋指着…) still
    counts when jieba cut it as one word of its own: its name model read it as a name."""
    for length in (3, 2):
        end = start + length
        if (
            _is_name(view.text[start:end], gaz)
            and view.is_start(start)
            and view.is_start(end)
            and view.token_at(start) == view.token_at(end - 1)
        ):
            return 1, view.text[start:end]
    return 0, ""


def _listed_after(view: TokenView, end: int, gaz: Gazetteers, followers: tuple[str, ...]) -> list[str]:
    """Names joined to the one ending at `end` by 、/和, each followed by a list word; the last
    may be followed by what follows a name (…、杨战报参加) or by a verb (…、廖卓文见证)."""
    text = view.text
    listed = []
    while text.startswith(_list_joins(gaz), end):
        start = end + 1
        candidates = [
            text[start : start + n]
            for n in (3, 2)
            if _is_name(text[start : start + n], gaz) and text.startswith(_LIST_ENDS, start + n)
        ]
        last = [
            text[start : start + n]
            for n in (3, 2)
            if _is_name(text[start : start + n], gaz) and text.startswith(followers, start + n)
        ] or [_name_before_verb(view, start, gaz)]
        if not candidates:
            listed.extend(name for name in last[:1] if name)
            break
        listed.append(candidates[0])
        end = start + len(candidates[0])
    return listed


def _name_before_verb(view: TokenView, start: int, gaz: Gazetteers) -> str:
    """After a title or in a list, a name jieba did not join to what follows, then a verb of two
    characters or more (主任谢超英发布了…, 、廖卓文见证): the name, or ''."""
    for length in (3, 2):
        end = start + length
        if end >= len(view.text) or not (view.is_start(start) and view.is_start(end)):
            continue
        index = view.token_at(end)
        verb = view.text[view.starts[index] : view.ends[index]]
        if _is_name(view.text[start:end], gaz) and len(verb) >= 2 and (word_tag(verb) or "").startswith("v"):
            return view.text[start:end]
    return ""


@derived
def _closed_list(gaz: Gazetteers) -> re.Pattern[str]:
    """张三、李四、王五等市领导: names listed before 等 and a word for the people listed."""
    raw = gaz.names["person"]
    closers = _alternatives(raw["list_closers"])
    return re.compile(f"((?:[\u4e00-\u9fff]{{2,4}}、)+[\u4e00-\u9fff]{{2,4}})等[省市区县镇]?(?:{closers})")


def _names_closing_a_list(text: str, gaz: Gazetteers) -> set[str]:
    names: set[str] = set()
    for match in _closed_list(gaz).finditer(text):
        items = match.group(1).split("、")
        first = items[0]
        items[0] = next((first[cut:] for cut in range(len(first) - 1) if _is_name(first[cut:], gaz)), "")
        if all(_is_name(item, gaz) for item in items):
            names.update(items)
    return names


@derived
def _credits(gaz: Gazetteers) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    """A role and what follows it; a parenthesised credit; what may end a byline; what a bare credit follows."""
    raw = gaz.names["person"]
    roles = _alternatives(raw["byline_roles"])
    role = re.compile(f"(?:{roles})[ \u3000：:]*")
    credit = re.compile("（([^（）\n]{2,40})）")
    ends = tuple(sorted(raw["byline_ends"], key=len, reverse=True))
    return role, credit, ends, tuple(raw["credit_after"])


_BYLINE_GAPS = "、 \u3000"


def _byline_names(text: str, start: int, gaz: Gazetteers) -> list[str]:
    """Names from `start` on, separated by 、 or spaces, each followed by a gap, a byline end or punctuation."""
    _, _, ends, _ = _credits(gaz)
    names = []
    while True:
        name = next(
            (
                text[start : start + n]
                for n in (3, 2, 4)
                if _is_name(text[start : start + n], gaz, credited=True)
                and (text[start + n : start + n + 1] in _BOUNDARY or text.startswith(ends, start + n))
            ),
            "",
        )
        if not name:
            return names
        names.append(name)
        start += len(name)
        gap = start
        while text[gap : gap + 1] and text[gap] in _BYLINE_GAPS:
            gap += 1
        if gap == start:
            return names
        start = gap


def _credited_names(text: str, gaz: Gazetteers) -> set[str]:
    """Reporters and correspondents named in bylines and credits."""
    role, credit, _, credit_after = _credits(gaz)
    names: set[str] = set()
    for match in role.finditer(text):
        names.update(_byline_names(text, match.end(), gaz))
    for match in credit.finditer(text):
        parts = re.split(f"[{_BYLINE_GAPS}]+", match.group(1).strip())
        credited = [p for p in parts if not role.search(p)]
        has_role = len(credited) < len(parts)
        before = text[: match.start()].rstrip(" \u3000")
        closes = text[match.end() : match.end() + 1] in ("", "\n") or before.endswith("。")
        if (
            credited
            and all(_is_name(p, gaz, credited=True) for p in credited)
            and (has_role or closes or before.endswith(credit_after))
        ):
            names.update(credited)
    return names


@derived
def _roster_line(gaz: Gazetteers) -> re.Pattern[str]:
    roles = gaz.names["person"]["roster_roles"]
    spaced = "|".join("[ \u3000]*".join(map(re.escape, role)) for role in sorted(roles, key=len, reverse=True))
    return re.compile(f"^[ \u3000]*(?:{spaced})[ \u3000]*[：:][ \u3000]*([^\n]+)$", re.MULTILINE)


_GAP = re.compile("[^ \u3000]+")


def _roster_names(text: str, gaz: Gazetteers) -> list[Candidate]:
    """组  长：尹丽波 / 成  员：殷利梅    郑  磊: every name of a roster line, a padded one spanning its gap."""
    found = []
    for line in _roster_line(gaz).finditer(text):
        pieces = [(m.start(), m.end()) for m in _GAP.finditer(text, line.start(1), line.end(1))]
        if not pieces:
            continue
        names, index = [], 0
        while index < len(pieces):
            start, end = pieces[index]
            if end - start == 1 and index + 1 < len(pieces) and pieces[index + 1][1] - pieces[index + 1][0] == 1:
                end = pieces[index + 1][1]  # 黄  鹏: a surname, the gap that pads the name, its given name
                index += 1
            names.append((start, end))
            index += 1
        if all(_is_name("".join(text[s:e].split()), gaz, credited=True) for s, e in names):
            found.extend(Candidate(s, e, "Person", text[s:e], "roster") for s, e in names)
    return found


def find_people(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    text = view.text
    titles, speech, followers = _grammar(gaz)
    names = _credited_names(text, gaz) | _names_closing_a_list(text, gaz)
    for match in titles.finditer(text):
        quality, name = _best_name(text, match.end(), gaz, followers)
        if quality == 0:
            quality, name = _segmented_name(view, match.end(), gaz)
        if quality == 0 and (name := _name_before_verb(view, match.end(), gaz)):
            quality = 1
        if quality > 0:
            names.add(name)
            names.update(_listed_after(view, match.end() + len(name), gaz, followers))
    for match in speech.finditer(text):
        start = match.start()
        gap = _adverbials(gaz)[1].search(text, max(0, start - _ADVERBIALS_MAX_CHARS), start)
        if gap is not None and match.group() in gaz.speech_verbs:
            start = gap.start()
        for length in (3, 2, 4):
            name = text[max(0, start - length) : start]
            before = text[start - length - 1 : start - length] if start - length > 0 else ""
            if len(name) == length and before in _BOUNDARY and _is_name(name, gaz):
                names.add(name)
                break
    found = _roster_names(text, gaz)
    names.update(c.text for c in found if " " not in c.text and "\u3000" not in c.text)
    for name in names:
        for start, end in occurrences(text, name):
            found.append(Candidate(start, end, "Person", name, "person_context"))
    return found
