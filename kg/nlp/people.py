"""People: names found by the titles and speech verbs around them.

A name is a known surname plus one or two characters, standing after a
title (厅长高鹰忠, 教授刘譞哲) or before a speech verb or title (胡振江表示,
习近平总书记), and followed by something a name is followed by.  Once found,
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


@cache
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    gaz = gazetteers()
    raw = load_data_yaml("patterns/names.yaml")["person"]
    titles = re.compile("|".join(map(re.escape, gaz.titles)))
    after = sorted(set(gaz.speech_verbs) | set(raw["after_name_titles"]), key=len, reverse=True)
    speech = re.compile("|".join(map(re.escape, after)))
    followers = tuple(sorted(set(raw["followers"]) | set(gaz.speech_verbs), key=len, reverse=True))
    return titles, speech, followers


def _is_name(name: str, gaz: Gazetteers) -> bool:
    if not all(is_han(ch) for ch in name):
        return False
    surname = name[:2] if name[:2] in gaz.surnames and len(name) >= 3 else name[:1]
    if surname not in gaz.surnames or not 1 <= len(name) - len(surname) <= 2:
        return False
    tag = word_tag(name)
    return tag is None or tag.startswith("nr")


def _follow_quality(text: str, end: int, followers: tuple[str, ...]) -> int:
    """2: a speech verb or follower word comes next; 1: punctuation; 0: neither."""
    if text.startswith(followers, end):
        return 2
    return 1 if text[end:end + 1] in _BOUNDARY else 0


def find_people(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    text = view.text
    titles, speech, followers = _grammar()
    names: set[str] = set()
    for match in titles.finditer(text):
        end = match.end()
        scored = [
            (_follow_quality(text, end + length, followers), -abs(length - 3), text[end:end + length])
            for length in (3, 2, 4)
            if _is_name(text[end:end + length], gaz)
        ]
        best = max(scored, default=(0, 0, ""))
        if best[0] > 0:
            names.add(best[2])
    for match in speech.finditer(text):
        start = match.start()
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
