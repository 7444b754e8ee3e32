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

from kg.nlp.aliases import ArticleEntity
from kg.nlp.gazetteers import Gazetteers, Place, derived
from kg.relations.items import EntityMention, Relation, SentenceView
from kg.relations.rules import RelationRules

__all__ = ["name_relations", "hierarchy_relations"]

_BRACKETED = re.compile(r"（([^（）]+)）")
# What may stand before the organizer in an event's name: a year or an edition.
_EDITION = re.compile(r"[\d第届年度首一二三四五六七八九十百]*")


def _place_of(form: str, rules: RelationRules) -> Place | None:
    return rules.gaz.places.get(form)


@derived
def _forms_of_place(gaz: Gazetteers) -> dict[str, tuple[str, ...]]:
    """Place name → every surface form the gazetteer knows for it (浙江省 → 浙江, 浙江省)."""
    forms: dict[str, list[str]] = {}
    for form, place in gaz.places.items():
        forms.setdefault(place.name, []).append(form)
    return {name: tuple(found) for name, found in forms.items()}


def _region_forms(entities: list[ArticleEntity], rules: RelationRules) -> dict[str, ArticleEntity]:
    """Every surface form of the article's regions, and gazetteer forms of the same places."""
    forms: dict[str, ArticleEntity] = {}
    by_place: dict[str, ArticleEntity] = {}
    for entity in (e for e in entities if e.label == "Region"):
        for form in entity.aliases:
            forms[form] = entity
            place = _place_of(form, rules)
            if place is not None:
                by_place[place.name] = entity
    for name, entity in by_place.items():
        for form in _forms_of_place(rules.gaz)[name]:
            forms.setdefault(form, entity)
    return forms


def _region_at(
    name: str, start: int, forms: dict[str, ArticleEntity], entity: ArticleEntity | None, rules: RelationRules
) -> tuple[int, ArticleEntity] | None:
    """The longest region form at `start` of the name, ending before its end: (end, region)."""
    national = rules.national_prefixes
    for end in range(len(name) - 1, start + 1, -1):
        region = forms.get(name[start:end])
        if region is not None and region is not entity and region.name not in national:
            return end, region
    return None


def _located_in_name(
    entity: ArticleEntity, written: list[str], forms: dict[str, ArticleEntity], sub_unit: bool, rules: RelationRules
) -> list[ArticleEntity]:
    """The regions the entity's name places it in: those at its start, from the
    name that reaches furthest (梅州市五华… → 梅州市, 五华县), unless a sub-unit's
    parent is written there, and those inside it; a province only when no lower
    region is named (河北省青县人民政府 → 青县)."""
    best: list[tuple[int, ArticleEntity]] = []
    for name in () if sub_unit else written:
        chain = []
        opening = next((o for o in _national_openings(rules.gaz) if name.startswith(o)), "")
        found = _region_at(name, 0, forms, entity, rules) or (
            _region_at(name, len(opening), forms, entity, rules) if opening else None
        )
        while found is not None:
            chain.append(found)
            found = _region_at(name, found[0], forms, entity, rules)
        if chain and (not best or chain[-1][0] > best[-1][0]):
            best = chain
    regions = [region for _, region in best]
    zones = rules.zone_suffixes
    if regions and entity.label == "Region" and regions[0].name.endswith(zones):
        regions = regions[1:]  # 某集聚区长兴分区: PART_OF the zone that opens it, in what follows
    regions += [r for r in _inner_regions(entity, written, forms, rules) if r not in regions]
    lower = [r for r in regions if not _is_province(r, rules)]
    return lower or regions[-1:]


def _inner_regions(
    entity: ArticleEntity, written: list[str], forms: dict[str, ArticleEntity], rules: RelationRules
) -> list[ArticleEntity]:
    """Places inside the name: in brackets (中国（福建）…中心, 四川省…（巴中）中心) or
    naming a branch (某中心巴中分中心, 某银行四川省分行)."""
    found = []
    national = rules.national_prefixes
    for name in written:
        found += [forms[m.group(1)] for m in _BRACKETED.finditer(name) if m.group(1) in forms]
        head = next((h for h in rules.branch_heads if name.endswith(h)), None)
        if head is not None:
            body = name[: -len(head)]
            found += [forms[body[k:]] for k in range(1, len(body) - 1) if body[k:] in forms][:1]
    return [r for r in found if r is not entity and r.name not in national]


