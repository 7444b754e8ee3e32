"""HOLDS_POSITION: a title between an organization and a person's name.

浙江省科技厅厅长高鹰忠 is one link; titles chained with 、 or 兼 each take the
organization written before them (唐山高新区党工委副书记、管委会主任董学忠),
and a title written without one takes the previous link's organization —
or, after a party group (某某常委会党组副书记、副主任), the organization
around that group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.ingest.layout import layout_rules
from kg.nlp.gazetteers import gazetteers
from kg.relations.items import EntityMention, Relation, SentenceView
from kg.relations.rules import relation_rules

__all__ = ["position_relations"]

_LINKS = ("、", "兼")  # 副书记、主任; 董事长兼总裁
_OF = "的"
_DECLARATION_BEFORE = re.compile(layout_rules().declared_short_form.pattern + "$")


def _titles_ending_at(text: str, end: int) -> list[str]:
    return [t for t in gazetteers().titles if text.endswith(t, 0, end)]


def _organization_ending_at(sentence: SentenceView, end: int) -> EntityMention | None:
    """The organization written just before a title (article offsets), 的 or its
    declared short form (…有限公司（以下简称“翔宇通航”）总经理) allowed between."""
    declared = _DECLARATION_BEFORE.search(sentence.text, 0, end - sentence.start)
    if declared is not None:
        end = sentence.start + declared.start()
    for cut in (end, end - 1):
        if cut < end and sentence.text[cut - sentence.start:end - sentence.start] != _OF:
            continue
        found = [m for m in sentence.top_level if m.end == cut and m.label == "Organization"]
        if found:
            return found[0]
    return None


def _title_chain(sentence: SentenceView, person: EntityMention) -> list[tuple[EntityMention | None, str]]:
    """(organization or None, title) links written before a name, left to right."""
    chain: list[tuple[EntityMention | None, str]] = []
    cursor = person.start
    while True:
        titles = _titles_ending_at(sentence.text, cursor - sentence.start)
        if not titles:
            break
        # 党组副书记 is a title, but in 常委会党组副书记 the 党组 belongs to the name.
        named = [(o, t) for t in titles if (o := _organization_ending_at(sentence, cursor - len(t))) is not None]
        organization, title = named[0] if named else (None, titles[0])
        cursor -= len(title)
        chain.append((organization, title))
        if organization is not None:
            cursor = organization.start
        link = next((k for k in _LINKS if sentence.text.endswith(k, 0, cursor - sentence.start)), None)
        if cursor > sentence.start and link is not None:
            cursor -= len(link)
            continue
        break
    return chain[::-1]


def _around_party_group(sentence: SentenceView, organization: EntityMention) -> EntityMention:
    """浙江省人大常委会 for 浙江省人大常委会党组, when the sentence names both."""
    for organ in relation_rules().party_organs:
        if organization.name.endswith(organ):
            outer_end = organization.end - len(organ)
            outer = [m for m in sentence.mentions if m.label == "Organization" and m.start == organization.start
                     and m.end == outer_end]
            if outer:
                return outer[0]
    return organization


def position_relations(sentence: SentenceView) -> Iterator[Relation]:
    """One relation per person and organization; several titles at one body are
    joined (董事长、首席科学家)."""
    for person in (m for m in sentence.top_level if m.label == "Person"):
        previous: EntityMention | None = None
        titles: dict[tuple[str, str], list[str]] = {}
        for organization, title in _title_chain(sentence, person):
            if organization is None and previous is not None:
                organization = _around_party_group(sentence, previous)
            if organization is not None:
                titles.setdefault(organization.key, []).append(title)
            previous = organization
        for organization_key, held in titles.items():
            yield Relation(person.key, "HOLDS_POSITION", organization_key, sentence, "title", {"title": "、".join(held)})
