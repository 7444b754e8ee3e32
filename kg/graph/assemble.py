"""Extractions → the networkx MultiDiGraph inside `KnowledgeGraph`: issues, articles, entities, industries.

Nodes are keyed `<Label>:<name or id>` (see `identity.node_key`) and carry
the properties `schemas/graph.yaml` declares.  Edges are keyed so that the
same fact found again is the same edge: `MENTIONS`, `ABOUT`, `HAS_ARTICLE`
once per pair; a typed relation once per article (and title); one
`CO_OCCURS_WITH` per entity pair, whose weight sums per-article counts kept
on the edge, so adding an article twice never counts it twice.  Records are
added in order, so building twice gives the same graph, and adding an issue
adds to the graph without changing what was there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import combinations
from typing import Any

import networkx as nx

from kg.graph.identity import EntityIdentity, node_key
from kg.industries import Taxonomy, load_taxonomy
from kg.models import ArticleExtraction

__all__ = ["new_graph", "add_articles", "add_articles_streamed"]

# Extraction field → node property, for the dates an article carries when it has them.
_ISSUE_DATING = {
    "issue_date": "date",
    "issue_number": "number",
    "issue_total_number": "total_number",
    "issue_dated_by": "dated_by",
}
_ARTICLE_DATING = {"date": "date", "dated_by": "dated_by"}


def _known(article: ArticleExtraction, fields: dict[str, str]) -> dict[str, Any]:
    """The fields the article has a value for, under their property names (dates as ISO strings)."""
    values = {prop: getattr(article, field) for field, prop in fields.items()}
    return {
        prop: value.isoformat() if hasattr(value, "isoformat") else value
        for prop, value in values.items()
        if value is not None
    }


def new_graph(taxonomy: Taxonomy | None = None) -> nx.MultiDiGraph:
    """An empty graph holding the industry taxonomy's nodes."""
    graph = nx.MultiDiGraph()
    for industry in (taxonomy or load_taxonomy()).industries:
        key = node_key("Industry", industry.name)
        graph.add_node(
            key,
            key=key,
            label="Industry",
            name=industry.name,
            group=industry.group,
            **({"parent": industry.parent} if industry.parent else {}),
        )
    return graph


def add_articles(graph: nx.MultiDiGraph, identity: EntityIdentity, articles: Iterable[ArticleExtraction]) -> None:
    """Add extracted articles to the graph; `identity` (kept with the graph) learns their short forms first."""
    records = list(articles)
    identity.learn(records)
    for record in records:
        _add_record(graph, record, identity)


def add_articles_streamed(
    graph: nx.MultiDiGraph, identity: EntityIdentity, read_articles: Callable[[], Iterable[ArticleExtraction]]
) -> None:
    """`add_articles` of articles read twice and never held: short forms first, then each article.

    `read_articles()` yields the articles afresh each time it is called (a
    JSONL file read from disk), so memory holds the graph and one article,
    not the corpus.
    """
    identity.learn(read_articles())
    for record in read_articles():
        _add_record(graph, record, identity)


def _add_record(graph: nx.MultiDiGraph, record: ArticleExtraction, identity: EntityIdentity) -> None:
    """One article: its node, entities, industries, relations and co-occurrences; `identity` has learnt the corpus."""
    _add_article(graph, record)
    keys = _add_entities(graph, record, identity)
    _add_industries(graph, record)
    _add_relations(graph, record, keys)
    _add_co_occurrences(graph, record, keys)


def _add_article(graph: nx.MultiDiGraph, record: ArticleExtraction) -> None:
    issue = node_key("Issue", record.issue)
    if issue not in graph:
        graph.add_node(
            issue, key=issue, label="Issue", name=record.source, issue_id=record.issue, **_known(record, _ISSUE_DATING)
        )
    article = node_key("Article", record.article)
    properties = {
        "key": article,
        "label": "Article",
        "name": record.title,
        "article_id": record.article,
        "issue": record.issue,
        "title": record.title,
        "position": record.position,
        "untitled": record.untitled,
        **_known(record, _ARTICLE_DATING),
    }
    if record.section:
        properties["section"] = record.section
    graph.add_node(article, **properties)
    graph.add_edge(issue, article, key="HAS_ARTICLE", type="HAS_ARTICLE")


def _add_entities(
    graph: nx.MultiDiGraph, record: ArticleExtraction, identity: EntityIdentity
) -> dict[tuple[str, str], str]:
    """Entity nodes and MENTIONS edges; returns (label, article name) → node key."""
    article = node_key("Article", record.article)
    keys: dict[tuple[str, str], str] = {}
    for entity in record.entities:
        label = entity.label
        name = identity.canonical(label, entity.name)
        key = node_key(label, name)
        keys[(label, entity.name)] = key
        if key in graph:
            aliases = set(graph.nodes[key]["aliases"]) | set(entity.aliases)
            graph.nodes[key]["aliases"] = sorted(aliases)
        else:
            graph.add_node(key, key=key, label=label, name=name, aliases=sorted(set(entity.aliases) | {name}))
        graph.add_edge(
            article,
            key,
            key="MENTIONS",
            type="MENTIONS",
            count=len(entity.mentions),
            first_offset=min(m.start for m in entity.mentions),
        )
    return keys


def _add_industries(graph: nx.MultiDiGraph, record: ArticleExtraction) -> None:
    article = node_key("Article", record.article)
    for rank, industry in enumerate(record.industries, start=1):
        graph.add_edge(
            article, node_key("Industry", industry.name), key="ABOUT", type="ABOUT", score=industry.score, rank=rank
        )


def _add_relations(graph: nx.MultiDiGraph, record: ArticleExtraction, keys: dict[tuple[str, str], str]) -> None:
    for relation in record.relations:
        source = keys[(relation.source_label, relation.source)]
        target = keys[(relation.target_label, relation.target)]
        title = relation.properties.get("title")
        edge = f"{relation.type}@{record.article}" + (f":{title}" if title else "")
        graph.add_edge(
            source,
            target,
            key=edge,
            type=relation.type,
            evidence=relation.evidence,
            article=record.article,
            start=relation.start,
            end=relation.end,
            basis=relation.basis,
            **_known(record, {"date": "date"}),
            **relation.properties,
        )


def _add_co_occurrences(graph: nx.MultiDiGraph, record: ArticleExtraction, keys: dict[tuple[str, str], str]) -> None:
    """Entities named in one sentence; weights count sentences, per article."""
    spans = sorted((m.start, m.end, keys[(e.label, e.name)]) for e in record.entities for m in e.mentions)
    starts = [s for s, _, _ in spans]
    pairs: Counter[tuple[str, str]] = Counter()
    for start, end in record.sentences:  # the mentions starting in the sentence, found by bisection
        inside = sorted({key for _, e, key in spans[bisect_left(starts, start) : bisect_left(starts, end)] if e <= end})
        pairs.update(combinations(inside, 2))
    article = record.article
    for (a, b), weight in pairs.items():
        if not graph.has_edge(a, b, key="CO_OCCURS_WITH"):
            graph.add_edge(
                a,
                b,
                key="CO_OCCURS_WITH",
                type="CO_OCCURS_WITH",
                weight=0,
                articles=0,
                article_ids=[],
                article_weights=[],
            )
        edge = graph.edges[a, b, "CO_OCCURS_WITH"]
        if article in edge["article_ids"]:
            continue
        edge["article_ids"].append(article)
        edge["article_weights"].append(weight)
        edge["weight"] += weight
        edge["articles"] += 1
