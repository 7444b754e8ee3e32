"""Where a picture of the network puts each node: the explorer's (index.html) and the brief's partnerships.

Where index.html draws each node is computed once, at build time, seeded.

The page draws these positions as they are (no physics in the browser), so
it opens the same way every time and two builds of the same graph draw the
same picture.  The entities joined by relations are laid out first: each
connected piece by networkx's spring layout (a piece larger than
`max_piece` is split into the communities the build found, and those into
breadth-first runs), the pieces on a sunflower spiral, largest in the
middle, neighbouring parts next to each other.  Articles then sit among the entities they mention, entities
named only in articles around their articles, issues among their articles.
The settings are `data/display.yaml`'s `explorer` section.

The brief's picture of partnerships (`kg.report.charts`) lays out each
connected group of partners on its own: `network_groups`.
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.config import load_data_yaml

__all__ = ["LayoutSettings", "layout_settings", "layout_positions", "network_groups", "RELATION_FREE"]

# Edges that tie an entity to its article or issue, not to another entity.
RELATION_FREE = frozenset({"MENTIONS", "HAS_ARTICLE", "ABOUT"})
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Position = tuple[int, int]


@dataclass(frozen=True)
class LayoutSettings:
    """`seed` of every random choice; `spacing`, pixels between neighbours; pieces above `max_piece` nodes split."""

    seed: int
    spacing: float
    max_piece: int
    iterations: int


def layout_settings() -> LayoutSettings:
    """The `explorer` section of data/display.yaml, as layout settings."""
    explorer = load_data_yaml("display.yaml")["explorer"]
    return LayoutSettings(
        seed=int(explorer["seed"]),
        spacing=float(explorer["spacing"]),
        max_piece=int(explorer["max_piece"]),
        iterations=int(explorer["iterations"]),
    )


def layout_positions(
    graph: nx.MultiDiGraph, drawn: Iterable[str], settings: LayoutSettings | None = None
) -> dict[str, Position]:
    """Integer (x, y) for every node of `drawn`, the same for the same graph and settings.

    Example: ``layout_positions(graph, [n for n in graph if n.startswith("Organization:")])``
    """
    settings = settings or layout_settings()
    wanted = set(drawn)
    drawn = [node for node in graph if node in wanted]
    network = _relation_network(graph, drawn)
    positions: dict[str, tuple[float, float]] = {}
    communities = {node: community for node, community in graph.nodes(data="community") if community is not None}
    pieces = _pieces(network, communities, settings)
    spiral = _Spiral(settings.spacing)
    for piece in pieces:
        # A little more room than the square root of its size: a spring layout crowds hubs in the middle.
        radius = settings.spacing * max(0.5, 0.5 * len(piece) ** 0.7)
        centre = spiral.place(radius)
        positions.update(_spring(_in_order(network, piece), centre, radius, settings))
    _place_around(graph, drawn, positions, settings, spiral)
    return {node: (round(x), round(y)) for node, (x, y) in positions.items()}


def _relation_network(graph: nx.MultiDiGraph, drawn: list[str]) -> nx.Graph:
    """The drawn nodes joined by relations between them (not mentions), in the graph's order."""
    keep = set(drawn)
    network = nx.Graph()
    for source, target, kind in graph.edges(data="type"):
        if kind not in RELATION_FREE and source != target and source in keep and target in keep:
            network.add_edge(source, target)
    order = {node: index for index, node in enumerate(drawn)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(network, key=order.__getitem__))
    ordered.add_edges_from(sorted(network.edges, key=lambda edge: (order[edge[0]], order[edge[1]])))
    return ordered


def _pieces(network: nx.Graph, communities: dict[str, int], settings: LayoutSettings) -> list[list[str]]:
    """Connected components, largest first; one above `max_piece` split into its communities (the build's
    Louvain communities, `community` on every entity), neighbours in turn, and a part still too large, or a
    component of nodes without communities, into breadth-first runs of `max_piece` nodes."""
    order = {node: index for index, node in enumerate(network)}
    components = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(network)),
        key=lambda c: (-len(c), order[c[0]]),
    )
    pieces = []
    for component in components:
        if len(component) <= settings.max_piece:
            pieces.append(component)
            continue
        groups: dict[int | None, list[str]] = defaultdict(list)
        for node in component:
            groups[communities.get(node)].append(node)
        parts = [component] if None in groups else list(groups.values())
        runs = [run for part in parts for run in _breadth_first_runs(network.subgraph(part), settings.max_piece, order)]
        pieces += _neighbours_in_turn(runs, network, order)
    return pieces


def _breadth_first_runs(part: nx.Graph, size: int, order: dict[str, int]) -> list[list[str]]:
    """The part's nodes in breadth-first order (from its first node, then each unreached one), cut every `size`."""
    visited: list[str] = []
    seen: set[str] = set()
    for start in sorted(part, key=order.__getitem__):
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            current = queue.popleft()
            visited.append(current)
            for neighbour in sorted(part.neighbors(current), key=order.__getitem__):
                if neighbour not in seen:
                    seen.add(neighbour)
                    queue.append(neighbour)
    return [visited[index : index + size] for index in range(0, len(visited), size)]


