"""The issue brief (`kg report`): what it gathers from the graph, its charts, its errors, and the page in Chromium.

The corpus is data/samples (dated by their manifest) and tests/dated: the
brief is of 2025-01-13_linchen.txt, the latest, against the three before it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import networkx as nx
import pytest
import yaml
from playwright.sync_api import Browser, Page
from typer.testing import CliRunner

from kg.analytics.rankings import rank_entities
from kg.cli import app
from kg.config import DATA_DIR, SAMPLES_DIR
from kg.export.node_link import read_node_link, write_node_link
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import build_graph_from, read_corpus
from kg.report import ReportError, gather_brief, render_brief, write_brief
from kg.report.charts import industry_chart, label_width
from kg.report.settings import BriefSettingsError, parse_brief_settings
from tests.browser import CHROMIUM, DISTINCT_CHARACTERS, launched_chromium
from tests.conftest import SAMPLE_000, SAMPLE_004

CHECKOUT = Path(__file__).resolve().parent.parent
DATED_DIR = Path(__file__).parent / "dated"
LATEST = "2025-01-13_linchen.txt"
LATEST_TITLES = [
    "江屿科技与临澄大学续签合作协议",
    "云岫机器人与临澄大学签约共建智能装备研究院",
    "北岚市机器人产业规模持续扩大",
]
runner = CliRunner()


@pytest.fixture(scope="module")
def corpus() -> KnowledgeGraph:
    return build_graph_from(read_corpus([SAMPLES_DIR, DATED_DIR]).issues).graph


@pytest.fixture(scope="module")
def single(issue_000) -> KnowledgeGraph:
    return build_graph_from([issue_000]).graph


def _articles_per_industry(graph: nx.MultiDiGraph, issue_name: str) -> dict[str, set[str]]:
    """Straight from the graph: each industry → the titles of the issue's articles ABOUT it."""
    [issue] = [key for key, data in graph.nodes(data=True) if data["label"] == "Issue" and data["name"] == issue_name]
    found: dict[str, set[str]] = {}
    for article in graph.successors(issue):
        for _, industry, data in graph.out_edges(article, data=True):
            if data["type"] == "ABOUT":
                found.setdefault(graph.nodes[industry]["name"], set()).add(graph.nodes[article]["title"])
    return found


# --- what the brief gathers ---------------------------------------------------------------------------------------


def test_the_latest_issue_is_reported_against_the_issues_before_it(corpus):
    brief = gather_brief(corpus)
    assert brief.issue.name == LATEST and brief.issue.date == "2025-01-13"
    assert [i.name for i in brief.earlier] == [
        "000_37a592d5b46665a4.txt",
        "004_d800323ad11d4dac.txt",
        "linchen_2025_01.txt",
    ]
    assert [a.ref.title for a in brief.articles] == LATEST_TITLES
    assert brief.articles[1].industries[0][0] == "智能装备" and brief.articles[1].date == "2025-01-10"
    per_industry = {i.name: {ref.title for ref in i.articles} for i in brief.industries}
    assert per_industry == _articles_per_industry(corpus.to_networkx(), LATEST)
    assert [(i.name, len(i.articles)) for i in brief.industries] == [
        ("智能装备", 2),
        ("机器人", 2),
        ("新材料", 1),
        ("装备制造", 1),
    ]


def test_who_matters_is_ranked_by_pagerank_in_the_issue_and_marks_who_is_new(corpus):
    brief = gather_brief(corpus)
    assert [(a.name, a.new) for a in brief.organizations[:3]] == [
        ("临澄大学", False),
        ("云岫机器人有限公司", True),
        ("江屿科技有限公司", False),
    ]
    assert [a.position for a in brief.organizations[0].articles] == [0, 1]
    assert [a.name for a in brief.people] == ["陈海峰", "王建国", "李明远"]
    assert brief.programs == ()


