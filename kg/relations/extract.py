"""An article's relations, found once each, as the guide's `relations` records."""

from __future__ import annotations

from kg import models
from kg.models import Article
from kg.nlp.aliases import ArticleEntity
from kg.relations.context import sentence_views
from kg.relations.items import EntityMention, Relation
from kg.relations.names import hierarchy_relations, name_relations
from kg.relations.positions import position_relations
from kg.relations.publishers import publisher_relations
from kg.relations.rules import relation_rules
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

_SYMMETRIC = frozenset({"PARTNERS_WITH"})


def article_relations(article: Article, text: str, entities: list[ArticleEntity]) -> list[Relation]:
    """Every relation of the article, in text order, each once (first evidence kept)."""
    sentences = sentence_views(article, text, entities)
    programs = [m for s in sentences for m in s.mentions if m.label == "Program"]
    rules = relation_rules()
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
    targets, event = implied_targets(programs), the_one_event(events)
    found: list[Relation] = []
    for sentence in sentences:
        found += position_relations(sentence, governments)
        found += verb_relations(sentence)
        found += implied_relations(sentence, targets)
        found += attendance_relations(sentence)
        found += speaker_relations(sentence, event)
        found += partner_relations(sentence)
        found += placement_relations(sentence)
        found += publisher_relations(sentence)
    found += name_relations(entities, sentences)
    found += hierarchy_relations(entities, sentences)
    unique: dict[tuple, Relation] = {}
    for relation in sorted(found, key=lambda r: (r.sentence.start, r.type)):
        unique.setdefault(_identity(relation), relation)
    return list(unique.values())


def _last_of_each(mentions: list[EntityMention]) -> list[EntityMention]:
    """One mention per entity (its last), in the order entities first appear: what each
    sentence looks the article's governments up in, without walking every mention again."""
    latest: dict[tuple[str, str], EntityMention] = {}
    for mention in mentions:
        latest[mention.key] = mention
    return list(latest.values())


def _identity(relation: Relation) -> tuple:
    if relation.type in _SYMMETRIC:
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
