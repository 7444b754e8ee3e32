"""The `kg` command line: each command parses, calls one function, prints."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from kg.config import SAMPLES_DIR
from kg.console import console, err_console, progress_bar
from kg.export.jsonl import write_jsonl, write_jsonl_file
from kg.ingest.sources import expand_sources
from kg.models import Issue
from kg.eval.report import report_table
from kg.eval.scoring import score_files
from kg.nlp.display import render_html, render_terminal
from kg.nlp.extract import process_articles
from kg.pipeline import Corpus, extract_records, find_article, read_corpus
from kg.store.cli import neo4j_app

app = typer.Typer(
    help=(
        "kg turns Chinese industry-intelligence newsletters into a knowledge graph.\n\n"
        "Each command takes newsletter files, directories or glob patterns; with none "
        "it uses the sample issues shipped in data/samples.\n\n"
        "Example: kg split data/samples"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)
app.add_typer(neo4j_app, name="neo4j")

PathsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(help="Newsletter files, directories or glob patterns (default: the sample issues).", metavar="PATH...",
                   show_default=False),
]


class OutputFormat(str, Enum):
    jsonl = "jsonl"


def _read(paths: list[str] | None) -> Corpus:
    arguments = paths or [str(SAMPLES_DIR)]
    files, _ = expand_sources(arguments)
    with progress_bar("Reading newsletters", total=len(files)) as advance:
        corpus = read_corpus(arguments, on_file=lambda _: advance(1))
    for error in corpus.errors:
        err_console.print(f"[bold red]error:[/] {error}")
    return corpus


def _exit_for(corpus: Corpus) -> None:
    if corpus.errors:
        err_console.print(f"{len(corpus.errors)} file(s) failed; the others were processed.")
        raise typer.Exit(1)


@app.command()
def split(paths: PathsArgument = None) -> None:
    """Show how each issue splits into sections and articles.

    Prints, per issue, its id, encoding and a table of articles with their
    section, title and body length in characters.  Subheadings are listed
    under the article they belong to.

    Example: kg split data/samples/000_37a592d5b46665a4.txt
    """
    corpus = _read(paths)
    for issue in corpus.issues:
        console.print(f"[bold]{issue.path.name}[/]  issue {issue.id} · {issue.encoding} · "
                      f"{len(issue.sections)} sections · {len(issue.articles)} articles")
        console.print(_issue_table(issue))
    _exit_for(corpus)


def _issue_table(issue: Issue) -> Table:
    table = Table()
    table.add_column("#", justify="right")
    table.add_column("section")
    table.add_column("title")
    table.add_column("chars", justify="right")
    for article in issue.articles:
        title = article.title + (" (untitled)" if article.untitled else "")
        for sub in article.subheadings:
            title += f"\n  · {sub.text}"
        table.add_row(str(article.position), article.section or "", title, str(article.body_chars))
    return table


@app.command()
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
    corpus = _read(paths)
    total = sum(len(issue.articles) for issue in corpus.issues)
    with progress_bar("Extracting articles", total=total) as advance:
        records = extract_records(corpus.issues, on_article=lambda _: advance(1))
        if output is None:
            write_jsonl(records, sys.stdout)
        else:
            count = write_jsonl_file(records, output)
            err_console.print(f"Wrote {count} articles to {output}")
    _exit_for(corpus)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="An article id from `kg split` or `kg extract`.")],
    paths: Annotated[Optional[list[str]], typer.Option("--input", "-i", help="Newsletters to look in (default: the samples).")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Write a displaCy HTML page to FILE.", metavar="FILE")] = None,
) -> None:
    """Show one article with the entities kg found highlighted (displaCy).

    In the terminal each entity is coloured and tagged with its label; with
    --html the article is written as a displaCy page to open in a browser.

    Example: kg show 4da0b16879e72d23-004 --html article.html
    """
    corpus = _read(paths)
    found = find_article(corpus.issues, article_id)
    if found is None:
        err_console.print(f"[bold red]error:[/] no article {article_id!r}; `kg split` lists the ids")
        raise typer.Exit(1)
    issue, article = found
    [(_, doc)] = list(process_articles(issue, [article]))
    if html is not None:
        html.write_text(render_html(doc, article.title), encoding="utf-8")
        err_console.print(f"Wrote {html}")
    else:
        console.print(render_terminal(doc))


@app.command(name="eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold annotation files (JSON, the format of tests/gold/).")],
    system: Annotated[Path, typer.Option("--system", "-s", help="The `kg extract` JSONL to score.")],
    show_errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List misses and false hits.")] = True,
) -> None:
    """Score an extraction against gold: precision, recall and F1 per label.

    Articles pair by title; an entity matches when its label and one surface
    form agree with a gold entity; gold items marked required: false count
    neither way.  Misses and false hits are listed so they can be read.

    Example: kg eval tests/gold/*.json --system articles.jsonl
    """
    report = score_files(gold, system)
    console.print(report_table(report))
    if show_errors:
        for title, label, name in report.misses:
            console.print(f"[red]miss[/]      {label:<12} {name}   ({title})")
        for title, label, name in report.false_hits:
            console.print(f"[yellow]false hit[/] {label:<12} {name}   ({title})")
