"""index.html in headless Chromium: it draws, finds, lists and logs no error.

Uses Debian's chromium through Playwright (`executable_path`), never a browser
Playwright downloads; tools/provision-test-deps installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from kg.export.html import write_html
from kg.graph.knowledge import KnowledgeGraph
from tests.graph_sample import SENTENCE_HOLDS, SENTENCE_PARTNERS, TITLE_1, TITLE_2, sample_graph

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "Organization:</script><script>window.pwned = true</script>研究院"


@dataclass
class View:
    page: Page
    errors: list[str] = field(default_factory=list)

    def panel_title(self) -> str:
        return self.page.inner_text("#panel h2")


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
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run tools/provision-test-deps to install Debian's chromium", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


@pytest.fixture
def view(browser: Browser, page_file: Path) -> Iterator[View]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = View(page)
    page.on("console", lambda message: message.type == "error" and opened.errors.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    yield opened
    page.close()


def test_draws_entities_and_industries_and_the_filter_adds_articles(view: View):
    canvas = view.page.locator("#network canvas")
    assert canvas.count() == 1 and canvas.bounding_box()["width"] > 300
    assert view.page.evaluate("kgView.nodes.length") == 14
    drawn = view.page.evaluate("Object.keys(kgView.network.getPositions())")
    assert len(drawn) == 11 and not any(node.startswith(("Article:", "Issue:")) for node in drawn)

    view.page.check("#legend input[data-label=Article]")
    drawn = view.page.evaluate("Object.keys(kgView.network.getPositions())")
    assert {node for node in drawn if node.startswith("Article:")} == {
        "Article:4da0b16879e72d23-01",
        "Article:4da0b16879e72d23-02",
    }
    assert view.errors == []


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


# How many of four Chinese characters, each drawn alone on a canvas in the given font, look different.
# Without a CJK font Chromium draws every one as the same box.
_DISTINCT_CHARACTERS = """(face) => new Set(["浙", "江", "科", "技"].map((character) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 48;
  const context = canvas.getContext("2d");
  context.font = `40px ${face}`;
  context.fillText(character, 4, 40);
  return Array.from(context.getImageData(0, 0, 48, 48).data).join();
})).size"""


def test_chinese_names_are_drawn_in_a_cjk_font_not_as_boxes(view: View):
    node_face = view.page.evaluate('kgView.network.body.nodes["Organization:浙江省科技厅"].options.font.face')
    panel_face = view.page.evaluate('getComputedStyle(document.getElementById("panel")).fontFamily')
    assert node_face == panel_face and "WenQuanYi Zen Hei" in node_face
    assert view.page.evaluate(_DISTINCT_CHARACTERS, node_face) == 4, (
        f"four Chinese characters in {node_face} look alike: boxes, so no CJK font is installed "
        "(tools/provision-test-deps installs one)"
    )


@pytest.fixture(scope="module")
def sample_page_file(issue_000, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.pipeline import extract_records

    path = tmp_path_factory.mktemp("sample") / "index.html"
    write_html(KnowledgeGraph.from_records(extract_records([issue_000])), path)
    return path


def test_the_sample_graph_renders_and_a_search_lists_articles_and_evidence(browser: Browser, sample_page_file: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(sample_page_file.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    assert page.evaluate("Object.keys(kgView.network.getPositions()).length") > 50
    page.fill("#search", "高鹰忠")
    assert page.inner_text("#panel h2") == "高鹰忠"
    assert "锻造新质生产力发展主力军" in page.inner_text("#panel-articles")
    assert "浙江省科技厅厅长高鹰忠表示" in page.inner_text("#panel-evidence")
    assert errors == []
    page.close()
