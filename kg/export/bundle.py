"""Everything `kg build` writes into its output directory: all of it when complete, or nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.export.cytoscape import write_cytoscape
from kg.export.gexf import write_gexf
from kg.export.graphml import write_graphml
from kg.export.html import write_html
from kg.export.jsonl import write_jsonl_file
from kg.export.neo4j_csv import is_import_file, write_neo4j_import
from kg.export.node_link import write_node_link
from kg.export.output_dir import staged_directory
from kg.graph.knowledge import FORMATS, KnowledgeGraph

__all__ = ["GRAPH_FORMATS", "RECORDS_FILE", "write_bundle", "write_graph_files", "bundle_directory"]

_IMPORT_FOLDER = "neo4j-import"
RECORDS_FILE = "articles.jsonl"

# Format name (as `KnowledgeGraph.write` takes it) → what it is written as, in the order written.  The
# writers are looked up when called, so a test can stand in for one.
_WRITERS: dict[str, tuple[str, Callable[[KnowledgeGraph, Path], object]]] = {
    "graphml": ("graph.graphml", lambda graph, path: write_graphml(graph, path)),
    "gexf": ("graph.gexf", lambda graph, path: write_gexf(graph, path)),
    "json": ("graph.json", lambda graph, path: write_node_link(graph, path)),
    "cytoscape": ("cytoscape.json", lambda graph, path: write_cytoscape(graph, path)),
    "html": ("index.html", lambda graph, path: write_html(graph, path)),
    "jsonl": ("articles.jsonl", lambda graph, path: write_jsonl_file((a.to_record() for a in graph.articles), path)),
    "neo4j": (_IMPORT_FOLDER, lambda graph, path: write_neo4j_import(graph, path)),
}

# `kg build --formats` names: the graph's files; articles.jsonl is always written (the graph is made from it).
GRAPH_FORMATS = tuple(name for name in FORMATS if name != "jsonl")


@contextmanager
def bundle_directory(directory: Path) -> Iterator[Path]:
    """A staging directory whose contents replace kg's files in `directory` only if the block succeeds.

    Raises `OutputError` when `directory` cannot be written; any other
    exception leaves `directory` as it was.
    """
    with staged_directory(directory, owned=_written_by_kg) as staging:
        yield staging


def write_graph_files(graph: KnowledgeGraph, directory: Path, formats: Iterable[str] = FORMATS) -> list[str]:
    """Write the graph in each of `formats` (names of FORMATS, in that order) into `directory`; the names written.

    ValueError for a format kg does not know.
    """
    wanted = set(formats)
    unknown = wanted - _WRITERS.keys()
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(sorted(unknown))}; kg writes {', '.join(FORMATS)}")
    names = []
    for fmt, (name, writer) in _WRITERS.items():
        if fmt in wanted:
            writer(graph, directory / name)
            names.append(name)
    return names


def write_bundle(graph: KnowledgeGraph, directory: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the graph in the formats named, its articles as JSONL among them; returns the paths written.

    The files are written into a staging directory and moved into `directory`
    only once all are complete; files there that kg does not write are kept.
    Raises `OutputError` when `directory` cannot be written, ValueError for
    a format kg does not know.
    """
    with bundle_directory(directory) as staging:
        names = write_graph_files(graph, staging, formats)
    return [directory / name for name in names]


def _written_by_kg(folder: str, name: str) -> bool:
    return folder == _IMPORT_FOLDER and is_import_file(name)
