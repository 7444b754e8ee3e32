"""The graph in the formats analysts' tools read: one `write_<format>(graph, path)` per format.

`write_bundle` writes them all into a `kg build` directory.
"""

from importlib import import_module
from typing import Any

# Each writer is imported on first use: `kg.export.jsonl` (what `kg extract` writes) must not load
# networkx with the graph formats.
_MODULES = {
    "write_bundle": "kg.export.bundle",
    "write_cytoscape": "kg.export.cytoscape",
    "write_gexf": "kg.export.gexf",
    "write_graphml": "kg.export.graphml",
    "write_html": "kg.export.html",
    "write_neo4j_import": "kg.export.neo4j_csv",
    "read_node_link": "kg.export.node_link",
    "write_node_link": "kg.export.node_link",
}

__all__ = [
    "write_bundle",
    "write_cytoscape",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_neo4j_import",
    "read_node_link",
    "write_node_link",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module 'kg.export' has no attribute {name!r}")
    return getattr(import_module(_MODULES[name]), name)