def test_what_is_new_and_rising_and_which_partnerships_are_first_stated(corpus):
    brief = gather_brief(corpus)
    assert {e.name for e in brief.new} == {
        "临澄智能装备研究院",
        "云岫机器人有限公司",
        "北岚市工业和信息化局",
        "北岚精工有限公司",
        "陈海峰",
    }
    assert (brief.rising[0].name, brief.rising[0].recent, brief.rising[0].earlier) == ("临澄大学", 9, 0)
    assert [(t.first, t.second, t.since, t.new) for t in brief.ties] == [
        ("临澄大学", "云岫机器人有限公司", "2025-01-10", True),
        ("临澄大学", "江屿科技有限公司", "2024-12-30", False),
    ]
    assert brief.ties[0].evidence == "1月10日，云岫机器人有限公司与临澄大学签署合作协议，共建临澄智能装备研究院。"
    assert [(r.name, [[ref.position for ref in cell] for cell in r.cells]) for r in brief.regions] == [
        ("杭州市", [[2], [2], [], []]),
        ("深圳市", [[2], [2], [], []]),
    ]


def test_an_earlier_issue_is_reported_against_only_the_issues_before_it(corpus):
    brief = gather_brief(corpus, "linchen_2025_01.txt")
    assert [i.name for i in brief.earlier] == ["000_37a592d5b46665a4.txt", "004_d800323ad11d4dac.txt"]
    # Its partnership is new there, though a later issue states it again.
    assert [(t.first, t.second, t.since, t.new) for t in brief.ties] == [
        ("临澄大学", "江屿科技有限公司", "2024-12-30", True)
    ]


def test_a_kg_build_directory_gives_the_same_brief_and_page(corpus, tmp_path):
    write_node_link(corpus, tmp_path / "graph.json")
    reread = read_node_link(tmp_path / "graph.json")
    assert gather_brief(reread) == gather_brief(corpus)
    assert render_brief(gather_brief(reread)) == render_brief(gather_brief(corpus))


def test_one_issue_alone_is_compared_with_nothing(single):
    brief = gather_brief(single)
    assert brief.issue.name == "000_37a592d5b46665a4.txt" and brief.earlier == ()
    assert brief.new == () and brief.rising == () and not any(a.new for a in brief.organizations)
    assert {tie.new for tie in brief.ties} == {None}  # neither new nor known: nothing to compare with
    assert brief.articles[1].ref.title == "锻造新质生产力发展主力军"
    # With one issue its network is the whole graph's: the ranking is kg analyze's.
    assert [a.name for a in brief.organizations] == [
        e.name for e in rank_entities(single.to_networkx()).organizations[:5]
    ]
    assert brief.organizations[0].name == "北京大学"


def test_no_latest_issue_among_undated_ones_and_an_unknown_issue_are_errors(issue_000, issue_004):
    undated = build_graph_from([issue_000, issue_004]).graph
    for key, _ in list(undated.nodes()):
        undated.set_properties(key, {}, replace=["date"])
    with pytest.raises(
        ReportError,
        match=r"^none of the 2 issues is dated, so none is the latest; name one with "
        r"--issue, or date them",
    ):
        gather_brief(undated)
    assert gather_brief(undated, "61f4da144f9f7164").issue.name == "004_d800323ad11d4dac.txt"
    with pytest.raises(
        ReportError,
        match=r"^no issue 'nope' among 000_37a592d5b46665a4.txt, "
        r"004_d800323ad11d4dac.txt; give --issue a file name",
    ):
        gather_brief(undated, "nope")


def test_settings_are_checked_naming_the_file_and_key():
    raw = yaml.safe_load((DATA_DIR / "brief.yaml").read_text(encoding="utf-8"))
    assert parse_brief_settings(raw).regions == 10
    with pytest.raises(BriefSettingsError, match=r"^brief.yaml: `actors` must be a whole number of 1 or more, not 0$"):
        parse_brief_settings({**raw, "actors": 0})
    with pytest.raises(BriefSettingsError, match=r"^brief.yaml: unknown setting `colour`$"):
        parse_brief_settings({**raw, "colour": "red"})


# --- the charts ---------------------------------------------------------------------------------------------------


