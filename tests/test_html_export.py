"""index.html's data and page text, without a browser."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest

from kg.export.html import render_html, view_data, write_html
from kg.graph.knowledge import KnowledgeGraph
from tests.graph_sample import (
    ARTICLE_1,
    ARTICLE_2,
    ISSUE,
    SENTENCE_HOLDS,
    SENTENCE_LOCATED,
    SENTENCE_PARTNERS,
    SENTENCE_RUNS,
    TITLE_1,
    TITLE_2,
    sample_graph,
)

OFFICE = "Organization:浙江省科技厅"


@pytest.fixture(scope="module")
def data() -> dict:
    return view_data(KnowledgeGraph.from_networkx(sample_graph()))


def _titles(entries: list[dict]) -> list[str]:
    return [entry["title"] for entry in entries]


def _sentences(entries: list[dict]) -> set[str]:
    return {entry["sentence"] for entry in entries}


def test_every_node_is_there_with_its_name_aliases_and_degree(data):
    nodes = {node["id"]: node for node in data["nodes"]}
    assert nodes.keys() == set(sample_graph().nodes)
    assert nodes[OFFICE] == {
        "id": OFFICE,
        "name": "浙江省科技厅",
        "label": "Organization",
        "aliases": ["省科技厅"],
        "degree": 6,
    }
    assert nodes[f"Article:{ARTICLE_1}"]["name"] == TITLE_1


def test_the_legend_follows_the_view_file_and_hides_articles_and_issues(data):
    assert [(entry["label"], entry["count"], entry["shown"]) for entry in data["labels"]] == [
        ("Organization", 2, True),
        ("Region", 2, True),
        ("Person", 1, True),
        ("Program", 1, True),
        ("Document", 1, True),
        ("Event", 1, True),
        ("Industry", 2, True),
        ("Article", 2, False),
        ("Issue", 1, False),
    ]
    assert data["labels"][0]["color"] == "#4e79a7" and data["labels"][0]["caption"] == "机构"


def test_a_label_missing_from_the_view_file_is_drawn_in_the_fallback_colour():
    graph = sample_graph()
    graph.add_node("Fund:科创母基金", label="Fund", name="科创母基金", aliases=[])
    legend = {entry["label"]: entry for entry in view_data(KnowledgeGraph.from_networkx(graph))["labels"]}
    assert legend["Fund"] == {"label": "Fund", "caption": "", "color": "#7f7f7f", "shown": True, "count": 1}


def test_an_entity_panel_lists_the_articles_mentioning_it_and_its_evidence(data):
    panel = data["panels"][OFFICE]
    assert _titles(panel["articles"]) == [TITLE_1, TITLE_2]
    assert panel["articles"][0] == {
        "id": f"Article:{ARTICLE_1}",
        "title": TITLE_1,
        "section": "科技动态",
        "issue": ISSUE,
        "source": "000_37a592d5b46665a4.txt",
        "position": 1,
    }
    assert _sentences(panel["evidence"]) == {SENTENCE_HOLDS, SENTENCE_RUNS, SENTENCE_PARTNERS}
    holds = next(entry for entry in panel["evidence"] if entry["type"] == "HOLDS_POSITION")
    assert holds == {
        "type": "HOLDS_POSITION",
        "subject": "陈岩",
        "object": "浙江省科技厅",
        "role": "厅长",
        "sentence": SENTENCE_HOLDS,
        "article": f"Article:{ARTICLE_1}",
        "title": TITLE_1,
        "start": 100,
    }


def test_industry_issue_and_article_panels(data):
    assert _titles(data["panels"]["Industry:新材料"]["articles"]) == [TITLE_2]
    assert _titles(data["panels"][f"Issue:{ISSUE}"]["articles"]) == [TITLE_1, TITLE_2]
    assert _sentences(data["panels"][f"Article:{ARTICLE_2}"]["evidence"]) == {SENTENCE_LOCATED, SENTENCE_PARTNERS}


def test_evidence_from_an_article_outside_the_graph_has_no_title(data):
    part_of = next(entry for entry in data["panels"]["Region:浙江省"]["evidence"] if entry["type"] == "PART_OF")
    assert part_of["title"] is None and part_of["subject"] == "杭州市"


def test_only_relations_with_evidence_are_drawn_as_relations(data):
    kinds = {(edge["type"], edge["evidence"]) for edge in data["edges"]}
    assert kinds == {
        ("HAS_ARTICLE", False),
        ("MENTIONS", False),
        ("ABOUT", False),
        ("CO_OCCURS_WITH", False),
        ("HOLDS_POSITION", True),
        ("RUNS", True),
        ("LOCATED_IN", True),
        ("PARTNERS_WITH", True),
        ("PART_OF", True),
    }
    assert len({edge["id"] for edge in data["edges"]}) == sample_graph().number_of_edges()


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
    assert json.loads(embedded.group(1)) == view_data(KnowledgeGraph.from_networkx(graph))
