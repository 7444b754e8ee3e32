"""Analytics: the entity network, PageRank, betweenness, communities, brokers and degree by type, on every
node of every export; the trend tables over dated issues; `kg analyze`."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pytest
import yaml
from typer.testing import CliRunner

from kg.analytics.analysis import PeriodError, analyze
from kg.analytics.measures import annotate_measures
from kg.analytics.network import entity_network
from kg.analytics.rankings import rank_entities
from kg.analytics.settings import AnalyticsSettingsError, parse_analytics_settings
from kg.analytics.timeline import issue_timeline
from kg.analytics.trends import partnership_history, partnerships_formed, rising_entities
from kg.cli import app
from kg.config import DATA_DIR
from kg.export.bundle import write_bundle
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import build_graph_from, read_corpus
from tests.graph_sample import sample_graph

DATED_DIR = Path(__file__).parent / "dated"
WIDE = {"COLUMNS": "200"}  # rich tables as wide as their rows, so names are printed whole
runner = CliRunner()


@pytest.fixture(scope="module")
def built_samples(issue_000, issue_004) -> KnowledgeGraph:
    return build_graph_from([issue_000, issue_004]).graph


@pytest.fixture(scope="module")
def samples(built_samples) -> nx.MultiDiGraph:
    """The samples' graph as networkx holds it: what kg.analytics takes."""
    return built_samples.to_networkx()


@pytest.fixture(scope="module")
def corpus() -> nx.MultiDiGraph:
    """The samples (dated by their manifest) and the two dated issues written for these tests."""
    return build_graph_from(read_corpus([DATA_DIR / "samples", DATED_DIR]).issues).graph.to_networkx()


# --- the network the measures run on ------------------------------------------------------------------------------


def test_typed_relations_weigh_their_evidence_and_co_occurrence_counts_a_tenth_only_where_none_is():
    graph = sample_graph()
    graph.add_edge(
        "Person:陈岩",
        "Organization:浙江省科技厅",
        type="HOLDS_POSITION",
        evidence="…",
        article="b",
        start=0,
        end=1,
        basis="title",
        title="厅长",
    )
    graph.add_edge("Person:陈岩", "Region:杭州市", type="CO_OCCURS_WITH", weight=3, articles=1)
    network = entity_network(graph)
    assert set(network) == {k for k, d in graph.nodes(data=True) if d["label"] not in ("Issue", "Article", "Industry")}
    assert network["Person:陈岩"]["Organization:浙江省科技厅"]["weight"] == 2.0  # two articles state it
    assert network["Person:陈岩"]["Region:杭州市"]["weight"] == pytest.approx(0.3)  # three sentences, no relation
    # The pair that co-occurs and partners is weighed by the partnership alone.
    assert network["Organization:之江实验室"]["Organization:浙江省科技厅"]["weight"] == 1.0
    assert network["Person:陈岩"]["Organization:浙江省科技厅"]["distance"] == 0.5


def test_settings_are_checked_naming_the_file_and_key():
    raw = yaml.safe_load((DATA_DIR / "analytics.yaml").read_text(encoding="utf-8"))
    assert parse_analytics_settings(raw).communities.seed == 13
    del raw["relation_weights"]["RUNS"]
    with pytest.raises(
        AnalyticsSettingsError,
        match=r"analytics.yaml: `relation_weights` must weigh each typed "
        r"relation of schemas/graph.yaml: missing \['RUNS'\]",
    ):
        parse_analytics_settings(raw, "analytics.yaml")
    raw = yaml.safe_load((DATA_DIR / "analytics.yaml").read_text(encoding="utf-8"))
    raw["pagerank"]["damping"] = 0.9
    with pytest.raises(AnalyticsSettingsError, match="analytics.yaml pagerank: unknown setting `damping`"):
        parse_analytics_settings(raw, "analytics.yaml")
    raw["pagerank"] = {"alpha": "high", "tolerance": 1e-8, "max_iterations": 200}
    with pytest.raises(AnalyticsSettingsError, match="`alpha` must be a non-negative float, not 'high'"):
        parse_analytics_settings(raw, "analytics.yaml")


