"""The `kg` commands that make and analyse the graph: each parses, calls one `kg.api` function, prints.

Everything heavy (spaCy, networkx, the Neo4j driver) is imported inside the
commands, so `kg --help` and `kg --version` answer at once.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer
from rich.markup import escape

from kg.cli.console import ReadableCommand, console, err_console, progress_bar
from kg.cli.errors import show_driver_log
from kg.cli.neo4j import neo4j_app
from kg.cli.query import query
from kg.config import SAMPLES_DIR
from kg.store.settings import BATCH_SIZE, WORKERS

if TYPE_CHECKING:
    from rich.table import Table

    from kg.engine import Engine
    from kg.graph.schema import SchemaViolation
    from kg.graph.summary import GraphSummary
    from kg.models import Issue, ReadError
    from kg.pipeline import Corpus
    from kg.store.settings import Neo4jSettings


app = typer.Typer(
    help=(
        "kg turns Chinese industry-intelligence newsletters into a knowledge graph.\n\n"
        "Each command takes newsletter files, directories or glob patterns; with none "
        "it uses the sample issues shipped in data/samples.\n\n"
        "Example: kg build data/samples -o out"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)
app.add_typer(neo4j_app, name="neo4j")


def _print_version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import version as installed_version

        console.print(f"kg {installed_version('kg')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print kg's version and exit.")
    ] = False,
) -> None:
    """Options before any command (the help text is the Typer app's)."""
    show_driver_log(verbose=False)


PathsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(
        help="Newsletter files, directories or glob patterns (default: the sample issues).",
        metavar="PATH...",
        show_default=False,
    ),
]


DateOption = Annotated[
    Optional[datetime],
    typer.Option(
        "--date",
        formats=["%Y-%m-%d"],
        metavar="YYYY-MM-DD",
        help="The date of issues whose masthead prints none (it comes before a manifest.yaml beside "
        "them and a date in their file names).",
    ),
]


JobsOption = Annotated[
    Optional[int],
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        show_default=False,
        help="Processes extracting at once (default: the number of cores); the output is the same for any N.",
    ),
]

DaskOption = Annotated[
    Optional[str],
    typer.Option(
        "--dask",
        metavar="tcp://SCHEDULER:8786",
        show_default=False,
        help="Extract on the workers of this Dask scheduler instead (needs kg[dask]; the workers need kg "
        "and the input files: a shared path or URLs such as s3://…); the output is a local run's.",
    ),
]


def _engine(jobs: int | None, scheduler: str | None = None) -> Engine:
    from kg.engine import Engine, default_jobs

    return Engine(jobs or default_jobs(), scheduler)


@contextmanager
def _engine_errors() -> Iterator[None]:
    """Dask missing or its scheduler out of reach: one line, exit code 2."""
    from kg.engine import EngineError

    try:
        yield
    except EngineError as error:
        _error(str(error))
        raise typer.Exit(2) from None


def _formats(formats: str | None, no_html: bool) -> list[str]:
    """The names of --formats (all when not given), less html with --no-html; exit 2 for an unknown name."""
    from kg.export.bundle import GRAPH_FORMATS

    chosen = [name.strip() for name in formats.split(",") if name.strip()] if formats else list(GRAPH_FORMATS)
    unknown = [name for name in chosen if name not in GRAPH_FORMATS]
    if unknown:
        _error(f"unknown format {unknown[0]!r} in --formats; choose among {', '.join(GRAPH_FORMATS)} (comma-separated)")
        raise typer.Exit(2)
    return [name for name in chosen if not (no_html and name == "html")]


class OutputFormat(str, Enum):
    jsonl = "jsonl"


def _read(paths: list[str] | None, date: datetime | None = None) -> Corpus:
    import kg.pipeline  # noqa: F401  (spaCy loads before the bar starts, which then shows the reading alone)
    from kg.api import read
    from kg.ingest.sources import expand_sources

    arguments = paths or [str(SAMPLES_DIR)]
    with progress_bar("Reading newsletters", total=len(expand_sources(arguments).files)) as advance:
        corpus = read(arguments, on_file=lambda _: advance(1), date=date.date() if date else None)
    for warning in corpus.warnings:
        _warning(str(warning))
    for error in corpus.errors:
        _error(str(error))
    return corpus


