"""Against the real server: `kg load` carries the measures and the dates, and the trend queries answer on a
corpus of dated issues (the samples, dated by their manifest, and the two issues of tests/dated/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from kg.analytics.timeline import issue_timeline
from kg.analytics.trends import new_in_latest
from kg.cli import app
from kg.config import SAMPLES_DIR
from kg.pipeline import build_graph_from, read_corpus
from kg.store.connection import open_driver
from kg.store.queries import find_query_file, resolve_parameters, run_query
from tests.conftest import neo4j_test_environment

DATED_DIR = Path(__file__).parent / "dated"
runner = CliRunner()
pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def corpus_driver(settings) -> Iterator[Driver]:
    """The test server holding the four dated issues, loaded by `kg load` from the newsletters."""
    result = runner.invoke(
        app, ["load", str(SAMPLES_DIR), str(DATED_DIR), "--wipe", "--yes"], env=neo4j_test_environment()
    )
    assert result.exit_code == 0, result.output
    with open_driver(settings) as driver:
        yield driver


@pytest.fixture(scope="module")
def built():
    return build_graph_from(read_corpus([SAMPLES_DIR, DATED_DIR]).issues).graph.to_networkx()


def _rows(driver: Driver, database: str, name: str, **given: str) -> list[dict]:
    found = find_query_file(name)
    return run_query(driver, database, found.text, resolve_parameters(found.text, given, found.params)).records()


def _pick(rows: list[dict], *columns: str) -> list[tuple]:
    return [tuple(row[c] for c in columns) for row in rows]


def test_kg_load_stores_every_entity_with_its_measures(corpus_driver, settings, built):
    records, _, _ = corpus_driver.execute_query(
        "MATCH (e:Entity) RETURN e.key AS key, e.pagerank AS pagerank, e.community AS community, "
        "e.degree_partners_with AS partners, e.industries AS industries",
        database_=settings.database,
    )
    stored = {r["key"]: (r["pagerank"], r["community"], r["partners"], r["industries"]) for r in records}
    expected = {
        key: (d["pagerank"], d["community"], d["degree_partners_with"], d["industries"])
        for key, d in built.nodes(data=True)
        if "pagerank" in d
    }
    assert stored == expected
    assert stored["Organization:临澄大学"][2] == 3


def test_kg_load_stores_the_dates_of_issues_articles_and_relations(corpus_driver, settings):
    records, _, _ = corpus_driver.execute_query(
        "MATCH (i:Issue) RETURN i.name AS name, i.date AS date, i.number AS number, i.total_number AS total, "
        "i.dated_by AS dated_by ORDER BY date",
        database_=settings.database,
    )
    assert [tuple(r.values()) for r in records] == [
        ("000_37a592d5b46665a4.txt", "2024-12-16", None, None, "manifest"),
        ("004_d800323ad11d4dac.txt", "2024-12-23", None, None, "manifest"),
        ("linchen_2025_01.txt", "2025-01-06", 1, 37, "masthead"),
        ("2025-01-13_linchen.txt", "2025-01-13", None, None, "file name"),
    ]
    records, _, _ = corpus_driver.execute_query(
        "MATCH (:Organization {name: '江屿科技有限公司'})-[r:PARTNERS_WITH]->(:Organization {name: '临澄大学'}) "
        "RETURN r.date AS date ORDER BY date",
        database_=settings.database,
    )
    assert [r["date"] for r in records] == ["2024-12-30", "2025-01-09"]


def test_partners_since_says_since_when_two_organizations_have_partnered(corpus_driver, settings):
    rows = _rows(corpus_driver, settings.database, "partners_since", org="临澄大学")
    assert _pick(rows, "partner", "since", "last_stated", "articles") == [
        ("江屿科技有限公司", "2024-12-30", "2025-01-09", 2),
        ("云岫机器人有限公司", "2025-01-10", "2025-01-10", 1),
    ]
    assert rows[0]["evidence"] == "江屿科技与临澄大学携手攻关高性能纤维"  # the headline states it first


def test_partnerships_formed_in_a_period_are_those_first_stated_in_it(corpus_driver, settings):
    rows = _rows(corpus_driver, settings.database, "partnerships_formed", since="2025-01-01", until="2025-01-31")
    assert _pick(rows, "since", "organization", "partner", "articles") == [
        ("2025-01-10", "临澄大学", "云岫机器人有限公司", 1)
    ]
    december = _rows(corpus_driver, settings.database, "partnerships_formed", since="2024-12-20", until="2024-12-31")
    assert _pick(december, "since", "organization", "partner", "last_stated") == [
        ("2024-12-30", "临澄大学", "江屿科技有限公司", "2025-01-09")
    ]


def test_rising_entities_compare_the_last_issues_with_those_before(corpus_driver, settings):
    rows = _rows(corpus_driver, settings.database, "rising_entities", window="2", limit="4")
    assert _pick(rows, "entity", "last_n", "n_before", "rise") == [
        ("临澄大学", 9, 0, 9),
        ("江屿科技有限公司", 7, 0, 7),
        ("临澄新材料联合实验室", 3, 0, 3),
        ("临澄智能装备研究院", 3, 0, 3),
    ]


def test_what_is_new_in_the_latest_issue_is_what_kg_analyze_says(corpus_driver, settings, built):
    rows = _rows(corpus_driver, settings.database, "new_in_latest_issue")
    timeline = issue_timeline(built)
    expected = new_in_latest(built, [i.key for i in timeline[:-1]], timeline[-1])
    assert sorted(_pick(rows, "label", "entity")) == sorted((e.label, e.name) for e in expected)
    assert ("Organization", "云岫机器人有限公司") in _pick(rows, "label", "entity")


def test_mentions_per_issue_follow_the_issues_in_date_order(corpus_driver, settings):
    rows = _rows(corpus_driver, settings.database, "mentions_per_issue", entity="临澄大学")
    assert _pick(rows, "date", "number", "mentions") == [
        ("2024-12-16", None, 0),
        ("2024-12-23", None, 0),
        ("2025-01-06", 1, 4),
        ("2025-01-13", None, 5),
    ]
