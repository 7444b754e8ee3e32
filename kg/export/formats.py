"""The graph in the formats analysts' tools read: one `write_<format>(graph, path)` each.

- GraphML (Cytoscape, yEd, Gephi) and GEXF (Gephi) hold no lists, so list
  properties (aliases, article ids) are written as JSON text.
- GEXF carries Gephi's `viz` colour (by label, from `data/display.yaml`) and
  size (by degree).
- `graph.json` is networkx's node-link form (D3, sigma, graphology);
  `cytoscape.json` is Cytoscape.js elements.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from kg.config import load_data_yaml
from kg.export.atomic import atomic_path

__all__ = ["write_graphml", "write_gexf", "write_node_link", "read_node_link", "write_cytoscape", "label_colors",
           "flat_copy"]


@cache
def label_colors() -> dict[str, str]:
    """Label → "#rrggbb" (and `default`), as the HTML view draws them."""
    display = load_data_yaml("display.yaml")
    return {**{label: style["color"] for label, style in display["labels"].items()},
            "default": display["fallback"]["color"]}


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict)) else value


def flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with list properties as JSON text, for formats without lists."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **{k: _flat(v) for k, v in data.items()})
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as temporary:
        nx.write_graphml(flat_copy(graph), temporary, encoding="utf-8", prettyprint=True)


def _rgb(color: str) -> dict[str, int]:
    return {"r": int(color[1:3], 16), "g": int(color[3:5], 16), "b": int(color[5:7], 16), "a": 1.0}


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    flat = flat_copy(graph)
    colors = label_colors()
    for node, data in flat.nodes(data=True):
        color = colors.get(data["label"], colors["default"])
        data["viz"] = {"color": _rgb(color), "size": round(4.0 + 3.0 * math.sqrt(graph.degree(node)), 2)}
    with atomic_path(path) as temporary:
        nx.write_gexf(flat, temporary, encoding="utf-8", prettyprint=True)


def _write_json(data: Any, path: Path) -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    _write_json(nx.node_link_data(graph, edges="links"), path)


def read_node_link(path: Path) -> nx.MultiDiGraph:
    """A graph written by `write_node_link` (a `kg build` directory's graph.json)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")


def write_cytoscape(graph: nx.MultiDiGraph, path: Path) -> None:
    _write_json(nx.cytoscape_data(graph), path)
