"""The issue brief as data: what `kg report` shows, each figure with the articles it counts.

Every count on the page is the length of a tuple of `ArticleRef`s, so the
page can link each number to the articles behind it (`#<anchor>` in the
article list) and a test can check it against the graph.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ArticleRef",
    "IssueInfo",
    "BriefArticle",
    "IndustryCount",
    "Actor",
    "NewEntity",
    "Riser",
    "Tie",
    "RegionRow",
    "Brief",
]


@dataclass(frozen=True)
class ArticleRef:
    """An article of the reported issue, as a link to its entry in the article list."""

    article_id: str
    position: int
    title: str

    @property
    def anchor(self) -> str:
        return f"article-{self.article_id}"


@dataclass(frozen=True)
class IssueInfo:
    key: str
    name: str  # the file name
    issue_id: str
    date: str | None  # YYYY-MM-DD
    dated_by: str | None  # masthead, --date, manifest, file name
    number: int | None
    total_number: int | None


@dataclass(frozen=True)
class BriefArticle:
    ref: ArticleRef
    section: str | None
    date: str | None
    industries: tuple[tuple[str, float], ...]  # name and score, first the best
    named: tuple[str, ...]  # the entities it names that matter most in the issue


@dataclass(frozen=True)
class IndustryCount:
    """An industry and the issue's articles about it (any of their industries)."""

    name: str
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class Actor:
    """An entity ranked by its measures in the issue's own network."""

    key: str
    label: str
    name: str
    pagerank: float
    betweenness: float
    relations: int  # typed relations stated in the issue
    mentions: int  # times the issue's articles name it
    new: bool  # no earlier issue named it
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class NewEntity:
    key: str
    label: str
    name: str
    mentions: int
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class Riser:
    """More mentions in the last `window` issues (up to this one) than in the `window` before."""

    key: str
    label: str
    name: str
    recent: int
    earlier: int
    articles: tuple[ArticleRef, ...]  # the articles of this issue naming it


@dataclass(frozen=True)
class Tie:
    """Two organizations this issue states to partner; `since` is the first date any issue up to it did."""

    first: str
    second: str
    since: str | None
    new: bool | None  # no earlier issue stated it; None: no earlier issue to compare with
    evidence: str  # the first sentence of this issue stating it
    articles: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class RegionRow:
    """A region and, per industry of the brief (in `Brief.industries` order), the articles naming it."""

    name: str
    cells: tuple[tuple[ArticleRef, ...], ...]
    articles: tuple[ArticleRef, ...]  # every article of the issue naming it


@dataclass(frozen=True)
class Brief:
    issue: IssueInfo
    earlier: tuple[IssueInfo, ...]  # the issues it is compared with, earliest first (undated first)
    window: int  # issues per side of the rising comparison
    articles: tuple[BriefArticle, ...]
    industries: tuple[IndustryCount, ...]  # most articles first
    organizations: tuple[Actor, ...]
    programs: tuple[Actor, ...]
    people: tuple[Actor, ...]
    new: tuple[NewEntity, ...]
    rising: tuple[Riser, ...]
    ties: tuple[Tie, ...]
    regions: tuple[RegionRow, ...]
