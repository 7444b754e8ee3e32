"""What a built graph holds, for the table `kg build` ends with."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.graph.schema import graph_schema

if TYPE_CHECKING:
    from kg.graph.knowledge import KnowledgeGraph

__all__ = ["GraphSummary", "summarize"]


@dataclass(frozen=True)
class GraphSummary:
    labels: dict[str, int]
    relationships: dict[str, int]
    top_entities: list[tuple[str, str, int]]  # (label, name, degree)


def summarize(graph: KnowledgeGraph, top: int = 10) -> GraphSummary:
    """Counts per label and type, and the entities with the most typed relations and mentions."""
    schema = graph_schema()
    labels = Counter(data["label"] for _, data in graph.nodes())
    types = Counter(edge.type for edge in graph.edges())
    entities = [
        (data["label"], data["name"], graph.degree(node))
        for node, data in graph.nodes()
        if data["label"] in schema.entity_labels
    ]
    entities.sort(key=lambda e: (-e[2], e[0], e[1]))
    return GraphSummary(
        labels={label: labels[label] for label in schema.labels if labels[label]},
        relationships={kind: types[kind] for kind in schema.relationships if types[kind]},
        top_entities=entities[:top],
    )
