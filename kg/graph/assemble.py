"""Extraction records → a networkx MultiDiGraph of issues, articles, entities and industries.

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

__all__ = ["new_graph", "add_records", "build_graph", "build_graph_streamed"]

_IDENTITY = "kg_identity"
# Record field → node property, for the dates a record carries when it has them.
_ISSUE_DATING = {"issue_date": "date", "issue_number": "number", "issue_total_number": "total_number",
                 "issue_dated_by": "dated_by"}
_ARTICLE_DATING = {"date": "date", "dated_by": "dated_by"}


def _known(record: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    """The fields the record has a value for, under their property names."""
    return {prop: record[field] for field, prop in fields.items() if record.get(field) is not None}


def new_graph(taxonomy: Taxonomy | None = None) -> nx.MultiDiGraph:
    """An empty graph holding the industry taxonomy's nodes."""
    graph = nx.MultiDiGraph()
    for industry in (taxonomy or load_taxonomy()).industries:
        key = node_key("Industry", industry.name)
        graph.add_node(key, key=key, label="Industry", name=industry.name, group=industry.group,
                       **({"parent": industry.parent} if industry.parent else {}))
    return graph


def build_graph(records: Iterable[dict[str, Any]], taxonomy: Taxonomy | None = None) -> nx.MultiDiGraph:
    graph = new_graph(taxonomy)
    add_records(graph, records)
    return graph


def _identity(graph: nx.MultiDiGraph) -> EntityIdentity:
    """The identity rules travel with the graph (not as graph data: exporters skip it)."""
    found = getattr(graph, _IDENTITY, None)
    if found is None:
        found = EntityIdentity()
        setattr(graph, _IDENTITY, found)
    return found


def add_records(graph: nx.MultiDiGraph, records: Iterable[dict[str, Any]]) -> None:
    """Add articles (the records of `kg extract`) to the graph."""
    records = list(records)
    identity = _identity(graph)
    identity.learn(records)
    for record in records:
        _add_record(graph, record, identity)


def build_graph_streamed(read_records: Callable[[], Iterable[dict[str, Any]]],
                         taxonomy: Taxonomy | None = None) -> nx.MultiDiGraph:
    """The graph `build_graph` makes, from records read twice and never held: short forms first, then each record.

    `read_records()` yields the records afresh each time it is called (a
    JSONL file read from disk), so memory holds the graph and one record,
    not the corpus.  Example: `build_graph_streamed(lambda: read_jsonl(path))`
    """
    graph = new_graph(taxonomy)
    identity = _identity(graph)
    identity.learn(read_records())
    for record in read_records():
        _add_record(graph, record, identity)
    return graph


def _add_record(graph: nx.MultiDiGraph, record: dict[str, Any], identity: EntityIdentity) -> None:
    """One article: its node, entities, industries, relations and co-occurrences; `identity` has learnt the corpus."""
    _add_article(graph, record)
    keys = _add_entities(graph, record, identity)
    _add_industries(graph, record)
    _add_relations(graph, record, keys)
    _add_co_occurrences(graph, record, keys)


def _add_article(graph: nx.MultiDiGraph, record: dict[str, Any]) -> None:
    issue = node_key("Issue", record["issue"])
    if issue not in graph:
        graph.add_node(issue, key=issue, label="Issue", name=record.get("source", record["issue"]),
                       issue_id=record["issue"], **_known(record, _ISSUE_DATING))
    article = node_key("Article", record["article"])
    properties = {"key": article, "label": "Article", "name": record["title"], "article_id": record["article"],
                  "issue": record["issue"], "title": record["title"], "position": record["position"],
                  "untitled": record["untitled"], **_known(record, _ARTICLE_DATING)}
    if record.get("section"):
        properties["section"] = record["section"]
    graph.add_node(article, **properties)
    graph.add_edge(issue, article, key="HAS_ARTICLE", type="HAS_ARTICLE")


def _add_entities(graph: nx.MultiDiGraph, record: dict[str, Any], identity: EntityIdentity) -> dict[tuple[str, str], str]:
    """Entity nodes and MENTIONS edges; returns (label, article name) → node key."""
    article = node_key("Article", record["article"])
    keys: dict[tuple[str, str], str] = {}
    for entity in record["entities"]:
        label = entity["label"]
        name = identity.canonical(label, entity["name"])
        key = node_key(label, name)
        keys[(label, entity["name"])] = key
        if key in graph:
            aliases = set(graph.nodes[key]["aliases"]) | set(entity["aliases"])
            graph.nodes[key]["aliases"] = sorted(aliases)
        else:
            graph.add_node(key, key=key, label=label, name=name, aliases=sorted(set(entity["aliases"]) | {name}))
        graph.add_edge(article, key, key="MENTIONS", type="MENTIONS", count=len(entity["mentions"]),
                       first_offset=min(m["start"] for m in entity["mentions"]))
    return keys


def _add_industries(graph: nx.MultiDiGraph, record: dict[str, Any]) -> None:
    article = node_key("Article", record["article"])
    for rank, industry in enumerate(record["industries"], start=1):
        graph.add_edge(article, node_key("Industry", industry["name"]), key="ABOUT", type="ABOUT",
                       score=float(industry["score"]), rank=rank)


def _add_relations(graph: nx.MultiDiGraph, record: dict[str, Any], keys: dict[tuple[str, str], str]) -> None:
    for relation in record["relations"]:
        source = keys[(relation["source_label"], relation["source"])]
        target = keys[(relation["target_label"], relation["target"])]
        title = relation["properties"].get("title")
        edge = f"{relation['type']}@{record['article']}" + (f":{title}" if title else "")
        graph.add_edge(source, target, key=edge, type=relation["type"], evidence=relation["evidence"],
                       article=record["article"], start=relation["start"], end=relation["end"],
                       basis=relation["basis"], **_known(record, {"date": "date"}), **relation["properties"])


def _add_co_occurrences(graph: nx.MultiDiGraph, record: dict[str, Any], keys: dict[tuple[str, str], str]) -> None:
    """Entities named in one sentence; weights count sentences, per article."""
    spans = sorted((m["start"], m["end"], keys[(e["label"], e["name"])]) for e in record["entities"]
                   for m in e["mentions"])
    starts = [s for s, _, _ in spans]
    pairs: Counter[tuple[str, str]] = Counter()
    for start, end in record["sentences"]:  # the mentions starting in the sentence, found by bisection
        inside = sorted({key for _, e, key in spans[bisect_left(starts, start):bisect_left(starts, end)] if e <= end})
        pairs.update(combinations(inside, 2))
    article = record["article"]
    for (a, b), weight in pairs.items():
        if not graph.has_edge(a, b, key="CO_OCCURS_WITH"):
            graph.add_edge(a, b, key="CO_OCCURS_WITH", type="CO_OCCURS_WITH", weight=0, articles=0,
                           article_ids=[], article_weights=[])
        edge = graph.edges[a, b, "CO_OCCURS_WITH"]
        if article in edge["article_ids"]:
            continue
        edge["article_ids"].append(article)
        edge["article_weights"].append(weight)
        edge["weight"] += weight
        edge["articles"] += 1
