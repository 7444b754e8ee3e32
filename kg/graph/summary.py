"""What a built graph holds, for the table `kg build` ends with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from kg.graph.schema import graph_schema

__all__ = ["GraphSummary", "summarize"]


@dataclass(frozen=True)
class GraphSummary:
    labels: dict[str, int]
    relationships: dict[str, int]
    top_entities: list[tuple[str, str, int]]  # (label, name, degree)


def summarize(graph: nx.MultiDiGraph, top: int = 10) -> GraphSummary:
    """Counts per label and type, and the entities with the most typed relations and mentions."""
    schema = graph_schema()
    labels = Counter(data["label"] for _, data in graph.nodes(data=True))
    types = Counter(data["type"] for *_, data in graph.edges(data=True))
    entities = [(data["label"], data["name"], graph.degree(node)) for node, data in graph.nodes(data=True)
                if data["label"] in schema.entity_labels]
    entities.sort(key=lambda e: (-e[2], e[0], e[1]))
    return GraphSummary(
        labels={label: labels[label] for label in schema.labels if labels[label]},
        relationships={kind: types[kind] for kind in schema.relationships if types[kind]},
        top_entities=entities[:top],
    )
