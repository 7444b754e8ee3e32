"""An article's relations, found once each, as the guide's `relations` records."""

from __future__ import annotations

from kg import models
from kg.graph.schema import graph_schema
from kg.models import Article
from kg.nlp.aliases import ArticleEntity
from kg.relations.context import sentence_views
from kg.relations.items import EntityMention, Relation
from kg.relations.names import hierarchy_relations, name_relations
from kg.relations.positions import position_relations
from kg.relations.publishers import publisher_relations
from kg.relations.rules import RelationRules
from kg.relations.verbs import (
    attendance_relations,
    implied_relations,
    implied_targets,
    partner_relations,
    placement_relations,
    speaker_relations,
    the_one_event,
    verb_relations,
)

__all__ = ["article_relations", "relation_records"]


def article_relations(
    article: Article, text: str, entities: list[ArticleEntity], rules: RelationRules
) -> list[Relation]:
    """Every relation of the article, in text order, each once (first evidence kept)."""
    sentences = sentence_views(article, text, entities, rules)
    programs = [m for s in sentences for m in s.mentions if m.label == "Program"]
    events = [
        m
        for s in sentences
        for m in s.top_level
        if m.label == "Event"
        and not s.before(m).endswith(rules.referred_event_before)
        and not s.after(m).startswith(rules.referred_event_after)
    ]
    governments = _last_of_each(
        [
            m
            for s in sentences
            for m in s.top_level
            if m.label == "Organization" and m.name.endswith(rules.government_names)
        ]
    )
    targets = implied_targets(programs, rules)
    event = _headline_event(article, events, programs, rules) or the_one_event(events)
    found: list[Relation] = []
    for sentence in sentences:
        found += position_relations(sentence, rules, governments)
        found += verb_relations(sentence, rules)
        found += implied_relations(sentence, targets, rules)
        found += attendance_relations(sentence, rules)
        found += speaker_relations(sentence, event, rules)
        found += partner_relations(sentence, rules)
        found += placement_relations(sentence, rules)
        found += publisher_relations(sentence, rules)
    found += name_relations(entities, sentences, rules)
    found += hierarchy_relations(entities, sentences, rules)
    unique: dict[tuple, Relation] = {}
    symmetric = graph_schema().symmetric_types
    for relation in sorted(found, key=lambda r: (r.sentence.start, r.type)):
        unique.setdefault(_identity(relation, symmetric), relation)
    return list(unique.values())


def _headline_event(
    article: Article, events: list[EntityMention], programs: list[EntityMention], rules: RelationRules
) -> tuple[str, str] | None:
    """The event the headline names (or, naming none, its one contest: …大赛圆满落幕): where the
    story's speeches are given, whatever other meetings its body mentions."""
    if article.headline is None:
        return None
    start, end = article.headline.start - article.start, article.headline.end - article.start
    contests = [m for m in programs if m.name.endswith(rules.contest_heads)]
    return the_one_event([m for m in events if start <= m.start and m.end <= end]) or the_one_event(
        [m for m in contests if start <= m.start and m.end <= end]
    )


def _last_of_each(mentions: list[EntityMention]) -> list[EntityMention]:
    """One mention per entity (its last), in the order entities first appear: what each
    sentence looks the article's governments up in, without walking every mention again."""
    latest: dict[tuple[str, str], EntityMention] = {}
    for mention in mentions:
        latest[mention.key] = mention
    return list(latest.values())


def _identity(relation: Relation, symmetric: frozenset[str]) -> tuple:
    if relation.type in symmetric:
        ends = tuple(sorted([relation.source, relation.target]))
        return (ends, relation.type)
    return relation.identity


def relation_records(article: Article, relations: list[Relation]) -> tuple[models.Relation, ...]:
    """The article's relations as typed records; evidence offsets index the issue's text."""
    return tuple(
        models.Relation(
            r.source[1],
            r.source[0],
            r.type,
            r.target[1],
            r.target[0],
            dict(r.properties),
            r.sentence.text,
            article.start + r.sentence.start,
            article.start + r.sentence.end,
            r.basis,
        )
        for r in relations
    )
