"""Everything `kg build` writes into its output directory: all of it when complete, or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kg.export.cytoscape import write_cytoscape
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.node_link import write_node_link
from kg.export.html import write_html
from kg.export.jsonl import write_jsonl_file
from kg.export.neo4j_csv import is_import_file, write_neo4j_import
from kg.export.output_dir import staged_directory

__all__ = ["write_bundle"]

_IMPORT_FOLDER = "neo4j-import"


def write_bundle(graph: nx.MultiDiGraph, records: Iterable[dict[str, Any]], directory: Path) -> list[Path]:
    """Write the graph in every format, plus the extraction; returns the paths written.

    The files are written into a staging directory and moved into `directory`
    only once all are complete; files there that kg does not write are kept.
    Raises `OutputError` when `directory` cannot be written.
    """
    names = []
    with staged_directory(directory, owned=_written_by_kg) as staging:
        for name, writer in (("graph.graphml", write_graphml), ("graph.gexf", write_gexf),
                             ("graph.json", write_node_link), ("cytoscape.json", write_cytoscape),
                             ("index.html", write_html)):
            writer(graph, staging / name)
            names.append(name)
        write_jsonl_file(records, staging / "articles.jsonl")
        names.append("articles.jsonl")
        write_neo4j_import(graph, staging / _IMPORT_FOLDER)
        names.append(_IMPORT_FOLDER)
    return [directory / name for name in names]


def _written_by_kg(folder: str, name: str) -> bool:
    return folder == _IMPORT_FOLDER and is_import_file(name)
