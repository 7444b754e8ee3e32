"""HOLDS_POSITION: a title between an organization and a person's name.

浙江省科技厅厅长高鹰忠 is one link; titles chained with 、 or 兼 each take the
organization written before them (唐山高新区党工委副书记、管委会主任董学忠),
and a title written without one takes the previous link's organization —
or, after a party group (某某常委会党组副书记、副主任), the organization
around that group.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.gazetteers import Gazetteers, derived
from kg.relations.items import EntityMention, Relation, SentenceView
from kg.relations.rules import RelationRules

__all__ = ["position_relations"]

_LINKS = ("、", "兼")  # 副书记、主任; 董事长兼总裁
_TITLE_COMMA = "，"
_Link = tuple[EntityMention | None, str, int]  # organization, title, where the title starts
_OF = "的"


def _titles_ending_at(text: str, end: int, gaz: Gazetteers) -> list[str]:
    """Every title that ends at `end`, longest first (looked up by its last character)."""
    if end <= 0:
        return []
    return [t for t in _titles_by_last_character(gaz).get(text[end - 1], ()) if text.endswith(t, 0, end)]


@derived
def _titles_by_last_character(gaz: Gazetteers) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for title in gaz.titles:  # longest first already
        index.setdefault(title[-1], []).append(title)
    return {last: tuple(titles) for last, titles in index.items()}


def _organization_ending_at(sentence: SentenceView, end: int, rules: RelationRules) -> EntityMention | None:
    """The organization written just before a title (article offsets), 的 or its
    declared short form (…有限公司（以下简称“翔宇通航”）总经理) allowed between."""
    declared = rules.declaration_before.search(sentence.text, 0, end - sentence.start)
    if declared is not None:
        end = sentence.start + declared.start()
    for cut in (end, end - 1):
        if cut < end and sentence.text[cut - sentence.start : end - sentence.start] != _OF:
            continue
        found = [m for m in sentence.top_level if m.end == cut and m.label == "Organization"]
        if found:
            return found[0]
        project = next((m for m in sentence.top_level if m.end == cut and m.label == "Program"), None)
        owner = project and next(
            (
                m
                for m in sentence.mentions
                if m.label == "Organization" and m.start == project.start and m.end < project.end
            ),
            None,
        )
        if owner is not None:
            return owner  # 某集团某项目总指挥: the title is held at the company whose project it is
    return None


def _is_word(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" and ch not in _LINKS for ch in text)


def _title_at(sentence: SentenceView, cursor: int, rules: RelationRules) -> tuple[EntityMention | None, str] | None:
    """The title ending at `cursor` (article offsets) and the organization written before it.

    党组副书记 is a title, but in 常委会党组副书记 the 党组 belongs to the name;
    a modifier may stand before a known title (代市长, 技术战略总工程师) when an
    organization or a link comes before the modifier.
    """
    at = cursor - sentence.start
    titles = _titles_ending_at(sentence.text, at, rules.gaz)
    if not titles:
        return None
    for title in titles:
        organization = _organization_ending_at(sentence, cursor - len(title), rules)
        if organization is not None:
            return organization, title
    for title in titles:  # 某集团党组成员: the party group is in the name, 成员 the title
        organ = next((o for o in rules.party_organs if title.startswith(o) and len(title) > len(o)), None)
        organization = _organization_ending_at(sentence, cursor - len(title) + len(organ), rules) if organ else None
        if organization is not None and organization.name.endswith(organ):
            return organization, title
    for title in titles:
        for length in range(1, rules.title_modifier_max + 1):
            start = at - len(title) - length
            if (
                start <= 0
                or not _is_word(sentence.text[start : at - len(title)])
                or any(
                    m.start < sentence.start + at - len(title) and sentence.start + start < m.end
                    for m in sentence.mentions
                )
            ):
                break
            organization = _organization_ending_at(sentence, sentence.start + start, rules)
            if organization is not None or sentence.text.endswith(_LINKS, 0, start):
                return organization, sentence.text[start:at]
    return None, titles[0]


def _title_chain(sentence: SentenceView, person: EntityMention, rules: RelationRules) -> tuple[list[_Link], int]:
    """(organization or None, title, start) links written before a name, left to right,
    and the article offset where the chain starts.  Links are joined by 、 or 兼,
    or by a comma after a title (某区委常委、副区长，某管委会副主任X)."""
    chain: list[_Link] = []
    cursor = start = person.start
    while (found := _title_at(sentence, cursor, rules)) is not None:
        organization, title = found
        cursor -= len(title)
        chain.append((organization, title, cursor))
        if organization is not None:
            cursor = organization.start
        start = cursor
        at = cursor - sentence.start
        link = next((k for k in _LINKS if sentence.text.endswith(k, 0, at)), None)
        if (
            link is None
            and sentence.text.endswith(_TITLE_COMMA, 0, at)
            and _titles_ending_at(sentence.text, at - 1, rules.gaz)
        ):
            link = _TITLE_COMMA
        if at <= 0 or link is None:
            break
        cursor -= len(link)
    return chain[::-1], start


def _around_party_group(sentence: SentenceView, organization: EntityMention, rules: RelationRules) -> EntityMention:
    """浙江省人大常委会 for 浙江省人大常委会党组, when the sentence names both."""
    for organ in rules.party_organs:
        if organization.name.endswith(organ):
            outer_end = organization.end - len(organ)
            outer = [
                m
                for m in sentence.mentions
                if m.label == "Organization" and m.start == organization.start and m.end == outer_end
            ]
            if outer:
                return outer[0]
    return organization


def _committee_parent(
    sentence: SentenceView, organization: EntityMention, rules: RelationRules
) -> tuple[EntityMention, str] | None:
    """某大学 and 党委 for 某大学党委, when the sentence names the organization inside."""
    for committee in rules.committee_titles_at_parent:
        if organization.name.endswith(committee):
            parent = [
                m
                for m in sentence.mentions
                if m.label == "Organization"
                and m.start == organization.start
                and m.end == organization.end - len(committee)
            ]
            if parent:
                return parent[0], committee
    return None


def _government(
    sentence: SentenceView, title: str, start: int, governments: list[EntityMention], rules: RelationRules
) -> EntityMention | None:
    """The article's one government a government title without an organization
    belongs to: of the region written just before the title (某县县长), or of
    the title's level (副县长, 市长)."""
    level = next((word for ending, word in rules.government_titles.items() if title.endswith(ending)), None)
    if level is None:
        return None
    candidates = {m.key: m for m in governments if level in m.name}
    region = next((m for m in sentence.top_level if m.label == "Region" and m.end == start), None)
    if region is not None:
        candidates = {k: m for k, m in candidates.items() if region.name in m.name}
    # 青县人民政府 is 河北省青县人民政府 written short: one government.
    longest = [
        m
        for m in candidates.values()
        if not any(o.name != m.name and o.name.endswith(m.name) for o in candidates.values())
    ]
    return longest[0] if len(longest) == 1 else None