def test_the_industry_chart_keeps_chinese_labels_as_text_even_with_no_cjk_font_found(corpus):
    industries = gather_brief(corpus).industries
    svg = industry_chart(industries, ("No Such Font",))
    assert svg.startswith("<svg") and "<script" not in svg and 'xlink:href="http' not in svg
    labels = re.findall(r'<g id="industry-label-(\d)">\s*<text[^>]*>([^<]*)</text>', svg)
    assert labels == [("0", "智能装备"), ("1", "机器人"), ("2", "新材料"), ("3", "装备制造")]
    assert svg == industry_chart(industries, ("No Such Font",))  # repeatable: no date, fixed ids
    assert label_width("智能装备") == pytest.approx(4 * 10 / 72)


# --- the command --------------------------------------------------------------------------------------------------


def test_kg_report_writes_the_brief_and_says_which(tmp_path):
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["report", str(SAMPLE_000), str(SAMPLE_004), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}: the brief of 004_d800323ad11d4dac.txt, compared with 1 earlier issue(s)" in (
        result.stderr.replace("\n", "")
    )
    assert "004_d800323ad11d4dac.txt · 2024-12-23" in out.read_text(encoding="utf-8")


def test_kg_report_errors_are_one_line_and_exit_1(tmp_path):
    missing = tmp_path / "nowhere" / "brief.html"
    result = runner.invoke(app, ["report", str(SAMPLE_000), "-o", str(missing)], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {missing.parent} does not exist; create it, or give -o a file in an existing directory"
    )
    (tmp_path / "empty").mkdir()
    result = runner.invoke(
        app, ["report", str(tmp_path / "empty"), "-o", str(tmp_path / "b.html")], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 1 and "error: no issue was read; nothing was written" in result.stderr
    result = runner.invoke(
        app, ["report", str(SAMPLE_000), "--issue", "nope", "-o", str(tmp_path / "b.html")], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 1
    assert (
        "error: no issue 'nope' among 000_37a592d5b46665a4.txt; give --issue a file name or an id of kg split; "
        "nothing was written"
    ) in result.stderr
    assert not (tmp_path / "b.html").exists()


# --- the page in Chromium -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def brief_file(corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "brief.html"
    write_brief(gather_brief(corpus), path)
    return path


@pytest.fixture
def page(browser: Browser, brief_file: Path) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(brief_file.as_uri())
    yield page
    assert requests == [brief_file.as_uri()], "the page loaded something besides itself"
    assert errors == []
    page.close()


def test_the_charts_render_with_the_graphs_numbers(page: Page, corpus):
    for chart, height in (("#industry-chart svg", 100), ("#partnership-chart svg", 40)):  # one row of three
        box = page.locator(chart).bounding_box()
        assert box["width"] > 300 and box["height"] > height, chart
    expected = {name: len(titles) for name, titles in _articles_per_industry(corpus.to_networkx(), LATEST).items()}
    drawn = page.evaluate("""() => Array.from(document.querySelectorAll("[id^=industry-bar-]"), (bar) => {
        const n = bar.id.split("-").pop();
        return [document.querySelector(`#industry-label-${n} text`).textContent,
                Number(document.querySelector(`#industry-count-${n} text`).textContent),
                bar.getBoundingClientRect().width];
    })""")
    assert {label: count for label, count, _ in drawn} == expected
    per_article = {width / count for _, count, width in drawn}
    assert max(per_article) - min(per_article) < 0.5  # each bar's length is its count, on one scale
    table = page.locator("#industry-table tbody tr").all_inner_texts()
    assert [row.split("\t")[:2] for row in table] == [
        ["智能装备", "2"],
        ["机器人", "2"],
        ["新材料", "1"],
        ["装备制造", "1"],
    ]
    ties = page.locator("#partnership-chart svg [id^=partner-] text").all_text_contents()
    assert sorted(t for t in ties if t) == ["临澄大学", "云岫机器人有限公司", "江屿科技有限公司"]


def test_every_figure_links_to_the_articles_it_counts(page: Page):
    titles = page.locator("ol.articles .title").all_inner_texts()
    assert titles == LATEST_TITLES
    targets = page.evaluate("""() => Array.from(document.querySelectorAll("a.cite"), (a) =>
        [a.textContent, a.title, document.querySelector(a.getAttribute("href")).querySelector(".title").textContent])""")
    assert len(targets) > 20
    assert all(title == target for _, title, target in targets)
    assert page.inner_text("#industry-table tbody tr:first-child td:last-child") == "[1] [2]"
    row = page.locator("#organizations tbody tr").first.inner_text()
    assert row.split("\t") == ["1", "临澄大学", "0.2230", "0.4444", "3", "5", "[0] [1]"]
    new = page.locator("#new-entities td.name").all_inner_texts()
    assert set(new) == {
        "临澄智能装备研究院",
        "云岫机器人有限公司",
        "北岚市工业和信息化局",
        "北岚精工有限公司",
        "陈海峰",
    }


def test_chinese_text_and_chart_labels_are_drawn_in_a_cjk_font_not_as_boxes(page: Page):
    body = page.evaluate("getComputedStyle(document.body).fontFamily")
    label = page.evaluate('getComputedStyle(document.querySelector("#industry-label-0 text")).fontFamily')
    assert label == body and "WenQuanYi Zen Hei" in body
    assert page.evaluate(DISTINCT_CHARACTERS, body) == 4, (
        "four Chinese characters look alike: boxes, so no CJK font is installed (tools/provision-test-deps)"
    )
    assert page.is_hidden("#no-cjk-font")


def test_a_browser_with_no_cjk_font_shows_boxes_and_the_page_says_so(browser: Browser, brief_file: Path, tmp_path):
    """Chromium given only matplotlib's own DejaVu fonts (fontconfig told so): every Chinese character is a box."""
    dejavu = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?>\n<fontconfig><dir>{dejavu}</dir><cachedir>{tmp_path / "cache"}</cachedir>'
        "</fontconfig>\n",
        encoding="utf-8",
    )
    fontless = browser.browser_type.launch(
        executable_path=str(CHROMIUM), env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    page = fontless.new_page()
    page.goto(brief_file.as_uri())
    assert page.evaluate(DISTINCT_CHARACTERS, page.evaluate("getComputedStyle(document.body).fontFamily")) == 1
    assert page.is_visible("#no-cjk-font")
    assert page.inner_text("#no-cjk-font").startswith("This computer has no Chinese (CJK) font")
    fontless.close()


def test_the_brief_prints_to_pdf_with_its_chinese_font_embedded(page: Page):
    page.emulate_media(media="print")
    assert page.is_hidden("nav")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 2
    assert re.search(rb"/FontName\s*/[A-Z]{6}\+WenQuanYi", pdf), "no CJK font embedded: Chinese would not print"


def test_a_brief_of_one_issue_says_there_is_nothing_to_compare(browser: Browser, single, tmp_path):
    path = tmp_path / "brief.html"
    path.write_text(render_brief(gather_brief(single)), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    assert "没有更早的期刊可比较 · no earlier issue to compare with" in page.inner_text("#compared")
    assert page.locator("#new-entities, #rising").count() == 0
    assert (
        page.inner_text("#nothing-earlier")
        == "没有更早的期刊，无从比较 · no earlier issue, so nothing to compare with."
    )
    assert page.locator("#industry-chart svg").bounding_box()["height"] > 100
    assert page.locator("ol.articles .title").nth(1).inner_text() == "锻造新质生产力发展主力军"
    page.close()


def test_the_readme_screenshot_is_made_by_the_tests_browser_and_small(tmp_path):
    out = tmp_path / "brief.png"
    subprocess.run(
        [sys.executable, str(CHECKOUT / "tools" / "screenshot-brief"), str(out)],
        check=True,
        capture_output=True,
        cwd=CHECKOUT,
    )
    for picture in (out, CHECKOUT / "docs" / "brief.png"):
        data = picture.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) < 150_000, picture
    assert "](docs/brief.png)" in (CHECKOUT / "README.md").read_text(encoding="utf-8")
