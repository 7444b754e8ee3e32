"""Regions: administrative divisions, named areas, countries, development zones."""

from __future__ import annotations

import re

from kg.nlp.candidates import Candidate, TokenView
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.nlp.grammar import name_start, national_openings, only_everyday_words

__all__ = ["find_places", "find_zones", "find_towns", "find_named_parks"]


def find_places(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """Gazetteer places starting on a jieba word boundary, longest first.

    A word that starts inside a place and runs past its end makes it no place:
    和政 in 措施和政策, 新乐 in 新乐章, 新建区 in 新建区域; so does a place that takes its first
    character (唐山 in 唐山西站).
    """
    text = view.text
    found = []
    openings = [start for start in view.starts if text[start : start + 2] in gaz.place_lengths]
    for start in openings:
        hit = gaz.place_at(text, start)
        if hit is not None:
            surface, place = hit
            end = start + len(surface)
            if not view.is_start(end) and view.starts[view.token_at(end - 1)] > start:
                continue
            if text.startswith(gaz.titles, end) and any(
                text.endswith(s, 0, start) for s in gaz.org_suffixes if len(s) > 1
            ):
                continue  # 某集团亚洲总裁: the place is the title's scope, between the body and the title
            if view.one_word_beyond(start, end) and _is_body_word(view, start, gaz):
                continue  # 新疆 in 新疆生产建设兵团: a body's name jieba knows whole names no place
            left = gaz.place_at(text, start - 1) if start else None
            if left is not None and len(left[0]) > 1:
                continue  # 山西 in 唐山西站: the place to the left holds its first character
            if place.kind == "country" and (_modifies_next(view, end, gaz) or _qualified_before(view, start, gaz)):
                continue  # 中国首座, 中国式, 我国经济, 健康中国: the country is part of a phrase, no place is named
            found.append(Candidate(start, end, "Region", surface, "gazetteer", place.kind))
    return found


@derived
def _zone_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    raw = gaz.names["region"]
    suffixes = "|".join(sorted(map(re.escape, raw["zone_suffixes"]), key=len, reverse=True))
    return re.compile(rf"(?:国家)?[\u4e00-\u9fff]{{0,{int(raw['zone_core_max'])}}}?(?:{suffixes})")


def find_zones(view: TokenView, gaz: Gazetteers, places: list[Candidate]) -> list[Candidate]:
    """A place followed by a zone suffix, with at most a short core between."""
    text = view.text
    found = []
    for place in places:
        match = _zone_pattern(gaz).match(text, place.end)
        if match is None:
            continue
        core = text[place.end : match.end()]
        if any(stop in core for stop in ("的", "和", "与", "在")) or any(
            text[t:e] in gaz.stop_words for t, e in _tokens(view, place.end, match.end())
        ):
            continue  # 东区位于中关村科技园: a clause, not a zone
        end = match.end()
        start = place.start - 2 if text.endswith("国家", 0, place.start) else place.start  # 国家常州…产业园
        if text[end : end + 1] == "（":
            close = text.find("）", end, end + 8)
            if close > 0 and text[end + 1 : close] in gaz.places:
                end = close + 1
        found.append(Candidate(start, end, "Region", text[start:end], "zone", "zone"))
    return found


@derived
def _town_pattern(gaz: Gazetteers) -> tuple[re.Pattern[str], frozenset[str]]:
    raw = gaz.names["region"]
    suffixes = "|".join(sorted(map(re.escape, raw["town_suffixes"]), key=len, reverse=True))
    core = f"[\u4e00-\u9fff]{{{int(raw['town_core_min'])},{int(raw['town_core_max'])}}}?"
    return re.compile(f"（?({core}(?:{suffixes}))）?"), frozenset(raw["town_core_excludes"])


# A town and its village named together stand for themselves (在双流镇凉水井村举行).
_TOWN_AND_VILLAGE = re.compile(
    "(?<![\u4e00-\u9fff])(?=[\u4e00-\u9fff]{2,3}[镇乡][\u4e00-\u9fff]{2,3}村)"
    "|(?<=[在于])(?=[\u4e00-\u9fff]{2,3}[镇乡][\u4e00-\u9fff]{2,3}村)"
)


def find_towns(view: TokenView, gaz: Gazetteers, regions: list[Candidate]) -> list[Candidate]:
    """Towns and villages right after the region that holds them, chained (…县双流镇凉水井村), or a town
    named with its village."""
    pattern, excludes = _town_pattern(gaz)
    text = view.text
    found: list[Candidate] = []
    pending = [region.end for region in regions] + [m.start() for m in _TOWN_AND_VILLAGE.finditer(text)]
    while pending:
        match = pattern.match(text, pending.pop())
        if match is None:
            continue
        start, end = match.span(1)
        if not (view.is_start(start) and view.is_start(end)) or excludes & set(text[start : end - 1]):
            continue
        if any(text[t:e] in gaz.stop_words for t, e in _tokens(view, start, end)):
            continue  # 位于中关村 is a clause, not a village
        if text[start:end] in gaz.places:
            continue  # a county after its city is the gazetteer's, not a town
        inner = gaz.place_at(text, start)
        if inner is not None and len(inner[0]) <= end - start - 2:
            continue  # 江苏昆山陆家镇: a place opens the core; the town follows that place

        found.append(Candidate(start, end, "Region", text[start:end], "town", "town"))
        pending.append(match.end())
    return found


def _tokens(view: TokenView, start: int, end: int) -> list[tuple[int, int]]:
    first, last = view.token_at(start), view.token_at(end - 1)
    return [(view.starts[i], view.ends[i]) for i in range(first, last + 1)]


def _is_body_word(view: TokenView, start: int, gaz: Gazetteers) -> bool:
    """The word at `start` is a body's name (by jieba's tag), not a zone's (武汉东湖新技术开发区)."""
    i = view.token_at(start)
    word = view.text[view.starts[i] : view.ends[i]]
    return word_tag(word) in _body_words(gaz) and not word.endswith(_zone_suffixes(gaz))


@derived
def _zone_suffixes(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["region"]["zone_suffixes"])


@derived
def _body_words(gaz: Gazetteers) -> frozenset[str]:
    """jieba's tags of a body's name (nt)."""
    return frozenset(gaz.names["region"]["body_word_tags"])


@derived
def _modifier_tags(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["region"]["country_modifies_tags"])


def _modifies_next(view: TokenView, end: int, gaz: Gazetteers) -> bool:
    """A country name right before a noun-like word (its jieba tag), or inside one word with what
    follows (中国式), is a modifier of it."""
    if end >= len(view.text):
        return False
    if not view.is_start(end):
        return True
    i = view.token_at(end)
    return word_tag(view.text[view.starts[i] : view.ends[i]]) in _modifier_tags(gaz)


def _qualified_before(view: TokenView, start: int, gaz: Gazetteers) -> bool:
    """健康中国, “数字中国”: a noun right before the country makes a slogan of them."""
    before = view.token_before(start)
    if before is None:
        return False
    return word_tag(view.text[before[0] : before[1]]) in _slogan_tags(gaz)


@derived
def _slogan_tags(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["region"]["country_slogan_tags"])


@derived
def _named_park_grammar(gaz: Gazetteers) -> tuple[re.Pattern[str], frozenset[str], int, int, tuple[str, ...]]:
    raw = gaz.names["region"]
    suffixes = "|".join(sorted(map(re.escape, raw["named_park_suffixes"]), key=len, reverse=True))
    shortest, longest = raw["named_park_core_chars"]
    return (
        re.compile(suffixes),
        frozenset(raw["named_park_opening_tags"]),
        int(shortest),
        int(longest),
        tuple(raw["sub_park_suffixes"]),
    )


_GEOGRAPHIC_NAME = "ns"  # jieba's tag of a place name: 黄河三角洲 may open a park, however long


def _national_with_its_place(text: str, start: int, suffix_start: int, gaz: Gazetteers) -> bool:
    return (
        text.startswith(national_openings(gaz), start)
        and text[suffix_start - 1 : suffix_start] == "）"
        and suffix_start - start > 4
    )


def find_named_parks(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """太湖产业集聚区, 华为配套产业园: a park named by a proper name of two or three characters (not
    集成电路 or 大力支持), with no place before it."""
    pattern, opening_tags, shortest, longest, sub_parks = _named_park_grammar(gaz)
    text = view.text
    found = []
    for match in pattern.finditer(text):
        if not view.is_start(match.start()) or not (view.is_start(match.end()) or gaz.place_at(text, match.end())):
            continue  # …集聚区长兴分区: jieba read 区长, but a place follows the park
        start = name_start(view, gaz, match.start(), quotes=False)
        if _national_with_its_place(text, start, match.start(), gaz):
            found.append(Candidate(start, match.end(), "Region", text[start : match.end()], "named_park", "zone"))
            continue  # 中国绿色新材料（珠海）产业园: a national name given to a park, its place in brackets
        if not shortest <= match.start() - start <= longest or gaz.place_at(text, start) is not None:
            continue  # a place opens it: find_zones reads it
        first = view.token_at(start)
        opening = text[start : view.ends[first]]
        if (
            view.starts[first] != start
            or word_tag(opening) not in opening_tags
            or not (2 <= len(opening) <= 3 or word_tag(opening) == _GEOGRAPHIC_NAME)
            or only_everyday_words(view, start, match.start(), gaz)
        ):
            continue
        end = match.end()
        inner = gaz.place_at(text, end)
        if inner is not None:
            sub = next((s for s in sub_parks if text.startswith(s, end + len(inner[0]))), None)
            if sub:  # 华为科技园苏州园: its part in a place, the park itself named too
                found.append(Candidate(start, end, "Region", text[start:end], "named_park", "zone", nested=True))
                end += len(inner[0]) + len(sub)
        found.append(Candidate(start, end, "Region", text[start:end], "named_park", "zone"))
    return found