def _error(message: str) -> None:
    err_console.print(f"[bold red]error:[/] {escape(message)}")


def _warning(message: str) -> None:
    err_console.print(f"[bold yellow]warning:[/] {escape(message)}")


def _exit_for(corpus: Corpus, done: str = "processed") -> None:
    if corpus.errors:
        err_console.print(f"{len(corpus.errors)} file(s) failed; the others were {done}.")
        raise typer.Exit(1)


@contextmanager
def _output_errors() -> Iterator[None]:
    """An output path that cannot be written: one line saying which and what to do."""
    from kg.export.output_dir import OutputError

    try:
        yield
    except OutputError as error:
        _error(str(error))
        raise typer.Exit(1) from None


@app.command(cls=ReadableCommand)
def build(
    paths: PathsArgument = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory to write the graph files to.", metavar="DIR")
    ] = Path("out"),
    formats: Annotated[
        Optional[str],
        typer.Option(
            "--formats",
            metavar="A,B",
            show_default=False,
            help="Write only these graph formats (default: all of graphml,gexf,json,cytoscape,html,neo4j); articles.jsonl is always "
            "written.",
        ),
    ] = None,
    no_html: Annotated[
        bool, typer.Option("--no-html", help="Skip index.html (a large corpus makes a page too large to open).")
    ] = False,
    jobs: JobsOption = None,
    dask: DaskOption = None,
    date: DateOption = None,
) -> None:
    """Extract, assemble the knowledge graph, validate it, and write it in every format.

    Writes to DIR: graph.graphml (Cytoscape, yEd, Gephi), graph.gexf (Gephi,
    coloured by label, sized by degree), graph.json (node-link: D3, sigma,
    graphology), cytoscape.json (Cytoscape.js), neo4j-import/ (CSV for
    neo4j-admin database import, with the command in import-command.txt),
    articles.jsonl (the extraction) and index.html (an offline interactive
    view); --formats and --no-html choose fewer.  Every entity carries its
    network measures (pagerank, betweenness, community, degree by relation
    type; see kg analyze), every issue, article and relation its date.  The
    records are written to articles.jsonl as they are extracted and the
    graph is assembled from that file.  Ends with counts per label and
    relationship type and the best-connected entities.  Nothing is written
    when no issue was read, or when the graph breaks schemas/graph.yaml (each
    violation is listed).  The files are moved into DIR only once all are
    complete, and files in DIR that kg does not write are kept.

    Exit codes: 0 written; 1 a newsletter could not be read (the others were
    written), nothing was read, or the graph breaks the schema; 2 an unknown
    format, or --dask with no Dask or no scheduler answering.

    Example: kg build data/samples -o out --jobs 2
    """
    from kg.export.output_dir import check_output_directory
    from kg.pipeline import Corpus, NothingRead, SchemaBroken, build_files

    chosen = _formats(formats, no_html)
    with _output_errors():
        check_output_directory(output)
    failed: list[ReadError] = []
    kept = f"nothing was written and {output} is as it was"
    with progress_bar("Extracting articles", total=None) as advance, _output_errors(), _engine_errors():
        try:
            assembly, written = build_files(
                paths or [str(SAMPLES_DIR)],
                output,
                formats=chosen,
                on_error=_reporter(failed),
                on_warning=lambda w: _warning(str(w)),
                on_article=lambda _: advance(1),
                date=date.date() if date else None,
                engine=_engine(jobs, dask),
            )
        except NothingRead:
            _error(f"no issue was read; {kept}")
            raise typer.Exit(1) from None
        except SchemaBroken as broken:
            _report_violations(broken.violations, kept)
    _print_summary(assembly.graph.summary())
    err_console.print(escape(f"Wrote {len(written)} outputs to {output}/: " + ", ".join(p.name for p in written)))
    _exit_for(Corpus(errors=failed), "written")


