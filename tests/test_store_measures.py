"""Against the real server: loading issue by issue ends with the measures of loading them all at once."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.pipeline import build_graph_from
from kg.store.connection import open_driver
from kg.store.settings import Neo4jSettings
from tests.conftest import SAMPLE_000, SAMPLE_004, neo4j_test_environment

runner = CliRunner()
pytestmark = pytest.mark.neo4j

_MEASURES = (
    "MATCH (e:Entity) RETURN e.key AS key, e.pagerank AS pagerank, e.betweenness AS betweenness, "
    "e.community AS community, e.communities_joined AS joined, e.mentions AS mentions, "
    "e.industry AS industry, e.degree_holds_position AS held"
)


def test_a_second_load_measures_the_whole_store_again(neo4j_server, issue_000, issue_004):
    settings = Neo4jSettings.for_server(neo4j_server.home)
    env = neo4j_test_environment()
    first = runner.invoke(app, ["load", str(SAMPLE_000), "--wipe", "--yes"], env=env)
    assert first.exit_code == 0, first.output
    assert "computed again" not in first.output  # the store holds just this load: its measures are right
    second = runner.invoke(app, ["load", str(SAMPLE_004)], env=env)
    assert second.exit_code == 0, second.output
    assert "The store held more than this load: the measures of all its 131 entities were computed again" in (
        " ".join(second.stderr.split())
    )
    with open_driver(settings) as driver:
        records, _, _ = driver.execute_query(_MEASURES, database_=settings.database)
    stored = {r["key"]: tuple(r.values())[1:] for r in records}
    whole = build_graph_from([issue_000, issue_004]).graph
    expected = {
        key: (
            d["pagerank"],
            d["betweenness"],
            d["community"],
            d["communities_joined"],
            d["mentions"],
            d.get("industry"),
            d["degree_holds_position"],
        )
        for key, d in whole.nodes()
        if "pagerank" in d
    }
    assert stored == expected
    # 浙江省 is named in both issues: its mentions are those of both, not of the last load
    assert stored["Region:浙江省"][4] == 10
