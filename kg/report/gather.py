"""Graph → `Brief`: one issue's articles, industries, actors, partnerships and regions, and what is new in it.

The reported issue is the latest by date (or the one the user names); the
issues before it, in the order of `kg.analytics.timeline` (an undated issue
is earlier than every dated one), are what it is compared with.  Who matters
is measured on the issue's own network (`graph_of_issues`), with the
parameters of `data/analytics.yaml`; what is new and who is rising come from
`kg.analytics.trends` over the whole graph.  Every function is pure.  The
graph is read through `KnowledgeGraph`; the algorithms of `kg.analytics`
take its `to_networkx()`.

    >>> brief = gather_brief(graph)  # data/samples and tests/dated
    >>> brief.issue.name, [i.name for i in brief.industries][:2]
    ('2025-01-13_linchen.txt', ['机器人', '智能装备'])
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from kg.analytics.measures import measure_entities
from kg.analytics.settings import AnalyticsSettings, analytics_settings
from kg.analytics.timeline import IssueEntry, graph_of_issues, issue_timeline, undated_issues
from kg.analytics.trends import new_in_latest, rising_entities
from kg.report.model import (
    Actor,
    ArticleRef,
    Brief,
    BriefArticle,
    IndustryCount,
    IssueInfo,
    NewEntity,
    RegionRow,
    Riser,
    Tie,
)
from kg.report.settings import BriefSettings, brief_settings

if TYPE_CHECKING:
    from kg.graph.knowledge import KnowledgeGraph

__all__ = ["ReportError", "issue_order", "choose_issue", "gather_brief"]

About = dict[str, list[tuple[str, float, int]]]  # article → its industries: name, score, rank


class ReportError(ValueError):
    """No issue can be reported as asked; the message says what to do."""


def _info(graph: KnowledgeGraph, key: str) -> IssueInfo:
    data = graph.node(key)
    return IssueInfo(
        key,
        data["name"],
        data["issue_id"],
        data.get("date"),
        data.get("dated_by"),
        data.get("number"),
        data.get("total_number"),
    )


def issue_order(graph: KnowledgeGraph) -> list[IssueInfo]:
    """Every issue, earliest first: the undated ones (by file name), then the dated ones by date."""
    network = graph.to_networkx()
    return [_info(graph, key) for key in [*undated_issues(network), *(entry.key for entry in issue_timeline(network))]]


def choose_issue(graph: KnowledgeGraph, wanted: str | None = None) -> tuple[IssueInfo, tuple[IssueInfo, ...]]:
    """The issue to report (`wanted`: a file name or issue id; default the latest by date) and the issues before it."""
    order = issue_order(graph)
    if not order:
        raise ReportError("the graph holds no issue; give kg report newsletters or a kg build directory")
    if wanted is not None:
        found = [i for i, issue in enumerate(order) if wanted in (issue.name, issue.issue_id)]
        if not found:
            names = ", ".join(issue.name for issue in order)
            raise ReportError(f"no issue {wanted!r} among {names}; give --issue a file name or an id of kg split")
        index = found[0]
    elif len(order) > 1 and order[-1].date is None:
        raise ReportError(
            f"none of the {len(order)} issues is dated, so none is the latest; name one with --issue, "
            "or date them (--date, a manifest.yaml beside them, a date in the file name)"
        )
    else:
        index = len(order) - 1
    return order[index], tuple(order[:index])


def _articles(graph: KnowledgeGraph, issue: str) -> dict[str, ArticleRef]:
    """The issue's article nodes → their references, in reading order."""
    nodes = [edge.target for edge in graph.edges_from(issue) if graph.node(edge.target)["label"] == "Article"]
    refs = {
        n: ArticleRef(graph.node(n)["article_id"], graph.node(n)["position"], graph.node(n)["title"]) for n in nodes
    }
    return dict(sorted(refs.items(), key=lambda item: item[1].position))


def _edges_from(graph: KnowledgeGraph, nodes: Iterable[str], kind: str) -> Iterable[tuple[str, str, Mapping]]:
    for node in nodes:
        for edge in graph.edges_from(node, kind):
            yield node, edge.target, edge.properties


def _refs(articles: Iterable[str], refs: dict[str, ArticleRef]) -> tuple[ArticleRef, ...]:
    return tuple(sorted({refs[a] for a in articles}, key=lambda ref: ref.position))


def gather_brief(
    graph: KnowledgeGraph,
    issue: str | None = None,
    settings: BriefSettings | None = None,
    analytics: AnalyticsSettings | None = None,
) -> Brief:
    """The brief of one issue (see the module's docstring); raises `ReportError` when none can be chosen."""
    settings = settings or brief_settings()
    analytics = analytics or analytics_settings()
    chosen, earlier = choose_issue(graph, issue)
    refs = _articles(graph, chosen.key)
    naming: dict[str, set[str]] = defaultdict(set)  # entity → the issue's articles naming it
    for article, entity, _ in _edges_from(graph, refs, "MENTIONS"):
        naming[entity].add(article)
    about: About = defaultdict(list)
    for article, industry, data in _edges_from(graph, refs, "ABOUT"):
        about[article].append((graph.node(industry)["name"], float(data["score"]), int(data["rank"])))

    network = graph.to_networkx()  # for kg.analytics' algorithms
    measures = measure_entities(graph_of_issues(network, {chosen.key}), analytics)
    fresh = (
        {row.key: row for row in new_in_latest(network, [i.key for i in earlier], _entry(chosen))} if earlier else {}
    )
    ranked = sorted(measures, key=lambda key: (-measures[key]["pagerank"], graph.node(key)["name"], key))
    industries = _industries(about, refs)

    def actors(label: str) -> tuple[Actor, ...]:
        keys = [key for key in ranked if graph.node(key)["label"] == label][: settings.actors]
        return tuple(_actor(graph, key, measures[key], key in fresh, _refs(naming[key], refs)) for key in keys)

    return Brief(
        issue=chosen,
        earlier=earlier,
        window=analytics.report.rising_window,
        articles=tuple(
            _article(graph, node, ref, about[node], [k for k in ranked if node in naming[k]], settings)
            for node, ref in refs.items()
        ),
        industries=industries,
        organizations=actors("Organization"),
        programs=actors("Program"),
        people=actors("Person"),
        new=tuple(
            NewEntity(row.key, row.label, row.name, row.total, _refs(naming[row.key], refs))
            for row in list(fresh.values())[: settings.new]
        ),
        rising=_rising(graph, chosen, analytics.report.rising_window, naming, refs, settings) if earlier else (),
        ties=_ties(graph, refs, {a for i in earlier for a in _articles(graph, i.key)} if earlier else None),
        regions=_regions(graph, naming, about, refs, industries, settings),
    )


