"""Regions: administrative divisions, named areas, countries, development zones."""

from __future__ import annotations

import re
from functools import cache

from kg.config import load_data_yaml
from kg.nlp.candidates import Candidate, TokenView
from kg.nlp.gazetteers import Gazetteers

__all__ = ["find_places", "find_zones"]


def find_places(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """Gazetteer places starting on a jieba word boundary, longest first."""
    text = view.text
    found = []
    openings = [start for start in view.starts if text[start:start + 2] in gaz.place_lengths]
    for start in openings:
        hit = gaz.place_at(text, start)
        if hit is not None:
            surface, place = hit
            found.append(Candidate(start, start + len(surface), "Region", surface, "gazetteer", place.kind))
    return found


@cache
def _zone_pattern() -> re.Pattern[str]:
    raw = load_data_yaml("patterns/names.yaml")["region"]
    suffixes = "|".join(sorted(map(re.escape, raw["zone_suffixes"]), key=len, reverse=True))
    return re.compile(rf"(?:国家)?[\u4e00-\u9fff]{{0,{int(raw['zone_core_max'])}}}?(?:{suffixes})")


def find_zones(view: TokenView, gaz: Gazetteers, places: list[Candidate]) -> list[Candidate]:
    """A place followed by a zone suffix, with at most a short core between."""
    text = view.text
    found = []
    for place in places:
        match = _zone_pattern().match(text, place.end)
        if match is None:
            continue
        core = text[place.end:match.end()]
        if any(stop in core for stop in ("的", "和", "与", "在")):
            continue
        end = match.end()
        if text[end:end + 1] == "（":
            close = text.find("）", end, end + 8)
            if close > 0 and text[end + 1:close] in gaz.places:
                end = close + 1
        found.append(Candidate(place.start, end, "Region", text[place.start:end], "zone", "zone"))
    return found