def _neighbours_in_turn(communities: list[list[str]], network: nx.Graph, order: dict[str, int]) -> list[list[str]]:
    """Communities in breadth-first order over the ties between them, from the largest: neighbours land close."""
    communities.sort(key=lambda c: (-len(c), order[c[0]]))
    member = {node: index for index, community in enumerate(communities) for node in community}
    ties: dict[int, set[int]] = defaultdict(set)
    for source, target in network.subgraph(member).edges:
        if member[source] != member[target]:
            ties[member[source]].add(member[target])
            ties[member[target]].add(member[source])
    seen: set[int] = set()
    ordered = []
    for start in range(len(communities)):
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        while queue:
            current = queue.popleft()
            ordered.append(communities[current])
            for neighbour in sorted(ties[current], key=lambda index: (-len(communities[index]), index)):
                if neighbour not in seen:
                    seen.add(neighbour)
                    queue.append(neighbour)
    return ordered


def _in_order(network: nx.Graph, piece: list[str]) -> nx.Graph:
    """The piece as a graph of its own, nodes in the piece's order: networkx's subgraph view walks a set, whose
    order changes with Python's string hashing, and the spring layout's start depends on the order."""
    members = set(piece)
    ordered = nx.Graph()
    ordered.add_nodes_from(piece)
    ordered.add_edges_from((source, target) for source, target in network.edges(piece) if target in members)
    return ordered


def _spring(
    piece: nx.Graph, centre: tuple[float, float], radius: float, settings: LayoutSettings
) -> dict[str, tuple[float, float]]:
    if piece.number_of_nodes() == 1:
        return {next(iter(piece)): centre}
    raw = nx.spring_layout(piece, seed=settings.seed, iterations=settings.iterations, method="force")
    return {node: (centre[0] + radius * x, centre[1] + radius * y) for node, (x, y) in raw.items()}


class _Spiral:
    """Places discs of given radii on a sunflower spiral, each outside the area of those before it."""

    def __init__(self, spacing: float) -> None:
        self.spacing = spacing
        self.area = 0.0
        self.count = 0

    def place(self, radius: float) -> tuple[float, float]:
        reach = 0.0 if self.count == 0 else math.sqrt(self.area / math.pi) + radius
        angle = self.count * _GOLDEN_ANGLE
        self.area += math.pi * (radius + self.spacing / 2) ** 2
        self.count += 1
        return reach * math.cos(angle), reach * math.sin(angle)


def _place_around(
    graph: nx.MultiDiGraph,
    drawn: list[str],
    positions: dict[str, tuple[float, float]],
    settings: LayoutSettings,
    spiral: _Spiral,
) -> None:
    """Articles among the entities they mention, then entities named only in articles around those articles,
    issues among their articles; what is still unplaced, from a new place on the spiral outwards."""
    keep = set(drawn)
    linked: dict[str, list[str]] = defaultdict(list)
    for source, target, kind in graph.edges(data="type"):
        if kind in ("MENTIONS", "HAS_ARTICLE") and source in keep and target in keep:
            linked[source].append(target)
            linked[target].append(source)
    crowd: dict[tuple[int, int], int] = defaultdict(int)

    def around(anchor: tuple[float, float]) -> tuple[float, float]:
        key = (round(anchor[0]), round(anchor[1]))
        crowd[key] += 1
        step = crowd[key]
        reach = settings.spacing * 0.8 * math.sqrt(step)
        return anchor[0] + reach * math.cos(step * _GOLDEN_ANGLE), anchor[1] + reach * math.sin(step * _GOLDEN_ANGLE)

    for labels in (("Article",), None, ("Issue",)):
        for node in drawn:
            if node in positions or (labels and graph.nodes[node].get("label") not in labels):
                continue
            placed = [positions[other] for other in linked[node] if other in positions]
            if placed:
                positions[node] = around(
                    (sum(x for x, _ in placed) / len(placed), sum(y for _, y in placed) / len(placed))
                )
    for node in drawn:
        if node in positions:
            continue
        positions[node] = spiral.place(settings.spacing)
        queue = deque([node])
        while queue:
            current = queue.popleft()
            for other in linked[current]:
                if other not in positions:
                    positions[other] = around(positions[current])
                    queue.append(other)


def network_groups(
    nodes: Iterable[str], pairs: Iterable[tuple[str, str]]
) -> list[tuple[list[str], dict[str, tuple[float, float]]]]:
    """The connected groups of a small network, largest first (ties: by their first name), each with its nodes
    sorted and, for a group of more than two, networkx's Kamada–Kawai positions (around the origin, about a unit
    apart; a group of two has none: it is drawn stacked).

    >>> network_groups(["A", "B", "C", "D", "E"], [("A", "B"), ("C", "D"), ("D", "E")])[1]
    (['A', 'B'], {})
    """
    network = nx.Graph()
    network.add_nodes_from(nodes)
    network.add_edges_from(pairs)
    groups = sorted(nx.connected_components(network), key=lambda names: (-len(names), min(names)))
    return [
        (
            sorted(names),
            {
                name: (float(x), float(y))
                for name, (x, y) in (nx.kamada_kawai_layout(network.subgraph(names)).items() if len(names) > 2 else ())
            },
        )
        for names in groups
    ]
