"""The project's own Neo4j: settings, the verified driver, the server's life cycle, bulk import, `kg neo4j`."""

from __future__ import annotations

import hashlib
import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from kg.cli import app
from kg.cli.neo4j import NOT_RUNNING_EXIT_CODE, neo4j_app
from kg.store.connection import open_driver
from kg.store.errors import CredentialsRefused, ServerError, StoreUnavailable
from kg.store.home import ServerHome
from kg.store.server import Neo4jServer
from kg.store.settings import Neo4jSettings
from tests.conftest import NEO4J_TEST_ENV, neo4j_test_environment

runner = CliRunner()


def test_settings_take_the_users_own_neo4j_from_the_environment():
    settings = Neo4jSettings.from_environment(
        {
            "NEO4J_URI": "neo4j://db.example:7687",
            "NEO4J_USER": "kg",
            "NEO4J_PASSWORD": "s3cret-pass",
            "NEO4J_DATABASE": "graph",
        }
    )
    assert (settings.uri, settings.user, settings.password, settings.database) == (
        "neo4j://db.example:7687",
        "kg",
        "s3cret-pass",
        "graph",
    )
    assert "s3cret-pass" not in repr(settings)


def test_without_neo4j_uri_settings_point_at_the_projects_server_and_its_password_file(tmp_path):
    home = ServerHome.from_environment({"KG_NEO4J_HOME": str(tmp_path), "KG_NEO4J_BOLT_PORT": "7700"})
    password = home.create_password()
    settings = Neo4jSettings.from_environment({"KG_NEO4J_HOME": str(tmp_path), "KG_NEO4J_BOLT_PORT": "7700"})
    assert (settings.uri, settings.user, settings.password, settings.database) == (
        "bolt://127.0.0.1:7700",
        "neo4j",
        password,
        "neo4j",
    )
    assert settings.password_source == str(tmp_path / "password")
    assert stat.S_IMODE(home.password_file.stat().st_mode) == 0o600


def test_a_port_that_is_not_a_number_is_named():
    with pytest.raises(ServerError, match="KG_NEO4J_BOLT_PORT must be a port number"):
        ServerHome.from_environment({"KG_NEO4J_BOLT_PORT": "bolt"})


def test_a_closed_port_says_which_address_and_to_start_the_server():
    with pytest.raises(StoreUnavailable) as raised:
        open_driver(Neo4jSettings("bolt://127.0.0.1:1", password="whatever-it-is"))
    message = str(raised.value)
    assert "bolt://127.0.0.1:1" in message and "kg neo4j start" in message and "NEO4J_URI" in message


def test_an_address_that_is_not_neo4js_is_named():
    with pytest.raises(StoreUnavailable, match="'localhost:7687' is not a Neo4j address: set NEO4J_URI"):
        open_driver(Neo4jSettings("localhost:7687"))


@pytest.mark.parametrize("uri", ["http://localhost:7474", "https://db.example"])
def test_an_http_address_says_which_schemes_work(uri):
    with pytest.raises(StoreUnavailable) as raised:
        open_driver(Neo4jSettings(uri, password="whatever-it-is"))
    assert str(raised.value) == (
        f"{uri!r} is Neo4j's HTTP address, and kg speaks Bolt: set NEO4J_URI to a bolt://, bolt+s://, bolt+ssc://, "
        "neo4j://, neo4j+s://, neo4j+ssc:// address, e.g. bolt://localhost:7687 (Bolt's default port is 7687; "
        "7474 is HTTP's)"
    )


def test_kg_load_with_an_http_address_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "graph.json").write_text(
        '{"directed": true, "multigraph": true, "graph": {}, "nodes": [], "links": []}', encoding="utf-8"
    )
    result = runner.invoke(app, ["load", str(tmp_path)], env={**NEO4J_TEST_ENV, "NEO4J_URI": "http://localhost:7474"})
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: 'http://localhost:7474' is Neo4j's HTTP address, and kg speaks Bolt")
    assert "Traceback" not in result.output


def test_status_of_a_server_never_started_exits_3(tmp_path):
    result = runner.invoke(app, ["neo4j", "status"], env={**NEO4J_TEST_ENV, "KG_NEO4J_HOME": str(tmp_path)})
    assert result.exit_code == NOT_RUNNING_EXIT_CODE, result.output
    assert result.output.startswith("not running")


@pytest.mark.parametrize("name", sorted(get_command(neo4j_app).commands))
def test_every_neo4j_command_has_help_with_an_example(name):
    result = runner.invoke(app, ["neo4j", name, "--help"])
    assert result.exit_code == 0
    assert "Example: kg neo4j " + name in result.output


@pytest.mark.neo4j
def test_status_after_start_names_the_pid_and_address(neo4j_server: Neo4jServer):
    status = neo4j_server.status()
    assert status.running and status.installed
    assert status.uri == f"bolt://127.0.0.1:{NEO4J_TEST_ENV['KG_NEO4J_BOLT_PORT']}"
    assert status.pid == int(neo4j_server.home.pid_file.read_text())
    assert neo4j_server.install() is False  # installed once, not again


