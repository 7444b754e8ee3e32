"""Who matters in the graph: PageRank, betweenness, communities, brokers, degree by relation type.

`measure_entities(graph)` computes, for every entity, the properties that
`annotate_measures(graph)` writes onto its node, so that every export and
Neo4j carry them (they are declared in `schemas/graph.yaml`):

- `pagerank`: weighted PageRank on the entity network (`kg.analytics.network`);
- `betweenness`: share of weighted shortest paths through the entity, 0..1;
- `community`: its Louvain community, numbered by size (0 is the largest);
- `communities_joined`, `industries_joined`: how many communities and main
  industries it and its neighbours belong to; a broker joins two or more;
- `degree` and `degree_<type>`: its typed relations, all and by type;
- `mentions`, `industry`, `industries`: how often articles name it, and the
  industries of those articles (the first is its main one).

The parameters are `data/analytics.yaml`'s.  Example, on the samples' graph::

    >>> annotate_measures(graph).nodes["Organization:北京大学"]["community"]
    4
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from kg.analytics.context import entity_industries, main_industry, mention_counts
from kg.analytics.network import entity_network, relation_degrees
from kg.analytics.settings import AnalyticsSettings, analytics_settings
from kg.graph.knowledge import KnowledgeGraph

__all__ = ["measure_entities", "annotate_measures", "louvain_communities", "degree_property", "MEASURE_PROPERTIES"]

MEASURE_PROPERTIES = (
    "pagerank",
    "betweenness",
    "community",
    "communities_joined",
    "industries_joined",
    "degree",
    "mentions",
    "industry",
    "industries",
)


def degree_property(kind: str) -> str:
    """The node property counting an entity's relations of one type: PARTNERS_WITH → `degree_partners_with`."""
    return f"degree_{kind.lower()}"


def louvain_communities(network: nx.Graph, settings: AnalyticsSettings | None = None) -> list[frozenset[str]]:
    """Louvain communities, seeded, largest first (ties: the one with the first key first)."""
    settings = settings or analytics_settings()
    found = nx.community.louvain_communities(
        network,
        weight="weight",
        resolution=settings.communities.resolution,
        threshold=settings.communities.threshold,
        seed=settings.communities.seed,
    )
    return sorted((frozenset(c) for c in found), key=lambda c: (-len(c), min(c)))


def _betweenness(network: nx.Graph, settings: AnalyticsSettings) -> dict[str, float]:
    """Exact up to `exact_up_to` entities; above, estimated from `samples` seeded sources."""
    options = settings.betweenness
    sources = None if network.number_of_nodes() <= options.exact_up_to else options.samples
    return nx.betweenness_centrality(network, k=sources, normalized=True, weight="distance", seed=options.seed)


def _rounded(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


def measure_entities(
    graph: nx.MultiDiGraph, settings: AnalyticsSettings | None = None, network: nx.Graph | None = None
) -> dict[str, dict[str, Any]]:
    """Every entity's measures, as node properties (see the module's docstring); `network` is the graph's
    `entity_network`, when the caller has it already."""
    settings = settings or analytics_settings()
    network = network if network is not None else entity_network(graph, settings)
    if network.number_of_nodes() == 0:
        return {}
    ranks = nx.pagerank(
        network,
        alpha=settings.pagerank.alpha,
        weight="weight",
        tol=settings.pagerank.tolerance,
        max_iter=settings.pagerank.max_iterations,
    )
    between = _betweenness(network, settings)
    community = {
        node: number for number, members in enumerate(louvain_communities(network, settings)) for node in members
    }
    industries = entity_industries(graph)
    main = {node: main_industry(industries.get(node, Counter())) for node in network}
    degrees = relation_degrees(graph, settings)
    mentions = mention_counts(graph)
    digits = settings.significant_digits
    measures = {}
    for node in network:
        around = [node, *network.neighbors(node)]
        weights = industries.get(node, Counter())
        properties: dict[str, Any] = {
            "pagerank": _rounded(ranks[node], digits),
            "betweenness": _rounded(between[node], digits),
            "community": community[node],
            "communities_joined": len({community[n] for n in around}),
            "industries_joined": len({main[n] for n in around} - {None}),
            "degree": sum(degrees[node].values()) if node in degrees else 0,
            **{
                degree_property(kind): degrees[node][kind] if node in degrees else 0
                for kind in settings.relation_weights
            },
            "mentions": mentions[node],
            "industries": sorted(weights, key=lambda name: (-weights[name], name)),
        }
        if main[node] is not None:
            properties["industry"] = main[node]
        measures[node] = properties
    return measures


def annotate_measures(graph: KnowledgeGraph, settings: AnalyticsSettings | None = None) -> KnowledgeGraph:
    """Write every entity's measures onto its node (replacing earlier ones); returns the graph."""
    for node, properties in measure_entities(graph.to_networkx(), settings).items():
        graph.set_properties(node, properties, replace=("industry",))
    return graph