def _is_province(region: ArticleEntity, rules: RelationRules) -> bool:
    place = next(filter(None, (_place_of(form, rules) for form in (region.name, *region.aliases))), None)
    return place is not None and place.kind == "province"


def _opens_with_zone(name: str, forms: dict[str, ArticleEntity], rules: RelationRules) -> bool:
    found = _region_at(name, 0, forms, None, rules)
    return found is not None and found[1].name.endswith(rules.zone_suffixes)


@derived
def _national_openings(gaz: Gazetteers) -> tuple[str, ...]:
    """国家常州机器人产业园 is in 常州: a national opening before the place leaves it the place."""
    return tuple(gaz.names["organization"]["national_openings"])


def _same_body(longer: str, shorter: str, rules: RelationRules) -> bool:
    """河南某食品集团有限公司 and 河南某食品集团: one company, its legal ending aside."""
    return longer[len(shorter) :] in rules.gaz.legal_suffixes


def _sub_units(organizations: list[ArticleEntity], rules: RelationRules) -> set[int]:
    """Names opening with another organization's name (浙江大学环境与资源学院 opens with 浙江大学):
    where such a unit is, its parent says.  The units are given by `id`."""
    owners: dict[str, list[ArticleEntity]] = {}
    for other in organizations:
        for form in (other.name, *other.aliases):
            if len(form) > 1:
                owners.setdefault(form, []).append(other)
    return {id(entity) for entity in organizations if _opens_with_another(entity, owners, rules)}


def _opens_with_another(entity: ArticleEntity, owners: dict[str, list[ArticleEntity]], rules: RelationRules) -> bool:
    """The name opens with a form another organization goes by, and is not that body with a legal ending."""
    name = entity.name
    for cut in range(2, len(name)):
        opening = name[:cut]
        if any(other is not entity for other in owners.get(opening, ())) and not _same_body(name, opening, rules):
            return True
    return False


def _mentions_by_entity(
    sentences: list[SentenceView],
) -> dict[tuple[str, str], list[tuple[EntityMention, SentenceView]]]:
    """Each entity's mentions with their sentences, in text order."""
    found: dict[tuple[str, str], list[tuple[EntityMention, SentenceView]]] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            found.setdefault(mention.key, []).append((mention, sentence))
    return found


def name_relations(
    entities: list[ArticleEntity], sentences: list[SentenceView], rules: RelationRules
) -> Iterator[Relation]:
    forms = _region_forms(entities, rules)
    sub_units = _sub_units([e for e in entities if e.label == "Organization"], rules)
    mentioned = _mentions_by_entity(sentences)
    for entity in entities:
        if entity.label not in ("Organization", "Region"):
            continue
        own = mentioned.get((entity.label, entity.name))
        if not own:
            continue
        # Only names the article writes place it: 市委 expanded to 某市委 says nothing;
        # a zone's own organs (高新区管委会 → 某高新区管委会) are in the zone all the same.
        surfaces = {s.text[m.start - s.start : m.end - s.start] for m, s in own}
        written = [n for n in (entity.name, *entity.aliases) if n in surfaces or _opens_with_zone(n, forms, rules)]
        sentence = own[0][1]
        sub_unit = id(entity) in sub_units
        for region in _located_in_name(entity, written, forms, sub_unit, rules):
            yield Relation((entity.label, entity.name), "LOCATED_IN", ("Region", region.name), sentence, "name")
    for sentence in sentences:
        for outer in sentence.mentions:
            for inner in _nearest_parents(sentence, outer):
                if (
                    inner.label not in ("Organization", "Region")
                    or not inner.nested
                    or inner.key == outer.key
                    or (inner.label == "Region" and not _is_zone_in_zone(outer, inner, rules))
                ):
                    continue
                if not (outer.start <= inner.start and inner.end <= outer.end and _length(inner) < _length(outer)):
                    continue
                if (
                    outer.label == inner.label
                    and inner.start == outer.start
                    and not _same_body(
                        sentence.text[outer.start - sentence.start : outer.end - sentence.start],
                        sentence.text[inner.start - sentence.start : inner.end - sentence.start],
                        rules,
                    )
                ):
                    yield Relation(outer.key, "PART_OF", inner.key, sentence, "name")
                elif outer.label == "Event" and _EDITION.fullmatch(
                    sentence.text[outer.start - sentence.start : inner.start - sentence.start]
                ):
                    yield Relation(inner.key, "RUNS", outer.key, sentence, "name")


