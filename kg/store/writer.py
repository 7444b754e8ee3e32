"""Write a kg graph into Neo4j: constraints first, then `UNWIND` batches, several at once.

Nodes merge on their key (unique per label), typed relations on their
article (and title), `MENTIONS`/`ABOUT`/`HAS_ARTICLE` on their ends, and
`CO_OCCURS_WITH` adds each article's count once.  So loading the same input
twice changes nothing, and loading a new issue links its articles to the
entities already there.  What the store does not hold yet (looked up first)
is created outright, which is cheaper than merging, and so is every
relationship with a new end.  Relationships find their ends by element id
(returned when a node is created or looked up), checked against the key.

Each batch is one managed transaction (retried on transient errors, deadlocks
included) against the named database.  Batches run `WORKERS` at a time: all
nodes first, then all relationships.  kg assumes no other writer adds or
deletes the same nodes meanwhile; if one did, the batch that notices fails
whole (`StoreChanged`).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

import networkx as nx
from neo4j import Driver, ManagedTransaction

from kg.graph.schema import GraphSchema, graph_schema
from kg.store import cypher
from kg.store.errors import StoreChanged

__all__ = ["LoadStats", "Batch", "LoadPlan", "plan_batches", "stored_ids", "create_schema", "load_graph", "wipe_graph",
           "graph_counts", "BATCH_SIZE", "WORKERS"]

BATCH_SIZE = 2000
WORKERS = 3  # transactions in flight: the server works on one while the driver sends the next
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
    """One statement and the rows it is run with.

    `writes` is "nodes" or "relationships": a relationship row gets its
    ends' element ids when it runs, and the statement returns how many rows
    found both ends.  Node creates return their `[key, element id]` pairs.
    """

    statement: str
    rows: list[dict[str, Any]]
    writes: str
    returns_ids: bool = False


@dataclass
class LoadPlan:
    """Node batches, independent of each other, then relationship batches, which need every node."""

    nodes: list[Batch]
    relationships: list[Batch]


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _node_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """Rows per label, in one pass over the nodes.  A row's properties are the node's own data, not a
    copy: statements name the properties they write, so `label` is never read."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        rows[data["label"]].append({"key": node, "properties": data, "aliases": data.get("aliases")})
    return rows


def plan_batches(
    graph: nx.MultiDiGraph, schema: GraphSchema | None = None, size: int = BATCH_SIZE,
    stored: Mapping[str, str] | None = None,
) -> LoadPlan:
    """Every statement with its rows: nodes by label, then relationships by type.

    `stored` maps the keys the store already holds to their element ids:
    nodes it lacks are created outright, and so are relationships with a new
    end, since nothing can be attached to a node that did not exist.  Nodes
    and relationships between stored nodes merge.
    """
    schema = schema or graph_schema()
    stored = stored or {}
    key = schema.key_property
    node_rows = _node_rows(graph)
    nodes = []
    for label in schema.labels:
        also = schema.shared_entity_label if label in schema.entity_labels else None
        properties = tuple(p.name for p in schema.labels[label].properties if p.name not in (key, "aliases"))
        rows = node_rows.get(label, [])
        new = [row for row in rows if row["key"] not in stored]
        old = [row for row in rows if row["key"] in stored]
        statement = cypher.create_nodes(label, key, properties, also)
        nodes += [Batch(statement, chunk, "nodes", returns_ids=True) for chunk in _chunks(new, size)]
        statement = cypher.merge_nodes(label, key, properties, also)
        nodes += [Batch(statement, chunk, "nodes") for chunk in _chunks(old, size)]

    grouped: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        new = source not in stored or target not in stored
        grouped[data["type"], new].append({"source": source, "target": target, "properties": data})
    relationships = []
    for (kind, new), rows in grouped.items():
        properties = tuple(p.name for p in schema.relationships[kind].properties)
        if new:
            statement = cypher.create_edges(kind, key, properties)
        elif kind == "CO_OCCURS_WITH":
            statement = cypher.merge_co_occurrences(key)
            rows = [{"source": r["source"], "target": r["target"], **r["properties"]} for r in rows]
        else:
            merge_on = () if kind in _ENDPOINT_MERGED else tuple(
                p for p in _IDENTIFYING if any(p in r["properties"] for r in rows))
            statement = cypher.merge_edges(kind, key, merge_on, properties)
        relationships += [Batch(statement, chunk, "relationships") for chunk in _chunks(rows, size)]
    return LoadPlan(nodes, relationships)