# --- the measures on the samples ----------------------------------------------------------------------------------


def test_the_top_three_organizations_of_the_samples_by_pagerank(samples):
    top = rank_entities(samples).organizations
    assert [e.name for e in top[:3]] == ["杭州科百特过滤器材有限公司", "浙江省科技厅", "北京大学"]
    assert [(e.degree, e.mentions) for e in top[:3]] == [(5, 1), (5, 3), (4, 6)]


def test_every_entity_carries_its_measures(samples):
    node = samples.nodes["Organization:浙江省科技厅"]
    assert (node["pagerank"], node["betweenness"]) == (0.0189634, 0.0446035)
    assert {
        k: node[k]
        for k in (
            "degree",
            "degree_holds_position",
            "degree_partners_with",
            "degree_runs",
            "degree_located_in",
            "degree_published",
            "mentions",
            "industry",
            "industries",
            "communities_joined",
            "industries_joined",
        )
    } == {
        "degree": 5,
        "degree_holds_position": 1,
        "degree_partners_with": 2,
        "degree_runs": 1,
        "degree_located_in": 1,
        "degree_published": 0,
        "mentions": 3,
        "industry": "科技金融",
        "industries": ["科技金融"],
        "communities_joined": 2,
        "industries_joined": 1,
    }
    people = [d for _, d in samples.nodes(data=True) if d["label"] == "Person"]
    assert all(0 < d["pagerank"] < 1 and 0 <= d["betweenness"] <= 1 for d in people)
    assert "industry" not in samples.nodes["Organization:许昌市科学技术情报研究所"]  # named in the editor's notes only


def test_a_community_holds_what_belongs_together(samples):
    community = samples.nodes["Organization:北京大学"]["community"]
    assert sorted(d["name"] for _, d in samples.nodes(data=True) if d.get("community") == community) == [
        "刘譞哲",
        "北京大学",
        "北京大学—字节跳动“豆包大模型系统软件联合实验室”签约仪式暨“面向大模型的智能化软件技术与生态”学术研讨会",
        "北京大学科技开发部",
        "北京大学计算机学院",
        "字节跳动",
        "胡振江",
        "豆包大模型系统软件联合实验室",
        "郑如青",
    ]


def test_communities_and_measures_do_not_depend_on_the_order_issues_are_read_in(samples, issue_000, issue_004):
    reversed_order = build_graph_from([issue_004, issue_000]).graph.to_networkx()
    measured = ("pagerank", "betweenness", "community", "communities_joined")
    assert {n: tuple(d.get(k) for k in measured) for n, d in samples.nodes(data=True)} == {
        n: tuple(d.get(k) for k in measured) for n, d in reversed_order.nodes(data=True)
    }
    again = annotate_measures(KnowledgeGraph.from_networkx(samples))
    assert again.node("Organization:北京大学") == samples.nodes["Organization:北京大学"]


def test_brokers_join_communities_or_industries(samples):
    brokers = rank_entities(samples).brokers
    assert [(b.entity.name, b.communities, b.industries) for b in brokers[:2]] == [
        ("浙江省科技厅", (0, 6), ("科技金融",)),
        ("《中国区域科技创新评价报告2023》", (0, 2, 5, 7), ("机器人", "科技金融", "航空航天")),
    ]
    assert all(b.entity.label != "Region" for b in brokers)


def test_organizations_are_ranked_per_industry_and_per_region(samples):
    rankings = rank_entities(samples)
    by_industry = {g.name: [e.name for e in g.top] for g in rankings.by_industry}
    assert by_industry["航空航天"] == ["中国航空学会", "北京汉翱科技有限公司", "北京云创新材科技有限公司"]
    by_region = {g.name: (g.size, [e.name for e in g.top]) for g in rankings.by_region}
    assert by_region["浙江省"] == (7, ["杭州科百特过滤器材有限公司", "浙江省科技厅", "浙江省高新技术企业协会"])
    assert by_region["河北省"][0] == 8  # its zone's bodies, through 唐山市 PART_OF 河北省


