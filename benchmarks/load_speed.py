"""`kg load` throughput on 100× the samples, against one MERGE per row.

Builds the samples' graph, copies it 100 times under distinct names
(deterministically: copy i renames every key with a `#i` suffix), loads it
into the project's own Neo4j (started if needed; or NEO4J_URI's) with the
batched loader, and prints relationships per second.  Then it writes a
sample of the same relationships one `MERGE` per row, one transaction each,
and prints that rate and the ratio.  Targets (issue 5): ≥ 20,000
relationships/s and ≥ 20× the row-by-row rate.  With the project's own
server it also times the bulk path: `kg build`'s neo4j-import CSVs through
`neo4j-admin database import full` (the server is stopped for it and
started again; the time printed is the import alone).

The batched load runs `--loads` times, the database wiped of kg's data
before each.  The first after a start is slow: the planner compiles kg's
statements and the JVM Neo4j's write path.  The JIT keeps improving the
next few, so the rate of a server that has been running is the median of
the last five loads.

    python benchmarks/load_speed.py [--copies 100] [--loads 10] [--naive-rows 2000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.config import SAMPLES_DIR
from kg.export.neo4j_csv import ARRAY_DELIMITER_NAME, write_neo4j_import
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import extract_records, read_corpus
from kg.store.connection import open_driver
from kg.store.home import ServerHome
from kg.store.server import Neo4jServer
from kg.store.settings import Neo4jSettings
from kg.store.writer import WORKERS, load_graph, wipe_graph


def copies_of(graph: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """`copies` disjoint renamed copies of the graph."""
    big = nx.MultiDiGraph()
    for i in range(copies):
        rename = {node: f"{node}#{i}" for node in graph}
        for node, data in graph.nodes(data=True):
            big.add_node(rename[node], **{**data, "key": rename[node], "name": f"{data['name']}#{i}"})
        for source, target, key, data in graph.edges(keys=True, data=True):
            big.add_edge(rename[source], rename[target], key=key, **data)
    return big


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--naive-rows", type=int, default=2000)
    args = parser.parse_args()
    server = None if os.environ.get("NEO4J_URI") else Neo4jServer(ServerHome.from_environment())
    if server is not None:
        server.start()
    settings = Neo4jSettings.from_environment()
    sample = KnowledgeGraph.from_records(extract_records(read_corpus([str(SAMPLES_DIR)]).issues)).to_networkx()
    big = copies_of(sample, args.copies)
    graph = KnowledgeGraph.from_networkx(big)
    relationships = graph.edge_count
    with open_driver(settings) as driver:
        print(f"{graph.node_count:,} nodes, {relationships:,} relationships, {WORKERS} transactions at once")
        rates = []
        for _ in range(args.loads):
            wipe_graph(driver, settings.database)
            started = time.perf_counter()
            load_graph(driver, graph, settings.database)
            rates.append(relationships / (time.perf_counter() - started))
        print("each load, relationships/s: " + ", ".join(f"{rate:,.0f}" for rate in rates))
        print(f"first load after the start (cold server): {rates[0]:,.0f} relationships/s")
        batched = statistics.median(rates[-5:])
        print(
            f"running server, median of the last {len(rates[-5:])} loads: {batched:,.0f} relationships/s "
            "(target ≥ 20,000)"
        )

        wipe_graph(driver, settings.database)
        nodes_only = nx.MultiDiGraph()
        nodes_only.add_nodes_from(big.nodes(data=True))
        load_graph(driver, KnowledgeGraph.from_networkx(nodes_only), settings.database)
        sample = [(s, t, d) for s, t, d in big.edges(data=True) if d["type"] != "CO_OCCURS_WITH"][: args.naive_rows]
        started = time.perf_counter()
        for source, target, data in sample:
            driver.execute_query(
                f"MATCH (a:{big.nodes[source]['label']} {{key: $source}}) MATCH (b:{big.nodes[target]['label']} {{key: $target}}) "
                f"MERGE (a)-[r:{data['type']}]->(b) SET r += $properties",
                source=source,
                target=target,
                properties={k: v for k, v in data.items() if k != "type"},
                database_=settings.database,
            )
        naive = len(sample) / (time.perf_counter() - started)
        print(f"one MERGE per row: {naive:,.0f} relationships/s over {len(sample):,} rows")
        print(f"ratio, running server's load to row by row: {batched / naive:.1f}× (target ≥ 20×)")
        wipe_graph(driver, settings.database)
    if server is not None:
        with tempfile.TemporaryDirectory() as directory:
            files = write_neo4j_import(graph, Path(directory) / "neo4j-import")
            server.stop()
            started = time.perf_counter()
            server.import_full(
                [f for f in files if f.name.startswith("nodes_")],
                [f for f in files if f.name.startswith("relationships_")],
                array_delimiter=ARRAY_DELIMITER_NAME,
            )
            bulk = relationships / (time.perf_counter() - started)
        server.start()
        print(
            f"bulk import (neo4j-admin, server stopped; the tool's own JVM start included): {bulk:,.0f} relationships/s"
        )
        with open_driver(settings) as driver:
            wipe_graph(driver, settings.database)


if __name__ == "__main__":
    main()
