"""Where an entity belongs: its industries (through the articles naming it), an
organization's regions, and how often it is named.

These are read from kg's graph as it is: an entity's industries are those of
the articles that mention it, weighed by each article's industry score, so an
organization named in three robotics stories and one on finance is a
robotics organization first.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

__all__ = ["entity_industries", "main_industry", "organization_regions", "mention_counts", "with_ancestors"]


def entity_industries(graph: nx.MultiDiGraph) -> dict[str, Counter[str]]:
    """Per entity, each industry with the summed scores of the articles that name the entity and are about it."""
    about: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for article, industry, data in graph.edges(data=True):
        if data["type"] == "ABOUT":
            about[article].append((graph.nodes[industry]["name"], float(data["score"])))
    weights: dict[str, Counter[str]] = defaultdict(Counter)
    for article, entity, kind in graph.edges(data="type"):
        if kind == "MENTIONS":
            for industry, score in about.get(article, ()):
                weights[entity][industry] += score
    return weights


def main_industry(weights: Counter[str]) -> str | None:
    """The industry with the most weight (ties: the first by name), or None."""
    return min(weights, key=lambda name: (-weights[name], name)) if weights else None


def organization_regions(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Per organization, the regions it is located in and the regions those are part of (keys)."""
    located: dict[str, set[str]] = defaultdict(set)
    parents: dict[str, set[str]] = defaultdict(set)
    for source, target, kind in graph.edges(data="type"):
        if graph.nodes[target].get("label") != "Region":
            continue
        if kind == "LOCATED_IN" and graph.nodes[source].get("label") == "Organization":
            located[source].add(target)
        elif kind in ("PART_OF", "LOCATED_IN") and graph.nodes[source].get("label") == "Region":
            parents[source].add(target)
    return {organization: with_ancestors(regions, parents) for organization, regions in located.items()}


def with_ancestors(regions: set[str], parents: dict[str, set[str]]) -> set[str]:
    """The regions and every region they are part of, up the PART_OF chain."""
    found, todo = set(regions), list(regions)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


def mention_counts(graph: nx.MultiDiGraph) -> Counter[str]:
    """Per entity, how many times the articles name it."""
    counts: Counter[str] = Counter()
    for _, entity, data in graph.edges(data=True):
        if data["type"] == "MENTIONS":
            counts[entity] += int(data["count"])
    return counts
