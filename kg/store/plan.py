"""What a load sends: each statement with its rows, in batches, from the graph and what the store holds.

Nodes the store lacks are created outright, which is cheaper than merging;
nodes it holds merge on their key.  Relationships are planned once the nodes
are in, from the nodes this load created: nothing can yet be attached to
those, so their relationships are created outright too; relationships
between nodes that were there already (or that another writer created
meanwhile) merge, typed relations on their article (and title),
`MENTIONS`/`ABOUT`/`HAS_ARTICLE` on their ends, and `CO_OCCURS_WITH` adds
each article's count once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from kg.graph.knowledge import KnowledgeGraph
from kg.graph.schema import GraphSchema, graph_schema
from kg.store import cypher
from kg.store.settings import BATCH_SIZE

__all__ = ["Batch", "plan_nodes", "plan_relationships", "chunks", "BATCH_SIZE"]

_ENDPOINT_MERGED = frozenset({"MENTIONS", "ABOUT", "HAS_ARTICLE"})
_IDENTIFYING = ("article", "title")


@dataclass
class Batch:
    """One statement and the rows it is run with.

    A node batch returns its nodes' `[key, element id]` pairs.  A create
    batch carries `merge_instead`, the statement that merges the same rows:
    it is run when another writer created one of the nodes first.  A
    relationship row gets its ends' element ids when it runs, and the
    statement returns how many rows found both ends.
    """

    statement: str
    rows: list[dict[str, Any]]
    writes: str  # "nodes" or "relationships"
    merge_instead: str | None = None


def chunks(rows: list, size: int) -> Iterator[list]:
    """Consecutive slices of at most `size` items (itertools.batched is Python 3.12's)."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _node_rows(graph: KnowledgeGraph) -> dict[str, list[dict[str, Any]]]:
    """Rows per label, in one pass over the nodes.  A row's properties are the node's own data, not a
    copy: statements name the properties they write, so `label` is never read."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node, data in graph.nodes():
        rows[data["label"]].append({"key": node, "properties": data, "aliases": data.get("aliases")})
    return rows


def plan_nodes(
    graph: KnowledgeGraph, stored: Collection[str], schema: GraphSchema | None = None, size: int = BATCH_SIZE
) -> list[Batch]:
    """Node batches by label: the keys in `stored` merge, the others are created.

    Example: `plan_nodes(graph, stored=set())` creates every node.
    """
    schema = schema or graph_schema()
    key = schema.key_property
    node_rows = _node_rows(graph)
    batches = []
    for label in schema.labels:
        also = schema.shared_entity_label if label in schema.entity_labels else None
        properties = tuple(p.name for p in schema.labels[label].properties if p.name not in (key, "aliases"))
        rows = node_rows.get(label, [])
        merge = cypher.merge_nodes(label, key, properties, also)
        create = cypher.create_nodes(label, key, properties, also)
        new = [row for row in rows if row["key"] not in stored]
        old = [row for row in rows if row["key"] in stored]
        batches += [Batch(create, chunk, "nodes", merge_instead=merge) for chunk in chunks(new, size)]
        batches += [Batch(merge, chunk, "nodes") for chunk in chunks(old, size)]
    return batches


def plan_relationships(
    graph: KnowledgeGraph, created: Collection[str], schema: GraphSchema | None = None, size: int = BATCH_SIZE
) -> list[Batch]:
    """Relationship batches by type: created outright when an end is in `created`, merged otherwise.

    Example: `plan_relationships(graph, created={key for key, _ in graph.nodes()})` after a load into an empty store.
    """
    schema = schema or graph_schema()
    key = schema.key_property
    grouped: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
    for source, target, _, data in graph.edges():
        new = source in created or target in created
        grouped[data["type"], new].append({"source": source, "target": target, "properties": data})
    batches = []
    for (kind, new), rows in grouped.items():
        properties = tuple(p.name for p in schema.relationships[kind].properties)
        if new:
            statement = cypher.create_edges(kind, key, properties)
        elif kind == "CO_OCCURS_WITH":
            statement = cypher.merge_co_occurrences(key)
            rows = [{"source": r["source"], "target": r["target"], **r["properties"]} for r in rows]
        else:
            merge_on = (
                ()
                if kind in _ENDPOINT_MERGED
                else tuple(p for p in _IDENTIFYING if any(p in r["properties"] for r in rows))
            )
            statement = cypher.merge_edges(kind, key, merge_on, properties)
        batches += [Batch(statement, chunk, "relationships") for chunk in chunks(rows, size)]
    return batches
