"""An article's sentences, each with the entity mentions it holds."""

from __future__ import annotations

from bisect import bisect_left

from kg.models import Article
from kg.nlp.aliases import ArticleEntity
from kg.relations.anaphora import anaphor_mentions
from kg.relations.items import EntityMention, SentenceView
from kg.relations.rules import RelationRules

__all__ = ["entity_mentions", "sentence_views"]


def entity_mentions(entities: list[ArticleEntity]) -> list[EntityMention]:
    """Every mention of every entity, marking those inside a longer one."""
    spans = [(e, s, t) for e in entities for s, t in e.mentions]
    nested = _nested_spans({(s, t) for _, s, t in spans})
    mentions = [
        EntityMention(entity.name, entity.label, start, end, (start, end) in nested) for entity, start, end in spans
    ]
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _nested_spans(spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans inside another, longer one, in one sweep: every span sorted before a span
    (start before it, or the same start and a later end) that ends at or after its end holds it."""
    nested = set()
    furthest = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if furthest >= end:
            nested.add((start, end))
        furthest = max(furthest, end)
    return nested


def sentence_views(
    article: Article, text: str, entities: list[ArticleEntity], rules: RelationRules
) -> list[SentenceView]:
    """Headline, subheadings and body sentences, in text order, with their mentions.

    `text` is the article's text; offsets are relative to it.  Anaphors
    (该公司) count as mentions of the organization they stand for.
    """
    spans = [(s.start, s.end) for s in article.sentences]
    spans += [(p.start, p.end) for p in article.subheadings]
    if article.headline is not None:
        spans.append((article.headline.start, article.headline.end))
    mentions = entity_mentions(entities)
    paragraphs = [(p.start - article.start, p.end - article.start) for p in article.paragraphs]
    mentions = sorted(mentions + anaphor_mentions(text, paragraphs, mentions, rules), key=lambda m: (m.start, -m.end))
    starts = [m.start for m in mentions]
    views = []
    for start, end in sorted(set(spans)):
        start, end = start - article.start, end - article.start
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        inside = tuple(m for m in mentions[first:last] if m.end <= end)
        views.append(SentenceView(start, end, text[start:end], inside))
    return views