def _reporter(failed: list[ReadError]) -> Callable[[ReadError], None]:
    """Print each file that cannot be read as it is reached, and keep it for the exit code."""

    def report(error: ReadError) -> None:
        failed.append(error)
        _error(str(error))

    return report


def _report_violations(violations: list[SchemaViolation], consequence: str) -> NoReturn:
    for violation in violations:
        err_console.print(f"[bold red]schema:[/] {escape(str(violation))}")
    err_console.print(escape(f"{len(violations)} schema violation(s); {consequence}."))
    raise typer.Exit(1)


def _print_summary(summary: GraphSummary) -> None:
    from rich.table import Table

    counts = Table(title="graph")
    counts.add_column("nodes")
    counts.add_column("count", justify="right")
    counts.add_column("relationships")
    counts.add_column("count", justify="right")
    labels, types = list(summary.labels.items()), list(summary.relationships.items())
    for index in range(max(len(labels), len(types))):
        label = labels[index] if index < len(labels) else ("", "")
        kind = types[index] if index < len(types) else ("", "")
        counts.add_row(escape(label[0]), str(label[1]), escape(kind[0]), str(kind[1]))
    console.print(counts)
    if not summary.top_entities:
        return
    top = Table(title="best-connected entities")
    for column in ("label", "name", "degree"):
        top.add_column(column, justify="right" if column == "degree" else "left")
    for label, name, degree in summary.top_entities:
        top.add_row(escape(label), escape(name), str(degree))
    console.print(top)


@contextmanager
def _reading(
    failed: list[ReadError], consequence: str = "", date: datetime | None = None, engine: Engine | None = None
) -> Iterator[dict]:
    """The keywords of the API's reading functions that show it: a progress bar, and each file that cannot be
    read (kept in `failed` for the exit code) or was repaired, printed as it is reached.  No issue read, or a
    graph that breaks the schema: the message, then `consequence`; exit code 1."""
    from kg.api import InputError, SchemaError

    try:
        with progress_bar("Extracting articles", total=None) as advance, _engine_errors():
            try:
                yield {
                    "on_error": _reporter(failed),
                    "on_warning": lambda w: _warning(str(w)),
                    "on_article": lambda _: advance(1),
                    "date": date.date() if date else None,
                    "engine": engine or _engine(None),
                }
            except InputError as error:
                _error(f"{error}; {consequence}")
                raise typer.Exit(1) from None
    except SchemaError as error:
        _report_violations(error.violations, consequence)


