"""Neo4j Browser, installed with the server from Maven Central and served at /browser/."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.neo4j import NOT_RUNNING_EXIT_CODE
from kg.store.server import Neo4jServer
from tests.conftest import NEO4J_TEST_ENV

runner = CliRunner()
CHROMIUM = Path("/usr/bin/chromium")


def _fetch_once_http_answers(url: str, timeout: float = 60.0) -> tuple[int, str]:
    """The status and text of `url`: the server's HTTP side opens a few seconds after Bolt, which `start` waits for."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_kg_neo4j_browser_names_the_address_and_the_password_file_and_exits_3_when_stopped(tmp_path):
    result = runner.invoke(
        app, ["neo4j", "browser"], env={**NEO4J_TEST_ENV, "KG_NEO4J_HOME": str(tmp_path), "KG_NEO4J_HTTP_PORT": "17474"}
    )
    assert result.exit_code == NOT_RUNNING_EXIT_CODE
    assert result.stdout.splitlines()[0] == "Neo4j Browser: http://127.0.0.1:17474/browser/"
    assert f"password in {tmp_path / 'password'} or NEO4J_PASSWORD" in result.stdout.replace("\n", "")
    assert result.stderr == "The server is not running: start it with `kg neo4j start`.\n"


@pytest.mark.neo4j
def test_the_server_serves_neo4j_browser(neo4j_server: Neo4jServer):
    result = runner.invoke(app, ["neo4j", "browser"], env=NEO4J_TEST_ENV)
    assert result.exit_code == 0, result.output
    url = result.stdout.splitlines()[0].removeprefix("Neo4j Browser: ")
    assert url == f"http://127.0.0.1:{NEO4J_TEST_ENV['KG_NEO4J_HTTP_PORT']}/browser/"
    status, page = _fetch_once_http_answers(url)
    assert status == 200 and "<title>Neo4j Browser</title>" in page


@pytest.mark.neo4j
def test_neo4j_browser_in_chromium_connects_with_the_projects_password(neo4j_server: Neo4jServer):
    home = neo4j_server.home
    _fetch_once_http_answers(home.browser_url)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(home.browser_url)
        page.fill("[data-testid=boltaddress]", f"bolt://127.0.0.1:{home.bolt_port}")
        page.fill("[data-testid=username]", "neo4j")
        page.fill("[data-testid=password]", home.password())
        page.click("[data-testid=connect]")
        page.wait_for_selector("text=You are connected as user", timeout=30_000)
        browser.close()
