"""What changed: mentions per issue, what is new, who is rising, which partnerships formed when.

Issues are the unit of time for mentions (`kg.analytics.timeline` orders
them); a relation's own `date` (its article's dateline) tells when a
partnership was stated, so "since when have A and B partnered" is the date
of the first article that says so.  Every function reads the whole graph
and is pure.

    >>> [row.name for row in rising_entities(graph, issue_timeline(graph), window=2)][:2]  # samples, tests/dated
    ['临澄大学', '江屿科技有限公司']
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.analytics.timeline import IssueEntry, in_period

__all__ = [
    "EntityCount",
    "RisingEntity",
    "Partnership",
    "issue_mentions",
    "mentions_per_issue",
    "new_in_latest",
    "rising_entities",
    "partnership_history",
    "partnerships_formed",
]


@dataclass(frozen=True)
class EntityCount:
    """An entity and its mentions, per issue shown (`counts`) or in all (`total`)."""

    key: str
    label: str
    name: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class RisingEntity:
    key: str
    label: str
    name: str
    recent: int  # mentions in the last N issues
    earlier: int  # mentions in the N issues before them


@dataclass(frozen=True)
class Partnership:
    """Two organizations stated to partner: first and last date stated, how many articles say so."""

    first: str
    second: str
    since: str
    last: str
    articles: int
    evidence: str  # the first article's sentence


def issue_mentions(graph: nx.MultiDiGraph) -> dict[str, Counter[str]]:
    """Per issue key, how many times its articles name each entity."""
    issue_of = {node: f"Issue:{data['issue']}" for node, data in graph.nodes(data=True) if data["label"] == "Article"}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article, entity, data in graph.edges(data=True):
        if data["type"] == "MENTIONS":
            counts[issue_of[article]][entity] += int(data["count"])
    return counts


def _entity(graph: nx.MultiDiGraph, key: str) -> tuple[str, str]:
    return graph.nodes[key]["label"], graph.nodes[key]["name"]


def mentions_per_issue(graph: nx.MultiDiGraph, issues: list[IssueEntry], top: int) -> list[EntityCount]:
    """The `top` entities most named in `issues`, with their mentions in each (ties: by name)."""
    counts = issue_mentions(graph)
    totals: Counter[str] = Counter()
    for issue in issues:
        totals.update(counts.get(issue.key, Counter()))
    best = sorted(totals, key=lambda key: (-totals[key], graph.nodes[key]["name"], key))[:top]
    return [
        EntityCount(key, *_entity(graph, key), tuple(counts.get(i.key, Counter())[key] for i in issues), totals[key])
        for key in best
    ]


def new_in_latest(graph: nx.MultiDiGraph, earlier_issues: Iterable[str], latest: IssueEntry) -> list[EntityCount]:
    """Entities the latest issue names and none of the earlier issues (keys) did, most named first."""
    counts = issue_mentions(graph)
    earlier = {key for issue in earlier_issues for key in counts.get(issue, ())}
    named = counts.get(latest.key, Counter())
    fresh = sorted(
        (key for key in named if key not in earlier), key=lambda key: (-named[key], *_entity(graph, key), key)
    )
    return [EntityCount(key, *_entity(graph, key), (named[key],), named[key]) for key in fresh]


def rising_entities(
    graph: nx.MultiDiGraph, timeline: list[IssueEntry], window: int, last: IssueEntry | None = None
) -> list[RisingEntity]:
    """Entities named more in the `window` issues up to `last` (default: the latest) than in the `window` before.

    Ordered by the rise, then by recent mentions, then by name.
    """
    end = timeline.index(last) + 1 if last is not None else len(timeline)
    recent, before = timeline[max(0, end - window) : end], timeline[max(0, end - 2 * window) : max(0, end - window)]
    counts = issue_mentions(graph)
    now: Counter[str] = Counter()
    then: Counter[str] = Counter()
    for issue in recent:
        now.update(counts.get(issue.key, Counter()))
    for issue in before:
        then.update(counts.get(issue.key, Counter()))
    rising = [key for key in now if now[key] > then[key]]
    rising.sort(key=lambda key: (-(now[key] - then[key]), -now[key], graph.nodes[key]["name"], key))
    return [RisingEntity(key, *_entity(graph, key), now[key], then[key]) for key in rising]


def partnership_history(graph: nx.MultiDiGraph) -> list[Partnership]:
    """Every pair of partners with the dates they were stated to partner, earliest partnership first."""
    stated: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for source, target, data in graph.edges(data=True):
        if data["type"] == "PARTNERS_WITH" and data.get("date"):
            first, second = sorted((graph.nodes[source]["name"], graph.nodes[target]["name"]))
            stated[first, second].append((data["date"], data["evidence"]))
    history = []
    for (first, second), dates in stated.items():
        dates.sort()
        history.append(Partnership(first, second, dates[0][0], dates[-1][0], len(dates), dates[0][1]))
    return sorted(history, key=lambda p: (p.since, p.first, p.second))


def partnerships_formed(graph: nx.MultiDiGraph, since: dt.date | None, until: dt.date | None) -> list[Partnership]:
    """Partnerships first stated in the period (over the whole graph), latest first."""
    formed = [p for p in partnership_history(graph) if in_period(p.since, since, until)]
    return sorted(formed, key=lambda p: p.since, reverse=True)  # stable: same day, by name
