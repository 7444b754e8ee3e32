"""The exports as the tools they are for read them: graph.gexf and graph.graphml in Gephi's own
importer, cytoscape.json in Cytoscape.js, and all three in networkx.

Gephi's importer (org.gephi:gephi-toolkit, tests/tools/gephi) and Cytoscape.js (npm, tests/tools/cytoscape)
are installed by tools/provision-test-deps; each runs once for the module (one JVM, one Node).
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.export.cytoscape import write_cytoscape
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.tool_view import edge_id, tool_view
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import extract_records

TOOLS = Path(__file__).parent / "tools"
GEPHI = TOOLS / "gephi"
GEPHI_CLASSPATH = GEPHI / "target" / "classpath.txt"
CYTOSCAPE = TOOLS / "cytoscape"
PROVISION = "run tools/provision-test-deps, which installs it"

PERSON, ORGANIZATION = "Person:高鹰忠", "Organization:浙江省科技厅"


@pytest.fixture(scope="module")
def records(issue_000, issue_004) -> list[dict]:
    return list(extract_records([issue_000, issue_004]))


@pytest.fixture(scope="module")
def knowledge(records) -> KnowledgeGraph:
    return KnowledgeGraph.from_records(records)


@pytest.fixture(scope="module")
def graph(knowledge) -> nx.MultiDiGraph:
    """The graph as networkx holds it: what these tests compare the tools' reading with."""
    return knowledge.to_networkx()


