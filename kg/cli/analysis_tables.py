"""`kg analyze` as rich tables: one per ranking and per trend, names escaped (`kg.analytics` returns the `Analysis`)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.markup import escape
from rich.table import Table

from kg.analytics.analysis import Analysis
from kg.analytics.rankings import Group, RankedEntity
from kg.analytics.timeline import IssueEntry

__all__ = ["analysis_tables", "period_caption"]


def _table(title: str, columns: Iterable[str], numeric: Iterable[str] = ()) -> Table:
    table = Table(title=escape(title), title_justify="left")
    right = set(numeric)
    for column in columns:  # long names fold onto the next line rather than lose their end
        table.add_column(column, justify="right" if column in right else "left", overflow="fold")
    return table


def _measure(value: float) -> str:
    return f"{value:.4f}"


def period_caption(analysis: Analysis) -> str:
    """`4 dated issues, 2024-12-16 … 2025-01-13` (and what is undated), for the line above the tables."""
    if analysis.issues:
        text = f"{len(analysis.issues)} dated issue(s), {analysis.issues[0].date} … {analysis.issues[-1].date}"
    else:
        text = "no dated issue"
    if analysis.since or analysis.until:
        text += f" (period {analysis.since or '…'} to {analysis.until or '…'})"
    if analysis.undated:
        text += f"; undated, so in no trend: {', '.join(analysis.undated)}"
    return escape(text)


def _organizations(entities: tuple[RankedEntity, ...]) -> Table:
    table = _table(
        "Top organizations (PageRank)",
        ("#", "organization", "PageRank", "betweenness", "relations", "mentions", "community", "industry"),
        ("#", "PageRank", "betweenness", "relations", "mentions", "community"),
    )
    for rank, e in enumerate(entities, start=1):
        table.add_row(
            str(rank),
            escape(e.name),
            _measure(e.pagerank),
            _measure(e.betweenness),
            str(e.degree),
            str(e.mentions),
            str(e.community),
            escape(e.industry or ""),
        )
    return table


def _groups(title: str, kind: str, groups: tuple[Group, ...]) -> Table:
    table = _table(title, (kind, "organizations", "top organizations (PageRank)"), ("organizations",))
    for group in groups:
        top = "、".join(f"{e.name} {e.pagerank:.4f}" for e in group.top)
        table.add_row(escape(group.name), str(group.size), escape(top))
    return table


def _communities(analysis: Analysis) -> Table:
    table = _table("Communities (Louvain)", ("#", "size", "members, best first", "industries"), ("#", "size"))
    for community in analysis.rankings.communities:
        members = "、".join(e.name for e in community.members)
        if community.size > len(community.members):
            members += f" … (+{community.size - len(community.members)})"
        industries = "、".join(f"{name} {count}" for name, count in community.industries)
        table.add_row(str(community.number), str(community.size), escape(members), escape(industries))
    return table


def _brokers(analysis: Analysis) -> Table:
    table = _table(
        "Brokers: entities whose ties join communities or industries",
        ("entity", "label", "betweenness", "communities joined", "industries joined"),
        ("betweenness",),
    )
    for broker in analysis.rankings.brokers:
        e = broker.entity
        table.add_row(
            escape(e.name),
            e.label,
            _measure(e.betweenness),
            ", ".join(map(str, broker.communities)),
            escape("、".join(broker.industries)),
        )
    return table


def _issue_column(issue: IssueEntry) -> str:
    return escape(issue.date + (f"\n第{issue.number}期" if issue.number else ""))


def _mentions(analysis: Analysis) -> Table:
    table = _table(
        "Mentions per issue",
        ("entity", "label", *map(_issue_column, analysis.shown), "total"),
        (*map(_issue_column, analysis.shown), "total"),
    )
    for row in analysis.mentions:
        table.add_row(escape(row.name), row.label, *map(str, row.counts), str(row.total))
    return table


def _new(analysis: Analysis) -> Table:
    latest = analysis.latest
    title = f"New in the latest issue ({latest.date}, {latest.name})" if latest else "New in the latest issue"
    table = _table(title, ("entity", "label", "mentions"), ("mentions",))
    for row in analysis.new:
        table.add_row(escape(row.name), row.label, str(row.total))
    return table


def _rising(analysis: Analysis) -> Table:
    n = analysis.window
    table = _table(
        f"Rising: more mentions in the last {n} issue(s) than in the {n} before",
        ("entity", "label", f"last {n}", f"{n} before", "rise"),
        (f"last {n}", f"{n} before", "rise"),
    )
    for row in analysis.rising:
        table.add_row(escape(row.name), row.label, str(row.recent), str(row.earlier), f"+{row.recent - row.earlier}")
    return table


def _partnerships(analysis: Analysis) -> Table:
    table = _table(
        "Partnerships formed in the period (first stated), latest first",
        ("since", "organization", "partner", "last stated", "articles"),
        ("articles",),
    )
    for p in analysis.partnerships:
        table.add_row(p.since, escape(p.first), escape(p.second), p.last, str(p.articles))
    return table


def analysis_tables(analysis: Analysis) -> list[Table]:
    """The rankings, then the trends, in the order `kg analyze` prints them."""
    rankings = analysis.rankings
    return [
        _organizations(rankings.organizations),
        _groups("Top organizations per industry", "industry", rankings.by_industry),
        _groups("Top organizations per region", "region", rankings.by_region),
        _communities(analysis),
        _brokers(analysis),
        _mentions(analysis),
        _new(analysis),
        _rising(analysis),
        _partnerships(analysis),
    ]
