"""graph.json: networkx's node-link form of kg's own graph (D3, sigma, graphology), which `kg load DIR` reads back.

Unlike the files for Gephi and Cytoscape, it keeps kg's attribute names as
they are (`label` is the node's kind, `type` the edge's relation).
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.export.json_file import write_json
from kg.graph.knowledge import KnowledgeGraph

__all__ = ["write_node_link", "read_node_link"]


def write_node_link(graph: KnowledgeGraph, path: Path) -> None:
    write_json(graph.to_node_link(), path)


def read_node_link(path: Path) -> KnowledgeGraph:
    """A graph written by `write_node_link` (a `kg build` directory's graph.json)."""
    return KnowledgeGraph.from_node_link(json.loads(path.read_text(encoding="utf-8")))