def _government_title_after(
    sentence: SentenceView, person: EntityMention, governments: list[EntityMention], rules: RelationRules
) -> tuple[EntityMention, str] | None:
    """周某市长在讲话中: a government title right after the name."""
    after = sentence.after(person)
    title = next((t for t in rules.gaz.titles if after.startswith(t)), None)
    government = _government(sentence, title, -1, governments, rules) if title else None
    return (government, title) if government else None


def position_relations(
    sentence: SentenceView, rules: RelationRules, governments: list[EntityMention] = ()
) -> Iterator[Relation]:
    """One relation per person and organization; several titles at one body are
    joined (董事长、首席科学家).  People listed after one another share the
    organization of the first (某会长A、副会长B; 院士A、B) when only 、 or a comma
    stands between them."""
    previous_person: tuple[EntityMention, _Link] | None = None
    for person in (m for m in sentence.top_level if m.label == "Person"):
        chain, start = _title_chain(sentence, person, rules)
        if previous_person is not None:
            chain = _continued(sentence, previous_person, chain, start, rules)
        previous: EntityMention | None = None
        titles: dict[tuple[str, str], list[str]] = {}
        for organization, title, title_start in chain:
            if organization is None:
                organization = _government(sentence, title, title_start, governments, rules)
            if organization is None and previous is not None and not _is_government_title(title, rules):
                organization = _around_party_group(sentence, previous, rules)  # (市委副书记、市长: not the 市委's)
            if organization is not None:
                titles.setdefault(organization.key, []).append(title)
                parent = _committee_parent(sentence, organization, rules)
                if parent is not None and _is_party_title(title, rules):
                    titles.setdefault(parent[0].key, []).append(parent[1] + title)
            previous = organization
        previous_person = (person, (previous, chain[-1][1], chain[-1][2])) if chain else None
        if not chain and (after := _government_title_after(sentence, person, governments, rules)) is not None:
            titles[after[0].key] = [after[1]]
        for organization_key, held in titles.items():
            yield Relation(
                person.key, "HOLDS_POSITION", organization_key, sentence, "title", {"title": "、".join(held)}
            )


def _continued(
    sentence: SentenceView,
    previous_person: tuple[EntityMention, _Link],
    chain: list[_Link],
    start: int,
    rules: RelationRules,
) -> list[_Link]:
    """院士A、B: B takes A's last link; 会长A、副会长B: B's title takes A's organization."""
    person, (organization, title, title_start) = previous_person
    gap = sentence.text[person.end - sentence.start : start - sentence.start]
    if organization is None:
        return chain
    if not chain and gap == _LINKS[0]:
        return [(organization, title, title_start)]
    if chain and chain[0][0] is None and gap in (_LINKS[0], _TITLE_COMMA):
        if not _is_party_title(chain[0][1], rules):  # 某学院党委书记A、院长B: B heads the 学院
            around = _around_party_group(sentence, organization, rules)
            organization = _committee_parent_or_self(sentence, around, rules)
        return [(organization, *chain[0][1:]), *chain[1:]]
    return chain


def _is_government_title(title: str, rules: RelationRules) -> bool:
    return title.endswith(tuple(rules.government_titles))


def _is_party_title(title: str, rules: RelationRules) -> bool:
    return any(word in title for word in rules.party_title_words)


def _committee_parent_or_self(
    sentence: SentenceView, organization: EntityMention, rules: RelationRules
) -> EntityMention:
    parent = _committee_parent(sentence, organization, rules)
    return parent[0] if parent else organization
