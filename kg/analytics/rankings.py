"""Who matters, as ranked lists: organizations overall, per industry and per region; communities with
their members and industries; the brokers that join communities or industries.

Everything is ranked by the measures of `kg.analytics.measures` (PageRank
first, ties by name), and how many rows each list keeps is data
(`report` in `data/analytics.yaml`).

    >>> [e.name for e in rank_entities(graph).organizations[:3]]  # the samples
    ['杭州科百特过滤器材有限公司', '浙江省科技厅', '北京大学']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from kg.analytics.context import organization_regions
from kg.analytics.measures import measure_entities
from kg.analytics.network import entity_network
from kg.analytics.settings import AnalyticsSettings, analytics_settings

__all__ = ["RankedEntity", "Group", "Community", "Broker", "Rankings", "rank_entities"]


@dataclass(frozen=True)
class RankedEntity:
    key: str
    label: str
    name: str
    pagerank: float
    betweenness: float
    degree: int  # typed relations
    mentions: int
    community: int
    industry: str | None


@dataclass(frozen=True)
class Group:
    """An industry or a region, how many organizations it holds, and the best of them."""

    name: str
    size: int
    top: tuple[RankedEntity, ...]


@dataclass(frozen=True)
class Community:
    number: int
    size: int
    members: tuple[RankedEntity, ...]  # the best, by PageRank
    industries: tuple[tuple[str, int], ...]  # members' main industries, most common first


@dataclass(frozen=True)
class Broker:
    entity: RankedEntity
    communities: tuple[int, ...]  # the communities it and its neighbours belong to
    industries: tuple[str, ...]  # their main industries


@dataclass(frozen=True)
class Rankings:
    organizations: tuple[RankedEntity, ...]
    by_industry: tuple[Group, ...]
    by_region: tuple[Group, ...]
    communities: tuple[Community, ...]
    brokers: tuple[Broker, ...]


def _ranked(graph: nx.MultiDiGraph, key: str, measures: dict[str, Any]) -> RankedEntity:
    data = graph.nodes[key]
    return RankedEntity(
        key,
        data["label"],
        data["name"],
        measures["pagerank"],
        measures["betweenness"],
        measures["degree"],
        measures["mentions"],
        measures["community"],
        measures.get("industry"),
    )


def _by_rank(entities: list[RankedEntity]) -> list[RankedEntity]:
    return sorted(entities, key=lambda e: (-e.pagerank, e.name, e.key))


def _groups(members: dict[str, list[RankedEntity]], settings: AnalyticsSettings) -> tuple[Group, ...]:
    """The groups with the most organizations (ties: by name), each with its best few."""
    names = sorted(members, key=lambda name: (-len(members[name]), name))[: settings.report.groups]
    return tuple(
        Group(name, len(members[name]), tuple(_by_rank(members[name])[: settings.report.per_group])) for name in names
    )


def rank_entities(graph: nx.MultiDiGraph, settings: AnalyticsSettings | None = None) -> Rankings:
    """Measure the graph's entities and rank them (the graph is not changed)."""
    settings = settings or analytics_settings()
    network = entity_network(graph, settings)
    measures = measure_entities(graph, settings, network)
    entities = {key: _ranked(graph, key, values) for key, values in measures.items()}
    organizations = _by_rank([e for e in entities.values() if e.label == "Organization"])

    by_industry: dict[str, list[RankedEntity]] = defaultdict(list)
    for organization in organizations:
        for industry in measures[organization.key]["industries"]:
            by_industry[industry].append(organization)
    by_region: dict[str, list[RankedEntity]] = defaultdict(list)
    for organization, regions in organization_regions(graph).items():
        for region in regions:
            by_region[graph.nodes[region]["name"]].append(entities[organization])

    return Rankings(
        tuple(organizations[: settings.report.top]),
        _groups(by_industry, settings),
        _groups(by_region, settings),
        _communities(entities, settings),
        _brokers(entities, measures, network, settings),
    )


def _communities(entities: dict[str, RankedEntity], settings: AnalyticsSettings) -> tuple[Community, ...]:
    members: dict[int, list[RankedEntity]] = defaultdict(list)
    for entity in entities.values():
        members[entity.community].append(entity)
    listed = []
    for number in sorted(members):
        if len(members[number]) < settings.report.min_community_size:
            continue
        industries = Counter(e.industry for e in members[number] if e.industry)
        common = tuple(sorted(industries.items(), key=lambda item: (-item[1], item[0]))[:3])
        listed.append(
            Community(
                number,
                len(members[number]),
                tuple(_by_rank(members[number])[: settings.report.community_members]),
                common,
            )
        )
    return tuple(listed)


def _brokers(
    entities: dict[str, RankedEntity], measures: dict[str, Any], network: nx.Graph, settings: AnalyticsSettings
) -> tuple[Broker, ...]:
    """Entities of the broker labels on shortest paths, whose ties reach another community or industry."""
    candidates = [
        e
        for e in entities.values()
        if e.label in settings.report.broker_labels
        and e.betweenness > 0
        and (measures[e.key]["communities_joined"] > 1 or measures[e.key]["industries_joined"] > 1)
    ]
    candidates.sort(key=lambda e: (-e.betweenness, -e.pagerank, e.name, e.key))
    brokers = []
    for entity in candidates[: settings.report.top]:
        around = [entity.key, *network.neighbors(entity.key)]
        brokers.append(
            Broker(
                entity,
                tuple(sorted({entities[n].community for n in around})),
                tuple(sorted({entities[n].industry for n in around if entities[n].industry})),
            )
        )
    return tuple(brokers)