@app.command(cls=ReadableCommand)
def load(
    paths: PathsArgument = None,
    wipe: Annotated[bool, typer.Option("--wipe", help="Delete kg's nodes and relationships from Neo4j first.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --wipe.")] = False,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, metavar="ROWS", help="Rows per transaction.")
    ] = BATCH_SIZE,
    workers: Annotated[
        int, typer.Option("--workers", min=1, metavar="N", help="Transactions in flight at once.")
    ] = WORKERS,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="First load of a large corpus: replace the whole database of "
            "kg's own server by Neo4j's bulk importer (the server is stopped "
            "for it and started again).",
        ),
    ] = False,
    jobs: JobsOption = None,
    date: DateOption = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Show the Neo4j driver's own messages (retries, deadlocks, broken connections)."
        ),
    ] = False,
) -> None:
    """Write the knowledge graph into Neo4j: constraints first, then batched writes, several at once.

    PATH is a `kg build` output directory (its graph.json is loaded) or
    newsletters (extracted and assembled first).  Loading the same input
    twice changes nothing; loading a new issue adds its articles and links
    them to the entities already there.  Neo4j is the project's own server
    (`kg neo4j start`) unless NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
    NEO4J_DATABASE point elsewhere.  Each batch is one transaction, and a
    few run at once (--workers); one load at a time writes to a database, a
    second waits for the first.  A load that stops part-way (a failure,
    Ctrl-C) says how many batches it committed; running it again completes it.
    Every entity carries its network measures; when the store held more than
    this load, they are computed again over everything stored, so loading
    issue by issue ends as loading them all at once.

    --bulk is the fast first load of a large corpus: the database of kg's
    own server is replaced by neo4j-admin's importer (from a build
    directory's neo4j-import/ when PATH is one), then kg's constraints and
    indexes are made, so later issues load on top with plain `kg load`.  It
    refuses a server kg does not run (NEO4J_URI set to another).

    Exit codes: 0 loaded; 1 a newsletter could not be read (the others were
    loaded), Neo4j rejected a batch, another writer changed the store under
    the load, or --bulk was refused or failed; 2 no Neo4j answers, it
    refused the login, or it stopped answering part-way; 130 interrupted
    (Ctrl-C).

    Example: kg load data/samples --wipe --yes
    """
    from kg.api import graph_of
    from kg.api import load as load_into
    from kg.cli.errors import load_errors
    from kg.graph.summary import GraphSummary
    from kg.pipeline import Corpus
    from kg.store.settings import Neo4jSettings
    from kg.store.writer import LoadStats

    show_driver_log(verbose)
    if bulk:
        _bulk_load(paths, yes, _engine(jobs), date)
        return
    stats = LoadStats()
    settings = Neo4jSettings.from_environment()
    failed: list[ReadError] = []
    with load_errors(settings, stats):
        with _reading(failed, "nothing was loaded", date, _engine(jobs)) as reading:
            graph = graph_of(paths or [str(SAMPLES_DIR)], **reading)
        if wipe and not yes and not typer.confirm(f"Delete all of kg's data in {settings.uri} ({settings.database})?"):
            raise typer.Exit(1)
        with progress_bar("Loading into Neo4j", total=graph.node_count + graph.edge_count, unit="rows") as advance:
            load_into(
                graph,
                wipe=wipe,
                batch_size=batch_size,
                workers=workers,
                stats=stats,
                on_batch=advance,
                on_wait=lambda: _say_waiting(settings),
            )
    what = (
        f"{stats.nodes_created} nodes and {stats.relationships_created} relationships created, "
        f"{stats.properties_set} properties set."
        if stats.changed
        else "nothing changed: the store already held this graph."
    )
    err_console.print(f"Loaded {stats.rows} rows into {escape(settings.uri)} ({escape(settings.database)}): {what}")
    if stats.remeasured:
        err_console.print(
            f"The store held more than this load: the measures of all its {stats.remeasured} entities "
            "were computed again over everything stored."
        )
    _print_summary(GraphSummary(stats.stored_labels, stats.stored_types, []))
    _exit_for(Corpus(errors=failed), "loaded")


def _bulk_load(paths: list[str] | None, yes: bool, engine: Engine, date: datetime | None) -> None:
    """`kg load --bulk`: a build's CSV files, or the graph of newsletters, into kg's own server by the importer."""
    from kg.api import bulk_load
    from kg.graph.summary import GraphSummary
    from kg.pipeline import Corpus
    from kg.store.bulk_import import own_server
    from kg.store.errors import ServerError, StoreUnavailable
    from kg.store.settings import Neo4jSettings

    try:
        server = own_server()
    except ServerError as error:
        _error(str(error))
        raise typer.Exit(1) from None
    database = Neo4jSettings.from_environment().database
    if not yes and not typer.confirm(f"Replace everything in {server.home.uri} ({database}) by a bulk import?"):
        raise typer.Exit(1)
    started_at = time.monotonic()
    failed: list[ReadError] = []
    try:
        with _reading(failed, "nothing was loaded", date, engine) as reading:
            result = bulk_load(paths or [str(SAMPLES_DIR)], database=database, **reading)
    except (ServerError, StoreUnavailable) as error:
        _error(str(error))
        raise typer.Exit(1) from None
    nodes, relationships = sum(result.labels.values()), sum(result.types.values())
    err_console.print(
        f"Imported {nodes} nodes and {relationships} relationships into {escape(server.home.uri)} "
        f"({escape(database)}) in {time.monotonic() - started_at:.0f} s; kg's constraints and indexes "
        "are in place."
    )
    _print_summary(GraphSummary(result.labels, result.types, []))
    _exit_for(Corpus(errors=failed), "loaded")


