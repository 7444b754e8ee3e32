"""The graph: schema validation, cross-article identity, determinism, incremental
building, and round trips through every export format."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from kg.export.bundle import write_bundle
from kg.graph.knowledge import KnowledgeGraph
from kg.graph.schema import graph_schema, validate_graph
from kg.models import ArticleExtraction
from kg.pipeline import extract_records


@pytest.fixture(scope="module")
def records(issue_000, issue_004):
    return list(extract_records([issue_000, issue_004]))


@pytest.fixture(scope="module")
def knowledge(records):
    return KnowledgeGraph.from_records(records)


@pytest.fixture(scope="module")
def graph(knowledge):
    """The graph as networkx holds it: what these tests inspect."""
    return knowledge.to_networkx()


def test_the_sample_graph_conforms_to_the_schema(graph):
    assert validate_graph(graph) == []


def test_validation_names_each_violation(graph):
    broken = graph.copy()
    broken.add_edge(
        "Person:高鹰忠",
        "Region:浙江省",
        key="x",
        type="HOLDS_POSITION",
        evidence="…",
        article="a",
        start=0,
        end=1,
        basis="title",
        title="厅长",
    )
    del broken.nodes["Organization:浙江省科技厅"]["aliases"]
    problems = {str(p) for p in validate_graph(broken)}
    assert "Person:高鹰忠 -[HOLDS_POSITION]-> Region:浙江省: HOLDS_POSITION may not join Person to Region" in problems
    assert "Organization:浙江省科技厅: missing required property 'aliases'" in problems


def test_nodes_and_typed_edges_cite_their_sentence(graph):
    node = graph.nodes["Organization:浙江省科技厅"]
    assert node["label"] == "Organization" and "浙江省科技厅" in node["aliases"]
    edges = graph.get_edge_data("Person:高鹰忠", "Organization:浙江省科技厅")
    [(key, edge)] = edges.items()
    assert edge["type"] == "HOLDS_POSITION" and edge["title"] == "厅长"
    assert edge["evidence"].startswith("浙江省科技厅厅长高鹰忠表示")
    assert key == f"HOLDS_POSITION@{edge['article']}:厅长"


def test_one_node_per_entity_across_issues(graph):
    """浙江省 is named in both samples: one node, mentioned by articles of both issues."""
    articles = [a for a, _, d in graph.in_edges("Region:浙江省", data=True) if d["type"] == "MENTIONS"]
    issues = {graph.nodes[a]["issue"] for a in articles}
    assert len(issues) == 2
    assert "Organization:北京大学计算机学院" in graph and "Organization:北京大学" in graph


def test_declared_short_forms_merge_across_articles():
    records = [
        _record("a-001", [_entity("唐山国家高新技术产业开发区", "Region", declared=["唐山高新区"])]),
        _record("b-001", [_entity("唐山高新区", "Region")]),
    ]
    graph = KnowledgeGraph.from_records(records).to_networkx()
    assert "Region:唐山高新区" not in graph
    assert {a for a, _ in graph.in_edges("Region:唐山国家高新技术产业开发区")} == {"Article:a-001", "Article:b-001"}


def test_co_occurrence_counts_sentences_once_per_article():
    record = _record(
        "a-001",
        [_entity("甲公司", "Organization", [(0, 3), (10, 13)]), _entity("乙大学", "Organization", [(4, 7), (14, 17)])],
        sentences=[[0, 9], [10, 20]],
    )
    knowledge = KnowledgeGraph.from_records([record])
    knowledge.add([ArticleExtraction.from_record(record)])  # the same article again adds nothing
    edge = knowledge.to_networkx().edges["Organization:乙大学", "Organization:甲公司", "CO_OCCURS_WITH"]
    assert (edge["weight"], edge["articles"], edge["article_ids"]) == (2, 1, ["a-001"])


def test_building_twice_and_incrementally_gives_the_same_graph(records, graph):
    assert nx.utils.graphs_equal(KnowledgeGraph.from_records(records).to_networkx(), graph)
    first_issue = [ArticleExtraction.from_record(r) for r in records if r["issue"] == records[0]["issue"]]
    rest = [ArticleExtraction.from_record(r) for r in records if r["issue"] != records[0]["issue"]]
    knowledge = KnowledgeGraph()
    knowledge.add(first_issue)
    incremental = knowledge.to_networkx()
    before = {n: dict(d) for n, d in incremental.nodes(data=True) if d["label"] == "Article"}
    knowledge.add(rest)
    assert nx.utils.graphs_equal(incremental, graph)
    assert all(incremental.nodes[n] == d for n, d in before.items())


@pytest.fixture(scope="module")
def bundle(knowledge, tmp_path_factory):
    directory = tmp_path_factory.mktemp("build")
    write_bundle(knowledge, directory)
    return directory


def test_node_link_and_cytoscape_reference_existing_nodes(graph, bundle):
    data = json.loads((bundle / "graph.json").read_text(encoding="utf-8"))
    ids = {n["id"] for n in data["nodes"]}
    assert ids == set(graph.nodes)
    assert all(link["source"] in ids and link["target"] in ids for link in data["links"])
    assert len(data["links"]) == graph.number_of_edges()
    elements = json.loads((bundle / "cytoscape.json").read_text(encoding="utf-8"))["elements"]
    node_ids = {n["data"]["id"] for n in elements["nodes"]}
    assert node_ids == set(graph.nodes)
    assert all(e["data"]["source"] in node_ids and e["data"]["target"] in node_ids for e in elements["edges"])


def test_neo4j_import_csvs_match_the_graph(graph, bundle):
    directory = bundle / "neo4j-import"
    with open(directory / "nodes_Person.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["key:ID", "name:string", "aliases:string[]"] and rows[0][-1] == ":LABEL"
    assert {"pagerank:double", "community:long", "industries:string[]"} <= set(rows[0])  # measures: test_analytics
    people = [n for n, d in graph.nodes(data=True) if d["label"] == "Person"]
    assert len(rows) - 1 == len(people)
    with open(directory / "relationships_HOLDS_POSITION.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and "title:string" in rows[0]
    for kind in graph_schema().relationships:
        path = directory / f"relationships_{kind}.csv"
        count = sum(1 for *_, d in graph.edges(data=True) if d["type"] == kind)
        assert (sum(1 for _ in open(path, encoding="utf-8")) - 1 if path.exists() else 0) == count, kind
    assert "neo4j-admin database import full neo4j" in (directory / "import-command.txt").read_text(encoding="utf-8")


def test_building_twice_gives_identical_files(records, bundle, tmp_path):
    write_bundle(KnowledgeGraph.from_records(records), tmp_path)
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
        assert (tmp_path / path.relative_to(bundle)).read_bytes() == path.read_bytes(), path.name


def _entity(name: str, label: str, mentions=((0, 1),), declared=()) -> dict:
    return {
        "name": name,
        "label": label,
        "aliases": [name, *declared],
        "declared_aliases": list(declared),
        "mentions": [{"start": s, "end": e} for s, e in mentions],
    }


def _record(article: str, entities: list[dict], sentences=None) -> dict:
    return {
        "issue": article.split("-")[0],
        "article": article,
        "source": "x.txt",
        "position": 1,
        "title": article,
        "section": None,
        "untitled": False,
        "industries": [],
        "entities": entities,
        "relations": [],
        "sentences": sentences or [[0, 100]],
    }
