"""Score an article against the industry taxonomy: its `ABOUT` edges.

The evidence for an industry is its keywords' weights, found in the
headline (counted `title_weight` times) and in the body (as a density per
`length_unit` characters, so long articles do not win by length).  Repeats
of one keyword add less and less; keywords inside a list of several
industries count for little.  A child lends a share of its evidence to its
parent (one level), so an article on 机器人 also speaks for 智能装备.  Evidence becomes a
score in 0..1; an article whose best score is under the threshold — an
editor's note, a speech on innovation in general — gets no industry.
All weights and thresholds are in `data/industries.yaml`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from kg.industries.matching import find_mentions, keyword_matcher
from kg.industries.taxonomy import Taxonomy, load_taxonomy

__all__ = ["IndustryScore", "classify", "industry_evidence", "article_body"]


@dataclass(frozen=True)
class IndustryScore:
    """An article's score for one taxonomy node, in 0..1."""

    name: str
    score: float

    def as_record(self) -> dict[str, object]:
        """The `industries` item of the JSONL output."""
        return {"name": self.name, "score": self.score}


def article_body(title: str, text: str) -> str:
    """The text without its headline line, which the title already counts.

    A record's text starts with the headline line (after a section marker
    when they share a line); an untitled article's title is cut from its
    first sentence, which stays in the body.
    """
    first, _, rest = text.partition("\n")
    if title and first.strip().endswith(title):
        return rest
    return text


def _keyword_evidence(text: str, taxonomy: Taxonomy) -> dict[str, float]:
    """Per industry: weight × (1 + ln n) over its keywords, n the mentions
    (a mention inside a list of industries counts `enumeration.weight`)."""
    matcher = keyword_matcher(taxonomy)
    list_weight = taxonomy.settings.enumeration.weight
    counts: dict[str, float] = defaultdict(float)
    for mention in find_mentions(text, taxonomy):
        counts[mention.keyword] += list_weight if mention.in_list else 1.0
    evidence: dict[str, float] = defaultdict(float)
    for keyword, count in counts.items():
        repeated = count if count <= 1 else 1 + math.log(count)
        for name, weight in matcher.owners[keyword]:
            evidence[name] += weight * repeated
    return evidence


def industry_evidence(title: str, text: str, taxonomy: Taxonomy) -> dict[str, float]:
    """The raw evidence for every industry with any.

    A parent receives `parent_share` of each child's own evidence, one level
    only: 机器人 lends to 智能装备, not on to 装备制造.
    """
    settings = taxonomy.settings
    body = article_body(title, text)
    in_title = _keyword_evidence(title, taxonomy)
    in_body = _keyword_evidence(body, taxonomy)
    per_unit = settings.length_unit / max(len(body), settings.min_body_chars)
    evidence = {node.name: settings.title_weight * in_title.get(node.name, 0.0)
                + per_unit * in_body.get(node.name, 0.0) for node in taxonomy}
    own = dict(evidence)
    for node in taxonomy:
        if node.parent is not None:
            evidence[node.parent] += settings.parent_share * own[node.name]
    return {name: value for name, value in evidence.items() if value > 0}


def classify(title: str, text: str, taxonomy: Taxonomy | None = None) -> list[IndustryScore]:
    """The industries an article is about, best first; `[]` when none is.

    >>> [s.name for s in classify("机器人产业集群加速成势", "全市工业机器人产量增长三成。")][:2]
    ['机器人', '智能装备']
    >>> classify("编者的话", "本刊重点跟踪新材料、生物医药等产业的发展动态。")
    []
    """
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    if title.strip() in taxonomy.non_topical_titles:
        return []
    settings = taxonomy.settings
    scores = [IndustryScore(name, round(1 - math.exp(-value / settings.scale), 3))
              for name, value in industry_evidence(title, text, taxonomy).items()]
    order = {node.name: index for index, node in enumerate(taxonomy)}
    scores.sort(key=lambda s: (-s.score, order[s.name]))
    if not scores or scores[0].score < settings.min_score:
        return []
    floor = max(settings.min_score, settings.relative_min * scores[0].score)
    return [s for s in scores if s.score >= floor][:settings.max_industries]
