"""The industry taxonomy of `data/industries.yaml` as typed records.

The taxonomy is data: its nodes, their parents and keywords, and every
weight and threshold the scorer uses.  `load_taxonomy()` reads and checks
it once per process::

    >>> taxonomy = load_taxonomy()
    >>> taxonomy["机器人"].parent
    '智能装备'
    >>> taxonomy.lineage("机器人")
    ['机器人', '智能装备', '装备制造']
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kg.config import DATA_DIR, load_data_yaml

__all__ = ["Industry", "Enumeration", "ScoringSettings", "Taxonomy", "TaxonomyError", "load_taxonomy", "parse_taxonomy"]

TAXONOMY_FILE = "industries.yaml"
_LAYOUT_FILE = "document_layout.yaml"


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the file and node."""


@dataclass(frozen=True)
class Industry:
    """One node: its name, its group in the 6+3+3 frame, its parent."""

    name: str
    group: str
    parent: str | None
    keywords: Mapping[str, float]


@dataclass(frozen=True)
class Enumeration:
    """How a list naming several industries (A、B、C) is recognised and weighed."""

    separators: tuple[str, ...]
    min_industries: int
    max_item_chars: int
    max_affix_chars: int
    share: float

    def weight(self, items: int) -> float:
        """What one mention in a list of `items` items counts (1 outside lists)."""
        return min(1.0, self.share / items) if items else 1.0


@dataclass(frozen=True)
class ScoringSettings:
    """The weights and thresholds of `classify`; see the comments in the data file."""

    title_weight: float
    length_unit: int
    min_body_chars: int
    enumeration: Enumeration
    quoted_weight: float
    parent_share: float
    naming_weight: float
    min_evidence: float
    min_leaning_evidence: float
    passing_paragraphs: int
    scale: float
    relative_min: float
    max_industries: int


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """The industry nodes in file order, the scoring settings, the titles
    of pieces (编者的话, 卷首语 …) that are about no industry, the terms of
    general industrial policy (新质生产力 …), and words that hold a keyword
    without naming its industry (国家 holds 家政 in 国家政策)."""

    industries: tuple[Industry, ...]
    groups: Mapping[str, str]
    settings: ScoringSettings
    non_topical_titles: frozenset[str]
    general_terms: tuple[str, ...] = ()
    not_keywords: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {node.name: node for node in self.industries})

    def __getitem__(self, name: str) -> Industry:
        return self._by_name[name]  # type: ignore[attr-defined]

    def __contains__(self, name: object) -> bool:
        return name in self._by_name  # type: ignore[attr-defined]

    def __iter__(self) -> Iterator[Industry]:
        return iter(self.industries)

    def __len__(self) -> int:
        return len(self.industries)

    def lineage(self, name: str) -> list[str]:
        """The node and its ancestors, nearest first."""
        chain = [name]
        while (parent := self[chain[-1]].parent) is not None:
            chain.append(parent)
        return chain

    def root(self, name: str) -> str:
        """The top ancestor of a node (the node itself if it has no parent)."""
        return self.lineage(name)[-1]


def _require(mapping: Any, key: str, where: str) -> Any:
    if not isinstance(mapping, dict) or key not in mapping:
        raise TaxonomyError(f"{where}: missing `{key}`")
    return mapping[key]


def _settings(raw: Any, where: str) -> ScoringSettings:
    scoring = _require(raw, "scoring", where)
    enumeration = _require(scoring, "enumeration", f"{where} scoring")
    try:
        return ScoringSettings(
            title_weight=float(scoring["title_weight"]),
            length_unit=int(scoring["length_unit"]),
            min_body_chars=int(scoring["min_body_chars"]),
            enumeration=Enumeration(
                separators=tuple(enumeration["separators"]),
                min_industries=int(enumeration["min_industries"]),
                max_item_chars=int(enumeration["max_item_chars"]),
                max_affix_chars=int(enumeration["max_affix_chars"]),
                share=float(enumeration["share"]),
            ),
            quoted_weight=float(scoring["quoted_weight"]),
            parent_share=float(scoring["parent_share"]),
            naming_weight=float(scoring["naming_weight"]),
            min_evidence=float(scoring["min_evidence"]),
            min_leaning_evidence=float(scoring["min_leaning_evidence"]),
            passing_paragraphs=int(scoring["passing_paragraphs"]),
            scale=float(scoring["scale"]),
            relative_min=float(scoring["relative_min"]),
            max_industries=int(scoring["max_industries"]),
        )
    except KeyError as missing:
        raise TaxonomyError(f"{where}: scoring setting {missing} is missing") from None


def _industry(raw: Any, groups: Mapping[str, str], where: str) -> Industry:
    name = _require(raw, "name", where)
    where = f"{where} (industry {name})"
    group = _require(raw, "group", where)
    if group not in groups:
        raise TaxonomyError(f"{where}: group `{group}` is not one of {sorted(groups)}")
    keywords = _require(raw, "keywords", where)
    if not isinstance(keywords, dict) or not keywords:
        raise TaxonomyError(f"{where}: `keywords` must map each keyword to its weight")
    for keyword, weight in keywords.items():
        if not isinstance(weight, (int, float)) or weight <= 0:
            raise TaxonomyError(f"{where}: keyword `{keyword}` needs a positive weight, not {weight!r}")
    return Industry(
        name=str(name),
        group=str(group),
        parent=raw.get("parent"),
        keywords={str(k): float(w) for k, w in keywords.items()},
    )


def parse_taxonomy(
    raw: Any, *, non_topical_titles: frozenset[str] = frozenset(), where: str = TAXONOMY_FILE
) -> Taxonomy:
    """Build and check a taxonomy from the parsed YAML mapping."""
    groups = dict(_require(raw, "groups", where))
    industries = tuple(_industry(node, groups, where) for node in _require(raw, "industries", where))
    names = [node.name for node in industries]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise TaxonomyError(f"{where}: industries listed twice: {', '.join(duplicates)}")
    for node in industries:
        if node.parent is not None and node.parent not in names:
            raise TaxonomyError(f"{where}: the parent `{node.parent}` of {node.name} is not an industry")
    general_terms = tuple(str(term) for term in raw.get("general_terms", []))
    not_keywords = tuple(str(term) for term in raw.get("not_keywords", []))
    taxonomy = Taxonomy(industries, groups, _settings(raw, where), non_topical_titles, general_terms, not_keywords)
    for node in industries:
        seen = {node.name}
        parent = node.parent
        while parent is not None:
            if parent in seen:
                raise TaxonomyError(f"{where}: parents of {node.name} form a cycle through {parent}")
            seen.add(parent)
            parent = taxonomy[parent].parent
    return taxonomy


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy in `data/industries.yaml` (or `path`), checked.

    The titles that carry no industry are the single-article sections of
    `data/document_layout.yaml` (编者的话, 卷首语 …), kept in one place.
    """
    layout = load_data_yaml(_LAYOUT_FILE)
    titles = frozenset(layout.get("single_article_sections", []))
    if path is None:
        return _default_taxonomy(titles)
    with open(path, encoding="utf-8") as handle:
        return parse_taxonomy(yaml.safe_load(handle), non_topical_titles=titles, where=str(path))


@cache
def _default_taxonomy(titles: frozenset[str]) -> Taxonomy:
    return parse_taxonomy(load_data_yaml(TAXONOMY_FILE), non_topical_titles=titles, where=str(DATA_DIR / TAXONOMY_FILE))
