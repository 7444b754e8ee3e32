"""How the Neo4j commands report a failure: one message, and an exit code that says what kind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from neo4j.exceptions import Neo4jError
from rich.markup import escape

from kg.console import err_console
from kg.store.errors import StoreChanged, StoreUnavailable
from kg.store.settings import Neo4jSettings

__all__ = ["neo4j_errors"]


@contextmanager
def neo4j_errors(settings: Neo4jSettings, statement: str) -> Iterator[None]:
    """One message per failure: unreachable or refused (exit 2), a rejected statement or a store changed
    under the load (exit 1)."""
    try:
        yield
    except StoreUnavailable as error:
        err_console.print(f"[bold red]error:[/] {escape(str(error))}")
        raise typer.Exit(2)
    except StoreChanged as error:
        err_console.print(f"[bold red]error:[/] {escape(str(error))}")
        raise typer.Exit(1)
    except Neo4jError as error:
        err_console.print(f"[bold red]error:[/] Neo4j at {escape(settings.uri)} rejected {statement} ({error.code}): "
                          f"{escape(str(error.message))}")
        raise typer.Exit(1)
