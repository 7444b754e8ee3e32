"""`kg neo4j …`: the project's own Neo4j server from the command line."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from kg.cli.console import ReadableCommand, console, err_console
from kg.store.errors import ServerError, StoreUnavailable
from kg.store.home import NEO4J_VERSION, ServerHome

if TYPE_CHECKING:
    from kg.store.server import Neo4jServer

__all__ = ["neo4j_app", "NOT_RUNNING_EXIT_CODE"]

# As `neo4j status` and LSB init scripts report a stopped service.
NOT_RUNNING_EXIT_CODE = 3

neo4j_app = typer.Typer(
    help=(
        f"Run the project's own Neo4j Community {NEO4J_VERSION} server, fetched from Maven Central.\n\n"
        "It listens on 127.0.0.1 only, keeps its data and logs in .neo4j/ and its generated password "
        "in .neo4j/password.  With your own Neo4j, set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, "
        "NEO4J_DATABASE) instead.\n\n"
        "Example: kg neo4j start"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _server() -> Neo4jServer:
    from kg.store.server import Neo4jServer

    return Neo4jServer(ServerHome.from_environment())


def _shown(path: Path) -> str:
    """A path relative to the current directory when it is under it: shorter to read; escaped for rich."""
    try:
        return escape(str(path.relative_to(Path.cwd())))
    except ValueError:
        return escape(str(path))


@contextmanager
def _errors_reported() -> Iterator[None]:
    try:
        yield
    except (ServerError, StoreUnavailable) as error:
        err_console.print(f"[bold red]error:[/] {escape(str(error))}")
        raise typer.Exit(1) from None


@neo4j_app.command()
def install() -> None:
    """Fetch Neo4j's jars (about 140 MB) with Maven into the user cache, once.

    The cache is ~/.cache/kg/neo4j-VERSION, or KG_NEO4J_CACHE; `start` does
    this itself when needed.  Needs `mvn` and Java 17.

    Example: kg neo4j install
    """
    server = _server()
    started_at = time.monotonic()
    with _errors_reported():
        fetched = server.install()
    if fetched:
        console.print(
            f"Installed Neo4j {NEO4J_VERSION} in {_shown(server.home.lib_dir)} ({time.monotonic() - started_at:.0f} s)",
            soft_wrap=True,
        )
    else:
        console.print(f"Neo4j {NEO4J_VERSION} is already installed in {_shown(server.home.lib_dir)}", soft_wrap=True)


@neo4j_app.command()
def start(
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Neo4j to answer.")] = 120.0,
) -> None:
    """Start the server (installing it first if needed) and wait until it answers.

    The first start sets the password: NEO4J_PASSWORD if set, else a
    generated one kept in .neo4j/password.  Ports: KG_NEO4J_BOLT_PORT (7687)
    and KG_NEO4J_HTTP_PORT (7474); home: KG_NEO4J_HOME (.neo4j).

    Example: kg neo4j start
    """
    server = _server()
    started_at = time.monotonic()
    with _errors_reported():
        was_running = server.status().running
        status = server.start(timeout=timeout)
    how = "was already running" if was_running else f"started in {time.monotonic() - started_at:.1f} s"
    console.print(f"Neo4j {NEO4J_VERSION} {how}: {escape(status.uri)} (pid {status.pid})", soft_wrap=True)
    console.print(
        f"user neo4j, password in {_shown(server.home.password_file)} or NEO4J_PASSWORD; "
        f"logs in {_shown(server.home.logs_dir)}",
        soft_wrap=True,
    )


@neo4j_app.command()
def stop() -> None:
    """Stop the server and wait until its process has exited and freed its ports.

    Example: kg neo4j stop
    """
    server = _server()
    started_at = time.monotonic()
    with _errors_reported():
        pid = server.stop()
    if pid is None:
        console.print("Neo4j was not running")
    else:
        console.print(f"Stopped Neo4j (pid {pid}) in {time.monotonic() - started_at:.1f} s")


@neo4j_app.command()
def status() -> None:
    """Say whether the server runs, with its pid, address and home.

    The exit code is 0 when it runs and 3 when it does not, so scripts can
    test it.

    Example: kg neo4j status
    """
    with _errors_reported():
        current = _server().status()
    if current.running:
        console.print(
            f"running · pid {current.pid} · {escape(current.uri)} · home {_shown(current.home)}", soft_wrap=True
        )
        return
    installed = "installed" if current.installed else "not installed (`kg neo4j install`)"
    console.print(f"not running · {installed} · home {_shown(current.home)}", soft_wrap=True)
    raise typer.Exit(NOT_RUNNING_EXIT_CODE)


@neo4j_app.command()
def browser() -> None:
    """Print the address of Neo4j Browser, which the server serves, and where its credentials are.

    Open the address in a web browser and connect with user neo4j and the
    password in .neo4j/password (or NEO4J_PASSWORD).  The exit code is 3
    when the server is not running (start it with `kg neo4j start`).

    Example: kg neo4j browser
    """
    server = _server()
    with _errors_reported():
        current = server.status()
    console.print(f"Neo4j Browser: {escape(server.home.browser_url)}", soft_wrap=True)
    console.print(
        f"connect to {escape(server.home.uri)} as user neo4j, password in "
        f"{_shown(server.home.password_file)} or NEO4J_PASSWORD",
        soft_wrap=True,
    )
    if not current.running:
        err_console.print("The server is not running: start it with `kg neo4j start`.")
        raise typer.Exit(NOT_RUNNING_EXIT_CODE)


@neo4j_app.command("import", cls=ReadableCommand)
def import_(
    directory: Annotated[
        Path, typer.Argument(help="The neo4j-import folder of a `kg build` output directory.", metavar="DIR")
    ] = Path("out/neo4j-import"),
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before replacing the database.")] = False,
) -> None:
    """Replace the database with a build's CSV files by Neo4j's bulk importer, then create kg's constraints and indexes.

    The fast way in for a large graph.  The server is stopped for the
    import and running after it; the store is then the one `kg load` makes
    of the same graph, so later issues can be loaded on top with `kg load`.
    Everything in the database is replaced.

    Example: kg neo4j import out/neo4j-import --yes
    """
    server = _server()
    if not yes and not typer.confirm(f"Replace everything in the database of {server.home.uri} with {directory}?"):
        raise typer.Exit(1)
    from kg.store.bulk_import import import_directory

    started_at = time.monotonic()
    with _errors_reported():
        result = import_directory(server, directory)
    nodes, relationships = sum(result.labels.values()), sum(result.types.values())
    console.print(
        f"Imported {nodes} nodes and {relationships} relationships from {_shown(directory)} into "
        f"{escape(server.home.uri)} in {time.monotonic() - started_at:.0f} s; kg's constraints and indexes "
        "are in place.",
        soft_wrap=True,
    )
    console.print(
        " · ".join(f"{escape(name)} {count}" for name, count in {**result.labels, **result.types}.items()),
        soft_wrap=True,
    )
