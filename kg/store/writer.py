"""Write a kg graph into Neo4j: constraints first, then `UNWIND` batches that `MERGE`.

Nodes merge on their key (unique per label), typed relations on their
article (and title), `MENTIONS`/`ABOUT`/`HAS_ARTICLE` on their ends, and
`CO_OCCURS_WITH` adds each article's count once.  So loading the same input
twice changes nothing, and loading a new issue links its articles to the
entities already there.  What the store does not hold yet (looked up first)
is created outright, which is cheaper than merging.  Each batch is one
managed transaction (retried on transient errors) against the named
database; kg assumes no other writer adds the same keys meanwhile.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from neo4j import Driver, ManagedTransaction

from kg.graph.schema import GraphSchema, graph_schema
from kg.store import cypher

__all__ = ["LoadStats", "Batch", "plan_batches", "stored_keys", "create_schema", "load_graph", "wipe_graph",
           "graph_counts"]

BATCH_SIZE = 5000
_ENDPOINT_MERGED = frozenset({"MENTIONS", "ABOUT", "HAS_ARTICLE"})
_IDENTIFYING = ("article", "title")


@dataclass
class LoadStats:
    """What the load changed in Neo4j, summed over batches."""

    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    rows: int = 0

    def add(self, counters: Any, rows: int) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.rows += rows


@dataclass
class Batch:
    """One statement and the rows it is run with."""

    statement: str
    rows: list[dict[str, Any]] = field(default_factory=list)


def _node_rows(graph: nx.MultiDiGraph, label: str, schema: GraphSchema) -> list[dict[str, Any]]:
    rows = []
    for node, data in graph.nodes(data=True):
        if data["label"] != label:
            continue
        properties = {k: v for k, v in data.items() if k not in ("label", "aliases")}
        rows.append({"key": node, "properties": properties, "aliases": data.get("aliases")})
    return rows


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def plan_batches(
    graph: nx.MultiDiGraph, schema: GraphSchema | None = None, size: int = BATCH_SIZE,
    stored: frozenset[str] | None = None,
) -> list[Batch]:
    """Every statement with its rows: nodes by label, then relationships by type and end labels
    (an entity end is matched by the shared entity label, so its label does not split the rows).

    With `stored`, the keys the store already holds, nodes it lacks are created
    outright, and so are relationships whose two ends are both new: nothing
    can be there to merge with.  Without it everything merges.
    """
    schema = schema or graph_schema()
    key = schema.key_property
    shared = schema.shared_entity_label
    is_new = (lambda node: False) if stored is None else (lambda node: node not in stored)
    batches = []
    for label in schema.labels:
        also = shared if label in schema.entity_labels else None
        properties = tuple(p.name for p in schema.labels[label].properties if p.name not in (key, "aliases"))
        rows = _node_rows(graph, label, schema)
        for new, statement in ((True, cypher.create_nodes(label, key, properties, also)),
                               (False, cypher.merge_nodes(label, key, properties, also))):
            chosen = [row for row in rows if is_new(row["key"]) == new]
            batches += [Batch(statement, chunk) for chunk in _chunks(chosen, size)]

    def matched_by(node: str) -> str:
        label = graph.nodes[node]["label"]
        return shared if label in schema.entity_labels else label

    grouped: dict[tuple[str, str, str, bool], list[dict[str, Any]]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        ends = (matched_by(source), data["type"], matched_by(target), is_new(source) and is_new(target))
        grouped[ends].append({"source": source, "target": target,
                              "properties": {k: v for k, v in data.items() if k != "type"}})
    for (source_label, kind, target_label, new), rows in grouped.items():
        properties = tuple(p.name for p in schema.relationships[kind].properties)
        if new:
            statement = cypher.create_edges(source_label, kind, target_label, key, properties)
        elif kind == "CO_OCCURS_WITH":
            statement = cypher.merge_co_occurrences(source_label, target_label, key)
            rows = [{"source": r["source"], "target": r["target"], **r["properties"]} for r in rows]
        else:
            merge_on = () if kind in _ENDPOINT_MERGED else tuple(
                p for p in _IDENTIFYING if any(p in r["properties"] for r in rows))
            statement = cypher.merge_edges(source_label, kind, target_label, key, merge_on, properties)
        batches += [Batch(statement, chunk) for chunk in _chunks(rows, size)]
    return batches


def stored_keys(driver: Driver, graph: nx.MultiDiGraph, database: str, schema: GraphSchema | None = None,
                size: int = 10_000) -> frozenset[str]:
    """The graph's node keys the store already holds (entities looked up by their shared label)."""
    schema = schema or graph_schema()
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        label = data["label"]
        by_label[schema.shared_entity_label if label in schema.entity_labels else label].append(node)
    found: set[str] = set()
    for label, keys in by_label.items():
        for start in range(0, len(keys), size):
            records, _, _ = driver.execute_query(cypher.stored_keys(label, schema.key_property),
                                                 keys=keys[start:start + size], database_=database)
            found.update(r["key"] for r in records)
    return frozenset(found)


def create_schema(driver: Driver, database: str, schema: GraphSchema | None = None) -> None:
    """The uniqueness constraints and indexes `schemas/graph.yaml` declares."""
    schema = schema or graph_schema()
    for label, prop in schema.constraints:
        driver.execute_query(cypher.create_constraint(label, prop), database_=database)
    for label, prop in schema.indexes:
        driver.execute_query(cypher.create_index(label, prop), database_=database)


def load_graph(
    driver: Driver, graph: nx.MultiDiGraph, database: str, *,
    on_batch: Callable[[int], None] | None = None, size: int = BATCH_SIZE,
) -> LoadStats:
    """Create the schema, then write every batch; `on_batch(rows)` after each."""
    create_schema(driver, database)
    stored = stored_keys(driver, graph, database)
    stats = LoadStats()

    def run(tx: ManagedTransaction, batch: Batch) -> Any:
        return tx.run(batch.statement, rows=batch.rows).consume().counters

    with driver.session(database=database) as session:
        for batch in plan_batches(graph, size=size, stored=stored):
            counters = session.execute_write(run, batch)
            stats.add(counters, len(batch.rows))
            if on_batch is not None:
                on_batch(len(batch.rows))
    return stats


def wipe_graph(driver: Driver, database: str, schema: GraphSchema | None = None) -> None:
    """Delete every node with one of kg's labels (and its relationships)."""
    labels = list((schema or graph_schema()).labels)
    with driver.session(database=database) as session:
        session.run(cypher.wipe(labels), labels=labels).consume()


def graph_counts(driver: Driver, database: str) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type, as stored."""
    labels, _, _ = driver.execute_query(cypher.count_by_label(), shared=graph_schema().shared_entity_label,
                                        database_=database)
    types, _, _ = driver.execute_query(cypher.count_by_type(), database_=database)
    return ({r["label"]: r["count"] for r in labels}, {r["type"]: r["count"] for r in types})
