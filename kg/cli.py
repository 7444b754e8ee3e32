"""The `kg` command line: each command parses, calls one function, prints."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Annotated, Optional

import networkx as nx
import typer
from rich.markup import escape
from rich.table import Table

from kg.config import SAMPLES_DIR
from kg.console import ReadableCommand, console, err_console, progress_bar
from kg.eval.report import report_table
from kg.eval.scoring import score_files
from kg.export.bundle import write_bundle
from kg.export.formats import read_node_link
from kg.export.jsonl import write_jsonl, write_jsonl_file
from kg.export.output_dir import OutputError, check_output_directory, check_output_file
from kg.graph.summary import GraphSummary, summarize
from kg.ingest.sources import expand_sources
from kg.models import Issue, ReadError
from kg.nlp.display import render_html, render_terminal
from kg.nlp.extract import process_articles
from kg.pipeline import Build, Corpus, build_graph_from, extract_files, find_article, read_corpus
from kg.store.connection import open_driver
from kg.store.settings import Neo4jSettings
from kg.store.cli import neo4j_app
from kg.store.cli_errors import neo4j_errors
from kg.store.query_cli import query
from kg.store.writer import BATCH_SIZE, WORKERS, graph_counts, load_graph, wipe_graph

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
        console.print(f"kg {installed_version('kg')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print kg's version and exit.")] = False,
) -> None:
    """Options before any command (the help text is the Typer app's)."""


PathsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(help="Newsletter files, directories or glob patterns (default: the sample issues).", metavar="PATH...",
                   show_default=False),
]


class OutputFormat(str, Enum):
    jsonl = "jsonl"


def _read(paths: list[str] | None) -> Corpus:
    arguments = paths or [str(SAMPLES_DIR)]
    with progress_bar("Reading newsletters", total=len(expand_sources(arguments).files)) as advance:
        corpus = read_corpus(arguments, on_file=lambda _: advance(1))
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


def _stop_unless_read(corpus: Corpus, consequence: str) -> None:
    """No issue read (nothing found, or every file failed): do nothing rather than write an empty graph."""
    if not corpus.issues:
        _error(f"no issue was read; {consequence}")
        raise typer.Exit(1)


@contextmanager
def _output_errors() -> Iterator[None]:
    """An output path that cannot be written: one line saying which and what to do."""
    try:
        yield
    except OutputError as error:
        _error(str(error))
        raise typer.Exit(1) from None


@app.command(cls=ReadableCommand)
def build(
    paths: PathsArgument = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to write the graph files to.",
                                         metavar="DIR")] = Path("out"),
) -> None:
    """Extract, assemble the knowledge graph, validate it, and write it in every format.

    Writes to DIR: graph.graphml (Cytoscape, yEd, Gephi), graph.gexf (Gephi,
    coloured by label, sized by degree), graph.json (node-link: D3, sigma,
    graphology), cytoscape.json (Cytoscape.js), neo4j-import/ (CSV for
    neo4j-admin database import, with the command in import-command.txt),
    articles.jsonl (the extraction) and index.html (an offline interactive
    view).  Ends with counts per label and relationship type and the
    best-connected entities.  Nothing is written when no issue was read, or
    when the graph breaks schemas/graph.yaml (each violation is listed).  The
    files are moved into DIR only once all are complete, and files in DIR
    that kg does not write are kept.

    Example: kg build data/samples -o out
    """
    with _output_errors():
        check_output_directory(output)
    corpus = _read(paths)
    kept = f"nothing was written and {output} is as it was"
    _stop_unless_read(corpus, kept)
    result = _built(corpus, kept)
    with _output_errors():
        written = write_bundle(result.graph, result.records, output)
    _print_summary(summarize(result.graph))
    err_console.print(escape(f"Wrote {len(written)} outputs to {output}/: " + ", ".join(p.name for p in written)))
    _exit_for(corpus, "written")


def _print_summary(summary: GraphSummary) -> None:
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


def _built(corpus: Corpus, consequence: str) -> Build:
    """Extract and assemble with a progress bar; list schema violations and stop on any."""
    total = sum(len(issue.articles) for issue in corpus.issues)
    with progress_bar("Extracting articles", total=total) as advance:
        result = build_graph_from(corpus.issues, on_article=lambda _: advance(1))
    if result.violations:
        for violation in result.violations:
            err_console.print(f"[bold red]schema:[/] {escape(str(violation))}")
        err_console.print(escape(f"{len(result.violations)} schema violation(s); {consequence}."))
        raise typer.Exit(1)
    return result


def _graph_to_load(paths: list[str] | None) -> tuple[nx.MultiDiGraph, Corpus]:
    """A `kg build` directory's graph.json, or the graph built from the newsletters that could be read."""
    if paths and len(paths) == 1 and (Path(paths[0]) / "graph.json").is_file():
        return read_node_link(Path(paths[0]) / "graph.json"), Corpus()
    corpus = _read(paths)
    _stop_unless_read(corpus, "nothing was loaded")
    return _built(corpus, "nothing was loaded").graph, corpus


