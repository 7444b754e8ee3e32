"""Relations a name shows by itself.

- 杭州科百特过滤器材有限公司 → LOCATED_IN 杭州; 唐山高新区党工委 → LOCATED_IN the
  zone 唐山高新区 stands for; a zone → LOCATED_IN its city.
- 北京大学计算机学院 → PART_OF 北京大学 (the parent is written at its start).
- An organization that opens an event's name runs it (2024年度…协会发展大会);
  one named later in it is what the event is about (…联合实验室签约仪式).
- 唐山 → PART_OF 河北省, when the article names both (the region gazetteer).

Each cites the sentence of the first mention that shows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.nlp.aliases import ArticleEntity
from kg.nlp.gazetteers import Place, gazetteers
from kg.relations.items import EntityMention, Relation, SentenceView

__all__ = ["name_relations", "hierarchy_relations"]

# What may stand before the organizer in an event's name: a year or an edition.
_EDITION = re.compile(r"[\d第届年度首一二三四五六七八九十百]*")


def _sentence_of(mention: EntityMention, sentences: list[SentenceView]) -> SentenceView | None:
    return next((s for s in sentences if s.start <= mention.start and mention.end <= s.end), None)


def _place_of(form: str) -> Place | None:
    return gazetteers().places.get(form)


@cache
def _forms_of_place() -> dict[str, tuple[str, ...]]:
    """Place name → every surface form the gazetteer knows for it (浙江省 → 浙江, 浙江省)."""
    forms: dict[str, list[str]] = {}
    for form, place in gazetteers().places.items():
        forms.setdefault(place.name, []).append(form)
    return {name: tuple(found) for name, found in forms.items()}


def _region_forms(entities: list[ArticleEntity]) -> dict[str, ArticleEntity]:
    """Every surface form of the article's regions, and gazetteer forms of the same places."""
    forms: dict[str, ArticleEntity] = {}
    by_place: dict[str, ArticleEntity] = {}
    for entity in (e for e in entities if e.label == "Region"):
        for form in entity.aliases:
            forms[form] = entity
            place = _place_of(form)
            if place is not None:
                by_place[place.name] = entity
    for name, entity in by_place.items():
        for form in _forms_of_place()[name]:
            forms.setdefault(form, entity)
    return forms


def _located_prefix(entity: ArticleEntity, forms: dict[str, ArticleEntity]) -> ArticleEntity | None:
    """The region written at the start of the entity's name (longest form wins)."""
    best: tuple[int, ArticleEntity] | None = None
    for name in (entity.name, *entity.aliases):
        for length in range(len(name) - 1, 1, -1):
            region = forms.get(name[:length])
            if region is not None and region is not entity and (best is None or length > best[0]):
                best = (length, region)
                break
    return best[1] if best else None


def name_relations(entities: list[ArticleEntity], sentences: list[SentenceView]) -> Iterator[Relation]:
    forms = _region_forms(entities)
    mentions = [m for s in sentences for m in s.mentions]
    for entity in entities:
        if entity.label not in ("Organization", "Region"):
            continue
        region = _located_prefix(entity, forms)
        first = next((m for m in mentions if (m.label, m.name) == (entity.label, entity.name)), None)
        sentence = _sentence_of(first, sentences) if first else None
        if region is not None and sentence is not None:
            yield Relation((entity.label, entity.name), "LOCATED_IN", ("Region", region.name), sentence, "name")
    for sentence in sentences:
        for outer in sentence.mentions:
            for inner in sentence.mentions:
                if inner.label != "Organization" or not inner.nested or inner.key == outer.key:
                    continue
                if not (outer.start <= inner.start and inner.end <= outer.end and _length(inner) < _length(outer)):
                    continue
                if outer.label == "Organization" and inner.start == outer.start:
                    yield Relation(outer.key, "PART_OF", inner.key, sentence, "name")
                elif outer.label == "Event" and _EDITION.fullmatch(sentence.text[outer.start - sentence.start:
                                                                                inner.start - sentence.start]):
                    yield Relation(inner.key, "RUNS", outer.key, sentence, "name")


def _length(mention: EntityMention) -> int:
    return mention.end - mention.start


def hierarchy_relations(entities: list[ArticleEntity], sentences: list[SentenceView]) -> Iterator[Relation]:
    """A region → the nearest enclosing region the article also names."""
    gaz = gazetteers()
    by_place: dict[str, ArticleEntity] = {}
    for entity in (e for e in entities if e.label == "Region"):
        place = _place_of(entity.name) or next(filter(None, map(_place_of, entity.aliases)), None)
        if place is not None:
            by_place.setdefault(place.name, entity)
    mentions = [m for s in sentences for m in s.mentions]
    for place_name, entity in by_place.items():
        parent = gaz.places[place_name].parent
        while parent is not None and parent not in by_place:
            parent = gaz.places[parent].parent if parent in gaz.places else None
        if parent is None:
            continue
        first = next((m for m in mentions if (m.label, m.name) == ("Region", entity.name)), None)
        sentence = _sentence_of(first, sentences) if first else None
        if sentence is not None:
            yield Relation(("Region", entity.name), "PART_OF", ("Region", by_place[parent].name), sentence, "gazetteer")
