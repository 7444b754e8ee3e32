"""kg's graph → the weighted, undirected graph of entities the measures run on.

A tie between two entities weighs the evidence of every typed relation
between them (one article's statement of a relation counts its type's
weight); two entities only named in the same sentences are tied by a tenth
of that per sentence, and only when no typed relation joins them (weights
in `data/analytics.yaml`).  Articles, issues and industries are left out.
Nodes and ties are added in key order, so the measures depend on what the
graph holds, never on the order its issues were read in.

    >>> network = entity_network(graph)  # data/samples and tests/dated
    >>> network["Person:王建国"]["Organization:临澄大学"]["weight"]  # two articles name him its 校长
    2.0
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from kg.analytics.settings import AnalyticsSettings, analytics_settings
from kg.graph.schema import graph_schema

__all__ = ["entity_network", "relation_degrees", "entity_nodes"]

_CO_OCCURS = "CO_OCCURS_WITH"


def entity_nodes(graph: nx.MultiDiGraph) -> list[str]:
    """The entity nodes' keys, sorted."""
    labels = set(graph_schema().entity_labels)
    return sorted(node for node, label in graph.nodes(data="label") if label in labels)


def entity_network(graph: nx.MultiDiGraph, settings: AnalyticsSettings | None = None) -> nx.Graph:
    """Every entity, and a tie for each pair with evidence: `weight` (evidence) and `distance` (1 / weight)."""
    settings = settings or analytics_settings()
    entities = entity_nodes(graph)
    known = set(entities)
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for source, target, data in graph.edges(data=True):
        weight = settings.relation_weights.get(data["type"])
        if weight and source != target and source in known and target in known:
            weights[_pair(source, target)] += weight
    typed = set(weights)
    for source, target, data in graph.edges(data=True):
        pair = _pair(source, target)
        if data["type"] == _CO_OCCURS and pair not in typed and source != target:
            weights[pair] += settings.co_occurrence_weight * data["weight"]
    network = nx.Graph()
    network.add_nodes_from(entities)
    for (a, b), weight in sorted(weights.items()):
        if weight > 0:
            network.add_edge(a, b, weight=weight, distance=1.0 / weight)
    return network


def relation_degrees(graph: nx.MultiDiGraph, settings: AnalyticsSettings | None = None) -> dict[str, Counter[str]]:
    """Per entity, its typed relations counted by type (in either direction; one per article)."""
    settings = settings or analytics_settings()
    degrees: dict[str, Counter[str]] = defaultdict(Counter)
    for source, target, kind in graph.edges(data="type"):
        if kind in settings.relation_weights:
            degrees[source][kind] += 1
            if target != source:
                degrees[target][kind] += 1
    return degrees


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)
