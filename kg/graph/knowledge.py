"""`KnowledgeGraph`: kg's graph, and the one owner of how it is stored.

Conventions every reader relies on, kept here and nowhere else:

- A node's key is `<Label>:<name or id>` (`identity.node_key`); its
  properties hold `key` (the same string), `label` (its kind, a label of
  `schemas/graph.yaml`) and `name`, plus what the schema declares.
- An edge is `(source, target, key)` with property `type` (a relationship
  type of the schema).  Its key makes the same fact found again the same
  edge: `MENTIONS`, `ABOUT`, `HAS_ARTICLE`, `CO_OCCURS_WITH` once per pair;
  a typed relation `TYPE@<article id>` (`…:<title>` for a position).
- The entity identity (short forms declared across articles) travels with
  the graph, so adding articles later merges them as building them at once.

Inside, the graph is a networkx `MultiDiGraph`; only `kg/graph/` touches it
(tests/test_layering.py checks), so another store would change this package
alone.  Network algorithms (`kg.analytics`) take `to_networkx()`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from kg.graph.assemble import add_articles, add_articles_streamed, new_graph
from kg.graph.identity import EntityIdentity
from kg.graph.schema import SchemaViolation, validate_graph
from kg.graph.summary import GraphSummary, summarize
from kg.industries import Taxonomy
from kg.models import ArticleExtraction

__all__ = ["KnowledgeGraph", "Edge", "FORMATS"]

# What `write` can write, by the name `formats=` takes; all of them is what `kg build` writes.
FORMATS = ("graphml", "gexf", "json", "cytoscape", "html", "jsonl", "neo4j")


class Edge(NamedTuple):
    source: str
    target: str
    key: str
    properties: Mapping[str, Any]  # `type` and the schema's properties of that type

    @property
    def type(self) -> str:
        return str(self.properties["type"])


class KnowledgeGraph:
    """Issues, articles, entities and industries, and how they relate, with evidence.

    Example:
        >>> graph = kg.KnowledgeGraph()       # the industry taxonomy's nodes only
        >>> graph.node("Industry:人工智能")["label"]
        'Industry'
        >>> graph.edge_count
        0
    """

    def __init__(self, taxonomy: Taxonomy | None = None) -> None:
        self._graph = new_graph(taxonomy)
        self._identity = EntityIdentity()
        self._articles: list[ArticleExtraction] = []

    @classmethod
    def empty(cls) -> KnowledgeGraph:
        """A graph without even the taxonomy's nodes (to fill by hand, as from a store)."""
        return cls.from_networkx(nx.MultiDiGraph())

    @classmethod
    def build(cls, articles: Iterable[ArticleExtraction], taxonomy: Taxonomy | None = None) -> KnowledgeGraph:
        """The graph of these extracted articles."""
        graph = cls(taxonomy)
        graph.add(articles)
        return graph

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], taxonomy: Taxonomy | None = None) -> KnowledgeGraph:
        """The graph of `kg extract`'s JSONL objects."""
        return cls.build((ArticleExtraction.from_record(r) for r in records), taxonomy)

    @classmethod
    def streamed(
        cls, read_records: Callable[[], Iterable[Mapping[str, Any]]], taxonomy: Taxonomy | None = None
    ) -> KnowledgeGraph:
        """The graph of `kg extract`'s JSONL objects, read twice and never held (its `articles` stay empty).

        `read_records()` yields the objects afresh each time it is called, so
        memory grows with the graph, not with the text of the corpus.
        Example: ``KnowledgeGraph.streamed(lambda: read_jsonl(path))``.
        """
        graph = cls(taxonomy)
        add_articles_streamed(
            graph._graph, graph._identity, lambda: (ArticleExtraction.from_record(r) for r in read_records())
        )
        return graph

    def add(self, articles: Iterable[ArticleExtraction]) -> None:
        """Add extracted articles: an article added again changes nothing, a new issue adds to what is there."""
        articles = list(articles)
        add_articles(self._graph, self._identity, articles)
        self._articles += articles

    @property
    def articles(self) -> list[ArticleExtraction]:
        """The extractions the graph was built from, in the order added (empty for a graph read back)."""
        return list(self._articles)

    # Reading.

    def __contains__(self, key: object) -> bool:
        return key in self._graph

    @property
    def node_count(self) -> int:
        return int(self._graph.number_of_nodes())

    @property
    def edge_count(self) -> int:
        return int(self._graph.number_of_edges())

    def node(self, key: str) -> Mapping[str, Any]:
        """A node's properties (`key`, `label`, `name`, …); KeyError when there is none."""
        return self._graph.nodes[key]  # type: ignore[no-any-return]

    def nodes(self, label: str | None = None) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """`(key, properties)` of every node (of one label), in the order they were added."""
        for key, data in self._graph.nodes(data=True):
            if label is None or data.get("label") == label:
                yield key, data

    def edges(self, type: str | None = None) -> Iterator[Edge]:
        """Every edge (of one type), in the order they were added."""
        for source, target, key, data in self._graph.edges(keys=True, data=True):
            if type is None or data.get("type") == type:
                yield Edge(source, target, key, data)

    def edges_from(self, key: str, type: str | None = None) -> Iterator[Edge]:
        """The edges (of one type) leaving a node, in the order they were added."""
        for source, target, edge_key, data in self._graph.out_edges(key, keys=True, data=True):
            if type is None or data.get("type") == type:
                yield Edge(source, target, edge_key, data)

    def has_edge(self, source: str, target: str, key: str) -> bool:
        return bool(self._graph.has_edge(source, target, key=key))

    def edge(self, source: str, target: str, key: str) -> Mapping[str, Any]:
        return self._graph.edges[source, target, key]  # type: ignore[no-any-return]

    def degree(self, key: str) -> int:
        """Edges in and out of a node, each counted."""
        return int(self._graph.degree(key))

    def neighbours(self, key: str) -> set[str]:
        """The nodes joined to this one by an edge either way."""
        return set(self._graph.predecessors(key)) | set(self._graph.successors(key))

    # Changing.

    def set_properties(self, key: str, properties: Mapping[str, Any], replace: Iterable[str] = ()) -> None:
        """Add properties to a node (its network measures), first dropping those named in `replace`."""
        data = self._graph.nodes[key]
        for name in replace:
            data.pop(name, None)
        data.update(properties)

    def add_node(self, key: str, label: str, name: str, **properties: Any) -> None:
        """A node by hand (for graphs read back from a store); assembly adds nodes with `add`."""
        self._graph.add_node(key, key=key, label=label, name=name, **properties)

    def add_edge(self, source: str, target: str, key: str, type: str, **properties: Any) -> None:
        """An edge by hand (for graphs read back from a store); assembly adds edges with `add`."""
        self._graph.add_edge(source, target, key=key, type=type, **properties)

    # Checking, summarising, writing.

    def violations(self) -> list[SchemaViolation]:
        """Every way the graph departs from `schemas/graph.yaml`; empty when it conforms."""
        return validate_graph(self._graph)

    def summary(self, top: int = 10) -> GraphSummary:
        """Counts per label and type, and the best-connected entities (the table `kg build` ends with)."""
        return summarize(self, top)

    def write(self, directory: str | Path, formats: Iterable[str] = FORMATS) -> list[Path]:
        """Write the graph into `directory` in the `formats` named (default: all, as `kg build` does).

        The files are moved into `directory` only once all are complete.
        Returns the paths written.  Example: ``graph.write("out", formats=["gexf", "html"])``.
        """
        from kg.export.bundle import write_bundle  # exporters read the graph through this class

        return write_bundle(self, Path(directory), tuple(formats))

    # Networkx, the form the exporters' libraries and the network algorithms take.

    def to_networkx(self) -> nx.MultiDiGraph:
        """The graph as a read-only networkx MultiDiGraph view (no copy): for networkx's algorithms."""
        return self._graph.copy(as_view=True)

    @classmethod
    def from_networkx(cls, graph: nx.MultiDiGraph) -> KnowledgeGraph:
        """A graph of kg's conventions held in networkx (a copy is kept), e.g. one read from graph.json."""
        made = cls.__new__(cls)
        made._graph = nx.MultiDiGraph(graph)
        made._identity = EntityIdentity()
        made._articles = []
        return made

    def to_node_link(self) -> dict[str, Any]:
        """networkx's node-link data (graph.json): kg's property names as they are."""
        return nx.node_link_data(self._graph, edges="links")  # type: ignore[no-any-return]

    @classmethod
    def from_node_link(cls, data: Mapping[str, Any]) -> KnowledgeGraph:
        """The graph of `to_node_link`'s data (a `kg build` directory's graph.json)."""
        return cls.from_networkx(nx.node_link_graph(data, directed=True, multigraph=True, edges="links"))
