"""Score an article against the industry taxonomy: its `ABOUT` edges.

The evidence for an industry is its keywords' weights, found in the
headline (counted `title_weight` times) and in the body (as a density per
`length_unit` characters, so long articles do not win by length).  Repeats
of one keyword add less and less; a mention inside a list of several
industries counts a share that shrinks with the list's length, and a
keyword alone in quotation marks (a figure of speech) counts little.  A
child lends a share of its evidence to its parent (one level), so an
article on 机器人 also speaks for 智能装备.

Real articles name their industries in passing, so one clear mention is
enough; but only a keyword that by itself names an industry (weight of at
least `naming_weight`: 芯片, 光伏), or any keyword in the headline, can put
it on the list.  Cross-cutting terms (金融, 知识产权, 数字化) only add to a
named industry, and decide alone only when the article names none and
they add up.  An article gets
no industry when its evidence stays under `min_evidence`, and when it
speaks of industrial policy in general (新质生产力 …) and names industries
only as examples in lists.  Traditional characters are read as Simplified.
All weights, thresholds and terms are in `data/industries.yaml`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from kg.industries.matching import find_mentions, keyword_matcher
from kg.industries.taxonomy import ScoringSettings, Taxonomy, load_taxonomy
from kg.ingest.script import detect_script, to_simplified
from kg.models import IndustryScore

__all__ = ["ArticleEvidence", "IndustryScore", "article_body", "classify", "industry_evidence", "weigh_article"]


@dataclass(frozen=True)
class ArticleEvidence:
    """What an article says about each industry.

    `values`: evidence per industry, parents' shares included; `named`: the
    industries a naming keyword points to (a parent through its child);
    `named_outside_lists`: whether any such keyword stands outside a list;
    `general`: whether the text uses terms of general industrial policy;
    `in_headline`: the industries the headline names; `naming_mentions`:
    per industry, how many naming keywords the body has for it (a parent
    counts its children's); `paragraphs`: the body's paragraphs.
    """

    values: dict[str, float]
    named: frozenset[str]
    named_outside_lists: bool
    general: bool
    in_headline: frozenset[str] = frozenset()
    naming_mentions: dict[str, int] = field(default_factory=dict)
    paragraphs: int = 0

    def passing(self, name: str, settings: ScoringSettings) -> bool:
        """Whether an industry is only mentioned in passing: named once in
        a long body, and not in the headline."""
        return (
            name not in self.in_headline
            and self.paragraphs >= settings.passing_paragraphs
            and self.naming_mentions.get(name, 0) < 2
        )


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


@dataclass
class _Tally:
    """One text's evidence per industry, the industries it names, and
    whether any is named outside a list."""

    evidence: dict[str, float]
    named: set[str]
    named_outside_lists: bool
    naming_mentions: dict[str, int]


def _tally(text: str, taxonomy: Taxonomy, *, headline: bool = False) -> _Tally:
    """Per industry: weight × (1 + ln n) over its keywords, n the mentions
    counted by what each is worth (a list's share, a quoted keyword's).

    A mention in a list counts as one of n items, n the list's length or
    the number of industries all the text's lists name together, whichever
    is more: a text that lists a dozen industries in three lists is a
    catalogue.  In a headline every keyword names its industry.
    """
    settings = taxonomy.settings
    matcher = keyword_matcher(taxonomy)
    mentions = find_mentions(text, taxonomy)
    listed = len(set().union(*(matcher.roots[m.keyword] for m in mentions if m.in_list)))
    counts: dict[str, float] = defaultdict(float)
    named: set[str] = set()
    outside = False
    naming_mentions: dict[str, int] = defaultdict(int)
    for mention in mentions:
        worth = settings.enumeration.weight(max(mention.list_items, listed) if mention.in_list else 0)
        if mention.quoted:
            counts[mention.keyword] += worth * settings.quoted_weight
            continue
        counts[mention.keyword] += worth
        for name, weight in matcher.owners[mention.keyword]:
            if headline or weight >= settings.naming_weight:
                named.add(name)
                naming_mentions[name] += 1
                outside = outside or not mention.in_list
    evidence: dict[str, float] = defaultdict(float)
    for keyword, count in counts.items():
        repeated = count if count <= 1 else 1 + math.log(count)
        for name, weight in matcher.owners[keyword]:
            evidence[name] += weight * repeated
    return _Tally(evidence, named, outside, naming_mentions)


def _simplified(title: str, body: str) -> tuple[str, str]:
    """Headline and body in Simplified characters, judged on both together
    (a headline alone is too short to tell)."""
    if detect_script(f"{title}\n{body}") == "traditional":
        return to_simplified(title), to_simplified(body)
    return title, body


def weigh_article(title: str, text: str, taxonomy: Taxonomy) -> ArticleEvidence:
    """The evidence of an article's headline and body, for every industry.

    A parent receives `parent_share` of each child's own evidence, one level
    only: 机器人 lends to 智能装备, not on to 装备制造.
    """
    settings = taxonomy.settings
    title, body = _simplified(title, article_body(title, text))
    in_title, in_body = _tally(title, taxonomy, headline=True), _tally(body, taxonomy)
    per_unit = settings.length_unit / max(len(body), settings.min_body_chars)
    evidence = {
        node.name: settings.title_weight * in_title.evidence.get(node.name, 0.0)
        + per_unit * in_body.evidence.get(node.name, 0.0)
        for node in taxonomy
    }
    own = dict(evidence)
    own_named = in_title.named | in_body.named
    named = set(own_named)
    naming_mentions = dict(in_body.naming_mentions)
    for node in taxonomy:
        if node.parent is not None:
            evidence[node.parent] += settings.parent_share * own[node.name]
            if node.name in own_named:
                named.add(node.parent)
            naming_mentions[node.parent] = naming_mentions.get(node.parent, 0) + in_body.naming_mentions.get(
                node.name, 0
            )
    general = any(term in title or term in body for term in taxonomy.general_terms)
    return ArticleEvidence(
        values={name: value for name, value in evidence.items() if value > 0},
        named=frozenset(named),
        named_outside_lists=in_title.named_outside_lists or in_body.named_outside_lists,
        general=general,
        in_headline=frozenset(in_title.named),
        naming_mentions=naming_mentions,
        paragraphs=sum(1 for line in body.split("\n") if line.strip()),
    )


def industry_evidence(title: str, text: str, taxonomy: Taxonomy) -> dict[str, float]:
    """The raw evidence for every industry with any."""
    return weigh_article(title, text, taxonomy).values


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
    article = weigh_article(title, text, taxonomy)
    if article.general and not article.named_outside_lists:
        return []
    if article.named:
        candidates = {
            n: v for n, v in article.values.items() if n in article.named and not article.passing(n, settings)
        }
        least = settings.min_evidence
    else:
        candidates, least = article.values, settings.min_leaning_evidence
    if not candidates or max(candidates.values()) < least:
        return []
    scores = [
        IndustryScore(name, round(1 - math.exp(-value / settings.scale), 3)) for name, value in candidates.items()
    ]
    order = {node.name: index for index, node in enumerate(taxonomy)}
    scores.sort(key=lambda s: (-s.score, order[s.name]))
    floor = settings.relative_min * scores[0].score
    return [s for s in scores if s.score >= floor][: settings.max_industries]
