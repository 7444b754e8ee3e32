"""What index.html draws, filters and lists, as compact JSON-ready tables.

The page must stay small on a 1,000-issue build, so nodes, drawn edges and
evidence are rows of arrays (their fields named in `NODE_FIELDS`,
`EDGE_FIELDS` and `EVIDENCE_FIELDS`) that refer to nodes by their row
number; the page rebuilds each node's articles and evidence from them.

- nodes carry their position (`kg.analytics.layout`), PageRank (node
  size), industries and regions (the filters) and an article's or issue's
  date (an entity's dates are those of the articles naming it);
- industries are not drawn: they are a filter, and a search that finds one
  selects it there;
- edges are the drawn ties, one per pair and relation type; evidence rows
  are the sentences of the relations, one per article stating them.

The graph is read through `KnowledgeGraph`; the layout and the regions and
industries of `kg.analytics` take its `to_networkx()`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.analytics.context import entity_industries, organization_regions, with_ancestors
from kg.analytics.layout import LayoutSettings, layout_positions, layout_settings

if TYPE_CHECKING:
    from kg.graph.knowledge import KnowledgeGraph
from kg.config import load_data_yaml

__all__ = ["view_data", "ExplorerSettings", "explorer_settings", "NODE_FIELDS", "EDGE_FIELDS", "EVIDENCE_FIELDS"]

NODE_FIELDS = ("id", "name", "label", "aliases", "pagerank", "x", "y", "industries", "regions", "date", "where")
EDGE_FIELDS = ("from", "to", "type")
EVIDENCE_FIELDS = ("from", "to", "type", "sentence", "article", "role", "start")

_ARTICLE, _ISSUE, _REGION = "Article", "Issue", "Region"
# Relations through which a program, event or document takes the regions of the organization behind it,
# and a person those of the organization they hold a position in.
_REGION_FROM_ORGANIZATION = frozenset({"RUNS", "PUBLISHED", "PARTICIPATES_IN", "HOLDS_POSITION"})


@dataclass(frozen=True)
class ExplorerSettings:
    """How the page lays out (`layout`), above how many drawable nodes it opens on a search, and how many
    neighbours a click draws at most: data/display.yaml's `explorer` section."""

    layout: LayoutSettings
    search_first_above: int
    expand_at_most: int


def explorer_settings() -> ExplorerSettings:
    """The explorer's settings as data/display.yaml states them."""
    explorer = load_data_yaml("display.yaml")["explorer"]
    return ExplorerSettings(layout_settings(), int(explorer["search_first_above"]), int(explorer["expand_at_most"]))


def view_data(graph: KnowledgeGraph, settings: ExplorerSettings | None = None) -> dict[str, Any]:
    """The page's data: legend, filters, node, edge and evidence rows, and whether it opens on a search.

    Example: ``view_data(graph)["nodes"][0][:3]`` → ``["Organization:之江实验室", "之江实验室", 0]``
    (its key, name and its label's row in ``view_data(graph)["labels"]``).
    """
    settings = settings or explorer_settings()
    legend = _legend(graph)
    label_row = {entry["label"]: row for row, entry in enumerate(legend)}
    drawn = [node for node, data in graph.nodes() if legend[label_row[data.get("label")]]["drawn"]]
    positions = layout_positions(graph.to_networkx(), drawn, settings.layout)
    row = {node: index for index, (node, _) in enumerate(graph.nodes())}
    industries = _industries(graph, row)
    regions = _regions(graph, row)
    nodes = [
        [
            node,
            data.get("name", node),
            label_row[data["label"]],
            [alias for alias in data.get("aliases", []) if alias != data.get("name")],
            data.get("pagerank", 0),
            *positions.get(node, (None, None)),
            industries.get(node, []),
            regions.get(node, []),
            data.get("date"),
            _where(graph, node),
        ]
        for node, data in graph.nodes()
    ]
    types = sorted({edge.type for edge in graph.edges()})
    type_row = {kind: index for index, kind in enumerate(types)}
    return {
        "labels": legend,
        "types": [{"type": kind, "evidence": _has_evidence(graph, kind)} for kind in types],
        "industries": _filter_options(graph, industries, "Industry"),
        "regions": _filter_options(graph, regions, _REGION),
        "search_first": len(drawn) > settings.search_first_above,
        "expand_at_most": settings.expand_at_most,
        "nodes": nodes,
        "edges": _drawn_edges(graph, row, type_row),
        "evidence": _evidence(graph, row, type_row),
    }


def _legend(graph: KnowledgeGraph) -> list[dict[str, Any]]:
    """Labels present in the graph, in the order of display.yaml, then by name."""
    style = load_data_yaml("display.yaml")
    counts = Counter(data.get("label") for _, data in graph.nodes())
    order = list(style["labels"])
    present = sorted(counts, key=lambda label: (order.index(label) if label in order else len(order), label))
    return [
        {"label": label, "caption": "", **style["fallback"], **style["labels"].get(label, {}), "count": counts[label]}
        for label in present
    ]


