"""Everything `kg build` writes into its output directory, each file whole or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.formats import write_cytoscape, write_gexf, write_graphml, write_node_link
from kg.export.html import write_html
from kg.export.jsonl import write_jsonl_file
from kg.export.neo4j_csv import write_neo4j_import

__all__ = ["write_bundle"]


def write_bundle(graph: nx.MultiDiGraph, records: Iterable[dict[str, Any]], directory: Path) -> list[Path]:
    """Write the graph in every format, plus the extraction; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, writer in (("graph.graphml", write_graphml), ("graph.gexf", write_gexf),
                         ("graph.json", write_node_link), ("cytoscape.json", write_cytoscape),
                         ("index.html", write_html)):
        writer(graph, directory / name)
        written.append(directory / name)
    write_jsonl_file(records, directory / "articles.jsonl")
    written.append(directory / "articles.jsonl")
    write_neo4j_import(graph, directory / "neo4j-import")
    written.append(directory / "neo4j-import")
    return written