def test_every_export_carries_the_measures(built_samples, samples, tmp_path):
    write_bundle(built_samples, tmp_path)
    key, expected = "Organization:浙江省科技厅", samples.nodes["Organization:浙江省科技厅"]
    gexf = nx.read_gexf(tmp_path / "graph.gexf")
    assert float(gexf.nodes[key]["pagerank"]) == expected["pagerank"] and int(gexf.nodes[key]["community"]) == 6
    graphml = nx.read_graphml(tmp_path / "graph.graphml")
    assert graphml.nodes[key]["betweenness"] == expected["betweenness"]
    assert json.loads(graphml.nodes[key]["industries"]) == ["科技金融"]
    node_link = {n["id"]: n for n in json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))["nodes"]}
    assert node_link[key]["degree_partners_with"] == 2
    cytoscape = {
        n["data"]["id"]: n["data"]
        for n in json.loads((tmp_path / "cytoscape.json").read_text(encoding="utf-8"))["elements"]["nodes"]
    }
    assert cytoscape[key]["pagerank"] == expected["pagerank"] and cytoscape[key]["community"] == 6
    with open(tmp_path / "neo4j-import" / "nodes_Organization.csv", encoding="utf-8") as handle:
        rows = {row["key:ID"]: row for row in csv.DictReader(handle)}
    assert (rows[key]["pagerank:double"], rows[key]["community:long"], rows[key]["industries:string[]"]) == (
        "0.0189634",
        "6",
        "科技金融",
    )


# --- trends over dated issues -------------------------------------------------------------------------------------


def test_the_timeline_orders_the_dated_issues(corpus):
    assert [(i.date, i.name, i.number) for i in issue_timeline(corpus)] == [
        ("2024-12-16", "000_37a592d5b46665a4.txt", None),
        ("2024-12-23", "004_d800323ad11d4dac.txt", None),
        ("2025-01-06", "linchen_2025_01.txt", 1),
        ("2025-01-13", "2025-01-13_linchen.txt", None),
    ]


def test_rising_entities_are_named_more_in_the_last_issues_than_before(corpus):
    rising = rising_entities(corpus, issue_timeline(corpus), window=2)
    assert [(r.name, r.recent, r.earlier) for r in rising[:3]] == [
        ("临澄大学", 9, 0),
        ("江屿科技有限公司", 7, 0),
        ("临澄新材料联合实验室", 3, 0),
    ]
    assert ("杭州市", 2, 1) in [(r.name, r.recent, r.earlier) for r in rising]
    assert "深圳市" not in [r.name for r in rising]  # 2 now, 11 in the samples