@pytest.fixture(scope="module")
def exports(knowledge, tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("exports")
    write_gexf(knowledge, directory / "graph.gexf")
    write_graphml(knowledge, directory / "graph.graphml")
    write_cytoscape(knowledge, directory / "cytoscape.json")
    return directory


@pytest.fixture(scope="module")
def gephi(exports) -> dict[tuple[str, str], dict]:
    """What Gephi holds after opening each file: (file name, merge strategy) → nodes, edges, columns, report."""
    if not GEPHI_CLASSPATH.is_file():
        pytest.fail(f"Gephi's importer is not resolved ({GEPHI_CLASSPATH} is missing): {PROVISION}", pytrace=False)
    output = exports / "gephi.json"
    subprocess.run(
        [
            "java",
            "-cp",
            GEPHI_CLASSPATH.read_text().strip(),
            str(GEPHI / "GephiImport.java"),
            str(output),
            str(exports / "graph.gexf"),
            str(exports / "graph.graphml"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {(entry["file"], entry["merge"]): entry for entry in json.loads(output.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def cytoscape_js(exports) -> dict:
    """What Cytoscape.js holds after `cytoscape({elements})` with a `label: data(label)` style."""
    if not (CYTOSCAPE / "node_modules" / "cytoscape").is_dir():
        pytest.fail(f"Cytoscape.js is not installed in {CYTOSCAPE}: {PROVISION}", pytrace=False)
    result = subprocess.run(
        ["node", str(CYTOSCAPE / "load.mjs"), str(exports / "cytoscape.json")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return json.loads(result.stdout)


def _names(graph: nx.MultiDiGraph) -> dict[str, str]:
    return {node: data["name"] for node, data in graph.nodes(data=True)}


def _ids(graph: nx.MultiDiGraph) -> set[str]:
    return {edge_id(source, target, key) for source, target, key in graph.edges(keys=True)}


def _problems(imported: dict) -> list:
    """The importer's warnings and errors (its INFO lines, such as "GEXF version 1.3", are not problems)."""
    return [issue for issue in imported["issues"] if issue[0] != "INFO"]


def _holds_position(edges: list[dict]) -> dict:
    [edge] = [
        e
        for e in edges
        if (e["source"], e["target"]) == (PERSON, ORGANIZATION) and e["attributes"]["relation"] == "HOLDS_POSITION"
    ]
    return edge


# -- Gephi ---------------------------------------------------------------------------------------------------


def test_gephi_opens_the_gexf_static_with_names_as_labels_and_no_warning(gephi, graph):
    imported = gephi["graph.gexf", "SUM"]
    assert _problems(imported) == []
    assert imported["dynamic"] is False
    assert {node["id"]: node["label"] for node in imported["nodes"]} == _names(graph)
    assert list(imported["node_columns"])[:2] == ["kg_label", "name"]
    assert {"aliases", "group", "parent_industry"} <= set(imported["node_columns"])
    assert {
        "relation": "String",
        "evidence_start": "Long",
        "evidence_end": "Long",
        "title": "String",
    }.items() <= imported["edge_columns"].items()
    assert not {"start", "end", "type", "label", "key"} & (
        set(imported["node_columns"]) | set(imported["edge_columns"])
    )
    node = next(n for n in imported["nodes"] if n["id"] == ORGANIZATION)
    assert node["label"] == "浙江省科技厅" and node["attributes"]["kg_label"] == "Organization"
    assert json.loads(node["attributes"]["aliases"]) == graph.nodes[ORGANIZATION]["aliases"]


def test_gephi_reads_each_gexf_edges_relation_as_its_kind_and_label_and_the_offsets_as_numbers(gephi, graph):
    edges = gephi["graph.gexf", "SUM"]["edges"]
    assert all(e["kind"] == e["label"] == e["attributes"]["relation"] and e["directed"] for e in edges)
    edge = _holds_position(edges)
    [(kg_edge)] = [
        d for _, t, d in graph.out_edges(PERSON, data=True) if t == ORGANIZATION and d["type"] == "HOLDS_POSITION"
    ]
    assert edge["attributes"]["title"] == "厅长"
    assert (edge["attributes"]["evidence_start"], edge["attributes"]["evidence_end"]) == (
        kg_edge["start"],
        kg_edge["end"],
    )
    assert "高鹰忠" in edge["attributes"]["evidence"]


def test_gephi_merges_only_edges_of_one_relation_between_the_same_nodes_and_counts_them_in_the_weight(gephi, graph):
    """Gephi's import dialog merges parallel edges of one kind by default (Sum); relations stay apart."""
    expected: Counter = Counter()
    for source, target, data in graph.edges(data=True):
        expected[source, target, data["type"]] += data.get("weight", 1)
    edges = gephi["graph.gexf", "SUM"]["edges"]
    assert {(e["source"], e["target"], e["kind"]): e["weight"] for e in edges} == expected
    assert len(edges) == len(expected) < graph.number_of_edges()
    assert expected[("Organization:许昌市科学技术情报研究所", "Region:许昌市", "LOCATED_IN")] == 2


def test_gephi_keeps_every_edge_of_both_files_with_its_id_when_told_not_to_merge(gephi, graph):
    for name in ("graph.gexf", "graph.graphml"):
        imported = gephi[name, "NO_MERGE"]
        assert len(imported["nodes"]) == graph.number_of_nodes()
        assert len(imported["edges"]) == graph.number_of_edges()
        assert {e["id"] for e in imported["edges"]} == _ids(graph)
        assert Counter(e["attributes"]["relation"] for e in imported["edges"]) == Counter(
            d["type"] for *_, d in graph.edges(data=True)
        )


def test_gephi_opens_the_graphml_with_names_as_labels_and_relations_as_edge_labels(gephi, graph):
    imported = gephi["graph.graphml", "SUM"]
    assert _problems(imported) == []
    assert {node["id"]: node["label"] for node in imported["nodes"]} == _names(graph)
    assert {"kg_label": "String", "name": "String", "aliases": "String"}.items() <= imported["node_columns"].items()
    assert {"relation": "String", "evidence_start": "Long", "evidence_end": "Long"}.items() <= imported[
        "edge_columns"
    ].items()
    # GraphML has no edge kind: Gephi's default merges every parallel edge, whatever its relation.
    assert len(imported["edges"]) == len({(s, t) for s, t in graph.edges()})
    no_merge = gephi["graph.graphml", "NO_MERGE"]["edges"]
    edge = _holds_position(no_merge)
    assert edge["label"] == "HOLDS_POSITION" and edge["attributes"]["title"] == "厅长"
    assert isinstance(edge["attributes"]["evidence_start"], int)


# -- Cytoscape.js --------------------------------------------------------------------------------------------


def test_cytoscape_js_loads_every_element_without_a_warning_and_shows_names(cytoscape_js, graph):
    assert cytoscape_js["warnings"] == []
    assert {n["id"]: n["shown"] for n in cytoscape_js["nodes"]} == _names(graph)
    assert not any(n["compound"] for n in cytoscape_js["nodes"])  # `parent` would nest industries
    industry = next(n["data"] for n in cytoscape_js["nodes"] if n["data"].get("parent_industry"))
    assert industry["kg_label"] == "Industry" and "parent" not in industry
    organization = next(n["data"] for n in cytoscape_js["nodes"] if n["id"] == ORGANIZATION)
    assert organization["aliases"] == graph.nodes[ORGANIZATION]["aliases"]


def test_cytoscape_js_has_every_edge_with_its_stable_id_and_relation(cytoscape_js, graph):
    edges = cytoscape_js["edges"]
    assert {e["id"] for e in edges} == _ids(graph) and len(edges) == graph.number_of_edges()
    assert all(e["shown"] == e["data"]["relation"] for e in edges)
    assert Counter(e["data"]["relation"] for e in edges) == Counter(d["type"] for *_, d in graph.edges(data=True))
    edge = next(
        e["data"]
        for e in edges
        if (e["source"], e["target"]) == (PERSON, ORGANIZATION) and e["data"]["relation"] == "HOLDS_POSITION"
    )
    assert edge["title"] == "厅长" and isinstance(edge["evidence_start"], int) and "start" not in edge


# -- networkx ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reader, name", [(nx.read_gexf, "graph.gexf"), (nx.read_graphml, "graph.graphml")])
def test_networkx_reads_back_names_relations_and_edge_ids(exports, graph, reader, name):
    reread = reader(exports / name)
    assert set(reread.nodes) == set(graph.nodes)
    assert {node: data["label"] for node, data in reread.nodes(data=True)} == _names(graph)
    assert reread.nodes[ORGANIZATION]["kg_label"] == "Organization"
    assert json.loads(reread.nodes[ORGANIZATION]["aliases"]) == graph.nodes[ORGANIZATION]["aliases"]
    relations = Counter(data["relation"] for *_, data in reread.edges(data=True))
    assert relations == Counter(data["type"] for *_, data in graph.edges(data=True))
    ids = (
        {data["id"] for *_, data in reread.edges(data=True)}
        if name.endswith("gexf")
        else {k for *_, k in reread.edges(keys=True)}
    )
    assert ids == _ids(graph)


# -- ids -----------------------------------------------------------------------------------------------------


def test_edge_ids_are_unique_and_an_added_issue_leaves_those_already_there(records, knowledge):
    ids = [edge.id for edge in tool_view(knowledge).edges]
    assert len(ids) == len(set(ids)) == knowledge.edge_count
    first_issue = KnowledgeGraph.from_records([r for r in records if r["issue"] == records[0]["issue"]])
    assert {edge.id for edge in tool_view(first_issue).edges} < set(ids)
