"""index.html on 100- and 1,000-issue builds: its size, the time to write it and to interact with it.

The corpus recombines the samples' two issues with varied names: copy c of
their graph (measured and dated as `kg build` makes it) stands for issues
2c+1 and 2c+2, every entity's name and key varied with `·c` (its evidence
sentences too), its dates c weeks later, its communities its own.  Regions
and industries are shared, as the issues of one newsletter share their
places and industries.  Extracting 1,000 issues of text would take this
machine most of an hour, and the explorer sees only the graph.

For each build it prints the nodes drawable, the page's size, the seconds
`write_html` takes (layout included) and, in headless Chromium, the time
to interactive (navigation start to the first drawing, every script
parsed and run) and the time a search takes to draw what it selects.  With
`--overview` it also opens each page with everything drawn at once (the
search-first threshold lifted) and prints the same, and the time one
redraw takes after a pan, which is what makes such a page feel stuck.

    python benchmarks/explorer.py [--issues 100 1000] [--overview]

`--page PATH` measures the index.html a real `kg build` wrote instead, e.g.
of the corpus `benchmarks/scale_corpus.py` generates:

    python benchmarks/explorer.py --page out1000/index.html
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import networkx as nx
from playwright.sync_api import Page, sync_playwright

from kg.config import SAMPLES_DIR
from kg.export.html import write_html
from kg.export.html_view import explorer_settings
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import build_graph_from, read_corpus

CHROMIUM = "/usr/bin/chromium"
_SHARED = ("Region", "Industry")


def _later(date: str | None, weeks: int) -> str | None:
    return (dt.date.fromisoformat(date) + dt.timedelta(weeks=weeks)).isoformat() if date else None


def varied_copies(sample: nx.MultiDiGraph, issues: int) -> nx.MultiDiGraph:
    """A graph of `issues` issues: copies of the samples' two-issue graph with varied names (module docstring)."""
    communities = 1 + max((c for _, c in sample.nodes(data="community") if c is not None), default=0)
    big = nx.MultiDiGraph()
    for copy in range((issues + 1) // 2):
        name = {
            node: data.get("name", node) if data["label"] in _SHARED else f"{data.get('name', node)}·{copy}"
            for node, data in sample.nodes(data=True)
        }
        key = {node: node if data["label"] in _SHARED else f"{node}·{copy}" for node, data in sample.nodes(data=True)}
        for node, data in sample.nodes(data=True):
            if data["label"] in _SHARED and node in big:
                continue
            varied = {**data, "key": key[node], "name": name[node], "date": _later(data.get("date"), copy)}
            if data["label"] == "Article":
                varied["issue"] = f"{data['issue']}·{copy}"
            if data.get("community") is not None and data["label"] not in _SHARED:
                varied["community"] = data["community"] + copy * communities
            big.add_node(key[node], **{k: v for k, v in varied.items() if v is not None})
        for source, target, edge_key, data in sample.edges(keys=True, data=True):
            varied = dict(data)
            if "evidence" in data:
                sentence = data["evidence"]
                for end in (source, target):
                    sentence = sentence.replace(sample.nodes[end].get("name", ""), name[end])
                varied.update(
                    evidence=sentence, article=f"{data['article']}·{copy}", date=_later(data.get("date"), copy)
                )
            big.add_edge(
                key[source], key[target], key=f"{edge_key}·{copy}", **{k: v for k, v in varied.items() if v is not None}
            )
    return big


def _open(page: Page, path: Path) -> float:
    """Seconds from navigation start to the page's first drawing."""
    page.goto(path.as_uri(), timeout=600_000)
    page.wait_for_selector("body[data-ready=true]", timeout=600_000)
    return page.evaluate("window.kgReadyAt") / 1000


def _search_draws(page: Page) -> tuple[float, int]:
    """Seconds a selection takes until drawn, selecting the most central entity; the nodes then drawn."""
    return tuple(
        page.evaluate("""() => new Promise((done) => {
        const top = kgView.nodes.filter((node) => node.x !== null).sort((a, b) => b.pagerank - a.pagerank)[0];
        const started = performance.now();
        kgView.network.once("afterDrawing", () => done([(performance.now() - started) / 1000, kgView.visNodes.length]));
        kgView.select(top.index);
        kgView.network.redraw();
    })""")
    )


def _redraw_after_pan(page: Page) -> float:
    return page.evaluate("""() => new Promise((done) => {
        const at = kgView.network.getViewPosition();
        const started = performance.now();
        kgView.network.once("afterDrawing", () => done((performance.now() - started) / 1000));
        kgView.network.moveTo({ position: { x: at.x + 50, y: at.y }, animation: false });
    })""")


def _measure_page(path: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        interactive = _open(page, path)
        opens = "on a search" if page.evaluate("kgView.visNodes.length") == 0 else "drawn"
        search, drawn = _search_draws(page)
        print(
            f"{path}: {page.evaluate('kgView.nodes.length'):,} nodes · page {path.stat().st_size / 1e6:.1f} MB · "
            f"opens {opens} · interactive after {interactive:.2f} s · a search draws {drawn:,} nodes in {search:.2f} s"
        )
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--overview", action="store_true", help="also time each page with everything drawn at once")
    parser.add_argument("--page", type=Path, help="measure this index.html (of a real kg build) instead")
    args = parser.parse_args()
    if args.page is not None:
        _measure_page(args.page)
        return
    sample = build_graph_from(read_corpus([SAMPLES_DIR]).issues).graph.to_networkx()
    settings = explorer_settings()
    modes = [("as built", settings)]
    if args.overview:
        modes.append(("everything drawn", replace(settings, search_first_above=10**9)))
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for issues in args.issues:
            graph = varied_copies(sample, issues)
            drawable = sum(1 for _, label in graph.nodes(data="label") if label != "Industry")
            print(
                f"{issues} issues: {graph.number_of_nodes():,} nodes ({drawable:,} drawable), "
                f"{graph.number_of_edges():,} edges"
            )
            for mode, chosen in modes:
                path = Path(folder) / f"index-{issues}.html"
                started = time.perf_counter()
                write_html(KnowledgeGraph.from_networkx(graph), path, chosen)
                written = time.perf_counter() - started
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                interactive = _open(page, path)
                opens = "on a search" if page.evaluate("kgView.visNodes.length") == 0 else "drawn"
                search, drawn = _search_draws(page)
                line = (
                    f"  {mode:<17} page {path.stat().st_size / 1e6:6.1f} MB · written in {written:5.1f} s · "
                    f"opens {opens} · interactive after {interactive:5.2f} s · a search draws {drawn:,} nodes "
                    f"in {search:5.2f} s"
                )
                if opens == "drawn":
                    line += f" · a pan redraws in {_redraw_after_pan(page):5.2f} s"
                print(line, flush=True)
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