def _entry(issue: IssueInfo) -> IssueEntry:
    return IssueEntry(issue.key, issue.name, issue.date or "", issue.number, issue.total_number)


def _article(
    graph: KnowledgeGraph,
    node: str,
    ref: ArticleRef,
    about: list[tuple[str, float, int]],
    named: list[str],
    settings: BriefSettings,
) -> BriefArticle:
    data = graph.node(node)
    industries = tuple((name, score) for name, score, _ in sorted(about, key=lambda item: item[2]))
    return BriefArticle(
        ref,
        data.get("section"),
        data.get("date"),
        industries,
        tuple(graph.node(key)["name"] for key in named[: settings.named_per_article]),
    )


def _industries(about: About, refs: dict[str, ArticleRef]) -> tuple[IndustryCount, ...]:
    articles: dict[str, set[str]] = defaultdict(set)
    for article, industries in about.items():
        for name, _, _ in industries:
            articles[name].add(article)
    names = sorted(articles, key=lambda name: (-len(articles[name]), name))
    return tuple(IndustryCount(name, _refs(articles[name], refs)) for name in names)


def _actor(
    graph: KnowledgeGraph, key: str, measures: dict[str, Any], new: bool, articles: tuple[ArticleRef, ...]
) -> Actor:
    data = graph.node(key)
    return Actor(
        key,
        data["label"],
        data["name"],
        measures["pagerank"],
        measures["betweenness"],
        measures["degree"],
        measures["mentions"],
        new,
        articles,
    )


def _rising(
    graph: KnowledgeGraph,
    chosen: IssueInfo,
    window: int,
    naming: dict[str, set[str]],
    refs: dict[str, ArticleRef],
    settings: BriefSettings,
) -> tuple[Riser, ...]:
    """Who rose up to the chosen issue (one with issues before it); an undated issue has no place in time, so nobody."""
    network = graph.to_networkx()
    timeline = issue_timeline(network)
    last = next((entry for entry in timeline if entry.key == chosen.key), None)
    if last is None:
        return ()
    rows = rising_entities(network, timeline, window, last)[: settings.rising]
    return tuple(
        Riser(row.key, row.label, row.name, row.recent, row.earlier, _refs(naming[row.key], refs)) for row in rows
    )


def _ties(graph: KnowledgeGraph, refs: dict[str, ArticleRef], earlier_articles: set[str] | None) -> tuple[Tie, ...]:
    """The partnerships the issue states, with the first date the issue or one before it stated each
    (`earlier_articles` None: there is no issue before it, so none is new or known)."""
    by_id = {ref.article_id: node for node, ref in refs.items()}
    earlier_ids = {graph.node(node)["article_id"] for node in earlier_articles or ()}
    here: dict[tuple[str, str], list[tuple[int, int, str, str]]] = defaultdict(list)
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    stated_before: set[tuple[str, str]] = set()
    for source, target, _, data in graph.edges("PARTNERS_WITH"):
        pair = tuple(sorted((graph.node(source)["name"], graph.node(target)["name"])))
        if data["article"] in by_id:
            node = by_id[data["article"]]
            here[pair].append((refs[node].position, data.get("start", 0), data["evidence"], node))
        elif data["article"] in earlier_ids:
            stated_before.add(pair)
        else:
            continue
        if data.get("date"):
            dates[pair].append(data["date"])
    ties = []
    for (first, second), statements in here.items():
        statements.sort()
        new = None if earlier_articles is None else (first, second) not in stated_before
        ties.append(
            Tie(
                first,
                second,
                min(dates[first, second], default=None),
                new,
                statements[0][2],
                _refs((s[3] for s in statements), refs),
            )
        )
    return tuple(sorted(ties, key=lambda tie: (tie.new is False, tie.articles[0].position, tie.first, tie.second)))


def _regions(
    graph: KnowledgeGraph,
    naming: dict[str, set[str]],
    about: About,
    refs: dict[str, ArticleRef],
    industries: tuple[IndustryCount, ...],
    settings: BriefSettings,
) -> tuple[RegionRow, ...]:
    """The regions named by the most articles, each with its articles per industry of the brief."""
    regions = [key for key in naming if graph.node(key)["label"] == "Region"]
    regions.sort(key=lambda key: (-len(naming[key]), graph.node(key)["name"], key))
    rows = []
    for key in regions[: settings.regions]:
        cells = tuple(
            _refs((a for a in naming[key] if any(name == industry.name for name, _, _ in about[a])), refs)
            for industry in industries
        )
        rows.append(RegionRow(graph.node(key)["name"], cells, _refs(naming[key], refs)))
    return tuple(rows)
