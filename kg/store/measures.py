"""The measures of everything Neo4j holds, after `kg load` adds to it.

A load writes the measures of the graph it loads.  When the store already
held other issues, those are the measures of a part, so `remeasure_store`
reads back what the measures need (entities, typed relations, mentions,
industries, co-occurrences; no evidence text), measures it with
`kg.analytics`, and writes every entity's measures again.  Loading issue by
issue thus ends with the measures of loading them all at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from neo4j import Driver

from kg.analytics.measures import MEASURE_PROPERTIES, degree_property, measure_entities
from kg.analytics.settings import AnalyticsSettings, analytics_settings
from kg.graph.knowledge import KnowledgeGraph
from kg.graph.schema import GraphSchema, graph_schema
from kg.store import cypher

__all__ = ["stored_graph", "remeasure_store"]

_SIZE = 2000
_CONTEXT = ("MENTIONS", "ABOUT", "CO_OCCURS_WITH")


def stored_graph(
    driver: Driver, database: str, settings: AnalyticsSettings | None = None, schema: GraphSchema | None = None
) -> KnowledgeGraph:
    """The stored graph, as much of it as the measures read."""
    settings = settings or analytics_settings()
    schema = schema or graph_schema()
    graph = KnowledgeGraph.empty()
    nodes, _, _ = driver.execute_query(cypher.measured_nodes(), shared=schema.shared_entity_label, database_=database)
    for row in nodes:
        graph.add_node(row["key"], label=row["label"], name=row["name"])
    types = [*settings.relation_weights, *_CONTEXT]
    edges, _, _ = driver.execute_query(cypher.measured_relationships(), types=types, database_=database)
    for row in edges:
        values = {k: row[k] for k in ("count", "score", "weight") if row[k] is not None}
        graph.add_edge(row["source"], row["target"], row["id"], row["type"], **values)
    return graph


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), _SIZE):
        yield rows[start : start + _SIZE]


def remeasure_store(
    driver: Driver, database: str, loaded: KnowledgeGraph, settings: AnalyticsSettings | None = None
) -> int:
    """Measure everything stored again, unless the store holds just the `loaded` graph (then its measures are
    right already); returns how many entities were measured again."""
    settings = settings or analytics_settings()
    graph = stored_graph(driver, database, settings)
    read = {*settings.relation_weights, *_CONTEXT}
    if {key for key, _ in graph.nodes()} == {key for key, _ in loaded.nodes()} and graph.edge_count == sum(
        1 for edge in loaded.edges() if edge.type in read
    ):
        return 0
    names = (*MEASURE_PROPERTIES, *(degree_property(kind) for kind in settings.relation_weights))
    rows = [
        {"key": key, "properties": {name: measures.get(name) for name in names}}
        for key, measures in measure_entities(graph.to_networkx(), settings).items()
    ]
    for chunk in _chunks(rows):
        driver.execute_query(cypher.set_measures(graph_schema().shared_entity_label), rows=chunk, database_=database)
    return len(rows)