def _say_waiting(settings: Neo4jSettings) -> None:
    err_console.print(
        f"Another kg load is writing into {escape(settings.uri)} ({escape(settings.database)}); "
        "waiting for it to finish (Ctrl-C gives up)."
    )


@app.command(cls=ReadableCommand)
def analyze(
    paths: PathsArgument = None,
    since: Annotated[
        Optional[datetime],
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Only issues that appeared on or after this day.",
        ),
    ] = None,
    until: Annotated[
        Optional[datetime],
        typer.Option(
            "--until",
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Only issues that appeared on or before this day.",
        ),
    ] = None,
    window: Annotated[
        Optional[int],
        typer.Option(
            "--window",
            min=1,
            metavar="N",
            show_default=False,
            help="Rising: the last N issues against the N before "
            "(default: report.rising_window of data/analytics.yaml).",
        ),
    ] = None,
    date: DateOption = None,
) -> None:
    """Rank who matters and show what changed: PageRank, communities, brokers and trends.

    PATH is a `kg build` output directory (its graph.json) or newsletters
    (extracted and assembled first).  Prints the top organizations overall,
    per industry and per region (by PageRank on the typed relations, weighted
    by evidence), the Louvain communities with their members and industries,
    the brokers whose ties join communities or industries, and the trends:
    mentions per issue, what the latest issue names for the first time,
    rising entities, and partnerships first stated in the period.  --since
    and --until select the dated issues of a period: the rankings are those
    of its issues, the trends compare it with the issues before.  The
    parameters are data/analytics.yaml's.

    Example: kg analyze data/samples tests/dated --since 2025-01-01
    """
    from kg.analytics.analysis import PeriodError
    from kg.api import analyze as analyze_period
    from kg.cli.analysis_tables import analysis_tables, period_caption
    from kg.pipeline import Corpus

    failed: list[ReadError] = []
    try:
        with _reading(failed, "nothing was analysed", date) as reading:
            analysis = analyze_period(
                paths or [str(SAMPLES_DIR)],
                since=since.date() if since else None,
                until=until.date() if until else None,
                window=window,
                **reading,
            )
    except PeriodError as error:
        _error(str(error))
        raise typer.Exit(1) from None
    console.print(period_caption(analysis))
    for table in analysis_tables(analysis):
        console.print(table)
    _exit_for(Corpus(errors=failed), "analysed")


@app.command(cls=ReadableCommand)
def report(
    paths: PathsArgument = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The page to write (its directory must exist).")
    ] = Path("brief.html"),
    issue: Annotated[
        Optional[str],
        typer.Option(
            "--issue",
            metavar="NAME|ID",
            show_default=False,
            help="The issue to report, by file name or issue id (default: the latest by date).",
        ),
    ] = None,
    date: DateOption = None,
) -> None:
    """Write an issue brief: one self-contained HTML page to read, share or print to PDF.

    PATH is a `kg build` output directory (its graph.json) or newsletters
    (extracted and assembled first).  The brief is of the latest issue by
    date (or --issue), compared with the issues before it: its articles with
    their industries, a chart of articles per industry, the organizations,
    programs and people that matter most (PageRank in the issue's network),
    what is named for the first time and who is rising, the partnerships it
    states as a network picture, and regions by industry.  Every count links
    to the articles it counts.  Charts are matplotlib SVG inlined in the page:
    it needs no network.  Settings: data/brief.yaml.

    Exit codes: 0 written; 1 nothing written (no issue read, no issue to
    report: several undated issues or an unknown --issue, or FILE cannot be
    written, e.g. its directory is missing), or written but a newsletter could
    not be read.

    Example: kg report data/samples tests/dated -o brief.html
    """
    from kg.api import brief as write_brief
    from kg.pipeline import Corpus
    from kg.report import ReportError

    failed: list[ReadError] = []
    try:
        with _output_errors(), _reading(failed, "nothing was written", date) as reading:
            brief = write_brief(paths or [str(SAMPLES_DIR)], output, issue=issue, **reading)
    except ReportError as error:
        _error(f"{error}; nothing was written")
        raise typer.Exit(1) from None
    err_console.print(
        escape(f"Wrote {output}: the brief of {brief.issue.name}, compared with {len(brief.earlier)} earlier issue(s)")
    )
    _exit_for(Corpus(errors=failed), "reported")


