"""`kg query`: run a curated Cypher file from queries/, or an ad-hoc statement, and print the rows."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer
from rich.markup import escape

from kg.cli.console import console, err_console
from kg.cli.errors import neo4j_errors
from kg.store.home import ServerHome
from kg.store.settings import Neo4jSettings

if TYPE_CHECKING:
    from neo4j.exceptions import ClientError

    from kg.store.queries import QueryResult

__all__ = ["query", "QueryFormat"]

# What Neo4j answers when LOAD CSV may not read a file or URL.
_EXTERNAL_RESOURCE_FAILED = "Neo.ClientError.Statement.ExternalResourceFailed"


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def query(
    name: Annotated[
        Optional[str],
        typer.Argument(help="A query's name (see --list) or a .cypher file.", metavar="NAME|FILE", show_default=False),
    ] = None,
    param: Annotated[
        Optional[list[str]],
        typer.Option("--param", "-p", help="A parameter: KEY=VALUE (repeatable).", metavar="KEY=VALUE"),
    ] = None,
    format: Annotated[
        Optional[QueryFormat],
        typer.Option("--format", "-f", help="How to print the rows [default: table].", show_default=False),
    ] = None,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="CSV for Excel, a Chinese Windows' included: UTF-8 "
            "with a byte-order mark, CRLF line ends (implies --format csv).",
        ),
    ] = False,
    cypher: Annotated[
        Optional[str], typer.Option("--cypher", "-c", help="Run this statement instead of a file.", metavar="STATEMENT")
    ] = None,
    list_all: Annotated[bool, typer.Option("--list", "-l", help="List the query files and their questions.")] = False,
    write: Annotated[
        bool,
        typer.Option(
            "--write",
            help="Let the statement change the graph; without it, "
            "kg query runs a read transaction and refuses any write.",
        ),
    ] = False,
) -> None:
    """Run a Cypher query file from queries/ (or an ad-hoc statement) against Neo4j.

    Each file's header gives its question and its parameters with an example
    value, used when --param gives none, so every file runs as it is on the
    sample graph; a name the query does not take is an error.  Values that
    read as numbers or true/false are sent as such.  Rows print as a table,
    or as JSON or CSV on stdout.  Queries only read: a statement that would
    change the graph is refused (exit code 1) unless --write is given.  Neo4j
    is the project's own server unless NEO4J_URI and friends point elsewhere.

    Example: kg query people_positions --param org=浙江省科技厅
    """
    from neo4j.exceptions import ClientError

    from kg.api import run_query
    from kg.store.queries import MissingParameter, UnknownParameter, UnknownQuery, WriteRefused

    if list_all:
        _print_query_list()
        return
    if (name is None) == (cypher is None):
        err_console.print("[bold red]error:[/] give a query NAME or FILE, or --cypher STATEMENT, or --list")
        raise typer.Exit(1)
    if excel and format not in (None, QueryFormat.csv):
        err_console.print(f"[bold red]error:[/] --excel writes CSV; it cannot go with --format {format.value}")
        raise typer.Exit(1)
    given = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            err_console.print(f"[bold red]error:[/] --param {escape(item)!r} is not KEY=VALUE")
            raise typer.Exit(1)
        given[key.strip()] = value
    # Neo4j's notices (an unknown label, a cartesian product) are about the
    # statement, not errors; the rows are the answer.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    settings = Neo4jSettings.from_environment()
    with neo4j_errors(settings, "the query"):
        try:
            result = run_query(name, cypher=cypher, params=given, write=write)
        except (UnknownQuery, UnknownParameter, MissingParameter) as error:
            _fail(str(error))
        except WriteRefused as error:
            _fail(str(error))
        except ClientError as error:
            if error.code != _EXTERNAL_RESOURCE_FAILED or os.environ.get("NEO4J_URI"):
                raise
            _fail(_load_csv_refused(error))
    _print_result(result, QueryFormat.csv if excel else format or QueryFormat.table, excel)
    if result.changes:
        err_console.print(
            "changed: " + ", ".join(f"{name.replace('_', ' ')} {count}" for name, count in result.changes.items())
        )


def _fail(message: str) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(1)


def _load_csv_refused(error: ClientError) -> str:
    """Why the project's server refused a LOAD CSV source, and where files may be."""
    import_dir = ServerHome.from_environment().import_dir
    return (
        f"{error.message}: the project's Neo4j lets LOAD CSV read only files in {import_dir} "
        f"(file:///x.csv is {import_dir / 'x.csv'}) and fetch no URL"
    )


def _print_query_list() -> None:
    from kg.store.queries import list_query_files

    for found in list_query_files():
        params = " ".join(
            f"--param {p.name}={p.example}" if p.example is not None else f"--param {p.name}=…" for p in found.params
        )
        console.print(f"[bold]{found.name}[/]  {escape(params)}", soft_wrap=True)
        for question in found.questions:
            console.print(f"    {escape(question)}", soft_wrap=True)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv_text(result: QueryResult, line_end: str) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator=line_end)
    writer.writerow(result.columns)
    writer.writerows([_cell(value) for value in row] for row in result.rows)
    return text.getvalue()


def _print_result(result: QueryResult, format: QueryFormat, excel: bool = False) -> None:
    if excel:
        # Excel takes a CSV without a byte-order mark for the system's code
        # page (GBK on a Chinese Windows), so UTF-8 must say what it is; and
        # the bytes go out as UTF-8 whatever the terminal's encoding.
        sys.stdout.flush()
        sys.stdout.buffer.write(_csv_text(result, "\r\n").encode("utf-8-sig"))
        sys.stdout.buffer.flush()
    elif format is QueryFormat.json:
        sys.stdout.write(json.dumps(result.records(), ensure_ascii=False, indent=2) + "\n")
    elif format is QueryFormat.csv:
        sys.stdout.write(_csv_text(result, "\n"))
    else:
        from rich.table import Table

        table = Table()
        for column in result.columns:
            table.add_column(column)
        for row in result.rows:
            table.add_row(*(escape(_cell(value)) for value in row))
        console.print(table)
        err_console.print(f"{len(result.rows)} row(s)")