def test_a_partnership_is_dated_by_the_first_article_stating_it(corpus):
    history = {(p.first, p.second): p for p in partnership_history(corpus)}
    jiangyu = history["临澄大学", "江屿科技有限公司"]
    assert (jiangyu.since, jiangyu.last, jiangyu.articles) == ("2024-12-30", "2025-01-09", 2)
    assert jiangyu.evidence == "江屿科技与临澄大学携手攻关高性能纤维"  # the headline states it first
    january = partnerships_formed(corpus, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert [(p.since, p.first, p.second) for p in january] == [("2025-01-10", "临澄大学", "云岫机器人有限公司")]


def test_a_period_ranks_what_its_issues_say_and_compares_with_the_issues_before(corpus):
    analysis = analyze(corpus, since=dt.date(2025, 1, 1))
    assert [i.name for i in analysis.issues] == ["linchen_2025_01.txt", "2025-01-13_linchen.txt"]
    assert [e.name for e in analysis.rankings.organizations[:2]] == ["临澄大学", "江屿科技有限公司"]
    assert "浙江省科技厅" not in {e.name for e in analysis.rankings.organizations}
    assert [(r.name, r.total) for r in analysis.new] == [
        ("临澄智能装备研究院", 3),
        ("云岫机器人有限公司", 3),
        ("北岚市工业和信息化局", 1),
        ("北岚精工有限公司", 1),
        ("陈海峰", 1),
    ]
    assert ("深圳市", (1, 1), 2) in [(r.name, r.counts, r.total) for r in analysis.mentions]
    with pytest.raises(
        PeriodError,
        match="no issue appeared in the period .the issues run from 2024-12-16 to 2025-01-13.; widen --since/--until",
    ):
        analyze(corpus, since=dt.date(2026, 1, 1))


# --- kg analyze ---------------------------------------------------------------------------------------------------


def _table_rows(output: str, title: str) -> list[list[str]]:
    """The cells of the rich table printed under `title`, row by row."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
    rows = []
    for line in lines[start + 1 :]:
        if line.startswith("└"):
            return rows
        if line.startswith("│"):
            rows.append([cell.strip() for cell in line.strip("│").split("│")])
    return rows


def test_kg_analyze_prints_ranked_tables_for_the_samples():
    result = runner.invoke(app, ["analyze", "data/samples"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "2 dated issue(s), 2024-12-16 … 2024-12-23"
    assert _table_rows(result.stdout, "Top organizations (PageRank)")[0] == [
        "1",
        "杭州科百特过滤器材有限公司",
        "0.0190",
        "0.0161",
        "5",
        "1",
        "0",
        "科技金融",
    ]
    for title in (
        "Top organizations (PageRank)",
        "Top organizations per industry",
        "Top organizations per region",
        "Communities (Louvain)",
        "Brokers: entities whose ties join communities or industries",
        "Mentions per issue",
        "New in the latest issue (2024-12-23, 004_d800323ad11d4dac.txt)",
        "Rising: more mentions in the last 2 issue(s) than in the 2 before",
        "Partnerships formed in the period (first stated), latest first",
    ):
        assert title in result.stdout, title
    assert _table_rows(result.stdout, "Partnerships formed")[3:5] == [
        ["2024-12-12", "浙江省科技厅", "浙江省财政厅", "2024-12-12", "1"],
        ["2024-12-12", "浙江省科技厅", "浙江省金融控股有限公司", "2024-12-12", "1"],
    ]
    assert _table_rows(result.stdout, "Communities (Louvain)")[4][:2] == ["4", "9"]


def test_kg_analyze_reads_a_build_directory_and_takes_a_period(tmp_path):
    built = runner.invoke(app, ["build", "data/samples", str(DATED_DIR), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    result = runner.invoke(
        app,
        ["analyze", str(tmp_path / "out"), "--since", "2025-01-01", "--until", "2025-01-31", "--window", "1"],
        env=WIDE,
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[0] == "2 dated issue(s), 2025-01-06 … 2025-01-13 (period 2025-01-01 to 2025-01-31)"
    )
    assert _table_rows(result.stdout, "Partnerships formed") == [
        ["2025-01-10", "临澄大学", "云岫机器人有限公司", "2025-01-10", "1"]
    ]
    assert _table_rows(result.stdout, "Mentions per issue")[0] == ["临澄大学", "Organization", "4", "5", "9"]
    assert "Rising: more mentions in the last 1 issue(s) than in the 1 before" in result.stdout


def test_kg_analyze_says_when_a_period_holds_no_issue():
    result = runner.invoke(app, ["analyze", "data/samples", "--since", "2025-02-01", "--until", "2025-01-01"])
    assert result.exit_code == 1
    assert "--since 2025-02-01 is after --until 2025-01-01; give the earlier date first" in result.output
    assert "Traceback" not in result.output


def test_kg_analyze_with_no_issue_read_says_nothing_was_analysed(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.txt: the file is empty" in result.stderr
    assert "no issue was read; nothing was analysed" in result.stderr
