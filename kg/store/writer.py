"""Write a kg graph into Neo4j: constraints first, then `UNWIND` batches, several at once.

What the store holds is looked up first; `kg.store.plan` says which rows
are created and which merge, so loading the same input twice changes
nothing, and loading a new issue links its articles to the entities already
there.  Relationships find their ends by element id (returned when a node is
created or looked up), checked against the key.

Each batch is one managed transaction (retried on transient errors,
deadlocks included) against the named database.  Batches run `WORKERS` at a
time: all nodes first, then all relationships.  One load runs at a time per
database (`kg.store.load_lock`).  A node batch that loses a key race with
another writer (a constraint error) is run again as a merge; a relationship
batch that finds an end gone fails whole (`StoreChanged`).  A load that
stops part-way keeps the batches it committed, and `LoadStats` says which;
loading again completes it.
"""

from __future__ import annotations

import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, as_completed, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ConstraintError, IncompleteCommit

from kg.graph.knowledge import KnowledgeGraph
from kg.graph.schema import GraphSchema, graph_schema
from kg.store import cypher
from kg.store.errors import StoreChanged
from kg.store.load_lock import load_lock
from kg.store.plan import Batch, chunks, plan_nodes, plan_relationships
from kg.store.settings import BATCH_SIZE, WORKERS

__all__ = [
    "LoadStats",
    "stored_ids",
    "create_schema",
    "load_graph",
    "wipe_graph",
    "graph_counts",
    "BATCH_SIZE",
    "WORKERS",
]


@dataclass
class LoadStats:
    """What a load changed in Neo4j, summed over the batches committed, and how far it got."""

    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    rows: int = 0
    rows_planned: int = 0
    node_batches: int = 0
    node_batches_done: int = 0
    relationship_batches: int | None = None  # planned once every node is in
    relationship_batches_done: int = 0
    unconfirmed: int = 0  # batches whose connection broke as they committed: in or not, nobody knows
    remeasured: int = 0  # entities measured again over everything stored (`kg.load`)
    stored_labels: dict[str, int] = field(default_factory=dict)  # what the store holds after the load
    stored_types: dict[str, int] = field(default_factory=dict)

    def add(self, batch: Batch, counters: Any) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.labels_added += counters.labels_added
        self.rows += len(batch.rows)
        if batch.writes == "nodes":
            self.node_batches_done += 1
        else:
            self.relationship_batches_done += 1

    @property
    def changed(self) -> bool:
        """Whether the store differs from before: the counters count only real changes (see `kg.store.cypher`)."""
        return bool(self.nodes_created or self.relationships_created or self.properties_set or self.labels_added)

    def committed(self) -> str:
        """How far the load got, e.g. 'all 9 node batches and 4 of 12 relationship batches were committed
        (9,100 of 14,000 rows)'."""
        unsure = (
            f"; {self.unconfirmed} more lost the connection while committing, and may or may not be in"
            if self.unconfirmed
            else ""
        )
        if not self.node_batches_done and not self.relationship_batches_done:
            return "no batch of the graph was committed" + unsure
        nodes = _share(self.node_batches_done, self.node_batches, "node")
        if self.relationship_batches is None:
            relationships = "no relationship batch"
        else:
            relationships = _share(self.relationship_batches_done, self.relationship_batches, "relationship")
        return f"{nodes} and {relationships} were committed ({self.rows:,} of {self.rows_planned:,} rows){unsure}"


def _share(done: int, planned: int, kind: str) -> str:
    return f"all {planned} {kind} batches" if done == planned else f"{done} of {planned} {kind} batches"


def stored_ids(
    driver: Driver, graph: KnowledgeGraph, database: str, schema: GraphSchema | None = None, size: int = 10_000
) -> dict[str, str]:
    """The element ids of the graph's nodes the store already holds, by key (entities by their shared label)."""
    schema = schema or graph_schema()
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes():
        label = data["label"]
        by_label[schema.shared_entity_label if label in schema.entity_labels else label].append(node)
    found: dict[str, str] = {}
    for label, keys in by_label.items():
        for chunk in chunks(keys, size):
            records, _, _ = driver.execute_query(
                cypher.stored_ids(label, schema.key_property), keys=chunk, database_=database
            )
            found.update(records[0]["ids"])
    return found


def create_schema(driver: Driver, database: str, schema: GraphSchema | None = None) -> None:
    """The uniqueness constraints and indexes `schemas/graph.yaml` declares, and the load lock's, that are not
    there yet."""
    schema = schema or graph_schema()
    records, _, _ = driver.execute_query(cypher.schema_names(), database_=database)
    present = set(records[0]["names"])
    for label, prop in schema.constraints:
        if cypher.schema_name(label, prop) not in present:
            driver.execute_query(cypher.create_constraint(label, prop), database_=database)
    for label, prop in schema.indexes:
        if cypher.schema_name(label, prop) not in present:
            driver.execute_query(cypher.create_index(label, prop), database_=database)
    if cypher.LOAD_LOCK not in present:  # a store made by the bulk importer takes loads as one kg load made
        driver.execute_query(cypher.load_lock_constraint(), database_=database)


