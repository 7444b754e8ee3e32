"""Bulk import and `kg load` work together, against the real test server: the store `kg neo4j import`
makes of a build's neo4j-import/ is the store `kg load` makes of the same graph (labels, keys, typed
properties, constraints and indexes), and loading another issue on top of it gives what `kg load`
alone gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from kg.cli import app
from kg.export.neo4j_csv import write_neo4j_import
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import extract_records
from kg.store.connection import open_driver
from kg.store.measures import remeasure_store
from kg.store.settings import Neo4jSettings
from kg.store.writer import load_graph, wipe_graph
from tests.conftest import SAMPLE_000, SAMPLE_004, neo4j_test_environment

pytestmark = pytest.mark.neo4j

ORGANIZATION = "Organization:浙江省科技厅"
# The importer's default array delimiter is `;`: an alias holding one must stay one alias.
ALIAS_WITH_SEMICOLON = "浙江省;科技厅"


def _store(driver: Driver, database: str) -> dict:
    """Everything `kg load` decides about a store, as comparable data."""

    def rows(query: str) -> list[dict]:
        records, _, _ = driver.execute_query(query, database_=database)
        return [dict(record) for record in records]

    return {
        "nodes": [
            {**row, "labels": sorted(row["labels"])}
            for row in rows(
                "MATCH (n) RETURN n.key AS key, labels(n) AS labels, properties(n) AS properties ORDER BY key"
            )
        ],
        "relationships": rows(
            "MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS type, b.key AS b, properties(r) AS properties "
            "ORDER BY a, type, b, r.article, r.title"
        ),
        "node_properties": rows(
            "CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes "
            "RETURN * ORDER BY nodeLabels, propertyName"
        ),
        "relationship_properties": rows(
            "CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes "
            "RETURN * ORDER BY relType, propertyName"
        ),
        "indexes": rows(
            "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint "
            "WHERE type <> 'LOOKUP' RETURN * ORDER BY name"
        ),
        "constraints": rows("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name"),
    }


@pytest.fixture(scope="module")
def graphs(issue_000, issue_004):
    first = KnowledgeGraph.from_records(extract_records([issue_000]))
    second = KnowledgeGraph.from_records(extract_records([issue_004]))
    first.set_properties(
        ORGANIZATION, {"aliases": sorted([*first.node(ORGANIZATION)["aliases"], ALIAS_WITH_SEMICOLON])}
    )
    return first, second


@pytest.fixture(scope="module")
def import_dir(graphs, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("build") / "neo4j-import"
    write_neo4j_import(graphs[0], directory)
    return directory


@pytest.fixture(scope="module")
def imported(neo4j_server, import_dir) -> tuple[dict, dict]:
    """The store after `kg neo4j import` of the first issue's CSVs, and after `kg load` of the second on top."""
    directory = import_dir
    env = neo4j_test_environment()
    result = CliRunner().invoke(app, ["neo4j", "import", str(directory), "--yes"], env=env)
    assert result.exit_code == 0, result.output
    settings = Neo4jSettings.for_server(neo4j_server.home)
    with open_driver(settings) as driver:
        after_import = _store(driver, settings.database)
    result = CliRunner().invoke(app, ["load", str(SAMPLE_004)], env=env)
    assert result.exit_code == 0, result.output
    with open_driver(settings) as driver:
        return after_import, _store(driver, settings.database)


@pytest.fixture(scope="module")
def loaded(neo4j_server, graphs, imported) -> tuple[dict, dict]:
    """The store `kg load` alone makes: of the first issue, then of the second on top."""
    settings = Neo4jSettings.for_server(neo4j_server.home)
    with open_driver(settings) as driver:
        wipe_graph(driver, settings.database)
        driver.execute_query("CALL db.awaitIndexes(300)", database_=settings.database)
        load_graph(driver, graphs[0], settings.database)
        first = _store(driver, settings.database)
        load_graph(driver, graphs[1], settings.database)
        remeasure_store(driver, settings.database, graphs[1])  # as `kg load` does after adding to a store
        return first, _store(driver, settings.database)


