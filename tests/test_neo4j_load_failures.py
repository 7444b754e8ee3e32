"""`kg load` when things go wrong part-way, against the real test server: the server dies, Ctrl-C, two
loads at once, another writer creating a node.  Each is one message saying how far the load got, the
documented exit code, and loading again gives the store one clean load gives."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.export.node_link import write_node_link
from kg.graph.knowledge import KnowledgeGraph
from kg.pipeline import extract_records
from kg.store import writer
from kg.store.connection import open_driver
from kg.store.settings import Neo4jSettings
from kg.store.writer import load_graph, wipe_graph
from tests.bolt_relay import bolt_relay
from tests.conftest import CHECKOUT, neo4j_test_environment
from tests.test_neo4j_load import _snapshot

pytestmark = pytest.mark.neo4j

# Text of the statements that create nodes, and of every relationship statement: the relay acts on them.
_NODES_CREATED = b"CREATE (n:"
_RELATIONSHIPS_BEGIN = b"elementId(a) = row.source_id"
_WAITING = "Another kg load is writing into"
_HANG_GUARD_SECONDS = 60  # a test of a dead server must not itself wait for ever


@pytest.fixture(scope="module")
def graph(issue_000) -> KnowledgeGraph:
    return KnowledgeGraph.from_records(extract_records([issue_000]))


@pytest.fixture(scope="module")
def one_load(neo4j_server, settings, graph) -> dict:
    """The store after one clean load of `graph`."""
    with open_driver(settings) as driver:
        wipe_graph(driver, settings.database)
        load_graph(driver, graph, settings.database)
        return _snapshot(driver, settings.database)


@pytest.fixture(scope="module")
def build_dir(graph, tmp_path_factory) -> Path:
    """A `kg build`-like directory holding the graph, so subprocesses load without extracting."""
    directory = tmp_path_factory.mktemp("build")
    write_node_link(graph, directory / "graph.json")
    return directory


def _kg_load(arguments: list[str], env: dict[str, str]) -> subprocess.Popen:
    kg = Path(sys.executable).with_name("kg")  # the command a user runs, installed beside this Python
    return subprocess.Popen(
        [str(kg), "load", *arguments], env=env, cwd=CHECKOUT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _through(relay, settings: Neo4jSettings) -> dict[str, str]:
    return {**neo4j_test_environment(), "NEO4J_URI": relay.uri, "NEO4J_PASSWORD": settings.password}


def test_a_server_that_dies_mid_load_is_one_message_exit_2_and_loading_again_completes_it(
    neo4j_server, settings, driver, graph, build_dir, one_load
):
    target = ("127.0.0.1", neo4j_server.home.bolt_port)
    with bolt_relay(target, trigger=_RELATIONSHIPS_BEGIN, action="cut") as relay:
        process = _kg_load([str(build_dir), "--workers", "1"], _through(relay, settings))
        out, err = process.communicate(timeout=_HANG_GUARD_SECONDS)
    assert relay.triggered.is_set()
    assert process.returncode == 2, err
    assert "Traceback" not in err
    message = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(message) == 1, err
    assert message[0].startswith(
        f"error: Neo4j at {relay.uri} stopped answering during the load: all 9 node batches and 0 of "
    )
    assert "relationship batches were committed (97 of 308 rows)" in message[0]
    assert "run the same `kg load` again to complete it" in message[0]
    assert err.strip() == message[0]  # the driver's retry lines only with --verbose

    load_graph(driver, graph, settings.database)  # as `kg load` again does
    assert _snapshot(driver, settings.database) == one_load


def test_ctrl_c_mid_load_says_how_far_it_got_exits_130_and_loading_again_completes_it(
    neo4j_server, settings, driver, graph, build_dir, one_load
):
    target = ("127.0.0.1", neo4j_server.home.bolt_port)
    with bolt_relay(target, trigger=_RELATIONSHIPS_BEGIN, action="stall") as relay:
        process = _kg_load([str(build_dir), "--workers", "1"], _through(relay, settings))
        assert relay.triggered.wait(_HANG_GUARD_SECONDS)  # the first relationship batch is on its way
        process.send_signal(signal.SIGINT)
        # The interrupted load waits for the batch in flight; let it through once Python has seen Ctrl-C.
        threading.Timer(1.0, relay.resume).start()
        out, err = process.communicate(timeout=_HANG_GUARD_SECONDS)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    # The batch in flight, and on a loaded machine the next one, commit before Python acts on Ctrl-C.
    stopped = re.fullmatch(
        r"error: interrupted: all 9 node batches and (\d+) of 11 relationship batches were committed "
        r"\((\d+) of 308 rows\); .*",
        err.strip(),
    )
    assert stopped is not None, err
    assert 1 <= int(stopped.group(1)) < 11 and 0 < int(stopped.group(2)) < 308
    assert "run the same `kg load` again to complete it" in err

    load_graph(driver, graph, settings.database)  # as `kg load` again does
    assert _snapshot(driver, settings.database) == one_load


def _stderr_lines(process: subprocess.Popen, lines: list[str]) -> threading.Thread:
    def read() -> None:
        for line in process.stderr:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_a_second_load_waits_for_the_first_and_both_give_one_loads_store(
    neo4j_server, settings, driver, build_dir, one_load
):
    target = ("127.0.0.1", neo4j_server.home.bolt_port)
    with bolt_relay(target, trigger=_NODES_CREATED, action="stall") as relay:
        first = _kg_load([str(build_dir)], _through(relay, settings))
        assert relay.triggered.wait(_HANG_GUARD_SECONDS)  # it has looked up what is stored, and found nothing
        second = _kg_load([str(build_dir)], neo4j_test_environment())
        lines: list[str] = []
        reader = _stderr_lines(second, lines)
        deadline = time.monotonic() + _HANG_GUARD_SECONDS
        while second.poll() is None and not any(_WAITING in line for line in lines):
            assert time.monotonic() < deadline, lines
            time.sleep(0.2)
        relay.resume()
        _, first_err = first.communicate(timeout=_HANG_GUARD_SECONDS)
    second.wait(timeout=_HANG_GUARD_SECONDS)
    reader.join(timeout=_HANG_GUARD_SECONDS)
    assert (first.returncode, second.returncode) == (0, 0), (first_err, lines)
    assert any(line.startswith(f"{_WAITING} {settings.uri} (neo4j); waiting for it to finish") for line in lines)
    assert _snapshot(driver, settings.database) == one_load


def test_a_node_another_writer_creates_after_the_lookup_is_merged_not_doubled(
    settings, driver, graph, one_load, monkeypatch
):
    looked_up = writer.stored_ids
    key, name = "Organization:浙江省科技厅", "浙江省科技厅"

    def another_writer_creates_after_the_lookup(*args, **kwargs):
        ids = looked_up(*args, **kwargs)
        driver.execute_query(
            "CREATE (:Organization:Entity {key: $key, name: $name})", key=key, name=name, database_=settings.database
        )
        return ids

    monkeypatch.setattr(writer, "stored_ids", another_writer_creates_after_the_lookup)
    stats = load_graph(driver, graph, settings.database)
    assert stats.nodes_created == graph.node_count - 1
    assert _snapshot(driver, settings.database) == one_load
