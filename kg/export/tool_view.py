"""The graph as the analysts' tools read it: Gephi and yEd (GEXF, GraphML), Cytoscape.js.

Those formats give some of kg's attribute names a meaning of their own:
GEXF and GraphML show a node's `label` as its name on screen and Cytoscape.js
users draw `data(label)`; GEXF reads an edge's `type` as its direction
(directed/undirected/mutual) and `start`/`end` as a time interval;
Cytoscape.js reads `parent` as the compound node that contains this one.  So
in these files a node's `label` is its name and an edge's its relation, and
kg's own attributes of those names are renamed (`TOOL_NAMES`).

Edge ids are derived from what identifies the edge (its ends and kg's edge
key), never from a counter: the same build gives the same ids, and adding an
issue leaves the ids of the edges already there as they were.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from kg.graph.knowledge import KnowledgeGraph

__all__ = ["TOOL_NAMES", "ToolNode", "ToolEdge", "ToolView", "tool_view", "edge_id"]

# kg's attribute → its name in the tools' files.
TOOL_NAMES = {
    "label": "kg_label",
    "type": "relation",
    "start": "evidence_start",
    "end": "evidence_end",
    "parent": "parent_industry",
}
# The node's key is its id in every one of these formats; no attribute repeats it.
_DROPPED = frozenset({"key"})


@dataclass(frozen=True)
class ToolNode:
    """A node: `id` is kg's key, `label` the name shown, `attributes` under their tool names."""

    id: str
    label: str
    attributes: dict[str, Any]


@dataclass(frozen=True)
class ToolEdge:
    """An edge: `label` is its relation (`HOLDS_POSITION`), `attributes` under their tool names."""

    id: str
    source: str
    target: str
    label: str
    attributes: dict[str, Any]


@dataclass(frozen=True)
class ToolView:
    """The whole graph for one of these files, in the graph's order (so builds stay byte-identical)."""

    nodes: list[ToolNode]
    edges: list[ToolEdge]


def edge_id(source: str, target: str, key: str) -> str:
    """A short id for the edge kg keys (`source`, `target`, `key`): the same edge always gets the same id.

    Example: `edge_id("Person:王浩", "Organization:之江实验室", "HOLDS_POSITION@4da0b16879e72d23-001:主任")`
    is `"e1180bc0608e71891"`.
    """
    digest = hashlib.blake2b("\n".join((source, target, key)).encode("utf-8"), digest_size=8).hexdigest()
    return f"e{digest}"


def _renamed(data: dict[str, Any]) -> dict[str, Any]:
    return {
        TOOL_NAMES.get(name, name): value for name, value in data.items() if name not in _DROPPED and value is not None
    }


def tool_view(graph: KnowledgeGraph) -> ToolView:
    """Nodes and edges in the graph's order, named as the tools read them (`TOOL_NAMES`)."""
    nodes = [
        ToolNode(id=node, label=str(data.get("name", node)), attributes=_renamed(data)) for node, data in graph.nodes()
    ]
    edges = [
        ToolEdge(
            id=edge_id(source, target, key), source=source, target=target, label=data["type"], attributes=_renamed(data)
        )
        for source, target, key, data in graph.edges()
    ]
    return ToolView(nodes, edges)
