"""A `kg build` directory's `neo4j-import/` into the project's server, as the store `kg load` makes.

neo4j-admin's importer is the fast way in for a large graph, but in Neo4j
Community it creates no constraints or indexes.  So once it has replaced the
database, the server is started and kg's constraints and indexes are made,
as `kg load` would: issues loaded later then merge onto the imported nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.export.neo4j_csv import ARRAY_DELIMITER_NAME
from kg.store.connection import open_driver
from kg.store.errors import ServerError
from kg.store.server import Neo4jServer
from kg.store.settings import Neo4jSettings
from kg.store.writer import create_schema, graph_counts

__all__ = ["ImportResult", "import_directory"]

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
