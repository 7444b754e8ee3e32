"""kg as a library: read newsletters, extract, build the graph, load it into Neo4j and query it.

The `kg` command calls these functions; so can a notebook.  Heavy modules
(spaCy, networkx, the Neo4j driver) are imported inside the functions, so
`import kg` stays quick.  The examples run as doctests (tests/test_api.py),
from the repository's root and with the test Neo4j in NEO4J_URI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.analytics.analysis import Analysis
    from kg.engine import Engine
    from kg.graph.knowledge import KnowledgeGraph
    from kg.graph.schema import SchemaViolation
    from kg.models import ArticleExtraction, Issue, ReadError, ReadWarning
    from kg.pipeline import Corpus
    from kg.report import Brief
    from kg.store.bulk_import import ImportResult
    from kg.store.queries import QueryResult
    from kg.store.settings import Neo4jSettings
    from kg.store.writer import LoadStats

__all__ = [
    "read",
    "parse",
    "extract",
    "build",
    "read_graph",
    "graph_of",
    "analyze",
    "brief",
    "article_doc",
    "write_extraction",
    "load",
    "bulk_load",
    "query",
    "run_query",
    "nlp",
    "InputError",
    "SchemaError",
    "UnknownArticle",
]

Paths = str | Path | Iterable[str | Path]


class InputError(Exception):
    """Newsletters that could not be read, or none at all; `errors` names each file and why."""

    def __init__(self, errors: list[ReadError], message: str) -> None:
        super().__init__(message)
        self.errors = errors


class SchemaError(Exception):
    """A graph that breaks `schemas/graph.yaml`; `violations` lists each way."""

    def __init__(self, violations: list[SchemaViolation]) -> None:
        super().__init__(f"{len(violations)} schema violation(s), the first: {violations[0]}")
        self.violations = violations


class UnknownArticle(LookupError):
    """No article of the issues read has the id asked for."""


def _arguments(paths: Paths) -> list[str | Path]:
    return [paths] if isinstance(paths, str | Path) else list(paths)


def read(paths: Paths, *, date: dt.date | None = None, on_file: Callable[[Any], None] | None = None) -> Corpus:
    """Read the newsletters named by files, directories or glob patterns.

    A file that cannot be read is listed in `errors` (the others are still
    read), one read with a repair in `warnings`.  `date` dates the issues
    whose masthead prints none.

    >>> corpus = kg.read("data/samples")
    >>> len(corpus.issues), corpus.errors
    (2, [])
    >>> corpus.issues[0].articles[0].title
    '编者的话'
    """
    from kg.pipeline import read_corpus

    return read_corpus(_arguments(paths), on_file=on_file, date=date)


def parse(text: str, *, name: str = "issue.txt", date: dt.date | None = None) -> Issue:
    """An issue from a string: normalised, split into sections and articles, and dated.

    >>> issue = kg.parse("之江实验室成立新材料中心\\n\\n之江实验室今天宣布成立新材料创新中心。", name="demo.txt")
    >>> [article.title for article in issue.articles]
    ['之江实验室成立新材料中心']
    """
    from kg.ingest.reader import parse_issue

    return parse_issue(text, Path(name), date=date)


def extract(issue_or_text: Issue | str) -> list[ArticleExtraction]:
    """What each article of an issue (or of newsletter text) names and says: entities, relations, industries.

    >>> [article] = kg.extract("之江实验室成立新材料中心\\n\\n之江实验室今天宣布成立新材料创新中心。")
    >>> [(entity.label, entity.name) for entity in article.entities]
    [('Organization', '之江实验室')]
    >>> article.to_record()["title"]
    '之江实验室成立新材料中心'
    """
    from kg.pipeline import extract_articles

    issue = parse(issue_or_text) if isinstance(issue_or_text, str) else issue_or_text
    return list(extract_articles([issue]))


def build(
    paths_or_issues: Paths | Iterable[Issue], *, on_article: Callable[[Any], None] | None = None, check: bool = True
) -> KnowledgeGraph:
    """The knowledge graph of newsletters (paths, or issues already read): extracted, assembled and measured.

    Raises `InputError` when a named file cannot be read or none is found,
    and, with `check`, `SchemaError` when the graph breaks
    `schemas/graph.yaml`.  `graph.write(directory)` then writes what
    `kg build` writes.

    >>> graph = kg.build("data/samples")
    >>> graph.node("Organization:浙江省科技厅")["label"]
    'Organization'
    >>> paths = graph.write("out", formats=["gexf", "json"])
    >>> [path.name for path in paths]
    ['graph.gexf', 'graph.json']
    """
    from kg.models import Issue
    from kg.pipeline import build_graph_from

    items = _arguments(paths_or_issues) if isinstance(paths_or_issues, str | Path) else list(paths_or_issues)
    issues = [item for item in items if isinstance(item, Issue)]
    if len(issues) < len(items):
        corpus = read([item for item in items if not isinstance(item, Issue)])
        if corpus.errors or not corpus.issues:
            problems = "; ".join(str(e) for e in corpus.errors) or "no newsletter found"
            raise InputError(corpus.errors, f"cannot build: {problems}")
        issues += corpus.issues
    built = build_graph_from(issues, on_article=on_article)
    if check and built.violations:
        raise SchemaError(built.violations)
    return built.graph


def read_graph(path: str | Path) -> KnowledgeGraph:
    """The graph a `kg build` directory holds (its graph.json), or of a graph.json file itself.

    >>> graph = kg.read_graph("out")    # written by `kg build data/samples -o out`
    >>> graph.node("Organization:浙江省科技厅")["label"]
    'Organization'
    """
    from kg.export.node_link import read_node_link

    path = Path(path)
    return read_node_link(path / "graph.json" if path.is_dir() else path)


def write_extraction(
    paths: Paths,
    output: str | Path | IO[str],
    *,
    date: dt.date | None = None,
    engine: Engine | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    on_warning: Callable[[ReadWarning], None] | None = None,
    on_article: Callable[[Any], None] | None = None,
) -> int:
    """Extract newsletters into JSONL (`kg extract`): one object per article, into a file or an open text stream.

    Records are written as they are made, in the order of the files, by
    `engine` (this process, a pool, a Dask cluster), so memory holds the
    files in flight, never the corpus; a file is written whole or not at
    all.  A file that cannot be read goes to `on_error` and the others are
    read.  Returns the number of articles written.

    >>> kg.write_extraction("data/samples", "articles.jsonl")
    10
    """
    from kg.engine import Engine
    from kg.export.jsonl import write_jsonl, write_jsonl_file
    from kg.pipeline import extract_files

    records = extract_files(
        _arguments(paths),
        on_error=on_error or (lambda _: None),
        on_warning=on_warning or (lambda _: None),
        on_article=on_article,
        date=date,
        engine=engine or Engine(),
    )
    if isinstance(output, str | Path):
        return write_jsonl_file(records, Path(output))
    return write_jsonl(records, output)


def graph_of(
    source: KnowledgeGraph | Paths,
    *,
    date: dt.date | None = None,
    engine: Engine | None = None,
    on_error: Callable[[ReadError], None] | None = None,
    on_warning: Callable[[ReadWarning], None] | None = None,
    on_article: Callable[[Any], None] | None = None,
) -> KnowledgeGraph:
    """The graph to work on: a KnowledgeGraph as it is, a `kg build` directory's, or that of newsletters.

    Newsletters are extracted (by `engine`, a few files at a time) and
    assembled as `kg build` does; a file that cannot be read goes to
    `on_error` (and the others are read), a repair to `on_warning`.  Raises
    `InputError` when no issue could be read and `SchemaError` when the
    graph breaks `schemas/graph.yaml`.  `kg load`, `kg analyze` and
    `kg report` read their input with it.

    >>> failed = []
    >>> graph = kg.graph_of(["data/samples", "missing.txt"], on_error=failed.append)
    >>> graph.node("Organization:浙江省科技厅")["label"], [str(error) for error in failed]
    ('Organization', ['missing.txt: no such file or directory'])
    """
    from kg.engine import Engine
    from kg.graph.knowledge import KnowledgeGraph
    from kg.pipeline import NothingRead, assemble_files

    if isinstance(source, KnowledgeGraph):
        return source
    arguments = _arguments(source)
    if len(arguments) == 1 and (Path(arguments[0]) / "graph.json").is_file():
        return read_graph(arguments[0])
    try:
        assembly = assemble_files(
            arguments,
            on_error=on_error or (lambda _: None),
            on_warning=on_warning or (lambda _: None),
            on_article=on_article,
            date=date,
            engine=engine or Engine(),
        )
    except NothingRead:
        raise InputError([], "no issue was read") from None
    if assembly.violations:
        raise SchemaError(assembly.violations)
    return assembly.graph


def analyze(
    source: KnowledgeGraph | Paths,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    window: int | None = None,
    **reading: Any,
) -> Analysis:
    """Who matters and what changed (`kg analyze`): rankings, communities, brokers and trends of a period.

    `source` is what `graph_of` takes (and `reading` its keywords).  The
    rankings are those of the issues that appeared from `since` to `until`
    (both included; without them, of every issue), the trends compare them
    with the issues before; rising is over `window` issues (default:
    data/analytics.yaml's).  Raises `kg.analytics.analysis.PeriodError` when
    the period holds no issue.

    >>> analysis = kg.analyze(kg.build("data/samples"))
    >>> analysis.rankings.organizations[0].name
    '杭州科百特过滤器材有限公司'
    """
    from kg.analytics.analysis import analyze as analyze_graph

    return analyze_graph(graph_of(source, **reading).to_networkx(), since, until, window)


def brief(
    source: KnowledgeGraph | Paths, output: str | Path | None = None, *, issue: str | None = None, **reading: Any
) -> Brief:
    """The issue brief (`kg report`) of the latest issue by date (or `issue`: a file name or an issue id).

    `source` is what `graph_of` takes (and `reading` its keywords).  With
    `output` the page is written there too, checked before any work
    (`kg.export.output_dir.OutputError` when it cannot be written).  Raises
    `kg.report.ReportError` when no issue can be chosen.

    >>> kg.brief(kg.build("data/samples"), "brief.html").issue.name
    '004_d800323ad11d4dac.txt'
    """
    from kg.report import check_brief_path, gather_brief, write_brief

    if output is not None:
        check_brief_path(Path(output))
    made = gather_brief(graph_of(source, **reading), issue)
    if output is not None:
        write_brief(made, Path(output))
    return made


def article_doc(article_id: str, issues: Iterable[Issue]) -> Doc:
    """The spaCy Doc of one article (`kg show`), found by its id among `issues`: `doc.ents` are its entities.

    The position may be unpadded (`…-3` for `…-003`); `doc.user_data["kg_article"]`
    is the `Article`.  Raises `UnknownArticle` when no article has the id.

    >>> issue = kg.parse("之江实验室成立新材料中心\\n\\n之江实验室今天宣布成立新材料创新中心。", name="demo.txt")
    >>> doc = kg.article_doc(issue.articles[0].id, [issue])
    >>> [(ent.text, ent.label_) for ent in doc.ents]
    [('之江实验室', 'Organization'), ('之江实验室', 'Organization')]
    """
    from kg.nlp.extract import process_articles
    from kg.pipeline import find_article

    found = find_article(issues, article_id)
    if found is None:
        raise UnknownArticle(f"no article {article_id!r}; `kg split` lists the ids")
    issue, article = found
    [(_, doc)] = list(process_articles(issue, [article]))
    return doc


def _settings(uri: str | None, user: str | None, password: str | None, database: str | None) -> Neo4jSettings:
    """NEO4J_* (or the project's own server), with what the caller gave instead."""
    from dataclasses import replace

    from kg.store.settings import Neo4jSettings

    settings = Neo4jSettings.from_environment()
    given = {"uri": uri, "user": user, "password": password, "database": database}
    return replace(settings, **{name: value for name, value in given.items() if value is not None})


def load(
    graph: KnowledgeGraph,
    *,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    wipe: bool = False,
    batch_size: int | None = None,
    workers: int | None = None,
    stats: LoadStats | None = None,
    on_batch: Callable[[int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> LoadStats:
    """Write the graph into Neo4j (NEO4J_URI and friends, or the project's own server, unless given).

    Constraints first, then batched writes, `workers` at a time; `wipe`
    deletes kg's nodes first.  Loading the same graph twice changes nothing.
    When the store holds more than this graph, every entity's measures are
    computed again over everything stored (`stats.remeasured` says how
    many).  Pass `stats` to learn how far a failed load got.

    >>> graph = kg.build("data/samples")
    >>> stats = kg.load(graph, wipe=True)
    >>> stats.nodes_created > 0, stats.stored_labels["Article"]
    (True, 10)
    >>> kg.load(graph).changed
    False
    """
    from kg.store.connection import open_driver
    from kg.store.measures import remeasure_store
    from kg.store.writer import BATCH_SIZE, WORKERS, LoadStats, graph_counts, load_graph, wipe_graph

    settings = _settings(uri, user, password, database)
    stats = stats if stats is not None else LoadStats()
    with open_driver(settings) as driver:
        if wipe:
            wipe_graph(driver, settings.database, on_wait=on_wait)
        load_graph(
            driver,
            graph,
            settings.database,
            on_batch=on_batch,
            on_wait=on_wait,
            size=batch_size or BATCH_SIZE,
            workers=workers or WORKERS,
            stats=stats,
        )
        stats.remeasured = remeasure_store(driver, settings.database, graph)
        stats.stored_labels, stats.stored_types = graph_counts(driver, settings.database)
    return stats


def bulk_load(source: KnowledgeGraph | Paths, *, database: str | None = None, **reading: Any) -> ImportResult:
    """Replace a database of kg's own server by Neo4j's bulk importer: the fast first load of a large corpus.

    `source` is a `kg build` output directory (its `neo4j-import` CSV files
    go in as they are), a graph, or newsletters (read by `graph_of`, which
    takes `reading`'s callbacks).  The server is stopped for the import and
    running afterwards; a server that is not kg's own is refused
    (`ServerError`), because the importer writes the store's files.
    Example, after `kg build big/ -o out`: `kg.bulk_load("out").types["MENTIONS"]`.
    """
    from kg.graph.knowledge import KnowledgeGraph
    from kg.store.bulk_import import import_directory, import_graph, own_server
    from kg.store.settings import Neo4jSettings

    server = own_server()
    database = database or Neo4jSettings.from_environment().database
    arguments = [] if isinstance(source, KnowledgeGraph) else _arguments(source)
    csv_folder = Path(arguments[0]) / "neo4j-import" if len(arguments) == 1 else None
    if csv_folder is not None and any(csv_folder.glob("nodes_*.csv")):
        return import_directory(server, csv_folder, database)
    return import_graph(server, graph_of(source, **reading), database)


def query(
    name_or_cypher: str,
    *,
    write: bool = False,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    **params: Any,
) -> list[dict[str, Any]]:
    """The rows of a curated query of queries/ (by name or .cypher file) or of a Cypher statement.

    A query file's parameters default to the examples in its header.  Only
    reads, unless `write`.

    >>> rows = kg.query("people_positions", org="浙江省科技厅")
    >>> rows[0]["person"]
    '高鹰忠'
    >>> kg.query("MATCH (a:Article) RETURN count(a) AS articles")
    [{'articles': 10}]
    """
    is_file = name_or_cypher.strip().endswith(".cypher") or name_or_cypher.strip().isidentifier()
    given = {key: str(value) for key, value in params.items()}
    found = run_query(
        name_or_cypher.strip() if is_file else None,
        cypher=None if is_file else name_or_cypher,
        params=given,
        typed=params,
        write=write,
        uri=uri,
        user=user,
        password=password,
        database=database,
    )
    return found.records()


def run_query(
    name: str | None = None,
    *,
    cypher: str | None = None,
    params: Mapping[str, str] | None = None,
    typed: Mapping[str, Any] | None = None,
    write: bool = False,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
) -> QueryResult:
    """The whole result of a query file (`name`: its name in queries/ or a .cypher path) or of a `cypher`
    statement: columns, rows, and what a `write` changed (`kg query`).

    `params` are text, as `--param KEY=VALUE` gives them: one that reads as a
    number or true/false is sent as such; `typed` values are sent as they
    are.  Unknown or missing parameters and an unknown query raise before
    Neo4j is reached (`kg.store.queries.UnknownParameter`, `MissingParameter`,
    `UnknownQuery`); a write without `write` raises `WriteRefused`.

    >>> result = kg.run_query("people_positions", params={"org": "浙江省科技厅"})
    >>> result.columns[:2], result.rows[0][0]
    (['person', 'title'], '高鹰忠')
    """
    from kg.store.connection import open_driver
    from kg.store.queries import find_query_file, resolve_parameters
    from kg.store.queries import run_query as run_statement

    if cypher is not None:
        text, declared = cypher, []
    else:
        found = find_query_file(name or "")
        text, declared = found.text, found.params
    values = {**resolve_parameters(text, params or {}, declared), **(typed or {})}
    settings = _settings(uri, user, password, database)
    with open_driver(settings) as driver:
        return run_statement(driver, settings.database, text, values, write=write)


def nlp() -> Language:
    """kg's spaCy pipeline (jieba-segmented Chinese with kg's recognisers): `nlp(text).ents` as spaCy users expect.

    >>> doc = kg.nlp()("浙江省科技厅厅长陈岩出席会议。")
    >>> [(ent.text, ent.label_) for ent in doc.ents]
    [('浙江省科技厅', 'Organization'), ('陈岩', 'Person')]
    """
    from kg.nlp.language import get_nlp

    return get_nlp()