class _Rows(list):
    """A batch's rows, shown by their number: the driver (6.x) formats every run's parameters for its debug
    log even when that log is off, and a full `repr` of 2,000 rows cost a quarter of the loader's own CPU."""

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _write(tx: ManagedTransaction, batch: Batch, statement: str, ids: Mapping[str, str]) -> tuple[Any, dict[str, str]]:
    """Run one batch with `statement`; its counters and, for nodes, their element ids by key."""
    if batch.writes == "nodes":
        result = tx.run(statement, rows=_Rows(batch.rows))
        found = dict(result.single(strict=True)["ids"])
        return result.consume().counters, found
    rows = _Rows({**row, "source_id": ids[row["source"]], "target_id": ids[row["target"]]} for row in batch.rows)
    result = tx.run(statement, rows=rows)
    matched = result.single(strict=True)["matched"]
    if matched != len(rows):
        raise StoreChanged(
            f"{len(rows) - matched} of {len(rows)} relationships in a batch lost an end: nodes "
            "were deleted during the load (by another writer?), and nothing of that batch was "
            "written. Run kg load again."
        )
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
    driver: Driver,
    graph: KnowledgeGraph,
    database: str,
    *,
    on_batch: Callable[[int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
    size: int = BATCH_SIZE,
    workers: int = WORKERS,
    stats: LoadStats | None = None,
) -> LoadStats:
    """Take the load lock, create the schema, then write every batch, `workers` at a time.

    `on_batch(rows)` is called after each batch, `on_wait()` if another load
    holds the lock.  After the first failure (or Ctrl-C) no batch starts,
    and it is raised once those in flight have finished; pass `stats` to
    learn how far the load got.

    Example: `load_graph(driver, KnowledgeGraph.build(articles), "neo4j").nodes_created`
    """
    stats = stats if stats is not None else LoadStats()
    with load_lock(driver, database, on_wait):
        create_schema(driver, database)
        with _without_cyclic_gc():
            _write_plan(driver, database, graph, stats, on_batch, size, workers)
    return stats


def _write_plan(
    driver: Driver,
    database: str,
    graph: KnowledgeGraph,
    stats: LoadStats,
    on_batch: Callable[[int], None] | None,
    size: int,
    workers: int,
) -> None:
    """Look up what is stored, write the node batches, then plan and write the relationship batches."""
    ids = stored_ids(driver, graph, database)
    nodes = plan_nodes(graph, stored=ids, size=size)
    stats.rows_planned = graph.node_count + graph.edge_count
    stats.node_batches = len(nodes)
    created: set[str] = set()

    def run(batch: Batch) -> tuple[Any, dict[str, str]]:
        with driver.session(database=database) as session:
            try:
                counters, found = session.execute_write(_write, batch, batch.statement, ids)
            except ConstraintError:
                if batch.merge_instead is None:
                    raise
                # Another writer created one of these nodes after the lookup: merge them instead, once.
                return session.execute_write(_write, batch, batch.merge_instead, ids)
            if batch.merge_instead is not None:
                created.update(found)
            return counters, found

    with ThreadPoolExecutor(max_workers=workers) as pool:
        _run_phase(pool, run, nodes, stats, ids, on_batch)
        relationships = plan_relationships(graph, created, size=size)
        stats.relationship_batches = len(relationships)
        _run_phase(pool, run, relationships, stats, ids, on_batch)


class _NotStarted(Exception):
    """A batch that found the load already failing: it never began."""


def _run_phase(
    pool: ThreadPoolExecutor,
    run: Callable[[Batch], tuple[Any, dict[str, str]]],
    batches: list[Batch],
    stats: LoadStats,
    ids: dict[str, str],
    on_batch: Callable[[int], None] | None,
) -> None:
    """Run independent batches on the pool, counting each as it commits.

    After a failure, or Ctrl-C, no batch starts (a worker would otherwise
    take the next at once, and wait out the driver's retries on a dead
    server again); those in flight are waited for and counted, and the
    failure is raised.
    """
    failing = threading.Event()

    def run_unless_failing(batch: Batch) -> tuple[Any, dict[str, str]]:
        if failing.is_set():
            raise _NotStarted
        try:
            return run(batch)
        except BaseException:
            failing.set()
            raise

    futures: dict[Future, Batch] = {pool.submit(run_unless_failing, batch): batch for batch in batches}
    counted: set[Future] = set()

    def count(future: Future) -> None:
        counters, found = future.result()
        counted.add(future)
        ids.update(found)
        stats.add(futures[future], counters)
        if on_batch is not None:
            on_batch(len(futures[future].rows))

    try:
        for future in as_completed(futures):
            count(future)
    except BaseException:
        failing.set()
        try:
            wait(futures)
        finally:  # a second Ctrl-C stops the wait; what still ran is then unknown
            for future in futures:
                if future in counted:
                    continue
                if not future.done() or isinstance(future.exception(), IncompleteCommit):
                    stats.unconfirmed += 1
                elif future.exception() is None:
                    count(future)
        raise


def wipe_graph(
    driver: Driver, database: str, schema: GraphSchema | None = None, on_wait: Callable[[], None] | None = None
) -> None:
    """Delete every node with one of kg's labels (and its relationships), never in the middle of a load
    (`on_wait()` if one is under way)."""
    labels = list((schema or graph_schema()).labels)
    with load_lock(driver, database, on_wait), driver.session(database=database) as session:
        session.run(cypher.wipe(labels), labels=labels).consume()


def graph_counts(driver: Driver, database: str) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type, as stored."""
    labels, _, _ = driver.execute_query(
        cypher.count_by_label(), shared=graph_schema().shared_entity_label, database_=database
    )
    types, _, _ = driver.execute_query(cypher.count_by_type(), database_=database)
    return ({r["label"]: r["count"] for r in labels}, {r["type"]: r["count"] for r in types})
