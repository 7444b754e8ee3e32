"""index.html in headless Chromium: it draws, finds, filters, lists and logs no error.

Uses Debian's chromium through Playwright (`executable_path`), never a browser
Playwright downloads; tools/provision-test-deps installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import Browser, Page

from kg.config import SAMPLES_DIR
from kg.export.html import write_html
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import build_graph_from, read_corpus
from tests.browser import DISTINCT_CHARACTERS, launched_chromium
from tests.graph_sample import SENTENCE_HOLDS, SENTENCE_PARTNERS, TITLE_1, TITLE_2, sample_graph

HOSTILE = "Organization:</script><script>window.pwned = true</script>研究院"
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "explorer.png"
# The names of the nodes drawn, sorted.
DRAWN = "kgView.visNodes.get().map((node) => node.label).sort()"


@dataclass
class View:
    page: Page
    errors: list[str] = field(default_factory=list)

    def panel_title(self) -> str:
        return self.page.inner_text("#panel h2")

    def drawn(self) -> set[str]:
        return set(self.page.evaluate(DRAWN))


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    graph = sample_graph()
    graph.add_node(HOSTILE, label="Organization", name=HOSTILE.split(":", 1)[1], aliases=[])
    graph.add_edge("Organization:之江实验室", HOSTILE, type="CO_OCCURS_WITH", weight=1, articles=[])
    path = tmp_path_factory.mktemp("html") / "index.html"
    write_html(KnowledgeGraph.from_networkx(graph), path)
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launched_chromium() as browser:
        yield browser


def _open(browser: Browser, path: Path, viewport: dict[str, int] | None = None) -> View:
    page = browser.new_page(viewport=viewport or {"width": 1280, "height": 800})
    opened = View(page)
    page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    return opened


@pytest.fixture
def view(browser: Browser, page_file: Path) -> Iterator[View]:
    opened = _open(browser, page_file)
    yield opened
    opened.page.close()


def test_draws_related_entities_only_and_the_article_filter_links_the_rest_through_articles(view: View):
    canvas = view.page.locator("#network canvas")
    assert canvas.count() == 1 and canvas.bounding_box()["width"] > 300
    # The document and the event are only mentioned: with articles hidden they would float, so they are not drawn.
    assert view.drawn() == {
        "浙江省科技厅",
        "之江实验室",
        "浙江省",
        "杭州市",
        "陈岩",
        "“尖兵”“领雁”研发攻关计划",
        HOSTILE.split(":", 1)[1],
    }
    assert view.page.inner_text("#status") == "7 / 12 nodes drawn"

    view.page.check("#legend input[data-label=Article]")
    assert {TITLE_1, TITLE_2, "《浙江省科技创新发展“十四五”规划》", "2024浙江国际科技创新大会"} <= view.drawn()
    assert view.page.locator("#legend input[data-label=Industry]").count() == 0
    assert view.errors == []


def test_every_drawn_node_sits_where_the_build_put_it(view: View):
    positions = view.page.evaluate("kgView.network.getPositions()")
    built = view.page.evaluate("Object.fromEntries(kgView.nodes.map((node) => [node.id, [node.x, node.y]]))")
    assert positions and all([at["x"], at["y"]] == built[node] for node, at in positions.items())


def test_search_by_name_or_alias_selects_and_shows_the_panel(view: View):
    view.page.fill("#search", "浙江省科技厅")
    assert view.panel_title() == "浙江省科技厅"
    assert view.page.evaluate("kgView.network.getSelectedNodes()") == ["Organization:浙江省科技厅"]
    articles = view.page.inner_text("#panel-articles")
    assert TITLE_1 in articles and TITLE_2 in articles

    view.page.fill("#search", "尖兵领雁计划")
    assert view.panel_title() == "“尖兵”“领雁”研发攻关计划"

    view.page.fill("#search", "之江")
    view.page.press("#search", "Enter")
    assert view.panel_title() == "之江实验室"
    assert SENTENCE_PARTNERS in view.page.inner_text("#panel-evidence")
    assert view.errors == []


def test_a_search_with_no_match_says_so(view: View):
    view.page.fill("#search", "无此机构")
    assert view.page.inner_text("#matches") == "没有匹配“无此机构”的名称 · No name matches “无此机构”"
    view.page.fill("#search", "之江")
    assert view.page.locator("#no-match").count() == 0
    assert "之江实验室" in view.page.inner_text("#matches")


def test_a_search_for_an_industry_selects_it_in_the_industry_filter(view: View):
    view.page.fill("#search", "新材料")
    assert view.panel_title() == "新材料"
    assert view.page.input_value("#industry") == view.page.evaluate("String(kgView.indexById.get('Industry:新材料'))")
    assert TITLE_2 in view.page.inner_text("#panel-articles")
    assert view.drawn() == {"之江实验室", "浙江省科技厅", "杭州市"}


def test_a_click_on_a_node_lists_its_articles_and_evidence(view: View):
    x, y = view.page.evaluate("""() => {
        const id = "Person:陈岩";
        const at = kgView.network.canvasToDOM(kgView.network.getPosition(id));
        const box = document.querySelector("#network canvas").getBoundingClientRect();
        return [box.left + at.x, box.top + at.y];
    }""")
    view.page.mouse.click(x, y)
    assert view.panel_title() == "陈岩"
    articles = view.page.inner_text("#panel-articles")
    assert TITLE_1 in articles and TITLE_2 not in articles
    evidence = view.page.inner_text("#panel-evidence")
    assert SENTENCE_HOLDS in evidence and "HOLDS_POSITION（厅长）" in evidence

    view.page.click(f"#panel-articles a:text('{TITLE_1}')")
    assert view.panel_title() == TITLE_1
    assert view.page.is_checked("#legend input[data-label=Article]")
    assert view.errors == []


def test_markup_in_a_name_stays_text(view: View):
    name = HOSTILE.split(":", 1)[1]
    view.page.fill("#search", name)
    assert view.panel_title() == name
    assert view.page.evaluate("window.pwned") is None
    assert view.errors == []


def test_chinese_names_are_drawn_in_a_cjk_font_not_as_boxes(view: View):
    node_face = view.page.evaluate('kgView.network.body.nodes["Organization:浙江省科技厅"].options.font.face')
    panel_face = view.page.evaluate('getComputedStyle(document.getElementById("panel")).fontFamily')
    assert node_face == panel_face and "WenQuanYi Zen Hei" in node_face
    assert view.page.evaluate(DISTINCT_CHARACTERS, node_face) == 4, (
        f"four Chinese characters in {node_face} look alike: boxes, so no CJK font is installed "
        "(tools/provision-test-deps installs one)"
    )


# --- the samples' build: filters, labels, stable positions, the README's picture ------------------------------


@pytest.fixture(scope="module")
def samples_page_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The samples' page from two builds (each measured and dated, as `kg build` makes it)."""
    folder = tmp_path_factory.mktemp("samples")
    paths = folder / "first.html", folder / "second.html"
    for path in paths:
        write_html(build_graph_from(read_corpus([SAMPLES_DIR]).issues).graph, path)
    return paths


