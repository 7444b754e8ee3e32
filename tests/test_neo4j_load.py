"""kg load against the real test server: counts equal the networkx graph's,
loading twice changes nothing, issue by issue equals all at once, names
with Cypher syntax round-trip, and a wrong password or closed port is one
clear error."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest
from neo4j import Driver
from typer.testing import CliRunner

from kg.cli import app
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import extract_records
from kg.store import writer
from kg.store.errors import StoreChanged
from kg.store.writer import LoadStats, graph_counts, load_graph, wipe_graph
from tests.conftest import SAMPLE_000, neo4j_test_environment

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def issue_records(issue_000, issue_004) -> tuple[list[dict], list[dict]]:
    return list(extract_records([issue_000])), list(extract_records([issue_004]))


def _expected_counts(graph: KnowledgeGraph) -> tuple[dict[str, int], dict[str, int]]:
    return (dict(Counter(d["label"] for _, d in graph.nodes())), dict(Counter(e.type for e in graph.edges())))


def build_graph(records: list[dict]) -> KnowledgeGraph:
    return KnowledgeGraph.from_records(records)


def _snapshot(driver: Driver, database: str) -> dict:
    rows, _, _ = driver.execute_query(
        "MATCH (n) RETURN n.key AS key, properties(n) AS props ORDER BY key", database_=database
    )
    edges, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b, properties(r) AS props "
        "ORDER BY a, t, b, r.article, r.title",
        database_=database,
    )
    return {
        "nodes": [(r["key"], r["props"]) for r in rows],
        "edges": [(r["a"], r["t"], r["b"], r["props"]) for r in edges],
    }


def test_loading_the_samples_gives_the_graphs_counts_and_again_changes_nothing(driver, settings, issue_records):
    graph = build_graph(issue_records[0] + issue_records[1])
    load_graph(driver, graph, settings.database)
    assert graph_counts(driver, settings.database) == _expected_counts(graph)
    before = _snapshot(driver, settings.database)
    stats = load_graph(driver, graph, settings.database)
    assert (stats.nodes_created, stats.relationships_created, stats.properties_set, stats.labels_added) == (0, 0, 0, 0)
    assert not stats.changed
    assert _snapshot(driver, settings.database) == before


def test_loading_again_counts_only_the_properties_that_changed(driver, settings, issue_records):
    graph = build_graph(issue_records[0])
    load_graph(driver, graph, settings.database)
    changed = nx.MultiDiGraph(graph.to_networkx())
    changed.nodes["Organization:浙江省科技厅"]["name"] = "浙江省科学技术厅"
    [(source, target, key)] = [
        (s, t, k)
        for s, t, k, d in changed.edges(keys=True, data=True)
        if d["type"] == "HOLDS_POSITION" and s == "Person:高鹰忠"
    ]
    changed.edges[source, target, key]["evidence"] = "另一句证据。"
    stats = load_graph(driver, KnowledgeGraph.from_networkx(changed), settings.database)
    assert (stats.nodes_created, stats.relationships_created, stats.properties_set) == (0, 0, 2)
    rows, _, _ = driver.execute_query(
        "MATCH (p:Person {name: $name})-[r:HOLDS_POSITION]->(o) RETURN o.name AS org, r.evidence AS evidence",
        name="高鹰忠",
        database_=settings.database,
    )
    assert [(r["org"], r["evidence"]) for r in rows] == [("浙江省科学技术厅", "另一句证据。")]


def test_issue_by_issue_equals_all_at_once(driver, settings, issue_records):
    first, second = issue_records
    load_graph(driver, build_graph(first + second), settings.database)
    together = _snapshot(driver, settings.database)
    wipe_graph(driver, settings.database)
    load_graph(driver, build_graph(first), settings.database)
    load_graph(driver, build_graph(second), settings.database)
    assert _snapshot(driver, settings.database) == together


def test_one_transaction_at_a_time_gives_what_several_at_once_give(driver, settings, issue_records):
    graph = build_graph(issue_records[0] + issue_records[1])
    load_graph(driver, graph, settings.database, workers=4, size=50)
    parallel = _snapshot(driver, settings.database)
    wipe_graph(driver, settings.database)
    load_graph(driver, graph, settings.database, workers=1)
    assert _snapshot(driver, settings.database) == parallel


def _delete_organization(driver: Driver, database: str, name: str = "浙江省科技厅") -> None:
    driver.execute_query("MATCH (o:Organization {name: $name}) DETACH DELETE o", name=name, database_=database)


def test_a_node_deleted_after_the_lookup_is_merged_back_with_its_relationships(
    driver, settings, issue_records, monkeypatch
):
    graph = build_graph(issue_records[0])
    load_graph(driver, graph, settings.database)
    before = _snapshot(driver, settings.database)
    looked_up = writer.stored_ids

    def another_writer_deletes_after_the_lookup(*args, **kwargs):
        ids = looked_up(*args, **kwargs)
        _delete_organization(driver, settings.database)
        return ids

    monkeypatch.setattr(writer, "stored_ids", another_writer_deletes_after_the_lookup)
    stats = load_graph(driver, graph, settings.database, workers=1)
    assert stats.nodes_created == 1  # the merge made it again, and its new element id reached the relationships
    assert _snapshot(driver, settings.database) == before


def test_a_node_deleted_before_the_relationships_fails_their_batch_whole_and_loading_again_mends_it(
    driver, settings, issue_records, monkeypatch
):
    graph = build_graph(issue_records[0])
    load_graph(driver, graph, settings.database)
    before = _snapshot(driver, settings.database)
    planned = writer.plan_relationships

    def another_writer_deletes_once_the_nodes_are_in(*args, **kwargs):
        _delete_organization(driver, settings.database)
        return planned(*args, **kwargs)

    monkeypatch.setattr(writer, "plan_relationships", another_writer_deletes_once_the_nodes_are_in)
    stats = LoadStats()
    with pytest.raises(StoreChanged, match="lost an end"):
        load_graph(driver, graph, settings.database, workers=1, stats=stats)
    assert stats.node_batches_done == stats.node_batches
    assert stats.relationship_batches_done < stats.relationship_batches
    monkeypatch.undo()
    load_graph(driver, graph, settings.database)
    assert _snapshot(driver, settings.database) == before


def test_a_loaded_relation_keeps_its_title_and_evidence(driver, settings, issue_records):
    load_graph(driver, build_graph(issue_records[0]), settings.database)
    rows, _, _ = driver.execute_query(
        "MATCH (p:Person {name: $name})-[r:HOLDS_POSITION]->(o:Organization) RETURN o.name AS org, r.title AS title, "
        "r.evidence AS evidence",
        name="高鹰忠",
        database_=settings.database,
    )
    assert [(r["org"], r["title"]) for r in rows] == [("浙江省科技厅", "厅长")]
    assert rows[0]["evidence"].startswith("浙江省科技厅厅长高鹰忠表示")


def test_a_name_full_of_cypher_syntax_round_trips(driver, settings):
    name = "甲\"乙'丙\\丁}{`MATCH (n) DETACH DELETE n`“戊”\n己"
    graph = build_graph(
        [
            {
                "issue": "ffffffffffffffff",
                "article": "ffffffffffffffff-000",
                "source": "x.txt",
                "position": 0,
                "title": name,
                "section": None,
                "untitled": False,
                "industries": [],
                "relations": [],
                "sentences": [[0, 9]],
                "entities": [
                    {"name": name, "label": "Organization", "aliases": [name], "mentions": [{"start": 0, "end": 9}]}
                ],
            }
        ]
    )
    load_graph(driver, graph, settings.database)
    rows, _, _ = driver.execute_query(
        "MATCH (o:Organization) RETURN o.name AS name, o.aliases AS aliases", database_=settings.database
    )
    assert [(r["name"], r["aliases"]) for r in rows] == [(name, [name])]
    rows, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.title AS title", database_=settings.database)
    assert [r["title"] for r in rows] == [name]


def test_kg_load_twice_reports_nothing_new(neo4j_server, driver):
    runner = CliRunner()
    env = neo4j_test_environment()
    first = runner.invoke(app, ["load", str(SAMPLE_000)], env=env)
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["load", str(SAMPLE_000)], env=env)
    assert again.exit_code == 0, again.output
    assert "nothing changed: the store already held this graph." in again.stderr


@pytest.mark.parametrize(
    ("uri", "password", "expected"),
    [
        ("bolt://127.0.0.1:1", "whatever-password", "no Neo4j answers at bolt://127.0.0.1:1"),
        (None, "not-the-password", "refused user 'neo4j'"),
    ],
)
def test_unreachable_or_refused_is_one_clear_error(neo4j_server, uri, password, expected):
    env = {**neo4j_test_environment(), "NEO4J_URI": uri or neo4j_server.home.uri, "NEO4J_PASSWORD": password}
    result = CliRunner().invoke(app, ["load", str(SAMPLE_000)], env=env)
    assert result.exit_code == 2
    assert expected in result.output and "Traceback" not in result.output


def test_wipe_asks_first_and_no_keeps_the_data(neo4j_server, driver, settings, issue_records):
    graph = build_graph(issue_records[0])
    load_graph(driver, graph, settings.database)
    result = CliRunner().invoke(app, ["load", str(SAMPLE_000), "--wipe"], input="n\n", env=neo4j_test_environment())
    assert result.exit_code == 1
    assert "Delete all of kg's data" in result.output
    assert graph_counts(driver, settings.database) == _expected_counts(graph)


def test_kg_load_loads_the_good_files_and_names_the_bad_ones(neo4j_server, driver, settings, issue_records, tmp_path):
    (tmp_path / "good.txt").write_bytes(SAMPLE_000.read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["load", str(tmp_path)], env=neo4j_test_environment())
    assert result.exit_code == 1
    assert "bad.txt: the file is empty" in result.stderr
    assert "1 file(s) failed; the others were loaded." in result.stderr
    assert graph_counts(driver, settings.database) == _expected_counts(build_graph(issue_records[0]))
