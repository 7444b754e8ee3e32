"""Graph → graph.gexf for Gephi (GEXF 1.3, static), coloured by label and sized by degree.

Each node's `label` is its name; each edge's `label` and `kind` are its
relation (`kind` keeps edges of different relations between the same two
nodes apart in Gephi), its `weight` kg's co-occurrence weight where it has
one; the rest are attributes named as `kg.export.tool_view` says.  The
colours are `data/display.yaml`'s, as index.html draws them.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from kg.config import load_data_yaml
from kg.export.tool_view import tool_view
from kg.export.xml_columns import column_types, write_xml, xml_text
from kg.graph.knowledge import KnowledgeGraph

__all__ = ["write_gexf", "label_colors"]

_NS = "http://gexf.net/1.3"
_VIZ = "http://gexf.net/1.3/viz"
_EDGE_WEIGHT = "weight"  # GEXF's own edge attribute, and a column id Gephi has already


@cache
def label_colors() -> dict[str, str]:
    """Label → "#rrggbb" (and `default`), as the HTML view draws them."""
    display = load_data_yaml("display.yaml")
    return {
        **{label: style["color"] for label, style in display["labels"].items()},
        "default": display["fallback"]["color"],
    }


def _declare(graph_element: Element, kind: str, types: dict[str, str]) -> None:
    attributes = SubElement(graph_element, "attributes", {"class": kind, "mode": "static"})
    for name, xml_type in types.items():
        SubElement(attributes, "attribute", {"id": name, "title": name, "type": xml_type})


def _attvalues(parent: Element, attributes: dict[str, Any]) -> None:
    values = SubElement(parent, "attvalues")
    for name, value in attributes.items():
        SubElement(values, "attvalue", {"for": name, "value": xml_text(value)})


def write_gexf(graph: KnowledgeGraph, path: Path) -> None:
    view = tool_view(graph)
    colors = label_colors()
    edge_attributes = [{k: v for k, v in e.attributes.items() if k != _EDGE_WEIGHT} for e in view.edges]
    root = Element("gexf", {"xmlns": _NS, "xmlns:viz": _VIZ, "version": "1.3"})
    SubElement(SubElement(root, "meta"), "creator").text = "kg"
    graph_element = SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    _declare(graph_element, "node", column_types(n.attributes for n in view.nodes))
    _declare(graph_element, "edge", column_types(edge_attributes))
    nodes = SubElement(graph_element, "nodes")
    for node in view.nodes:
        element = SubElement(nodes, "node", {"id": node.id, "label": node.label})
        _attvalues(element, node.attributes)
        color = colors.get(node.attributes["kg_label"], colors["default"])
        SubElement(
            element,
            "viz:color",
            {"r": str(int(color[1:3], 16)), "g": str(int(color[3:5], 16)), "b": str(int(color[5:7], 16))},
        )
        SubElement(element, "viz:size", {"value": f"{4.0 + 3.0 * math.sqrt(graph.degree(node.id)):.2f}"})
    edges = SubElement(graph_element, "edges")
    for edge, attributes in zip(view.edges, edge_attributes):
        xml = {"id": edge.id, "source": edge.source, "target": edge.target, "label": edge.label, "kind": edge.label}
        if _EDGE_WEIGHT in edge.attributes:
            xml["weight"] = xml_text(edge.attributes[_EDGE_WEIGHT])
        _attvalues(SubElement(edges, "edge", xml), attributes)
    write_xml(root, path)