def test_the_imported_store_is_the_one_kg_load_makes(imported, loaded):
    after_import, _ = imported
    first, _ = loaded
    for part in first:
        assert after_import[part] == first[part], part


def test_kg_load_on_top_of_an_import_gives_what_kg_load_alone_gives(imported, loaded):
    _, on_top = imported
    _, alone = loaded
    for part in alone:
        assert on_top[part] == alone[part], part


def test_entities_carry_the_shared_label_and_lists_keep_their_elements(imported):
    after_import, _ = imported
    node = next(n for n in after_import["nodes"] if n["key"] == ORGANIZATION)
    assert node["labels"] == ["Entity", "Organization"]
    assert ALIAS_WITH_SEMICOLON in node["properties"]["aliases"]
    names = {c["name"] for c in after_import["constraints"]}
    assert {"kg_Entity_key", "kg_Organization_key", "kg_Article_key"} <= names


def test_schema_cypher_makes_the_constraints_and_indexes_kg_load_makes(imported, import_dir):
    """For your own Neo4j, whose bulk import creates no schema: `cypher-shell -f schema.cypher`."""
    after_import, _ = imported
    statements = (import_dir / "schema.cypher").read_text(encoding="utf-8")
    names = re.findall(r"^CREATE (?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS FOR .*;$", statements, flags=re.M)
    assert len(names) == len(statements.splitlines())
    assert sorted(names) == sorted(
        [c["name"] for c in after_import["constraints"]]
        + [i["name"] for i in after_import["indexes"] if not i["owningConstraint"]]
    )


def test_a_folder_without_kgs_csv_files_is_named_before_the_server_is_touched(tmp_path):
    result = CliRunner().invoke(app, ["neo4j", "import", str(tmp_path), "--yes"], env=neo4j_test_environment())
    assert result.exit_code == 1
    assert f"{tmp_path} holds no nodes_<Label>.csv" in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_kg_load_bulk_then_kg_load_of_a_new_issue_gives_what_kg_load_alone_gives(neo4j_server, settings):
    env = neo4j_test_environment()
    result = CliRunner().invoke(app, ["load", str(SAMPLE_000), "--bulk", "--yes", "--jobs", "1"], env=env)
    assert result.exit_code == 0, result.output
    assert re.search(r"Imported \d+ nodes and \d+ relationships into bolt://127\.0\.0\.1:\d+ \(neo4j\)", result.output)
    assert CliRunner().invoke(app, ["load", str(SAMPLE_004)], env=env).exit_code == 0
    with open_driver(settings) as driver:
        on_top = _store(driver, settings.database)
    for arguments in (["load", str(SAMPLE_000), "--wipe", "--yes"], ["load", str(SAMPLE_004)]):
        assert CliRunner().invoke(app, arguments, env=env).exit_code == 0
    with open_driver(settings) as driver:
        alone = _store(driver, settings.database)
    assert {n["key"] for n in on_top["nodes"]} >= {"Issue:4da0b16879e72d23", ORGANIZATION}
    for part in alone:
        assert on_top[part] == alone[part], part


def test_kg_load_bulk_refuses_a_server_that_is_not_kgs_own_before_touching_anything():
    env = {**neo4j_test_environment(), "NEO4J_URI": "bolt://db.example.org:7687"}
    result = CliRunner().invoke(app, ["load", str(SAMPLE_004), "--bulk", "--yes"], env=env)
    assert result.exit_code == 1
    assert " ".join(result.output.split()) == (
        "error: --bulk replaces the store of kg's own server (bolt://127.0.0.1:"
        f"{env['KG_NEO4J_BOLT_PORT']}), and NEO4J_URI points at bolt://db.example.org:7687: load into it without "
        "--bulk, or unset NEO4J_URI to bulk-load kg's own server"
    )
