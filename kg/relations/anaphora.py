"""该公司, 本届博览会, 该白皮书: the entity such a phrase stands for.

A title with no name before it (该公司总裁助理王玥, 公司董事长狄敏) belongs to
the company the article named last; in a quotation put before its speaker
(“公司联合…”，…某某有限公司首席科学家郝鹏超说) the company comes later in
the same paragraph.  本届博览会, 大会由…主办 and 该白皮书由…编制 refer back to
the article's event or document with that head word, and 出席开幕式 to its
event.  Each anaphor becomes a mention of the entity it stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kg.nlp.gazetteers import Gazetteers, derived
from kg.relations.items import EntityMention
from kg.relations.rules import RelationRules, load_relation_rules

__all__ = ["anaphor_mentions"]

_CLAUSE_START = frozenset("，。；：！？“”‘’、（）\n")
_JOINT_EVENT = "暨"  # …大会暨…论坛: 大会 refers to it too
_WRAPPERS = re.compile(r"^[《“‘]|[》”’]$|（[^（）]*）(?=》?$)")


@dataclass(frozen=True)
class _Kind:
    label: str
    pattern: re.Pattern[str]  # group 1: determiner (optional), group 2: head
    bare: frozenset[str]  # heads that count without a determiner (see `_bare_allowed`)


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def _determined_head(determiners, heads) -> re.Pattern[str]:
    """An optional determiner, then a head.  Led by a look-ahead on the characters either can start
    with: `re` then skips most positions at once instead of trying every alternative at each."""
    openings = "".join(sorted({word[0] for word in (*determiners, *heads) if word}))
    return re.compile(f"(?=[{re.escape(openings)}])({_alternation(determiners)})?({_alternation(heads)})")


@derived
def _kinds(gaz: Gazetteers) -> tuple[_Kind, ...]:
    rules = load_relation_rules(gaz)
    organizations = _Kind(
        "Organization",
        _determined_head(rules.anaphor_determiners, rules.anaphor_heads),
        rules.anaphor_bare,
    )
    named = []
    for label, heads, bare in (
        ("Event", (*gaz.event_heads, *rules.event_parts, *rules.event_words), (*gaz.event_heads, *rules.event_parts)),
        ("Document", gaz.document_heads, gaz.document_heads),
        ("Program", gaz.program_heads, gaz.program_heads),
    ):
        named.append(_Kind(label, _determined_head(rules.named_determiners, heads), frozenset(bare)))
    return (organizations, *named)


@derived
def _verbs(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(v for rule in load_relation_rules(gaz).verb_relations for v in rule.verbs)


def _bare_allowed(text: str, start: int, end: int, rules: RelationRules) -> bool:
    """A bare head refers back at a clause start (大会由…), right after a verb (出席论坛)
    or as the place something is said (在峰会上)."""
    if start > 0 and text[start - 1] == rules.attendance_before and text.startswith(rules.attendance_after, end):
        return True
    return start == 0 or text[start - 1] in _CLAUSE_START or text.endswith(_verbs(rules.gaz), 0, start)


def _core(name: str) -> str:
    """《苏州…白皮书（2024）》 → 苏州…白皮书: the part a head word ends."""
    return _WRAPPERS.sub("", _WRAPPERS.sub("", name))


def _refers_to(mention: EntityMention, label: str, head: str, rules: RelationRules) -> bool:
    if mention.label != label:
        return False
    if label == "Organization":
        return mention.name.endswith(rules.anaphor_heads[head]) and not mention.name.endswith(rules.anaphor_never)
    return (
        head in rules.event_parts
        or head in rules.event_words
        or any(part.endswith(head) for part in _core(mention.name).split(_JOINT_EVENT))
    )


def _only_referred_to(text: str, mention: EntityMention, rules: RelationRules) -> bool:
    """贯彻落实…会议精神: an event only referred to is no meeting a later 会议 stands for."""
    return mention.label == "Event" and (
        text.endswith(rules.referred_event_before, 0, mention.start)
        or text.startswith(rules.referred_event_after, mention.end)
    )


def anaphor_mentions(
    text: str, paragraphs: list[tuple[int, int]], mentions: list[EntityMention], rules: RelationRules
) -> list[EntityMention]:
    """A mention for each anaphor whose entity can be found.

    `mentions` are in text order (by start, the longer first); `paragraphs` in
    text order, none inside another.
    """
    candidates = [m for m in mentions if not m.nested and not _only_referred_to(text, m, rules)]
    taken = bytearray(len(text))  # characters of a mention or an anaphor found: no anaphor overlaps one
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    paragraph_starts = [a for a, _ in paragraphs]
    referents: dict[tuple[str, str], _Referents] = {}
    found = []
    for kind in _kinds(rules.gaz):
        for match in kind.pattern.finditer(text):
            start, end = match.span()
            determiner, head = match.group(1), match.group(2)
            if taken.find(1, start, end) >= 0:
                continue
            if (
                determiner is None
                and head not in rules.event_parts
                and not (head in kind.bare and _bare_allowed(text, start, end, rules))
            ):
                continue
            paragraph = _paragraph_at(start, end, paragraphs, paragraph_starts)
            if (kind.label, head) not in referents:
                referents[kind.label, head] = _Referents(
                    [m for m in candidates if _refers_to(m, kind.label, head, rules)]
                )
            antecedent = referents[kind.label, head].antecedent(
                start, paragraph, allow_later=kind.label == "Organization"
            )
            if antecedent is not None:
                found.append(EntityMention(antecedent.name, antecedent.label, start, end, nested=False))
                taken[start:end] = b"\x01" * (end - start)
    return found


def _paragraph_at(
    start: int, end: int, paragraphs: list[tuple[int, int]], paragraph_starts: list[int]
) -> tuple[int, int]:
    """The paragraph holding `start`, or the anaphor itself outside any (a headline)."""
    index = bisect_right(paragraph_starts, start) - 1
    if index >= 0 and start < paragraphs[index][1]:
        return paragraphs[index]
    return (start, end)


class _Referents:
    """The mentions one anaphor's head can stand for, in text order, looked up by position."""

    def __init__(self, mentions: list[EntityMention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]

    def antecedent(self, position: int, paragraph: tuple[int, int], *, allow_later: bool) -> EntityMention | None:
        """The last mention before `position` in its paragraph; else, when `allow_later`, the
        first after it in the paragraph; else the last before it anywhere."""
        before = self._last_ending_by(position)
        if before is not None and before.start >= paragraph[0]:
            return before
        if allow_later:
            index = bisect_right(self.starts, position)
            if index < len(self.mentions) and self.mentions[index].start < paragraph[1]:
                return self.mentions[index]
        return before

    def _last_ending_by(self, position: int) -> EntityMention | None:
        """The last mention in text order that ends at or before `position`.

        Every such mention starts before `position`; from the last of those, only
        mentions running across `position` are passed over.
        """
        for index in range(bisect_left(self.starts, position) - 1, -1, -1):
            if self.mentions[index].end <= position:
                return self.mentions[index]
        return None
