"""The issues of a graph in time order, and the part of a graph a period selects.

Issues are ordered by their date (`Issue.date`, ISO text), then by file name;
an issue with no date cannot be placed: it is shown in no trend, and counts
as earlier than every dated issue when asking what is new.  A period
(`since`, `until`, both included) selects the dated issues that appeared in
it; `graph_of_issues` keeps just what those issues' articles say.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx

__all__ = ["IssueEntry", "issue_timeline", "undated_issues", "in_period", "graph_of_issues"]


@dataclass(frozen=True)
class IssueEntry:
    """One issue as trend tables show it."""

    key: str
    name: str  # the file name
    date: str  # YYYY-MM-DD
    number: int | None = None
    total_number: int | None = None


def issue_timeline(graph: nx.MultiDiGraph) -> list[IssueEntry]:
    """The dated issues, earliest first (same day: by file name)."""
    entries = [
        IssueEntry(node, data["name"], data["date"], data.get("number"), data.get("total_number"))
        for node, data in graph.nodes(data=True)
        if data["label"] == "Issue" and data.get("date")
    ]
    return sorted(entries, key=lambda entry: (entry.date, entry.name, entry.key))


def undated_issues(graph: nx.MultiDiGraph) -> dict[str, str]:
    """The issues nothing dates: key → file name, by file name."""
    found = {
        node: data["name"] for node, data in graph.nodes(data=True) if data["label"] == "Issue" and not data.get("date")
    }
    return dict(sorted(found.items(), key=lambda item: (item[1], item[0])))


def in_period(date: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether an ISO date lies in the period (an open end admits everything on that side)."""
    if date is None:
        return since is None and until is None
    return (since is None or date >= since.isoformat()) and (until is None or date <= until.isoformat())


def graph_of_issues(graph: nx.MultiDiGraph, issues: set[str]) -> nx.MultiDiGraph:
    """What the articles of `issues` (keys) say: their issues, articles, the entities they name, the
    industries, typed relations stated in them, and co-occurrences counted over them alone."""
    articles = {
        article for issue in issues for article in graph.successors(issue) if graph.nodes[article]["label"] == "Article"
    }
    article_ids = {graph.nodes[a]["article_id"] for a in articles}
    named = {entity for a in articles for entity in graph.successors(a)}
    industries = {node for node, label in graph.nodes(data="label") if label == "Industry"}
    kept = issues | articles | named | industries
    part = nx.MultiDiGraph()
    part.add_nodes_from((node, dict(graph.nodes[node])) for node in graph.nodes if node in kept)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if source not in kept or target not in kept:
            continue
        if data["type"] == "CO_OCCURS_WITH":
            data = _co_occurrences_within(data, article_ids)
            if data is None:
                continue
        elif "article" in data and data["article"] not in article_ids:
            continue
        part.add_edge(source, target, key=key, **data)
    return part


def _co_occurrences_within(data: dict, article_ids: set[str]) -> dict | None:
    """The co-occurrence counted over the kept articles only, or None when none of them has it."""
    pairs = [(a, w) for a, w in zip(data["article_ids"], data["article_weights"]) if a in article_ids]
    if not pairs:
        return None
    return {
        **data,
        "article_ids": [a for a, _ in pairs],
        "article_weights": [w for _, w in pairs],
        "weight": sum(w for _, w in pairs),
        "articles": len(pairs),
    }