def _nearest_parents(sentence: SentenceView, outer: EntityMention) -> list[EntityMention]:
    """The mentions inside `outer`, of those opening it only the longest: 某部某中心某处 is part of
    某部某中心, not of 某部 as well."""
    inside = [m for m in sentence.mentions if outer.start <= m.start and m.end <= outer.end and m is not outer]
    opening = max((m for m in inside if m.start == outer.start and m.end < outer.end), key=_length, default=None)
    return [m for m in inside if m.start != outer.start or m is opening]


def _is_zone_in_zone(outer: EntityMention, inner: EntityMention, rules: RelationRules) -> bool:
    """某产业集聚区 inside 某产业集聚区长兴分区: a zone opening a region is the part's parent (a city
    opening a zone is where the zone is, not its parent)."""
    return outer.label == "Region" and inner.name.endswith(rules.zone_suffixes)


def _length(mention: EntityMention) -> int:
    return mention.end - mention.start


def hierarchy_relations(
    entities: list[ArticleEntity], sentences: list[SentenceView], rules: RelationRules
) -> Iterator[Relation]:
    """A region → the nearest enclosing region the article also names, with the first sentence naming both
    as evidence when there is one."""
    gaz = rules.gaz
    by_place: dict[str, ArticleEntity] = {}
    for entity in (e for e in entities if e.label == "Region"):
        place = _place_of(entity.name, rules) or next(
            filter(None, (_place_of(form, rules) for form in entity.aliases)), None
        )
        if place is not None:
            by_place.setdefault(place.name, entity)
    mentioned = _mentions_by_entity(sentences)
    for place_name, entity in by_place.items():
        parent = gaz.places[place_name].parent
        while parent is not None and parent not in by_place:
            parent = gaz.places[parent].parent if parent in gaz.places else None
        if parent is None:
            continue
        own = mentioned.get(("Region", entity.name))
        if own:
            # The first sentence naming both (江苏省昆山市) says it best; else the region's first.
            with_parent = {id(s) for _, s in mentioned.get(("Region", by_place[parent].name), [])}
            sentence = next((s for _, s in own if id(s) in with_parent), own[0][1])
            yield Relation(("Region", entity.name), "PART_OF", ("Region", by_place[parent].name), sentence, "gazetteer")
    yield from _towns_in_their_region(sentences, rules)


def _towns_in_their_region(sentences: list[SentenceView], rules: RelationRules) -> Iterator[Relation]:
    """开阳县双流镇凉水井村: a town or village written right after a region is part of it; an area
    developed there (某片区, 某小镇) is located in it."""
    endings = tuple(rules.gaz.names["region"]["town_suffixes"])
    developed = tuple(rules.gaz.names["region"]["developed_area_suffixes"])
    for sentence in sentences:
        regions = sorted((m for m in sentence.mentions if m.label == "Region" and not m.nested), key=lambda m: m.start)
        for before, town in zip(regions, regions[1:]):
            between = sentence.text[before.end - sentence.start : town.start - sentence.start]
            if town.name.endswith(endings) and between in ("", "（") and town.key != before.key:
                # 某县某小镇, 某区某片区: an area developed there is in it, as a zone is, not a part of it
                # (of a zone, it is a part: 某新区某新城)
                kind = (
                    "LOCATED_IN"
                    if town.name.endswith(developed) and not before.name.endswith(rules.zone_suffixes)
                    else "PART_OF"
                )
                yield Relation(town.key, kind, before.key, sentence, "name")
