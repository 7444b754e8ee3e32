"""Graph → graph.graphml for Gephi, yEd and Cytoscape.

A node's `label` is its name and an edge's its relation; the rest are
attributes named as `kg.export.tool_view` says.  Key ids are `node_<name>`
and `edge_<name>`: the numbered `d0, d1, …` other writers use are names some
importers read as well-known keys of their own (Gephi's GraphML importer, in
its source after 0.10.1, takes `d3` for yEd's node label and `d7` for its
edge label).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from kg.export.tool_view import tool_view
from kg.export.xml_columns import column_types, write_xml, xml_text
from kg.graph.knowledge import KnowledgeGraph

__all__ = ["write_graphml"]

_NS = "http://graphml.graphdrawing.org/xmlns"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA = f"{_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"


def _keys(root: Element, kind: str, types: dict[str, str]) -> None:
    for name, xml_type in types.items():
        SubElement(root, "key", {"id": f"{kind}_{name}", "for": kind, "attr.name": name, "attr.type": xml_type})


def _data(parent: Element, kind: str, attributes: dict[str, Any]) -> None:
    for name, value in attributes.items():
        SubElement(parent, "data", {"key": f"{kind}_{name}"}).text = xml_text(value)


def write_graphml(graph: KnowledgeGraph, path: Path) -> None:
    view = tool_view(graph)
    nodes = [{"label": node.label, **node.attributes} for node in view.nodes]
    edges = [{"label": edge.label, **edge.attributes} for edge in view.edges]
    root = Element("graphml", {"xmlns": _NS, "xmlns:xsi": _XSI, "xsi:schemaLocation": _SCHEMA})
    _keys(root, "node", column_types(nodes))
    _keys(root, "edge", column_types(edges))
    graph_element = SubElement(root, "graph", {"id": "kg", "edgedefault": "directed"})
    for node, attributes in zip(view.nodes, nodes):
        _data(SubElement(graph_element, "node", {"id": node.id}), "node", attributes)
    for edge, attributes in zip(view.edges, edges):
        _data(
            SubElement(graph_element, "edge", {"id": edge.id, "source": edge.source, "target": edge.target}),
            "edge",
            attributes,
        )
    write_xml(root, path)
