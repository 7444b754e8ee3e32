"""index.html's data and page text, without a browser."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import render_html, write_html
from kg.export.html_view import EDGE_FIELDS, EVIDENCE_FIELDS, NODE_FIELDS, view_data
from kg.graph.knowledge import KnowledgeGraph
from tests.graph_sample import ARTICLE_2, SENTENCE_HOLDS, SENTENCE_LOCATED, TITLE_2, sample_graph

OFFICE = "Organization:浙江省科技厅"
LAB = "Organization:之江实验室"


@pytest.fixture(scope="module")
def data() -> dict:
    return _view(sample_graph())


def _view(graph: nx.MultiDiGraph) -> dict:
    """The page's data of a graph made by hand in networkx."""
    return view_data(KnowledgeGraph.from_networkx(graph))


def _nodes(data: dict) -> dict[str, dict]:
    return {row[0]: dict(zip(NODE_FIELDS, row)) for row in data["nodes"]}


def _key(data: dict, row: int) -> str:
    return data["nodes"][row][0]


def test_every_node_is_a_row_with_its_name_label_aliases_and_a_position():
    data = _view(sample_graph())
    nodes = _nodes(data)
    assert list(nodes) == list(sample_graph().nodes)
    office = nodes[OFFICE]
    assert (office["name"], data["labels"][office["label"]]["label"], office["aliases"]) == (
        "浙江省科技厅",
        "Organization",
        ["省科技厅"],
    )
    assert all(isinstance(office[axis], int) for axis in ("x", "y"))
    assert nodes[f"Article:{ARTICLE_2}"]["where"] == ["科技动态", "000_37a592d5b46665a4.txt", 2]


def test_industries_are_a_filter_not_drawn_nodes(data):
    nodes = _nodes(data)
    assert nodes["Industry:新材料"]["x"] is None and nodes["Industry:先进制造"]["y"] is None
    legend = {entry["label"]: entry for entry in data["labels"]}
    assert legend["Industry"]["drawn"] is False and legend["Organization"]["drawn"] is True
    # Article 2 is about 新材料, whose parent is 先进制造: its entities belong to both.
    assert [(option["name"], option["count"]) for option in data["industries"]] == [("先进制造", 4), ("新材料", 4)]
    assert [_key(data, row) for row in nodes[LAB]["industries"]] == ["Industry:新材料", "Industry:先进制造"]
    assert nodes["Person:陈岩"]["industries"] == []


def test_regions_come_from_where_an_entity_is_located_and_what_that_is_part_of(data):
    nodes = _nodes(data)
    assert [_key(data, row) for row in nodes[LAB]["regions"]] == ["Region:浙江省", "Region:杭州市"]
    assert [_key(data, row) for row in nodes["Region:杭州市"]["regions"]] == ["Region:浙江省", "Region:杭州市"]
    assert nodes[OFFICE]["regions"] == []  # no sentence says where the office is
    assert [(option["name"], option["count"]) for option in data["regions"]] == [("杭州市", 1), ("浙江省", 1)]


def test_node_size_is_the_pagerank_the_build_measured():
    graph = sample_graph()
    graph.nodes[OFFICE]["pagerank"] = 0.25
    assert _nodes(_view(graph))[OFFICE]["pagerank"] == 0.25


def test_a_label_missing_from_the_view_file_is_drawn_in_the_fallback_colour():
    graph = sample_graph()
    graph.add_node("Fund:科创母基金", label="Fund", name="科创母基金", aliases=[])
    legend = {entry["label"]: entry for entry in _view(graph)["labels"]}
    assert legend["Fund"] == {
        "label": "Fund",
        "caption": "",
        "color": "#7f7f7f",
        "shown": True,
        "drawn": True,
        "count": 1,
    }


