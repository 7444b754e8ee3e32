"""The graph in the formats analysts' tools read: one `write_<format>(graph, path)` per format.

`write_bundle` writes them all into a `kg build` directory.
"""

from kg.export.bundle import write_bundle
from kg.export.cytoscape import write_cytoscape
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.html import write_html
from kg.export.neo4j_csv import write_neo4j_import
from kg.export.node_link import read_node_link, write_node_link

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
