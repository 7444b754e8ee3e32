"""Graph → cytoscape.json, the elements Cytoscape.js (`cytoscape({elements})`) and Cytoscape's JSON import read.

`data.id` is kg's key for a node and a stable id for an edge
(`kg.export.tool_view.edge_id`); `data.label` is a node's name or an edge's
relation, so a `label: data(label)` style shows them; the rest of `data` is
kg's attributes named as `kg.export.tool_view` says (lists stay lists).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.export.json_file import write_json
from kg.export.tool_view import tool_view
from kg.graph.knowledge import KnowledgeGraph

__all__ = ["cytoscape_elements", "write_cytoscape"]


def cytoscape_elements(graph: KnowledgeGraph) -> dict[str, Any]:
    """`{"directed": true, "multigraph": true, "elements": {"nodes": […], "edges": […]}}`."""
    view = tool_view(graph)
    nodes = [{"data": {"id": node.id, "label": node.label, **node.attributes}} for node in view.nodes]
    edges = [
        {"data": {"id": edge.id, "source": edge.source, "target": edge.target, "label": edge.label, **edge.attributes}}
        for edge in view.edges
    ]
    return {"directed": True, "multigraph": True, "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(graph: KnowledgeGraph, path: Path) -> None:
    write_json(cytoscape_elements(graph), path)