@pytest.fixture
def samples(browser: Browser, samples_page_files: tuple[Path, Path]) -> Iterator[View]:
    opened = _open(browser, samples_page_files[0])
    yield opened
    opened.page.close()


def _select(view: View, selector: str, name: str) -> None:
    value = view.page.evaluate(f"""Array.from(document.querySelectorAll("{selector} option"))
        .find((option) => option.textContent.startsWith("{name} (")).value""")
    view.page.select_option(selector, value)


def test_two_builds_draw_every_node_in_the_same_place(browser: Browser, samples_page_files: tuple[Path, Path]):
    views = [_open(browser, path) for path in samples_page_files]
    first, second = (view.page.evaluate("kgView.network.getPositions()") for view in views)
    assert len(first) > 100 and first == second
    assert [view.page.evaluate("kgView.network.getViewPosition()") for view in views] == [{"x": 0, "y": 0}] * 2
    for view in views:
        assert view.errors == []
        view.page.close()


def test_the_filters_hide_and_show_the_right_nodes(samples: View):
    everything = samples.drawn()
    assert {"浙江省科技厅", "中国航空学会", "深圳市委", "高鹰忠"} <= everything

    _select(samples, "#industry", "航空航天")
    drawn = samples.drawn()
    assert "中国航空学会" in drawn and "浙江省科技厅" not in drawn and "深圳市委" not in drawn
    samples.page.select_option("#industry", "")
    assert samples.drawn() == everything

    _select(samples, "#region", "浙江省")
    drawn = samples.drawn()
    assert {"浙江省科技厅", "杭州科百特过滤器材有限公司", "高鹰忠"} <= drawn
    assert not drawn & {"中国航空学会", "深圳市委", "河北鹰眼智能科技有限公司"}
    samples.page.select_option("#region", "")

    samples.page.fill("#date-from", "2024-12-23")
    samples.page.fill("#date-to", "2024-12-23")
    drawn = samples.drawn()
    assert "深圳市委" in drawn and not drawn & {"浙江省科技厅", "中国航空学会"}
    samples.page.fill("#date-from", "")
    samples.page.fill("#date-to", "")
    assert samples.drawn() == everything

    samples.page.uncheck("#legend input[data-label=Person]")
    assert "高鹰忠" not in samples.drawn() and "浙江省科技厅" in samples.drawn()
    samples.page.check("#legend input[data-label=Person]")
    assert samples.drawn() == everything
    assert samples.errors == []