def _has_evidence(graph: KnowledgeGraph, kind: str) -> bool:
    return any("evidence" in edge.properties for edge in graph.edges(kind))


def _where(graph: KnowledgeGraph, node: str) -> list[Any] | None:
    """An article's section, issue file and position (what its link in a panel says), else None."""
    data = graph.node(node)
    if data.get("label") != _ARTICLE:
        return None
    issue_key = f"Issue:{data.get('issue')}"
    issue = graph.node(issue_key) if issue_key in graph else {}
    return [data.get("section"), issue.get("source") or issue.get("name") or data.get("issue"), data.get("position")]


def _industries(graph: KnowledgeGraph, row: dict[str, int]) -> dict[str, list[int]]:
    """Each node's industries and their parents (rows of the Industry nodes): an entity's through the articles
    naming it, an article's those it is about, an industry itself."""
    by_name = {data["name"]: node for node, data in graph.nodes("Industry")}

    def with_parents(names: list[str]) -> list[int]:
        found: list[int] = []
        for name in names:
            while name in by_name and row[by_name[name]] not in found:
                found.append(row[by_name[name]])
                name = graph.node(by_name[name]).get("parent")
        return found

    about: dict[str, list[str]] = defaultdict(list)
    for article, industry, _, _ in graph.edges("ABOUT"):
        about[article].append(graph.node(industry)["name"])
    weights = entity_industries(graph.to_networkx())
    found = {
        node: with_parents(sorted(counts, key=lambda name: (-counts[name], name))) for node, counts in weights.items()
    }
    found.update({article: with_parents(names) for article, names in about.items()})
    found.update({node: with_parents([name]) for name, node in by_name.items()})
    return found


def _regions(graph: KnowledgeGraph, row: dict[str, int]) -> dict[str, list[int]]:
    """Each entity's regions (rows of Region nodes): an organization's where it is located and what those are
    part of; a region, itself and what it is part of; a person, program, event or document, those of the
    organizations they are tied to; an article, the regions it names."""
    organizations = organization_regions(graph.to_networkx())
    parents: dict[str, set[str]] = defaultdict(set)
    for source, target, _, data in graph.edges():
        if (
            data.get("type") in ("PART_OF", "LOCATED_IN")
            and graph.node(source).get("label") == _REGION
            and graph.node(target).get("label") == _REGION
        ):
            parents[source].add(target)
    found: dict[str, set[str]] = defaultdict(set)
    for node, _ in graph.nodes(_REGION):
        found[node] = with_ancestors({node}, parents)
    for organization, places in organizations.items():
        found[organization] |= places
    for source, target, _, data in graph.edges():
        kind = data.get("type")
        if kind in _REGION_FROM_ORGANIZATION:
            tied, organization = (source, target) if kind == "HOLDS_POSITION" else (target, source)
            found[tied] |= organizations.get(organization, set())
        elif kind == "MENTIONS" and graph.node(target).get("label") == _REGION:
            found[source] |= found.get(target) or with_ancestors({target}, parents)
    return {node: sorted(row[place] for place in places) for node, places in found.items() if places}


def _filter_options(graph: KnowledgeGraph, members: dict[str, list[int]], label: str) -> list[dict[str, Any]]:
    """The filter's choices: nodes of `label` with the entities in them, most first (ties: by name)."""
    nodes = [node for node, _ in graph.nodes()]
    entity = {node for node, data in graph.nodes() if data.get("label") not in (_ARTICLE, _ISSUE, label)}
    counts: Counter[int] = Counter(place for node, places in members.items() if node in entity for place in places)
    return [
        {"node": place, "name": graph.node(nodes[place])["name"], "count": count}
        for place, count in sorted(counts.items(), key=lambda item: (-item[1], graph.node(nodes[item[0]])["name"]))
    ]


def _drawn_edges(graph: KnowledgeGraph, row: dict[str, int], type_row: dict[str, int]) -> list[list[int]]:
    """One edge per pair and relation type, in the graph's order; ties to industries are the filter's."""
    seen: set[tuple[int, int, int]] = set()
    edges = []
    for source, target, _, data in graph.edges():
        if data["type"] == "ABOUT" or source == target:
            continue
        edge = (row[source], row[target], type_row[data["type"]])
        if edge not in seen:
            seen.add(edge)
            edges.append(list(edge))
    return edges


def _evidence(graph: KnowledgeGraph, row: dict[str, int], type_row: dict[str, int]) -> list[list[Any]]:
    """Every relation stated by a sentence: its ends, type, sentence, article's row (-1 when the article is not
    in the graph), role (a position's title) and where the sentence starts."""
    return [
        [
            row[source],
            row[target],
            type_row[data["type"]],
            data["evidence"],
            row.get(f"{_ARTICLE}:{data.get('article')}", -1),
            data.get("title") or "",
            data.get("start", 0),
        ]
        for source, target, _, data in graph.edges()
        if "evidence" in data
    ]
