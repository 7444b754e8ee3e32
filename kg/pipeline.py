"""The one place that orders kg's stages: files → issues → records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.analytics.measures import annotate_measures
from kg.graph.knowledge import KnowledgeGraph
from kg.graph.schema import SchemaViolation
from kg.industries import classify
from kg.ingest.reader import read_issues
from kg.ingest.sources import expand_sources
from kg.models import Article, ArticleExtraction, Issue, ReadError, ReadWarning
from kg.nlp.aliases import article_entities
from kg.nlp.extract import entity_records, process_articles
from kg.relations.extract import article_relations, relation_records

__all__ = [
    "Corpus",
    "read_corpus",
    "issue_warnings",
    "article_extraction",
    "extract_articles",
    "extract_records",
    "extract_files",
    "find_article",
    "Build",
    "build_graph_from",
]


@dataclass
class Corpus:
    """The issues read from the user's paths, and the files that failed."""

    issues: list[Issue] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)  # files read with a repair, entries passed over


def read_corpus(arguments: Iterable[str | Path], *, on_file: Any = None, date: dt.date | None = None) -> Corpus:
    """Read every newsletter named by files, directories or globs.

    A file that cannot be read is recorded in `errors`; the others are still
    read.  `on_file(path)` is called after each file (for progress bars).
    `date` dates the issues whose masthead prints no date (`--date`).
    """
    sources = expand_sources(arguments)
    corpus = Corpus(errors=list(sources.errors), warnings=list(sources.warnings))
    for result in read_issues(sources.files, date=date):
        if isinstance(result, ReadError):
            corpus.errors.append(result)
        else:
            corpus.issues.append(result)
            corpus.warnings += issue_warnings(result)
        if on_file is not None:
            on_file(result)
    return corpus


def issue_warnings(issue: Issue) -> list[ReadWarning]:
    """What reading the issue's file had to repair, as warnings naming the file."""
    return [ReadWarning(issue.path, message) for message in issue.warnings]


def article_extraction(issue: Issue, article: Article) -> ArticleExtraction:
    """The article's place, dates and text, before extraction fills in what it finds."""
    return ArticleExtraction(
        issue=issue.id,
        article=article.id,
        source=issue.path.name,
        issue_date=issue.date,
        issue_number=issue.number,
        issue_total_number=issue.total_number,
        issue_dated_by=issue.dated_by,
        position=article.position,
        date=article.date,
        dated_by=article.dated_by,
        title=_written_title(issue, article),
        section=article.section,
        untitled=article.untitled,
        subheadings=tuple(s.text for s in article.subheadings),
        start=article.start,
        end=article.end,
        text=issue.text[article.start : article.end],
        sentences=tuple((s.start, s.end) for s in article.sentences),
    )


def _written_title(issue: Issue, article: Article) -> str:
    """A headline as the file wrote it: users and their gold know an article by that title."""
    headline = article.headline
    if headline is not None and issue.text[headline.start : headline.end] == article.title:
        return issue.as_written(headline.start, headline.end)
    return article.title


def extract_articles(issues: Iterable[Issue], *, on_article: Any = None) -> Iterator[ArticleExtraction]:
    """What each article names and says, in document order: entities, relations, industries."""
    for issue in issues:
        for article, doc in process_articles(issue):
            found = article_extraction(issue, article)
            entities = article_entities(doc)
            relations = article_relations(article, found.text, entities)
            if on_article is not None:
                on_article(article)
            yield replace(
                found,
                entities=entity_records(article, entities),
                relations=relation_records(article, relations),
                industries=tuple(classify(article.title, found.text)),
            )


def extract_records(issues: Iterable[Issue]) -> Iterator[dict[str, Any]]:
    """`extract_articles` as the JSONL objects of the extraction guide (for scoring and tests)."""
    return (article.to_record() for article in extract_articles(issues))


def extract_files(
    arguments: Iterable[str | Path],
    *,
    on_error: Callable[[ReadError], None],
    on_warning: Callable[[ReadWarning], None] = lambda _: None,
    on_article: Any = None,
    date: dt.date | None = None,
) -> Iterator[ArticleExtraction]:
    """The extracted articles of every newsletter named by files, directories or globs, one file at a time.

    Each file is read, extracted and let go before the next is read, so only
    one issue is in memory however many there are.  A file that cannot be
    read is passed to `on_error` when it is reached, one read with a repair
    or passed over to `on_warning`; the others are still read.  `date` dates
    the issues whose masthead prints no date (`--date`).
    """
    sources = expand_sources(arguments)
    for error in sources.errors:
        on_error(error)
    for warning in sources.warnings:
        on_warning(warning)
    for result in read_issues(sources.files, date=date):
        if isinstance(result, ReadError):
            on_error(result)
            continue
        for warning in issue_warnings(result):
            on_warning(warning)
        yield from extract_articles([result], on_article=on_article)


def find_article(issues: Iterable[Issue], article_id: str) -> tuple[Issue, Article] | None:
    """The issue and article with this id, if any; the position may be unpadded (`…-3` for `…-003`)."""
    issue_part, _, position = article_id.strip().rpartition("-")
    for issue in issues:
        for article in issue.articles:
            if article.id == article_id or (
                issue.id == issue_part and position.isdigit() and article.position == int(position)
            ):
                return issue, article
    return None


@dataclass
class Build:
    """The graph assembled from the articles (which it keeps), and how it departs from the schema."""

    graph: KnowledgeGraph
    violations: list[SchemaViolation]


def build_graph_from(issues: Iterable[Issue], *, on_article: Any = None) -> Build:
    """Extract every article, assemble the graph, measure its entities and validate it against `schemas/graph.yaml`."""
    graph = annotate_measures(KnowledgeGraph.build(extract_articles(issues, on_article=on_article)))
    return Build(graph, graph.violations())