def test_the_most_central_labels_are_readable_at_the_opening_zoom(samples: View):
    # On-screen label heights in pixels, highest PageRank first.
    heights = samples.page.evaluate("""() => kgView.visNodes.get()
        .sort((a, b) => b.value - a.value)
        .map((node) => kgView.network.body.nodes[node.id].labelModule.fontOptions.size * kgView.network.getScale())""")
    assert min(heights[:5]) >= 13  # drawn, at 13 px or more
    assert max(heights[-5:]) < 13  # the least central wait for the reader to zoom in


def test_the_readme_screenshot(browser: Browser, samples_page_files: tuple[Path, Path], tmp_path: Path):
    """The README's picture of the explorer, small: KG_UPDATE_SCREENSHOTS=1 copies it to docs/explorer.png."""
    view = _open(browser, samples_page_files[0], viewport={"width": 880, "height": 540})
    view.page.fill("#search", "浙江省科技厅")
    view.page.press("#search", "Escape")
    shot = tmp_path / "explorer.png"
    view.page.screenshot(path=str(shot))
    view.page.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size < 150_000
    if os.environ.get("KG_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)


# --- a graph too large to draw at once -------------------------------------------------------------------------


def _large_graph() -> nx.MultiDiGraph:
    """2,100 organizations in a ring, and a hub tied to 120 of them: above the 2,000 nodes drawn at once."""
    graph = nx.MultiDiGraph()
    ring = [f"Organization:机构{number:04d}" for number in range(2100)]
    for key in ring:
        graph.add_node(key, label="Organization", name=key.split(":")[1], aliases=[], pagerank=0.0004)
    graph.add_node("Organization:中心机构", label="Organization", name="中心机构", aliases=[], pagerank=0.01)
    for number, key in enumerate(ring):
        graph.add_edge(key, ring[number - 1], type="CO_OCCURS_WITH")
    for key in ring[:120]:
        graph.add_edge(
            "Organization:中心机构",
            key,
            type="PARTNERS_WITH",
            evidence=f"中心机构与{key[13:]}合作。",
            article="a-001",
            start=0,
            end=9,
        )
    return graph


@pytest.fixture(scope="module")
def large(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[View]:
    path = tmp_path_factory.mktemp("large") / "index.html"
    write_html(KnowledgeGraph.from_networkx(_large_graph()), path)
    opened = _open(browser, path)
    yield opened
    opened.page.close()


def _click_node(view: View, key: str) -> None:
    x, y = view.page.evaluate(
        """(id) => {
        const at = kgView.network.canvasToDOM(kgView.network.getPosition(id));
        const box = document.querySelector("#network canvas").getBoundingClientRect();
        return [box.left + at.x, box.top + at.y];
    }""",
        key,
    )
    view.page.mouse.click(x, y)


def test_a_large_graph_opens_on_the_search_and_expands_neighbourhoods_on_click(large: View):
    assert large.drawn() == set()
    assert large.page.is_visible("#hint") and "Too many nodes to draw at once" in large.page.inner_text("#hint")
    assert large.page.inner_text("#start-from li:first-child").strip() == "中心机构"
    assert large.page.evaluate("document.activeElement.id") == "search"

    large.page.fill("#search", "机构0500")
    assert large.drawn() == {"机构0499", "机构0500", "机构0501"}
    assert large.page.inner_text("#status") == "3 / 2101 nodes drawn"
    assert not large.page.is_visible("#hint")

    _click_node(large, "Organization:机构0501")
    assert large.panel_title() == "机构0501"
    assert large.drawn() == {"机构0499", "机构0500", "机构0501", "机构0502"}

    # A hub draws its neighbours 40 at a time, and says how many wait.
    large.page.fill("#search", "中心机构")
    assert len(large.drawn()) == 4 + 1 + 40
    assert "80 more neighbours: click the node again" in large.page.inner_text("#status")
    _click_node(large, "Organization:中心机构")
    assert len(large.drawn()) == 4 + 1 + 80
    assert {f"机构{number:04d}" for number in range(80)} <= large.drawn()
    assert "40 more neighbours" in large.page.inner_text("#status")

    # Its panel lists 100 of its 120 sentences, and the rest on demand.
    assert large.page.locator("#panel-evidence blockquote").count() == 100
    large.page.click("#panel-evidence li.more button:text('show the other 20')")
    assert large.page.locator("#panel-evidence blockquote").count() == 120
    assert "中心机构与机构0119合作。" in large.page.inner_text("#panel-evidence")
    assert large.errors == []
