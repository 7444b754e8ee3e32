"""How the Neo4j commands report a failure: one message, and an exit code that says what kind.

The exit codes, as `kg load --help` and the README list them:

    1    Neo4j rejected a statement, or another writer changed the store under the load
    2    no Neo4j answers, it refused the login, or it stopped answering part-way
    130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from kg.cli.console import err_console
from kg.store.errors import StoreChanged, StoreUnavailable

if TYPE_CHECKING:
    from kg.store.settings import Neo4jSettings
    from kg.store.writer import LoadStats

__all__ = ["neo4j_errors", "load_errors", "show_driver_log", "EXIT_FAILED", "EXIT_UNAVAILABLE", "EXIT_INTERRUPTED"]

EXIT_FAILED = 1
EXIT_UNAVAILABLE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C

_RERUN = "run the same `kg load` again to complete it: what is already there is not written twice"


def _fail(message: str, code: int) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def neo4j_errors(settings: Neo4jSettings, statement: str) -> Iterator[None]:
    """One message per failure: unreachable, refused or gone (exit 2), a rejected statement or a store changed
    under the load (exit 1)."""
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        yield
    except StoreUnavailable as error:
        raise _fail(str(error), EXIT_UNAVAILABLE) from None
    except StoreChanged as error:
        raise _fail(str(error), EXIT_FAILED) from None
    except Neo4jError as error:
        raise _fail(
            f"Neo4j at {settings.uri} rejected {statement} ({error.code}): {error.message}", EXIT_FAILED
        ) from None
    except DriverError as error:
        raise _fail(f"Neo4j at {settings.uri} stopped answering: {_last_line(error)}", EXIT_UNAVAILABLE) from None


@contextmanager
def load_errors(settings: Neo4jSettings, stats: LoadStats) -> Iterator[None]:
    """`neo4j_errors` for a load: each message also says how far the load got and that running it again
    completes it; Ctrl-C is one such message too (exit 130)."""
    from neo4j.exceptions import DriverError, Neo4jError

    try:
        yield
    except KeyboardInterrupt:
        raise _fail(f"interrupted: {stats.committed()}; {_RERUN}", EXIT_INTERRUPTED) from None
    except StoreUnavailable as error:
        raise _fail(str(error), EXIT_UNAVAILABLE) from None
    except StoreChanged as error:
        raise _fail(f"{error} So far {stats.committed()}.", EXIT_FAILED) from None
    except Neo4jError as error:
        raise _fail(
            f"Neo4j at {settings.uri} rejected a statement of the load ({error.code}): {error.message}; "
            f"it was rolled back and no further batch started: {stats.committed()}",
            EXIT_FAILED,
        ) from None
    except DriverError:
        raise _fail(
            f"Neo4j at {settings.uri} stopped answering during the load: {stats.committed()}. Once it "
            f"answers again (`kg neo4j start` for the project's own), {_RERUN}",
            EXIT_UNAVAILABLE,
        ) from None


def _last_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[-1] if lines else type(error).__name__


def show_driver_log(verbose: bool) -> None:
    """The Neo4j driver's own log lines (retries, deadlocks, broken connections) on stderr with --verbose,
    nowhere without: kg's messages say what happened and what to do."""
    log = logging.getLogger("neo4j")
    log.propagate = False  # without a handler of its own, Python's last resort prints warnings to stderr
    for handler in list(log.handlers):
        log.removeHandler(handler)
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("neo4j: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    else:
        log.addHandler(logging.NullHandler())
