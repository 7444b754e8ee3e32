"""The parameters of `data/analytics.yaml` as a typed record, checked on load.

>>> analytics_settings().pagerank.alpha
0.85
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.config import DATA_DIR, load_data_yaml
from kg.graph.schema import graph_schema

__all__ = [
    "AnalyticsSettings",
    "AnalyticsSettingsError",
    "PageRankSettings",
    "BetweennessSettings",
    "CommunitySettings",
    "ReportSettings",
    "analytics_settings",
    "parse_analytics_settings",
]

SETTINGS_FILE = "analytics.yaml"


class AnalyticsSettingsError(ValueError):
    """`data/analytics.yaml` is malformed; the message names the file and key."""


@dataclass(frozen=True)
class PageRankSettings:
    alpha: float
    tolerance: float
    max_iterations: int


@dataclass(frozen=True)
class BetweennessSettings:
    exact_up_to: int  # entities; above, `samples` sources drawn with `seed`
    samples: int
    seed: int


@dataclass(frozen=True)
class CommunitySettings:
    resolution: float
    threshold: float
    seed: int


@dataclass(frozen=True)
class ReportSettings:
    top: int
    per_group: int
    groups: int
    community_members: int
    min_community_size: int
    broker_labels: tuple[str, ...]
    rising_window: int
    issues_shown: int


@dataclass(frozen=True)
class AnalyticsSettings:
    relation_weights: Mapping[str, float]  # typed relation → weight of one article's evidence
    co_occurrence_weight: float  # per sentence, for pairs no typed relation joins
    pagerank: PageRankSettings
    betweenness: BetweennessSettings
    communities: CommunitySettings
    significant_digits: int
    report: ReportSettings


def _section(raw: Any, key: str, where: str) -> dict[str, Any]:
    value = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(value, dict):
        raise AnalyticsSettingsError(f"{where}: `{key}` must be a mapping")
    return value


def _value(raw: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in raw:
        raise AnalyticsSettingsError(f"{where}: missing `{key}`")
    value = raw[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) or (kind in (int, float) and value < 0):
        raise AnalyticsSettingsError(f"{where}: `{key}` must be a non-negative {kind.__name__}, not {value!r}")
    return value


def _record(cls: type, raw: Any, key: str, where: str) -> Any:
    section = _section(raw, key, where)
    inner = f"{where} {key}"
    unknown = sorted(set(section) - set(cls.__dataclass_fields__))
    if unknown:
        raise AnalyticsSettingsError(f"{inner}: unknown setting `{unknown[0]}`")
    values = {}
    for name, spec in cls.__dataclass_fields__.items():
        kind = {"float": float, "int": int}.get(str(spec.type))
        values[name] = _value(section, name, kind, inner) if kind else section.get(name)
    return cls(**values)


def _weights(raw: Any, where: str) -> dict[str, float]:
    weights = _section(raw, "relation_weights", where)
    typed = {
        kind.name
        for kind in graph_schema().relationships.values()
        if any(p.name == "evidence" for p in kind.properties)
    }
    if set(weights) != typed:
        missing, unknown = sorted(typed - set(weights)), sorted(set(weights) - typed)
        raise AnalyticsSettingsError(
            f"{where}: `relation_weights` must weigh each typed relation of "
            f"schemas/graph.yaml: missing {missing}, unknown {unknown}"
        )
    return {kind: _value(weights, kind, float, f"{where} relation_weights") for kind in sorted(weights)}


def parse_analytics_settings(raw: Any, where: str = SETTINGS_FILE) -> AnalyticsSettings:
    """Build and check the settings from the parsed YAML mapping."""
    report = _record(ReportSettings, raw, "report", where)
    labels = report.broker_labels
    if not isinstance(labels, list) or not set(labels) <= set(graph_schema().entity_labels):
        raise AnalyticsSettingsError(f"{where} report: `broker_labels` must list entity labels, not {labels!r}")
    return AnalyticsSettings(
        relation_weights=_weights(raw, where),
        co_occurrence_weight=_value(raw, "co_occurrence_weight", float, where),
        pagerank=_record(PageRankSettings, raw, "pagerank", where),
        betweenness=_record(BetweennessSettings, raw, "betweenness", where),
        communities=_record(CommunitySettings, raw, "communities", where),
        significant_digits=_value(raw, "significant_digits", int, where),
        report=ReportSettings(**{**report.__dict__, "broker_labels": tuple(labels)}),
    )


@cache
def analytics_settings() -> AnalyticsSettings:
    """The settings of `data/analytics.yaml`, read and checked once."""
    return parse_analytics_settings(load_data_yaml(SETTINGS_FILE), str(DATA_DIR / SETTINGS_FILE))