@app.command(cls=ReadableCommand)
def split(paths: PathsArgument = None, date: DateOption = None) -> None:
    """Show how each issue splits into sections and articles.

    Prints, per issue, its id, encoding (marked "traditional" when the file
    was written in Traditional characters, which kg reads as Simplified),
    its date and number with where they came from (masthead, --date,
    manifest.yaml, file name) and a table of articles with their position,
    article id (for `kg show`), section, title and body length in
    characters.  Subheadings are listed under the article they belong to.

    Example: kg split data/samples/000_37a592d5b46665a4.txt
    """
    corpus = _read(paths, date)
    for issue in corpus.issues:
        script = " · traditional" if issue.script == "traditional" else ""
        console.print(
            f"[bold]{escape(issue.path.name)}[/]  issue {issue.id} · {escape(issue.encoding)}{script} · "
            f"{len(issue.sections)} sections · {len(issue.articles)} articles · {escape(_dating(issue))}"
        )
        console.print(_issue_table(issue))
    _exit_for(corpus)


def _dating(issue: Issue) -> str:
    """`2025-04-18 (masthead) · 第4期 · 总第40期`, or `undated`."""
    parts = [f"{issue.date.isoformat()} ({issue.dated_by})" if issue.date else "undated"]
    if issue.number:
        parts.append(f"第{issue.number}期")
    if issue.total_number:
        parts.append(f"总第{issue.total_number}期")
    return " · ".join(parts)


def _issue_table(issue: Issue) -> Table:
    from rich.table import Table

    table = Table()
    table.add_column("#", justify="right")
    table.add_column("id")
    table.add_column("section")
    table.add_column("title")
    table.add_column("chars", justify="right")
    for article in issue.articles:
        title = article.title + (" (untitled)" if article.untitled else "")
        for sub in article.subheadings:
            title += f"\n  · {sub.text}"
        table.add_row(
            str(article.position), article.id, escape(article.section or ""), escape(title), str(article.body_chars)
        )
    return table


@app.command(cls=ReadableCommand)
def extract(
    paths: PathsArgument = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.jsonl,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.", metavar="FILE")
    ] = None,
    jobs: JobsOption = None,
    dask: DaskOption = None,
    date: DateOption = None,
) -> None:
    """Write one JSON object per article: ids, title, section, entities, relations.

    The fields follow the extraction guide: issue, article, title, section,
    untitled, industries, entities and relations, plus the article's text and
    its offsets in the issue's normalised text, and the dates of the issue
    and the article (issue_date, issue_number, date; null when nothing dates
    them).  Records are written as they are made, in the order of the
    files, whatever --jobs or --dask extract them.

    Exit codes: 0 written; 1 a file could not be read (reported on stderr;
    the others are still written); 2 --dask with no Dask or no scheduler
    answering.

    Example: kg extract data/samples --format jsonl -o articles.jsonl --jobs 2
    """
    from kg.api import write_extraction
    from kg.export.output_dir import check_output_file
    from kg.pipeline import Corpus

    if output is not None:
        with _output_errors():
            check_output_file(output, "-o")
    failed: list[ReadError] = []
    with _reading(failed, "", date, _engine(jobs, dask)) as reading, _output_errors():
        count = write_extraction(paths or [str(SAMPLES_DIR)], output or sys.stdout, **reading)
        if output is not None:
            err_console.print(escape(f"Wrote {count} articles to {output}"))
    _exit_for(Corpus(errors=failed))