@pytest.mark.neo4j
def test_starting_a_running_server_on_other_ports_says_to_stop_it_first(neo4j_server: Neo4jServer):
    with pytest.raises(ServerError, match="already runs with Bolt on port .* stop it first"):
        Neo4jServer(replace(neo4j_server.home, bolt_port=1)).start()


@pytest.mark.neo4j
def test_a_query_runs_through_open_driver(neo4j_server: Neo4jServer):
    with open_driver(Neo4jSettings.from_environment(neo4j_test_environment())) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one", database_="neo4j")
    assert records[0]["one"] == 1


@pytest.mark.neo4j
def test_a_wrong_password_says_which_address_and_what_to_check(neo4j_server: Neo4jServer):
    with pytest.raises(StoreUnavailable) as raised:
        open_driver(Neo4jSettings(neo4j_server.home.uri, password="not-the-password"))
    assert isinstance(raised.value, CredentialsRefused)
    assert neo4j_server.home.uri in str(raised.value) and "NEO4J_PASSWORD" in str(raised.value)


@pytest.mark.neo4j
def test_kg_neo4j_status_exits_0_while_the_server_runs(neo4j_server: Neo4jServer):
    result = runner.invoke(app, ["neo4j", "status"], env=NEO4J_TEST_ENV)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"running · pid {neo4j_server.status().pid} · {neo4j_server.home.uri}")


@pytest.mark.neo4j
def test_import_full_replaces_the_database_and_restarts_the_server(neo4j_server: Neo4jServer, tmp_path):
    nodes, relationships = tmp_path / "nodes.csv", tmp_path / "relationships.csv"
    nodes.write_text(
        "key:ID,name,:LABEL\nxc,许昌市,Region\nkj,许昌市科技局,Organization\n"
        "qb,许昌市科学技术情报研究所,Organization;Institute\n",
        encoding="utf-8",
    )
    relationships.write_text(":START_ID,:END_ID,:TYPE\nkj,xc,LOCATED_IN\nqb,xc,LOCATED_IN\n", encoding="utf-8")

    report = neo4j_server.import_full([nodes], [relationships])

    assert "IMPORT DONE" in report
    assert neo4j_server.status().running
    with open_driver(Neo4jSettings.for_server(neo4j_server.home)) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (n) OPTIONAL MATCH (n)-[r:LOCATED_IN]->(:Region {name: $region}) "
            "RETURN count(DISTINCT n) AS nodes, count(r) AS located, "
            "count(DISTINCT CASE WHEN n:Institute THEN n END) AS institutes",
            region="许昌市",
            database_="neo4j",
        )
    assert (records[0]["nodes"], records[0]["located"], records[0]["institutes"]) == (3, 2, 1)


def _auth_ini_holds(auth_ini: Path, password: str) -> bool:
    """Whether auth.ini's `neo4j:SHA-256,hash,salt,iterations:` line is `password`'s: the salted SHA-256
    iterated as Neo4j's set-initial-password writes it."""
    _, credential, _ = auth_ini.read_text(encoding="utf-8").strip().split(":")
    algorithm, digest, salt, iterations = credential.split(",")
    assert algorithm == "SHA-256"
    hashed = hashlib.sha256(bytes.fromhex(salt) + password.encode()).digest()
    for _ in range(int(iterations) - 1):
        hashed = hashlib.sha256(hashed).digest()
    return hashed.hex() == digest


@pytest.mark.neo4j
def test_the_initial_password_arrives_whole_off_the_command_line_in_a_private_home(
    neo4j_server: Neo4jServer, tmp_path, monkeypatch
):
    password = '-starts with a dash "quoted" \\back #hash 密码\ttab'
    home = replace(neo4j_server.home, path=tmp_path / "home", password_override=password)
    server = Neo4jServer(home)
    commands = []
    run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda command, **kwargs: commands.append(command) or run(command, **kwargs))
    server._write_conf()
    server._set_password_before_first_start()

    auth_ini = home.path / "data" / "dbms" / "auth.ini"
    assert _auth_ini_holds(auth_ini, password)
    assert not _auth_ini_holds(auth_ini, password[1:])  # the check can tell passwords apart
    assert not any(password in argument or "密码" in argument for command in commands for argument in command)
    assert [path.name for path in home.path.iterdir() if path.suffix == ".args"] == []  # the argument file is gone
    assert stat.S_IMODE(auth_ini.stat().st_mode) == 0o600
    assert stat.S_IMODE(auth_ini.parent.stat().st_mode) == 0o700


@pytest.mark.neo4j
def test_the_running_servers_home_is_its_users_alone(neo4j_server: Neo4jServer):
    home = neo4j_server.home
    for directory in (home.path, home.path / "data", home.path / "data" / "dbms", home.conf_dir, home.logs_dir):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700, directory
    for file in (
        home.path / "data" / "dbms" / "auth.ini",
        home.password_file,
        home.log_file,
        home.console_file,
        home.conf_file,
    ):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    loose = [
        path for path in home.path.rglob("*") if stat.S_IMODE(path.lstat().st_mode) & 0o077 and not path.is_symlink()
    ]
    assert loose == []


def test_generated_passwords_never_begin_with_a_dash(tmp_path):
    home = ServerHome(path=tmp_path, cache=tmp_path / "cache")
    assert all(home.create_password()[0].isalnum() for _ in range(200))
