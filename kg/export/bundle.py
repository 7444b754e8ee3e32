"""Everything `kg build` writes into its output directory: all of it when complete, or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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

__all__ = ["FORMATS", "RECORDS_FILE", "write_bundle", "write_graph_files", "bundle_directory"]

_IMPORT_FOLDER = "neo4j-import"
RECORDS_FILE = "articles.jsonl"
# `kg build --formats` names → the file each writes; articles.jsonl is always written (the graph is made from it).
FORMATS = {"graphml": "graph.graphml", "gexf": "graph.gexf", "json": "graph.json", "cytoscape": "cytoscape.json",
           "html": "index.html", "neo4j": _IMPORT_FOLDER}


def _writers() -> dict[str, Callable[[nx.MultiDiGraph, Path], Any]]:
    """Looked up when called, so each writer is the module's current one."""
    return {"graphml": write_graphml, "gexf": write_gexf, "json": write_node_link, "cytoscape": write_cytoscape,
            "html": write_html, "neo4j": write_neo4j_import}


@contextmanager
def bundle_directory(directory: Path) -> Iterator[Path]:
    """A staging directory whose contents replace kg's files in `directory` only if the block succeeds.

    Raises `OutputError` when `directory` cannot be written; any other
    exception leaves `directory` as it was.
    """
    with staged_directory(directory, owned=_written_by_kg) as staging:
        yield staging


def write_graph_files(graph: nx.MultiDiGraph, directory: Path, formats: Iterable[str] = FORMATS) -> list[str]:
    """Write the graph in each of `formats` (keys of FORMATS, in that order) into `directory`; the names written."""
    wanted = set(formats)
    writers = _writers()
    names = []
    for name, file_name in FORMATS.items():
        if name in wanted:
            writers[name](graph, directory / file_name)
            names.append(file_name)
    return names


def write_bundle(graph: nx.MultiDiGraph, records: Iterable[dict[str, Any]], directory: Path,
                 formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the graph in every format (or those of `formats`), plus the extraction; returns the paths written.

    The files are written into a staging directory and moved into `directory`
    only once all are complete; files there that kg does not write are kept.
    Raises `OutputError` when `directory` cannot be written.
    """
    with bundle_directory(directory) as staging:
        write_jsonl_file(records, staging / RECORDS_FILE)
        names = [RECORDS_FILE, *write_graph_files(graph, staging, formats)]
    return [directory / name for name in names]


def _written_by_kg(folder: str, name: str) -> bool:
    return folder == _IMPORT_FOLDER and is_import_file(name)
