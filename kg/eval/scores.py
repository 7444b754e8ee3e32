"""Counts and the report they add up to, shared by the entity and relation scorers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Score", "Report", "surface_forms"]

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
