"""Shared fixtures: the sample issues, the gold annotation and the test Neo4j server."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.config import SAMPLES_DIR
from kg.ingest.reader import read_issue
from kg.models import Issue
from kg.store.connection import open_driver
from kg.store.errors import ServerError, StoreUnavailable
from kg.store.home import ServerHome
from kg.store.server import Neo4jServer
from kg.store.settings import Neo4jSettings
from kg.store.writer import wipe_graph

GOLD_DIR = Path(__file__).parent / "gold"
SAMPLE_000 = SAMPLES_DIR / "000_37a592d5b46665a4.txt"
SAMPLE_004 = SAMPLES_DIR / "004_d800323ad11d4dac.txt"

CHECKOUT = Path(__file__).resolve().parent.parent


def _test_bolt_port() -> int:
    """An even port in 20000–31998 of this checkout's own; HTTP takes the next.

    Fixed ports clash when two checkouts on one machine run their tests at
    once; below 32768 the kernel does not hand them out to outgoing connections.
    """
    digest = hashlib.sha256(str(CHECKOUT).encode()).digest()
    return 20000 + int.from_bytes(digest[:4], "big") % 6000 * 2


# The tests' own server: a home and ports apart from the project's server
# (.neo4j, 7687) and from a Neo4j of the user's, whose data the import test
# would otherwise replace.  None removes a variable (CliRunner's convention).
NEO4J_TEST_ENV: dict[str, str | None] = {
    "KG_NEO4J_HOME": str(CHECKOUT / ".neo4j" / "test"),
    "KG_NEO4J_BOLT_PORT": str(_test_bolt_port()),
    "KG_NEO4J_HTTP_PORT": str(_test_bolt_port() + 1),
    "NEO4J_URI": None,
    "NEO4J_USER": None,
    "NEO4J_PASSWORD": None,
    "NEO4J_DATABASE": None,
}


def neo4j_test_environment() -> dict[str, str]:
    """os.environ as the test server's commands see it."""
    merged = {**os.environ, **NEO4J_TEST_ENV}
    return {name: value for name, value in merged.items() if value is not None}


@pytest.fixture(scope="session")
def gold_000() -> dict:
    return json.loads((GOLD_DIR / "000_37a592d5b46665a4.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def issue_000() -> Issue:
    return read_issue(SAMPLE_000)


@pytest.fixture(scope="session")
def issue_004() -> Issue:
    return read_issue(SAMPLE_004)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    """The test server, installed and started once per run (or reused if running), stopped at the end.

    A server that cannot be installed or started fails the tests that need
    it; it never skips them.
    """
    server = Neo4jServer(ServerHome.from_environment(neo4j_test_environment()))
    failure = None
    try:
        server.start()
    except (ServerError, StoreUnavailable) as error:
        failure = f"the Neo4j test server could not start: {error}"
    if failure:
        pytest.fail(failure, pytrace=False)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def settings(neo4j_server) -> Neo4jSettings:
    """How the tests' driver reaches the test server."""
    return Neo4jSettings.for_server(neo4j_server.home)


@pytest.fixture
def driver(settings):
    """A driver to the test server, its graph wiped first."""
    with open_driver(settings) as driver:
        wipe_graph(driver, settings.database)
        yield driver
