"""`kg analyze` as data: the rankings of a period's graph and the trends around it.

A period (`since`, `until`, both optional and included) selects the dated
issues that appeared in it.  The rankings measure what those issues say
(without a period: every issue, dated or not).  The trends place the period
in the whole corpus: mentions in the period's latest issues, what its latest
issue names for the first time, who rose over the last N issues against the N
before (which may precede the period), and which partnerships were first
stated in it (by the date of the article stating them).

    >>> analysis = analyze(graph, since=dt.date(2025, 1, 1))  # data/samples and tests/dated
    >>> analysis.latest.name, [(p.first, p.second, p.since) for p in analysis.partnerships]
    ('2025-01-13_linchen.txt', [('临澄大学', '云岫机器人有限公司', '2025-01-10')])
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import networkx as nx

from kg.analytics.rankings import Rankings, rank_entities
from kg.analytics.settings import AnalyticsSettings, analytics_settings
from kg.analytics.timeline import IssueEntry, graph_of_issues, in_period, issue_timeline, undated_issues
from kg.analytics.trends import (
    EntityCount,
    Partnership,
    RisingEntity,
    mentions_per_issue,
    new_in_latest,
    partnerships_formed,
    rising_entities,
)

__all__ = ["Analysis", "analyze", "PeriodError"]


class PeriodError(ValueError):
    """A period that selects nothing, said in words the user can act on."""


@dataclass(frozen=True)
class Analysis:
    since: dt.date | None
    until: dt.date | None
    issues: tuple[IssueEntry, ...]  # the dated issues of the period, earliest first
    undated: tuple[str, ...]  # issues nothing dates (in the rankings only when no period is given)
    rankings: Rankings
    shown: tuple[IssueEntry, ...]  # the issues of the mentions table
    mentions: tuple[EntityCount, ...]
    latest: IssueEntry | None
    new: tuple[EntityCount, ...]
    window: int
    rising: tuple[RisingEntity, ...]
    partnerships: tuple[Partnership, ...]


def analyze(
    graph: nx.MultiDiGraph,
    since: dt.date | None = None,
    until: dt.date | None = None,
    window: int | None = None,
    settings: AnalyticsSettings | None = None,
) -> Analysis:
    """Rank the period's entities and trace its trends (rising over `window` issues, by default the data's);
    raises `PeriodError` when the period holds no issue."""
    settings = settings or analytics_settings()
    window = window or settings.report.rising_window
    if since and until and since > until:
        raise PeriodError(f"--since {since} is after --until {until}; give the earlier date first")
    timeline = issue_timeline(graph)
    undated = undated_issues(graph)  # earlier than any dated issue, for what is new
    issues = [issue for issue in timeline if in_period(issue.date, since, until)]
    periodic = since is not None or until is not None
    if periodic and not issues:
        span = f"from {timeline[0].date} to {timeline[-1].date}" if timeline else "none dated"
        raise PeriodError(f"no issue appeared in the period (the issues run {span}); widen --since/--until")
    measured = graph_of_issues(graph, {i.key for i in issues}) if periodic else graph
    report = settings.report
    latest = issues[-1] if issues else None
    shown = issues[-report.issues_shown :]
    return Analysis(
        since,
        until,
        tuple(issues),
        tuple(undated.values()),
        rank_entities(measured, settings),
        tuple(shown),
        tuple(mentions_per_issue(graph, shown, report.top)),
        latest,
        tuple(
            new_in_latest(graph, [*undated, *(i.key for i in timeline[: timeline.index(latest)])], latest)[: report.top]
        )
        if latest
        else (),
        window,
        tuple(rising_entities(graph, timeline, window, latest)[: report.top]) if latest else (),
        tuple(partnerships_formed(graph, since, until)[: report.top]),
    )
