"""Counts and the report they add up to, shared by the entity and relation scorers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Score", "Report", "surface_forms", "Matching", "match_items"]

_QUOTES = "“”‘’\"'「」"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    articles: Score = field(default_factory=Score)
    entities: Score = field(default_factory=Score)
    by_label: dict[str, Score] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (article, label, name)
    false_hits: list[tuple[str, str, str]] = field(default_factory=list)
    relations: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    relation_misses: list[tuple[str, str, str]] = field(default_factory=list)  # (article, type, "source → target")
    relation_false_hits: list[tuple[str, str, str]] = field(default_factory=list)
    industries: Score = field(default_factory=Score)  # top-1: tp correct, fn wrong
    industry_misses: list[tuple[str, list[str], str | None]] = field(default_factory=list)

    def label(self, name: str) -> Score:
        return self.by_label.setdefault(name, Score())

    def type(self, name: str) -> Score:
        return self.by_type.setdefault(name, Score())


def surface_forms(item: dict[str, Any]) -> set[str]:
    """A name and its aliases, with and without quotes."""
    forms = {item["name"], *item.get("aliases", [])}
    return forms | {f.strip(_QUOTES) for f in forms}


@dataclass
class Matching:
    """Gold against system: required gold found and missed, and system items matching no gold."""

    found: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)

    def tally(
        self,
        overall: Score,
        kind_score: Callable[[str], Score],
        kind: Callable[[dict[str, Any]], str],
        describe: Callable[[dict[str, Any]], str],
        title: str,
        misses: list[tuple[str, str, str]],
        false_hits: list[tuple[str, str, str]],
    ) -> None:
        """Add the counts overall and per kind, and list misses and false hits as (article, kind, item)."""
        for items, count in ((self.found, "tp"), (self.missed, "fn"), (self.extra, "fp")):
            for item in items:
                setattr(overall, count, getattr(overall, count) + 1)
                per_kind = kind_score(kind(item))
                setattr(per_kind, count, getattr(per_kind, count) + 1)
        misses += [(title, kind(item), describe(item)) for item in self.missed]
        false_hits += [(title, kind(item), describe(item)) for item in self.extra]


def match_items(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], matches: Callable[[dict[str, Any], dict[str, Any]], bool]
) -> Matching:
    """Pair system items with gold ones, required gold first, each system item used once.

    Gold items marked `required: false` count neither way: missing them is no
    miss, and a system item that matches one is no false hit.
    """
    result = Matching()
    unmatched = list(system)
    for required in (True, False):
        for item in (g for g in gold if g.get("required", True) == required):
            hit = next((s for s in unmatched if matches(s, item)), None)
            if hit is not None:
                unmatched.remove(hit)
                if required:
                    result.found.append(item)
            elif required:
                result.missed.append(item)
    optional = [g for g in gold if not g.get("required", True)]
    result.extra = [s for s in unmatched if not any(matches(s, g) for g in optional)]
    return result