def stored_ids(driver: Driver, graph: nx.MultiDiGraph, database: str, schema: GraphSchema | None = None,
               size: int = 10_000) -> dict[str, str]:
    """The element ids of the graph's nodes the store already holds, by key (entities by their shared label)."""
    schema = schema or graph_schema()
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        label = data["label"]
        by_label[schema.shared_entity_label if label in schema.entity_labels else label].append(node)
    found: dict[str, str] = {}
    for label, keys in by_label.items():
        for chunk in _chunks(keys, size):
            records, _, _ = driver.execute_query(cypher.stored_ids(label, schema.key_property), keys=chunk,
                                                 database_=database)
            found.update(records[0]["ids"])
    return found


def create_schema(driver: Driver, database: str, schema: GraphSchema | None = None) -> None:
    """The uniqueness constraints and indexes `schemas/graph.yaml` declares that are not there yet."""
    schema = schema or graph_schema()
    records, _, _ = driver.execute_query(cypher.schema_names(), database_=database)
    present = set(records[0]["names"])
    for label, prop in schema.constraints:
        if cypher.schema_name(label, prop) not in present:
            driver.execute_query(cypher.create_constraint(label, prop), database_=database)
    for label, prop in schema.indexes:
        if cypher.schema_name(label, prop) not in present:
            driver.execute_query(cypher.create_index(label, prop), database_=database)


class _Rows(list):
    """A batch's rows, shown by their number: the driver (6.x) formats every run's parameters for its debug
    log even when that log is off, and a full `repr` of 2,000 rows cost a quarter of the loader's own CPU."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _write(tx: ManagedTransaction, batch: Batch, ids: Mapping[str, str]) -> tuple[Any, dict[str, str]]:
    """Run one batch; its counters and the element ids of the nodes it created."""
    if batch.writes == "nodes":
        result = tx.run(batch.statement, rows=_Rows(batch.rows))
        created = dict(result.single(strict=True)["ids"]) if batch.returns_ids else {}
        return result.consume().counters, created
    rows = _Rows({**row, "source_id": ids[row["source"]], "target_id": ids[row["target"]]} for row in batch.rows)
    result = tx.run(batch.statement, rows=rows)
    matched = result.single(strict=True)["matched"]
    if matched != len(rows):
        raise StoreChanged(f"{len(rows) - matched} of {len(rows)} relationships in a batch lost an end: nodes "
                           "were deleted during the load (by another writer?), and nothing of that batch was "
                           "written. Run kg load again.")
    return result.consume().counters, {}


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Pause Python's cycle collector: a load allocates ~100,000 short-lived rows, and each of the
    collector's full passes would walk the whole graph again (up to a tenth of a 100× load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_graph(
    driver: Driver, graph: nx.MultiDiGraph, database: str, *,
    on_batch: Callable[[int], None] | None = None, size: int = BATCH_SIZE, workers: int = WORKERS,
) -> LoadStats:
    """Create the schema, then write every batch, `workers` at a time; `on_batch(rows)` after each.

    The first failure cancels the batches not yet started and is raised once
    those in flight have finished.
    """
    create_schema(driver, database)
    with _without_cyclic_gc():
        return _write_plan(driver, database, graph, on_batch, size, workers)


def _write_plan(driver: Driver, database: str, graph: nx.MultiDiGraph, on_batch: Callable[[int], None] | None,
                size: int, workers: int) -> LoadStats:
    """Look up what is stored, plan, then run the node batches and, once all are in, the relationship batches."""
    ids = stored_ids(driver, graph, database)
    plan = plan_batches(graph, size=size, stored=ids)
    stats = LoadStats()

    def run(batch: Batch) -> tuple[Any, dict[str, str]]:
        with driver.session(database=database) as session:
            return session.execute_write(_write, batch, ids)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for phase in (plan.nodes, plan.relationships):
            futures: dict[Future, Batch] = {pool.submit(run, batch): batch for batch in phase}
            try:
                for future in as_completed(futures):
                    counters, created = future.result()
                    ids.update(created)
                    stats.add(counters, len(futures[future].rows))
                    if on_batch is not None:
                        on_batch(len(futures[future].rows))
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
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
