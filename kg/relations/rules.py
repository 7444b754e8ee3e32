"""The relation rules of `data/patterns/relations.yaml` as typed records, with the gazetteers they read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.config import load_data_yaml
from kg.nlp.gazetteers import Gazetteers, derived

__all__ = ["VerbRelation", "RelationRules", "load_relation_rules", "RULES_FILE"]

RULES_FILE = "patterns/relations.yaml"


@dataclass(frozen=True)
class VerbRelation:
    type: str
    subject_labels: frozenset[str]
    object_labels: frozenset[str]
    verbs: tuple[str, ...]  # longest first


@dataclass(frozen=True)
class RelationRules:
    gaz: Gazetteers  # the names the rules read: titles, places, heads, the short-form declaration
    declaration_before: re.Pattern[str]  # a short-form declaration ending where a title starts
    coordination: tuple[str, ...]
    joint_coordination: tuple[str, ...]
    coordination_adverbs: tuple[str, ...]  # longest first
    list_end: str
    roll_call_max: int  # A，B，…等出席 with more people than this: guests, not participants
    max_verb_gap: int
    clause_breaks: frozenset[str]
    verb_relations: tuple[VerbRelation, ...]
    passive_marks: tuple[str, ...]
    implied_objects: dict[str, tuple[str, ...]]  # verb → program head words it implies
    attendance_before: str
    attendance_after: tuple[str, ...]
    located_leads: tuple[str, ...]
    located_joins: tuple[str, ...]
    located_events: tuple[str, ...]
    located_verbs: tuple[str, ...]  # 在某县落户的A、B
    speaker_verbs: tuple[str, ...]  # 致辞, 主持: takes part in the article's one event
    contest_heads: tuple[str, ...]  # programs held like events (…大赛)
    referred_event_before: tuple[str, ...]  # 即将举行的, 贯彻落实: an event only referred to
    referred_event_after: tuple[str, ...]  # 精神
    branch_heads: tuple[str, ...]  # 某中心巴中分中心 → 巴中
    partner_words: tuple[str, ...]
    partner_word_leads: tuple[str, ...]  # 举行 in A与B举行战略合作签约仪式
    partner_leads: tuple[str, ...]  # A与B、C: A is the one the others partner
    partner_list_summary: re.Pattern[str]  # …、C4家上下游企业 (签约)
    subjectless_opening: re.Pattern[str]  # ，同时分别与C、D签约: the subject is the clause before's
    partner_dashes: tuple[str, ...]  # 北京大学—字节跳动: shared with the name grammar
    parent_before: tuple[str, ...]
    parent_after: tuple[str, ...]  # A是B所属的…
    topic_marks: tuple[str, ...]  # 该活动由…指导，A、B共同主办
    supporting_verbs: tuple[str, ...]  # 由A主办、B支持的E: B does not run E
    theme_clause: re.Pattern[str]  # ，以“…”为主题的 between organizers and the event
    publisher_gap: re.Pattern[str]  # 等十部门 between issuers and a title
    national_prefixes: frozenset[str]  # 中国科学院 is national, not LOCATED_IN 中国
    zone_suffixes: tuple[str, ...]  # what a zone's or park's name ends in
    party_organs: tuple[str, ...]
    committee_titles_at_parent: tuple[str, ...]  # 某大学党委副书记 → also 某大学 (党委副书记)
    party_title_words: tuple[str, ...]  # 书记, 常委: titles held in a party body
    title_modifier_max: int  # 代市长, 技术战略总工程师
    government_names: tuple[str, ...]  # 人民政府, 政府
    government_titles: dict[str, str]  # title ending → level word (县长 → 县)
    anaphor_determiners: tuple[str, ...]
    anaphor_bare: frozenset[str]
    anaphor_never: tuple[str, ...]  # name endings an anaphor never refers to
    named_determiners: tuple[str, ...]
    event_parts: tuple[str, ...]
    event_words: tuple[str, ...]  # 该活动: the article's event, after a determiner only
    anaphor_heads: dict[str, tuple[str, ...]]  # head word → name endings it may refer to


def _alternation(words: list[str]) -> str:
    return "|".join(map(re.escape, _longest_first(words)))


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@derived
def load_relation_rules(gaz: Gazetteers) -> RelationRules:
    """The rules of the data directory `gaz` was read from, built once per `gaz`."""
    raw = load_data_yaml(RULES_FILE, gaz.data_dir)
    names = gaz.names
    verbs = tuple(
        VerbRelation(r["type"], frozenset(r["subject"]), frozenset(r["object"]), _longest_first(r["verbs"]))
        for r in raw["verb_relations"]
    )
    return RelationRules(
        gaz=gaz,
        declaration_before=re.compile(gaz.declared_short_form.pattern + "$"),
        coordination=_longest_first(raw["coordination"]),
        joint_coordination=_longest_first(raw["joint_coordination"]),
        coordination_adverbs=_longest_first(raw["coordination_adverbs"]),
        list_end=raw["list_end"],
        roll_call_max=raw["roll_call_max"],
        max_verb_gap=raw["max_verb_gap"],
        clause_breaks=frozenset(raw["clause_breaks"]),
        verb_relations=verbs,
        passive_marks=tuple(raw["passive_marks"]),
        implied_objects={verb: tuple(heads) for verb, heads in raw["implied_objects"].items()},
        attendance_before=raw["attendance"]["before"],
        attendance_after=tuple(raw["attendance"]["after"]),
        located_leads=_longest_first(raw["located_leads"]),
        located_joins=tuple(raw["located_joins"]),
        located_events=_longest_first(raw["located_events"]),
        located_verbs=_longest_first(raw["located_verbs"]),
        speaker_verbs=_longest_first(raw["speaker_verbs"]),
        contest_heads=_longest_first(raw["contest_heads"]),
        referred_event_before=_longest_first(raw["referred_event_before"]),
        referred_event_after=_longest_first(raw["referred_event_after"]),
        branch_heads=_longest_first(raw["branch_heads"]),
        partner_words=_longest_first(raw["partner_words"]),
        partner_word_leads=_longest_first(raw["partner_word_leads"]),
        partner_leads=tuple(raw["partner_leads"]),
        partner_list_summary=re.compile(raw["partner_list_summary"]),
        subjectless_opening=re.compile(
            f"^(?:{_alternation(raw['subjectless_opening'])})*"
            f"(?:{_alternation([*raw['partner_leads'], *raw['joint_coordination']])})$"
        ),
        partner_dashes=tuple(names["organization"]["partner_dashes"]),
        parent_before=_longest_first(raw["parent_before"]),
        parent_after=_longest_first(raw["parent_after"]),
        topic_marks=tuple(raw["topic_marks"]),
        supporting_verbs=_longest_first(raw["supporting_verbs"]),
        theme_clause=re.compile(raw["theme_clause"]),
        publisher_gap=re.compile(raw["publisher_gap"]),
        national_prefixes=frozenset(raw["national_prefixes"]),
        zone_suffixes=_longest_first([*names["region"]["zone_suffixes"], *names["region"]["named_park_suffixes"]]),
        party_organs=_longest_first(raw["party_organs"]),
        committee_titles_at_parent=tuple(raw["committee_titles_at_parent"]),
        party_title_words=tuple(raw["party_title_words"]),
        title_modifier_max=raw["title_modifier_max"],
        government_names=_longest_first(raw["government"]["names"]),
        government_titles=dict(raw["government"]["titles"]),
        anaphor_determiners=tuple(raw["anaphora"]["determiners"]),
        anaphor_bare=frozenset(raw["anaphora"]["bare"]),
        anaphor_never=tuple(raw["anaphora"]["never"]),
        named_determiners=_longest_first(raw["anaphora"]["named_determiners"]),
        event_parts=_longest_first(raw["anaphora"]["event_parts"]),
        event_words=tuple(raw["anaphora"]["event_words"]),
        anaphor_heads={head: tuple(ends) for head, ends in raw["anaphora"]["heads"].items()},
    )
