"""Graph → index.html: one file that explores the graph offline in a browser.

The page draws with vis-network, whose standalone build ships inside the
pyvis package: it is read from the installed package and inlined with kg's
own template and the graph's data, so the file opens from disk with no
network and the repository carries no third-party code.  Colours and which
labels start visible are data: `data/display.yaml`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from kg.config import load_data_yaml
from kg.export.atomic import atomic_path
from kg.graph.knowledge import KnowledgeGraph

__all__ = ["render_html", "view_data", "write_html"]

_TEMPLATES = files("kg.export") / "templates"
_SLOT = re.compile(r"\{\{kg:([\w.-]+)\}\}")
_ARTICLE = "Article"
# Escapes that keep JSON inert inside <script>: no `</script>` or `<!--` can form.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def view_data(graph: KnowledgeGraph) -> dict[str, Any]:
    """What the page draws and lists, as JSON-ready data.

    `nodes` and `edges` are drawn; `panels[node]` is what selecting the node
    lists: `articles` linked to it (mentioning it, about it, in it) and
    `evidence`, the sentences of its relations (for an article, those it
    contains).  `labels` is the legend.  Example::

        view_data(graph)["panels"]["Person:王浩"]["evidence"][0]["sentence"]
    """
    articles = {node: _article_entry(graph, node) for node, _ in graph.nodes(_ARTICLE)}
    panels = {node: {"articles": _linked_articles(graph, node, articles), "evidence": []} for node, _ in graph.nodes()}
    edges = []
    for index, (source, target, _, data) in enumerate(graph.edges()):
        edges.append(
            {"id": index, "from": source, "to": target, "type": data.get("type"), "evidence": "evidence" in data}
        )
        if "evidence" in data:
            entry = _evidence_entry(graph, source, target, data, articles)
            panels[source]["evidence"].append(entry)
            if target != source:
                panels[target]["evidence"].append(entry)
            if entry["article"] in panels:
                panels[entry["article"]]["evidence"].append(entry)
    for panel in panels.values():
        panel["evidence"].sort(key=lambda entry: (entry["article"], entry["start"]))
    return {"labels": _legend(graph), "nodes": _nodes(graph), "edges": edges, "panels": panels}


def render_html(graph: KnowledgeGraph) -> str:
    """The whole page as text: kg's template with vis-network and the data inlined."""
    script, style = _vis_network()
    slots = {
        "data": json.dumps(view_data(graph), ensure_ascii=False).translate(_SCRIPT_SAFE),
        "view.js": _raw_text("view.js", (_TEMPLATES / "view.js").read_text(encoding="utf-8"), "script"),
        "vis-network.js": _raw_text("vis-network.min.js", script, "script"),
        "vis-network.css": _raw_text("vis-network.css", style, "style"),
    }
    template = (_TEMPLATES / "index.html").read_text(encoding="utf-8")
    # One pass: text put into a slot is never searched for further slots.
    return _SLOT.sub(lambda match: slots[match.group(1)], template)


def write_html(graph: KnowledgeGraph, path: Path) -> None:
    """Write the page to `path` atomically: a failure leaves no half file.

    Example: ``write_html(graph, Path("out/index.html"))``, then open
    out/index.html in any browser, offline.
    """
    text = render_html(graph)
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


def _nodes(graph: KnowledgeGraph) -> list[dict[str, Any]]:
    return [
        {
            "id": node,
            "name": data.get("name", node),
            "label": data.get("label"),
            "aliases": list(data.get("aliases", [])),
            "degree": graph.degree(node),
        }
        for node, data in graph.nodes()
    ]


def _legend(graph: KnowledgeGraph) -> list[dict[str, Any]]:
    """Labels present in the graph, in the order of display.yaml, then by name."""
    style = load_data_yaml("display.yaml")
    counts: defaultdict[str, int] = defaultdict(int)
    for _, data in graph.nodes():
        counts[data["label"]] += 1
    order = list(style["labels"])
    present = sorted(counts, key=lambda label: (order.index(label) if label in order else len(order), label))
    return [
        {"label": label, "caption": "", **style["fallback"], **style["labels"].get(label, {}), "count": counts[label]}
        for label in present
    ]


def _article_entry(graph: KnowledgeGraph, node: str) -> dict[str, Any]:
    data = graph.node(node)
    issue = data.get("issue")
    source = graph.node(f"Issue:{issue}").get("source") if f"Issue:{issue}" in graph else None
    return {
        "id": node,
        "title": data.get("title", data.get("name")),
        "section": data.get("section"),
        "issue": issue,
        "source": source,
        "position": data.get("position"),
    }


def _linked_articles(graph: KnowledgeGraph, node: str, articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    linked = graph.neighbours(node) & articles.keys()
    return sorted(
        (articles[article] for article in linked),
        key=lambda entry: (entry["source"] or entry["issue"] or "", entry["position"] or 0),
    )


def _evidence_entry(
    graph: KnowledgeGraph, source: str, target: str, data: Mapping[str, Any], articles: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    article = f"{_ARTICLE}:{data.get('article')}"
    return {
        "type": data.get("type"),
        "subject": graph.node(source).get("name", source),
        "object": graph.node(target).get("name", target),
        "role": data.get("title"),
        "sentence": data["evidence"],
        "article": article,
        "title": articles[article]["title"] if article in articles else None,
        "start": data.get("start", 0),
    }


def _raw_text(name: str, text: str, element: str) -> str:
    """Text inlined into <script>/<style> as is: it must not close its element early."""
    if f"</{element}" in text.lower():
        raise ValueError(f"{name} contains '</{element}' and cannot be inlined into index.html")
    return text


@cache
def _vis_network() -> tuple[str, str]:
    """vis-network's standalone JS and CSS from pyvis, the newest version it ships."""
    versions = [entry for entry in (files("pyvis") / "lib").iterdir() if entry.name.startswith("vis-")]
    if not versions:
        raise FileNotFoundError("pyvis ships no lib/vis-*/ folder; reinstall kg's dependencies (pip install -e .)")
    newest = max(versions, key=lambda entry: tuple(int(part) for part in entry.name[4:].split(".")))
    return (
        (newest / "vis-network.min.js").read_text(encoding="utf-8"),
        (newest / "vis-network.css").read_text(encoding="utf-8"),
    )