@app.command(cls=ReadableCommand)
def show(
    article_id: Annotated[
        str,
        typer.Argument(
            help="An article id from `kg split` or `kg extract` "
            "(ISSUE-POSITION; the position may be unpadded: 4da0b16879e72d23-3).",
            metavar="ARTICLE_ID",
            show_default=False,
        ),
    ],
    paths: Annotated[
        Optional[list[str]],
        typer.Option("--input", "-i", metavar="PATH", help="Newsletters to look in (default: the samples)."),
    ] = None,
    html: Annotated[
        Optional[Path], typer.Option("--html", help="Write a displaCy HTML page to FILE.", metavar="FILE")
    ] = None,
) -> None:
    """Show one article with the entities kg found highlighted (displaCy).

    In the terminal each entity is coloured and tagged with its label; with
    --html the article is written as a displaCy page to open in a browser.

    Example: kg show 4da0b16879e72d23-004 --html article.html
    """
    from kg.api import UnknownArticle, article_doc
    from kg.cli.article_text import render_terminal
    from kg.export.output_dir import check_output_file
    from kg.nlp.display import render_html
    from kg.relations.component import ARTICLE

    if html is not None:
        with _output_errors():
            check_output_file(html, "--html")
    corpus = _read(paths)
    try:
        doc = article_doc(article_id, corpus.issues)
    except UnknownArticle as error:
        _error(str(error))
        raise typer.Exit(1) from None
    if html is not None:
        html.write_text(render_html(doc, doc.user_data[ARTICLE].title), encoding="utf-8")
        err_console.print(escape(f"Wrote {html}"))
    else:
        console.print(render_terminal(doc))


@app.command(name="eval", cls=ReadableCommand)
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold annotation files (JSON, the format of tests/gold/).", metavar="GOLD...", show_default=False
        ),
    ],
    system: Annotated[Path, typer.Option("--system", "-s", metavar="FILE", help="The `kg extract` JSONL to score.")],
    show_errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List misses and false hits.")] = True,
) -> None:
    """Score an extraction against gold: precision, recall and F1 per label.

    Articles pair by title; an entity matches when its label and one surface
    form agree with a gold entity; a relation when its type and both ends
    agree (ends compared through aliases); industry top-1 when the first
    industry is one of the gold article's.  Gold items marked required: false
    count neither way.  Misses and false hits are listed so they can be read.

    Example: kg eval tests/gold/*.json --system articles.jsonl
    """
    from kg.cli.eval_table import report_table
    from kg.eval.scoring import score_files

    report = score_files(gold, system)
    console.print(report_table(report))
    if show_errors:
        for title, label, name in report.misses:
            console.print(f"[red]miss[/]      {escape(f'{label:<12}')} {escape(name)}   ({escape(title)})")
        for title, label, name in report.false_hits:
            console.print(f"[yellow]false hit[/] {escape(f'{label:<12}')} {escape(name)}   ({escape(title)})")
        for title, kind, ends in report.relation_misses:
            console.print(f"[red]miss[/]      {escape(f'{kind:<16}')} {escape(ends)}   ({escape(title)})")
        for title, kind, ends in report.relation_false_hits:
            console.print(f"[yellow]false hit[/] {escape(f'{kind:<16}')} {escape(ends)}   ({escape(title)})")
        for title, expected, first in report.industry_misses:
            console.print(
                f"[red]industry[/]  {escape(first or '(none)')} first, gold {escape(str(expected or '(none)'))}   "
                f"({escape(title)})"
            )


app.command(cls=ReadableCommand)(query)  # registered last: --help lists it after the commands that make the graph