def test_drawn_edges_are_one_per_pair_and_type_and_never_to_an_industry(data):
    edges = [dict(zip(EDGE_FIELDS, row)) for row in data["edges"]]
    types = [entry["type"] for entry in data["types"]]
    drawn = {(_key(data, edge["from"]), _key(data, edge["to"]), types[edge["type"]]) for edge in edges}
    assert len(drawn) == len(edges)
    assert (LAB, OFFICE, "PARTNERS_WITH") in drawn and (f"Article:{ARTICLE_2}", LAB, "MENTIONS") in drawn
    assert not any(target.startswith("Industry:") for _, target, _ in drawn)
    assert {entry["type"] for entry in data["types"] if entry["evidence"]} == {
        "HOLDS_POSITION",
        "RUNS",
        "LOCATED_IN",
        "PARTNERS_WITH",
        "PART_OF",
    }


def test_evidence_rows_keep_the_sentence_its_article_and_a_positions_title(data):
    types = [entry["type"] for entry in data["types"]]
    rows = [dict(zip(EVIDENCE_FIELDS, row)) for row in data["evidence"]]
    holds = next(row for row in rows if types[row["type"]] == "HOLDS_POSITION")
    assert (_key(data, holds["from"]), _key(data, holds["to"]), holds["sentence"], holds["role"]) == (
        "Person:陈岩",
        OFFICE,
        SENTENCE_HOLDS,
        "厅长",
    )
    located = next(row for row in rows if row["sentence"] == SENTENCE_LOCATED)
    assert _nodes(data)[_key(data, located["article"])]["name"] == TITLE_2
    part_of = next(row for row in rows if types[row["type"]] == "PART_OF")
    assert part_of["article"] == -1  # its article is not in the graph


def test_positions_are_the_same_every_build_and_apart():
    first, second = _view(sample_graph()), _view(sample_graph())
    positions = [(row[0], row[5], row[6]) for row in first["nodes"]]
    assert positions == [(row[0], row[5], row[6]) for row in second["nodes"]]
    drawn = [(x, y) for _, x, y in positions if x is not None]
    assert len(set(drawn)) == len(drawn) == 11


_POSITIONS_IN_A_NEW_PROCESS = (
    "import json; from kg.config import SAMPLES_DIR; from kg.export.html_view import view_data; "
    "from kg.pipeline import build_graph_from, read_corpus; "
    "graph = build_graph_from(read_corpus([SAMPLES_DIR]).issues).graph; "
    "print(json.dumps([(row[0], row[5], row[6]) for row in view_data(graph)['nodes']]))"
)


def test_positions_do_not_change_with_pythons_string_hashing():
    runs = [
        subprocess.run(
            [sys.executable, "-c", _POSITIONS_IN_A_NEW_PROCESS],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert runs[0] == runs[1]


def _chain(size: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for number in range(size):
        graph.add_node(f"Organization:机构{number}", label="Organization", name=f"机构{number}", aliases=[])
        if number:
            graph.add_edge(f"Organization:机构{number - 1}", f"Organization:机构{number}", type="CO_OCCURS_WITH")
    return graph


def test_a_graph_above_the_threshold_opens_on_a_search():
    assert _view(_chain(2000))["search_first"] is False
    assert _view(_chain(2001))["search_first"] is True


def test_the_page_is_one_utf8_file_with_the_library_inlined(tmp_path):
    path = tmp_path / "out" / "index.html"
    write_html(KnowledgeGraph.from_networkx(sample_graph()), path)
    html = path.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html
    assert "vis-network" in html and "@version" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html), "the page must load nothing from outside"
    assert "{{kg:" not in html
    assert [file.name for file in path.parent.iterdir()] == ["index.html"]


def test_script_tags_in_a_name_stay_inside_the_data():
    graph = sample_graph()
    name = "</script><script>alert(1)</script><!--研究院"
    graph.add_node(f"Organization:{name}", label="Organization", name=name, aliases=["</SCRIPT >"])
    html = render_html(KnowledgeGraph.from_networkx(graph))
    template = (files("kg.export") / "templates" / "index.html").read_text(encoding="utf-8")
    assert html.lower().count("</script") == template.count("</script>")
    embedded = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.DOTALL)
    assert "<" not in embedded.group(1)
    assert json.loads(embedded.group(1)) == _view(graph)
