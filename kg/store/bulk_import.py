"""A `kg build` directory's `neo4j-import/` into the project's server, as the store `kg load` makes.

neo4j-admin's importer is the fast way in for a large graph, but in Neo4j
Community it creates no constraints or indexes.  So once it has replaced the
database, the server is started and kg's constraints and indexes are made,
as `kg load` would: issues loaded later then merge onto the imported nodes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.export.neo4j_csv import ARRAY_DELIMITER_NAME, write_neo4j_import
from kg.graph.knowledge import KnowledgeGraph
from kg.store.connection import open_driver
from kg.store.errors import ServerError
from kg.store.home import ServerHome
from kg.store.server import Neo4jServer
from kg.store.settings import Neo4jSettings
from kg.store.writer import create_schema, graph_counts

__all__ = ["ImportResult", "import_directory", "import_graph", "own_server"]

_INDEX_WAIT_SECONDS = 300


@dataclass(frozen=True)
class ImportResult:
    """The importer's report and what the store then holds: nodes per label, relationships per type."""

    report: str
    labels: dict[str, int]
    types: dict[str, int]


def import_directory(server: Neo4jServer, directory: Path, database: str = "neo4j") -> ImportResult:
    """Replace `database` with the CSV files `kg build` wrote into `directory`, then create kg's schema.

    The server is stopped for the import and running afterwards.  Raises
    `ServerError` when `directory` holds no `nodes_<Label>.csv` or the
    import fails.

    Example: `import_directory(server, Path("out/neo4j-import"))`
    """
    nodes = sorted(directory.glob("nodes_*.csv"))
    if not nodes:
        raise ServerError(
            f"{directory} holds no nodes_<Label>.csv: give the neo4j-import folder of a "
            "`kg build` output directory (kg build -o out writes out/neo4j-import)"
        )
    relationships = sorted(directory.glob("relationships_*.csv"))
    report = server.import_full(nodes, relationships, database, array_delimiter=ARRAY_DELIMITER_NAME)
    server.start()
    with open_driver(Neo4jSettings.for_server(server.home, database=database)) as driver:
        create_schema(driver, database)
        driver.execute_query(f"CALL db.awaitIndexes({_INDEX_WAIT_SECONDS})", database_=database)
        labels, types = graph_counts(driver, database)
    return ImportResult(report, labels, types)


def import_graph(server: Neo4jServer, graph: KnowledgeGraph, database: str = "neo4j") -> ImportResult:
    """Replace `database` with `graph` by the bulk importer: its CSV files are written to a temporary folder first.

    Example: `import_graph(server, assemble_files(["issues/"], on_error=print).graph)`
    """
    with tempfile.TemporaryDirectory(prefix="kg-bulk-") as folder:
        directory = Path(folder) / "neo4j-import"
        write_neo4j_import(graph, directory)
        return import_directory(server, directory, database)


def own_server(environ: Mapping[str, str] = os.environ) -> Neo4jServer:
    """The project's own server, which a bulk import may stop and replace; `ServerError` when NEO4J_URI points elsewhere.

    The importer writes the store's files directly, so it can only work on
    the server kg runs itself (`kg neo4j start`), never one it merely talks to.
    """
    home = ServerHome.from_environment(environ)
    uri = environ.get("NEO4J_URI")
    if uri and uri.rstrip("/") != home.uri:
        raise ServerError(
            f"--bulk replaces the store of kg's own server ({home.uri}), and NEO4J_URI points at {uri}: "
            "load into it without --bulk, or unset NEO4J_URI to bulk-load kg's own server"
        )
    return Neo4jServer(home)
