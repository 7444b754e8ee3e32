"""How long the measures of `kg.analytics` take on large builds.

Builds the samples' graph and copies it N times (copy i renames every node
but the regions with a `#i` suffix, so the copies share their places, as the
issues of one newsletter do, and the entity network is one large component:
the hard case for betweenness).  Prints the entities and ties of the entity
network and the seconds each measure takes with the parameters of
`data/analytics.yaml` (betweenness exact up to `exact_up_to` entities,
sampled above), and with `--exact` also exact betweenness.

    python benchmarks/analytics_speed.py [--copies 10 100] [--exact]
"""

from __future__ import annotations

import argparse
import time

import networkx as nx

from kg.analytics.measures import louvain_communities, measure_entities
from kg.analytics.network import entity_network
from kg.analytics.settings import analytics_settings
from kg.config import SAMPLES_DIR
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import extract_records, read_corpus


def copies_sharing_regions(graph: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """`copies` renamed copies of the graph that share its Region nodes."""
    big = nx.MultiDiGraph()
    for i in range(copies):
        rename = {node: node if data["label"] == "Region" else f"{node}#{i}" for node, data in graph.nodes(data=True)}
        for node, data in graph.nodes(data=True):
            big.add_node(rename[node], **{**data, "key": rename[node]})
        for source, target, key, data in graph.edges(keys=True, data=True):
            big.add_edge(rename[source], rename[target], key=key, **data)
    return big


def _timed(what: str, work):
    start = time.perf_counter()
    result = work()
    print(f"  {what:<34} {time.perf_counter() - start:8.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--exact", action="store_true", help="also time exact betweenness")
    args = parser.parse_args()
    settings = analytics_settings()
    sample = KnowledgeGraph.from_records(extract_records(read_corpus([str(SAMPLES_DIR)]).issues)).to_networkx()
    for copies in args.copies:
        graph = copies_sharing_regions(sample, copies)
        network = entity_network(graph, settings)
        print(
            f"{copies}× the samples: {network.number_of_nodes():,} entities, {network.number_of_edges():,} ties, "
            f"{nx.number_connected_components(network):,} components"
        )
        _timed("entity network", lambda: entity_network(graph, settings))
        _timed(
            "PageRank",
            lambda: nx.pagerank(
                network,
                alpha=settings.pagerank.alpha,
                weight="weight",
                tol=settings.pagerank.tolerance,
                max_iter=settings.pagerank.max_iterations,
            ),
        )
        _timed("Louvain", lambda: louvain_communities(network, settings))
        if args.exact:
            _timed("betweenness, exact", lambda: nx.betweenness_centrality(network, weight="distance"))
        _timed("all measures (data/analytics.yaml)", lambda: measure_entities(graph, settings))


if __name__ == "__main__":
    main()
