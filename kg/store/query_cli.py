"""`kg query`: run a curated Cypher file from queries/, or an ad-hoc statement, and print the rows."""

from __future__ import annotations

import csv
import json
import logging
import sys
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from kg.console import console, err_console
from kg.store.cli_errors import neo4j_errors
from kg.store.connection import open_driver
from kg.store.queries import (MissingParameter, QueryResult, UnknownQuery, find_query_file, list_query_files,
                              resolve_parameters, run_query)
from kg.store.settings import Neo4jSettings

__all__ = ["query", "QueryFormat"]


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def query(
    name: Annotated[Optional[str], typer.Argument(help="A query's name (see --list) or a .cypher file.",
                                                  metavar="NAME|FILE", show_default=False)] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A parameter: KEY=VALUE (repeatable).",
                                                       metavar="KEY=VALUE")] = None,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="How to print the rows.")] = QueryFormat.table,
    cypher: Annotated[Optional[str], typer.Option("--cypher", "-c", help="Run this statement instead of a file.",
                                                  metavar="STATEMENT")] = None,
    list_all: Annotated[bool, typer.Option("--list", "-l", help="List the query files and their questions.")] = False,
) -> None:
    """Run a Cypher query file from queries/ (or an ad-hoc statement) against Neo4j.

    Each file's header gives its question and its parameters with an example
    value, used when --param gives none, so every file runs as it is on the
    sample graph.  Values that read as numbers or true/false are sent as such.
    Rows print as a table, or as JSON or CSV on stdout.  Neo4j is the
    project's own server unless NEO4J_URI and friends point elsewhere.

    Example: kg query people_positions --param org=浙江省科技厅
    """
    if list_all:
        _print_query_list()
        return
    if (name is None) == (cypher is None):
        err_console.print("[bold red]error:[/] give a query NAME or FILE, or --cypher STATEMENT, or --list")
        raise typer.Exit(1)
    given = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            err_console.print(f"[bold red]error:[/] --param {escape(item)!r} is not KEY=VALUE")
            raise typer.Exit(1)
        given[key.strip()] = value
    try:
        if cypher is not None:
            text, declared = cypher, []
        else:
            found = find_query_file(name)
            text, declared = found.text, found.params
        values = resolve_parameters(text, given, declared)
    except (UnknownQuery, MissingParameter) as error:
        err_console.print(f"[bold red]error:[/] {escape(str(error))}")
        raise typer.Exit(1)
    # Neo4j's notices (an unknown label, a cartesian product) are about the
    # statement, not errors; the rows are the answer.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    settings = Neo4jSettings.from_environment()
    with neo4j_errors(settings, "the query"), open_driver(settings) as driver:
        result = run_query(driver, settings.database, text, values)
    _print_result(result, format)


def _print_query_list() -> None:
    for found in list_query_files():
        params = " ".join(f"--param {p.name}={p.example}" if p.example is not None else f"--param {p.name}=…"
                          for p in found.params)
        console.print(f"[bold]{found.name}[/]  {escape(params)}", soft_wrap=True)
        for question in found.questions:
            console.print(f"    {escape(question)}", soft_wrap=True)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _print_result(result: QueryResult, format: QueryFormat) -> None:
    if format is QueryFormat.json:
        sys.stdout.write(json.dumps(result.records(), ensure_ascii=False, indent=2) + "\n")
    elif format is QueryFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([_cell(value) for value in row] for row in result.rows)
    else:
        table = Table()
        for column in result.columns:
            table.add_column(column)
        for row in result.rows:
            table.add_row(*(escape(_cell(value)) for value in row))
        console.print(table)
        err_console.print(f"{len(result.rows)} row(s)")
