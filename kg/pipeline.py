"""The one place that orders kg's stages: files → issues → records."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.engine import Engine
from kg.export.jsonl import write_jsonl_file
from kg.ingest.reader import read_issues
from kg.ingest.sources import expand_sources
from kg.models import Article, ArticleExtraction, Issue, ReadError, ReadWarning

# The stages past reading are imported where they run: `kg extract` never loads networkx, and the
# process that hands files to `--jobs` workers loads neither spaCy nor the recognisers (seconds of
# start-up, and memory, that only the workers need).
if TYPE_CHECKING:
    from kg.graph.knowledge import KnowledgeGraph
    from kg.graph.schema import SchemaViolation

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
    "Assembly",
    "assemble_file",
    "assemble_files",
    "NothingRead",
    "SchemaBroken",
    "build_files",
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
    from kg.industries import classify
    from kg.nlp.extract import entity_records, process_articles
    from kg.relations.extract import relation_records

    for issue in issues:
        for article, doc in process_articles(issue):
            found = article_extraction(issue, article)
            if on_article is not None:
                on_article(article)
            yield replace(
                found,
                entities=entity_records(article, doc._.kg_entities),
                relations=relation_records(article, doc._.kg_relations),
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
    engine: Engine = Engine(),
) -> Iterator[dict[str, Any]]:
    """The records of every newsletter named by files, directories, globs or URLs, in the order of the files.

    The files are extracted by `engine` (this process, `jobs` processes, or a
    Dask cluster), a few at a time, and only the records of the files being
    extracted or waiting to be consumed are in memory, however many there
    are.  A file that cannot be read is passed to `on_error` when it is
    reached, one read with a repair or passed over to `on_warning`; the
    others are still read.  `on_article(record)` is called as each record is
    yielded (for progress bars).  `date` dates the issues whose masthead
    prints no date (`--date`).
    """
    sources = expand_sources(arguments)
    for error in sources.errors:
        on_error(error)
    for warning in sources.warnings:
        on_warning(warning)
    for extraction in engine.extractions(sources.files, date):
        if extraction.error is not None:
            on_error(extraction.error)
            continue
        for warning in extraction.warnings:
            on_warning(warning)
        for record in extraction.records:
            if on_article is not None:
                on_article(record)
            yield record


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
    from kg.analytics.measures import annotate_measures
    from kg.graph.knowledge import KnowledgeGraph

    graph = annotate_measures(KnowledgeGraph.build(extract_articles(issues, on_article=on_article)))
    return Build(graph, graph.violations())


@dataclass
class Assembly:
    """The graph assembled from a file of records, measured, and how it departs from the schema."""

    graph: KnowledgeGraph
    violations: list[SchemaViolation]


def assemble_file(records: Path) -> Assembly:
    """Assemble the graph from a JSONL of records read from disk, measure its entities and validate it.

    The records are read twice and never held: memory grows with the graph
    (its nodes and edges), not with the text of the corpus.
    """
    from kg.analytics.measures import annotate_measures
    from kg.export.jsonl import read_jsonl
    from kg.graph.knowledge import KnowledgeGraph

    graph = annotate_measures(KnowledgeGraph.streamed(lambda: read_jsonl(records)))
    return Assembly(graph, graph.violations())


class NothingRead(Exception):
    """No newsletter could be read: there is no graph to write."""


class SchemaBroken(Exception):
    """The assembled graph breaks `schemas/graph.yaml`; `violations` lists how."""

    def __init__(self, violations: list[SchemaViolation]) -> None:
        super().__init__(f"{len(violations)} schema violation(s)")
        self.violations = violations


def assemble_files(
    arguments: Iterable[str | Path],
    *,
    on_error: Callable[[ReadError], None],
    on_warning: Callable[[ReadWarning], None] = lambda _: None,
    on_article: Any = None,
    date: dt.date | None = None,
    engine: Engine = Engine(),
) -> Assembly:
    """The graph of newsletters, for commands that write no build (`kg load`, `kg analyze`).

    The records go to a temporary JSONL file as they are extracted and the
    graph is assembled from it, as `kg build` does; raises `NothingRead`
    when no file could be read.
    """
    from kg.export.bundle import RECORDS_FILE

    with tempfile.TemporaryDirectory(prefix="kg-records-") as folder:
        records = Path(folder) / RECORDS_FILE
        extracted = extract_files(
            arguments, on_error=on_error, on_warning=on_warning, on_article=on_article, date=date, engine=engine
        )
        if write_jsonl_file(extracted, records) == 0:
            raise NothingRead
        return assemble_file(records)


def build_files(
    arguments: Iterable[str | Path],
    directory: Path,
    *,
    formats: Iterable[str] | None = None,
    on_error: Callable[[ReadError], None],
    on_warning: Callable[[ReadWarning], None] = lambda _: None,
    on_article: Any = None,
    date: dt.date | None = None,
    engine: Engine = Engine(),
) -> tuple[Assembly, list[Path]]:
    """`kg build`: extract into `directory`'s articles.jsonl as records come, assemble from it, write `formats`
    (by default every graph format).

    Returns the assembly and the paths written.  Everything is written into
    a staging directory and moved into `directory` once whole: `NothingRead`
    (no file could be read) and `SchemaBroken` leave `directory` as it was,
    as does any failure; `OutputError` when it cannot be written.
    """
    from kg.export.bundle import GRAPH_FORMATS, RECORDS_FILE, bundle_directory, write_graph_files

    with bundle_directory(directory) as staging:
        records = staging / RECORDS_FILE
        extracted = extract_files(
            arguments, on_error=on_error, on_warning=on_warning, on_article=on_article, date=date, engine=engine
        )
        if write_jsonl_file(extracted, records) == 0:  # every issue read has an article: none read
            raise NothingRead
        assembly = assemble_file(records)
        if assembly.violations:
            raise SchemaBroken(assembly.violations)
        names = [
            RECORDS_FILE,
            *write_graph_files(assembly.graph, staging, GRAPH_FORMATS if formats is None else formats),
        ]
    return assembly, [directory / name for name in names]