@app.command(cls=ReadableCommand)
def load(
    paths: PathsArgument = None,
    wipe: Annotated[bool, typer.Option("--wipe", help="Delete kg's nodes and relationships from Neo4j first.")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --wipe.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, metavar="ROWS",
                                            help="Rows per transaction.")] = BATCH_SIZE,
    workers: Annotated[int, typer.Option("--workers", min=1, metavar="N",
                                         help="Transactions in flight at once.")] = WORKERS,
) -> None:
    """Write the knowledge graph into Neo4j: constraints first, then batched writes, several at once.

    PATH is a `kg build` output directory (its graph.json is loaded) or
    newsletters (extracted and assembled first).  Loading the same input
    twice changes nothing; loading a new issue adds its articles and links
    them to the entities already there.  Neo4j is the project's own server
    (`kg neo4j start`) unless NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
    NEO4J_DATABASE point elsewhere.  Each batch is one transaction, and a
    few run at once (--workers): a failure leaves no part of its batch
    written and starts no further batch.  Newsletters that cannot be read
    are named and the others are loaded, with exit code 1.

    Example: kg load data/samples --wipe --yes
    """
    graph, corpus = _graph_to_load(paths)
    settings = Neo4jSettings.from_environment()
    with neo4j_errors(settings, "a batch (rolled back: nothing of it was written)"), open_driver(settings) as driver:
        if wipe:
            if not yes and not typer.confirm(f"Delete all of kg's data in {settings.uri} ({settings.database})?"):
                raise typer.Exit(1)
            wipe_graph(driver, settings.database)
        total = graph.number_of_nodes() + graph.number_of_edges()
        with progress_bar("Loading into Neo4j", total=total, unit="rows") as advance:
            stats = load_graph(driver, graph, settings.database, on_batch=advance, size=batch_size, workers=workers)
        labels, types = graph_counts(driver, settings.database)
    err_console.print(f"Loaded {stats.rows} rows into {escape(settings.uri)} ({escape(settings.database)}): "
                      f"{stats.nodes_created} nodes and {stats.relationships_created} relationships created, "
                      f"{stats.properties_set} properties set.")
    _print_summary(GraphSummary(labels, types, []))
    _exit_for(corpus, "loaded")


@app.command(cls=ReadableCommand)
def split(paths: PathsArgument = None) -> None:
    """Show how each issue splits into sections and articles.

    Prints, per issue, its id, encoding (marked "traditional" when the file
    was written in Traditional characters, which kg reads as Simplified) and
    a table of articles with their position, article id (for `kg show`),
    section, title and body length in characters.  Subheadings are listed
    under the article they belong to.

    Example: kg split data/samples/000_37a592d5b46665a4.txt
    """
    corpus = _read(paths)
    for issue in corpus.issues:
        script = " · traditional" if issue.script == "traditional" else ""
        console.print(f"[bold]{escape(issue.path.name)}[/]  issue {issue.id} · {escape(issue.encoding)}{script} · "
                      f"{len(issue.sections)} sections · {len(issue.articles)} articles")
        console.print(_issue_table(issue))
    _exit_for(corpus)


def _issue_table(issue: Issue) -> Table:
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
        table.add_row(str(article.position), article.id, escape(article.section or ""), escape(title),
                      str(article.body_chars))
    return table


@app.command(cls=ReadableCommand)
def extract(
    paths: PathsArgument = None,
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.jsonl,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE instead of stdout.",
                                                   metavar="FILE")] = None,
) -> None:
    """Write one JSON object per article: ids, title, section, entities, relations.

    The fields follow the extraction guide: issue, article, title, section,
    untitled, industries, entities and relations, plus the article's text and
    its offsets in the issue's normalised text.  Files that cannot be read are
    reported on stderr and the exit code is 1; the others are still written.

    Example: kg extract data/samples --format jsonl -o articles.jsonl
    """
    if output is not None:
        with _output_errors():
            check_output_file(output, "-o")
    failed: list[ReadError] = []

    def report(error: ReadError) -> None:
        failed.append(error)
        _error(str(error))

    # Record by record, file by file: memory holds one issue, never the corpus or its records.
    with progress_bar("Extracting articles", total=None) as advance, _output_errors():
        records = extract_files(paths or [str(SAMPLES_DIR)], on_error=report, on_warning=lambda w: _warning(str(w)),
                                on_article=lambda _: advance(1))
        if output is None:
            write_jsonl(records, sys.stdout)
        else:
            count = write_jsonl_file(records, output)
            err_console.print(escape(f"Wrote {count} articles to {output}"))
    _exit_for(Corpus(errors=failed))


@app.command(cls=ReadableCommand)
def show(
    article_id: Annotated[str, typer.Argument(help="An article id from `kg split` or `kg extract` "
                                                   "(ISSUE-POSITION; the position may be unpadded: 4da0b16879e72d23-3).",
                                              metavar="ARTICLE_ID", show_default=False)],
    paths: Annotated[Optional[list[str]], typer.Option("--input", "-i", metavar="PATH",
                                                       help="Newsletters to look in (default: the samples).")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Write a displaCy HTML page to FILE.", metavar="FILE")] = None,
) -> None:
    """Show one article with the entities kg found highlighted (displaCy).

    In the terminal each entity is coloured and tagged with its label; with
    --html the article is written as a displaCy page to open in a browser.

    Example: kg show 4da0b16879e72d23-004 --html article.html
    """
    if html is not None:
        with _output_errors():
            check_output_file(html, "--html")
    corpus = _read(paths)
    found = find_article(corpus.issues, article_id)
    if found is None:
        _error(f"no article {article_id!r}; `kg split` lists the ids")
        raise typer.Exit(1)
    issue, article = found
    [(_, doc)] = list(process_articles(issue, [article]))
    if html is not None:
        html.write_text(render_html(doc, article.title), encoding="utf-8")
        err_console.print(escape(f"Wrote {html}"))
    else:
        console.print(render_terminal(doc))


@app.command(name="eval", cls=ReadableCommand)
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold annotation files (JSON, the format of tests/gold/).",
                                               metavar="GOLD...", show_default=False)],
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
            console.print(f"[red]industry[/]  {escape(first or '(none)')} first, gold {escape(str(expected or '(none)'))}   "
                          f"({escape(title)})")


app.command(cls=ReadableCommand)(query)  # registered last: --help lists it after the commands that make the graph
