"""The query library: headers parse, values convert, and every file in
queries/ answers its question on the loaded samples with the rows we expect;
`kg query` prints them as a table, JSON or CSV and fails clearly."""

from __future__ import annotations

import csv
import http.server
import io
import json
import threading
from collections.abc import Iterator

import pytest
from neo4j import Driver
from neo4j.exceptions import ClientError
from typer.testing import CliRunner

from kg.cli import app
from kg.config import QUERIES_DIR
from kg.pipeline import build_graph_from
from kg.store.connection import open_driver
from kg.store.queries import (
    MissingParameter,
    QueryParameter,
    UnknownParameter,
    UnknownQuery,
    WriteRefused,
    find_query_file,
    list_query_files,
    parse_value,
    read_query_file,
    resolve_parameters,
    run_query,
    statement_parameters,
)
from kg.store.writer import load_graph, wipe_graph
from tests.conftest import neo4j_test_environment

runner = CliRunner()


# --- headers and parameters: no server needed ---------------------------------------------------------------------


def test_a_header_gives_questions_and_parameters_with_examples(tmp_path):
    path = tmp_path / "people.cypher"
    path.write_text(
        "// question: 某机构的人员 / People of an organization\n"
        "// param org: 浙江省科技厅 (the organization's name)\n"
        "// param limit: 5\n"
        "// param note:\n"
        "MATCH (p:Person) RETURN p // param ignored: x\n",
        encoding="utf-8",
    )
    found = read_query_file(path)
    assert (found.name, found.questions) == ("people", ["某机构的人员 / People of an organization"])
    assert found.params == [
        QueryParameter("org", "浙江省科技厅", "the organization's name"),
        QueryParameter("limit", "5", ""),
        QueryParameter("note", None, ""),
    ]


def test_every_shipped_file_has_a_bilingual_question_and_an_example_for_each_parameter():
    files = list_query_files()
    assert len(files) >= 15
    for found in files:
        assert found.questions, found.name
        assert any("\u4e00" <= c <= "\u9fff" for c in found.question) and " / " in found.question, found.name
        declared = {p.name for p in found.params}
        assert set(statement_parameters(found.text)) <= declared, found.name
        assert all(p.example is not None for p in found.params), found.name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5", 5),
        ("-3", -3),
        ("0.5", 0.5),
        ("true", True),
        ("False", False),
        ("浙江省科技厅", "浙江省科技厅"),
        ("5a", "5a"),
        ("", ""),
    ],
)
def test_parameter_text_becomes_a_number_or_boolean_when_it_reads_as_one(text, value):
    assert parse_value(text) == value and type(parse_value(text)) is type(value)


def test_given_values_win_over_examples_and_a_parameter_with_neither_is_named():
    declared = [QueryParameter("org", "浙江省科技厅"), QueryParameter("limit", "10")]
    text = "MATCH (o {name: $org}) RETURN o LIMIT $limit"
    assert resolve_parameters(text, {"limit": "3"}, declared) == {"org": "浙江省科技厅", "limit": 3}
    with pytest.raises(MissingParameter, match="'who'.*--param who=VALUE"):
        resolve_parameters("MATCH (p {name: $who}) RETURN p", {}, [])


def test_placeholders_inside_strings_and_comments_are_not_parameters():
    assert statement_parameters("// uses $nothing\nRETURN '$not', \"$no\", $yes, $yes") == ["yes"]


def test_a_query_is_found_by_name_with_or_without_suffix_or_by_path():
    assert find_query_file("people_positions").path == QUERIES_DIR / "people_positions.cypher"
    assert find_query_file("people_positions.cypher").name == "people_positions"
    assert find_query_file(str(QUERIES_DIR / "orphans.cypher")).name == "orphans"
    with pytest.raises(UnknownQuery, match="no query 'nonesuch'.*people_positions"):
        find_query_file("nonesuch")


def test_list_shows_every_file_with_its_question():
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0, result.output
    for found in list_query_files():
        assert found.name in result.output
    assert "People holding positions in an organization" in result.output


def test_a_missing_parameter_is_a_clear_error_before_any_connection():
    result = runner.invoke(
        app,
        ["query", "--cypher", "MATCH (p:Person {name: $who}) RETURN p.name"],
        env={**neo4j_test_environment(), "NEO4J_URI": "bolt://127.0.0.1:1"},
    )
    assert result.exit_code == 1
    assert "parameter 'who' has no value and no example" in result.output and "Traceback" not in result.output


def test_a_misspelt_parameter_is_an_error_listing_the_accepted_ones_before_any_connection():
    declared = [QueryParameter("org", "浙江省科技厅")]
    with pytest.raises(UnknownParameter, match="unknown parameter 'organisation': it accepts only org"):
        resolve_parameters("MATCH (o {name: $org}) RETURN o", {"organisation": "北京大学"}, declared)
    with pytest.raises(UnknownParameter, match="'x': it takes no parameters"):
        resolve_parameters("RETURN 1", {"x": "1"})
    env = {**neo4j_test_environment(), "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "whatever"}
    result = runner.invoke(app, ["query", "people_positions", "-p", "organisation=北京大学"], env=env)
    assert result.exit_code == 1, result.output
    assert "unknown parameter 'organisation': it accepts only org" in result.output
    assert "no Neo4j answers" not in result.output and "Traceback" not in result.output


def test_excel_output_is_csv_and_says_so_when_asked_for_json():
    result = runner.invoke(app, ["query", "people_positions", "--excel", "--format", "json"])
    assert result.exit_code == 1 and "--excel writes CSV" in result.output


def test_organization_queries_say_in_their_header_that_they_include_sub_units():
    taking_an_org = [found for found in list_query_files() if any(p.name == "org" for p in found.params)]
    assert {found.name for found in taking_an_org} >= {"people_positions", "partnership_network"}
    for found in taking_an_org:
        assert "下属单位" in found.question and "sub-units (PART_OF" in found.question, found.name
        assert ":PART_OF*0.." in found.text, found.name


def test_an_unknown_query_name_is_named():
    result = runner.invoke(app, ["query", "nonesuch"])
    assert result.exit_code == 1 and "no query 'nonesuch'" in result.output


# --- against the real server ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples_driver(settings, issue_000, issue_004) -> Iterator[Driver]:
    """The test server holding exactly the two sample issues."""
    with open_driver(settings) as driver:
        wipe_graph(driver, settings.database)
        load_graph(driver, build_graph_from([issue_000, issue_004]).graph, settings.database)
        yield driver


def _rows(driver: Driver, database: str, name: str, **given: str) -> list[dict]:
    found = find_query_file(name)
    return run_query(driver, database, found.text, resolve_parameters(found.text, given, found.params)).records()


def _pick(rows: list[dict], *columns: str) -> list[tuple]:
    return [tuple(row[c] for c in columns) for row in rows]


# What each file returns on the samples: a check on its rows.
EXPECTED = {
    "people_positions": lambda rows: (
        _pick(rows, "person", "title", "organization") == [("高鹰忠", "厅长", "浙江省科技厅")]
    ),
    "program_runners": lambda rows: (
        ("浙江省科创母基金", ["浙江省科技厅", "浙江省财政厅", "浙江省金融控股有限公司"])
        in [(r["program"], sorted(r["runners"])) for r in rows]
    ),
    "document_publishers": lambda rows: (
        set(_pick(rows, "document", "publisher"))
        == {
            ("《2024浙江省高新技术产业发展报告》", "浙江省科技信息研究院"),
            ("《2024浙江省高新技术产业发展报告》", "浙江省高新技术企业协会"),
            ("《中国区域科技创新评价报告2023》", "中国科学技术发展战略研究院"),
        }
    ),
    "entity_neighbourhood": lambda rows: (
        {
            ("HOLDS_POSITION", "in", "高鹰忠"),
            ("RUNS", "out", "浙江省科创母基金"),
            ("PARTNERS_WITH", "out", "浙江省财政厅"),
        }
        <= set(_pick(rows, "relation", "direction", "other"))
        and all(r["evidence"] for r in rows)
    ),
    "organizations_in_region": lambda rows: (
        {"唐山高新区管委会", "唐山高新区行政审批局", "河北鹰眼智能科技有限公司"} <= {r["organization"] for r in rows}
        and not any("浙江" in r["organization"] for r in rows)
    ),
    "partnership_network": lambda rows: (
        _pick(rows, "partner", "steps") == [("浙江省财政厅", 1), ("浙江省金融控股有限公司", 1)]
    ),
    "strongest_cooccurrences": lambda rows: (
        _pick(rows[:2], "a", "b", "sentences")
        == [("助企行", "深圳市", 5), ("北京大学", "豆包大模型系统软件联合实验室", 4)]
        and len(rows) == 10
    ),
    "shortest_connection": lambda rows: (
        _pick(rows, "chain", "relations")
        == [(["高鹰忠", "浙江省科技厅", "浙江省金融控股有限公司"], ["HOLDS_POSITION", "PARTNERS_WITH"])]
    ),
    "articles_mentioning_both": lambda rows: (
        _pick(rows, "article", "title") == [("4da0b16879e72d23-003", "校企合作解决大模型发展中的“真问题”")]
    ),
    "industries_by_region": lambda rows: (
        {("唐山市", "机器人"), ("浙江省", "科技金融"), ("中国", "航空航天")} <= set(_pick(rows, "region", "industry"))
    ),
    "organizations_per_industry": lambda rows: (
        ("科技金融", "浙江省科技厅", 5) in _pick(rows, "industry", "organization", "relations")
        and ("航空航天", "中国航空学会", 2) in _pick(rows, "industry", "organization", "relations")
    ),
    "entities_in_most_issues": lambda rows: (
        all(r["issues"] == 2 for r in rows) and {"浙江省", "许昌市"} <= {r["entity"] for r in rows}
    ),
    "new_in_latest_issue": lambda rows: (
        {("Person", "玄兆辉"), ("Organization", "中国航空学会"), ("Region", "深圳市")}
        <= set(_pick(rows, "label", "entity"))
        and "浙江省" not in {r["entity"] for r in rows}
    ),
    "orphans": lambda rows: (
        ("Industry", "发制品", "no relationships") in _pick(rows, "label", "name", "problem")
        and {r["label"] for r in rows} == {"Industry"}
    ),
    "duplicate_names": lambda rows: rows == [],
    "articles_about_industry": lambda rows: (
        {(r["article"], r["industry"]) for r in rows}
        == {
            ("4da0b16879e72d23-003", "新一代信息技术"),
            ("4da0b16879e72d23-003", "人工智能"),
            ("4da0b16879e72d23-003", "集成电路"),  # its GPU chips
            ("61f4da144f9f7164-004", "人工智能"),
            ("61f4da144f9f7164-004", "新一代信息技术"),
        }
    ),
    "issue_contents": lambda rows: (
        _pick(rows[:2], "position", "title") == [(0, "编者的话"), (1, "锻造新质生产力发展主力军")]
    ),
    # The measures of kg.analytics, as `kg analyze` ranks them (tests/test_analytics.py).
    "top_organizations": lambda rows: (
        _pick(rows[:3], "organization", "pagerank", "community")
        == [("杭州科百特过滤器材有限公司", 0.0189791, 0), ("浙江省科技厅", 0.0189634, 6), ("北京大学", 0.0181561, 4)]
        and len(rows) == 10
    ),
    "community_members": lambda rows: (
        [r["member"] for r in rows][:3] == ["北京大学", "北京大学计算机学院", "北京大学科技开发部"]
        and len(rows) == 9
        and {r["community"] for r in rows} == {4}
    ),
    "brokers": lambda rows: (
        _pick(rows[:2], "broker", "communities", "industries")
        == [("浙江省科技厅", 2, 1), ("《中国区域科技创新评价报告2023》", 4, 3)]
        and "Region" not in {r["label"] for r in rows}
    ),
    # Time: the samples are dated by data/samples/manifest.yaml, their articles by their datelines.
    "mentions_per_issue": lambda rows: (
        _pick(rows, "date", "issue", "mentions")
        == [("2024-12-16", "000_37a592d5b46665a4.txt", 7), ("2024-12-23", "004_d800323ad11d4dac.txt", 3)]
    ),
    "rising_entities": lambda rows: (
        _pick(rows[:3], "entity", "last_n", "n_before")
        == [("深圳市", 11, 0), ("《中国区域科技创新评价报告2023》", 7, 0), ("中国航空创新创业大赛", 6, 0)]
    ),
    "partnerships_formed": lambda rows: (
        _pick(rows, "since", "organization", "partner")
        == [
            ("2024-12-12", "北京大学", "字节跳动"),
            ("2024-12-12", "杭州科百特过滤器材有限公司", "浙江工业大学"),
            ("2024-12-12", "浙江省科技信息研究院", "浙江省高新技术企业协会"),
            ("2024-12-12", "浙江省科技厅", "浙江省财政厅"),
            ("2024-12-12", "浙江省科技厅", "浙江省金融控股有限公司"),
            ("2024-12-12", "浙江省财政厅", "浙江省金融控股有限公司"),
        ]
    ),
    "partners_since": lambda rows: (
        _pick(rows, "partner", "since", "articles")
        == [("浙江省财政厅", "2024-12-12", 1), ("浙江省金融控股有限公司", "2024-12-12", 1)]
    ),
}


def test_every_query_file_has_an_expectation():
    assert {found.name for found in list_query_files()} == set(EXPECTED)


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_query_file_returns_the_rows_we_expect_on_the_samples(samples_driver, settings, name):
    rows = _rows(samples_driver, settings.database, name)
    assert EXPECTED[name](rows), rows


@pytest.mark.neo4j
def test_a_parameter_overrides_the_example(samples_driver, settings):
    rows = _rows(samples_driver, settings.database, "people_positions", org="中国航空学会")
    assert sorted(_pick(rows, "person", "title")) == [("周竞赛", "执行秘书长"), ("林左鸣", "理事长")]
    assert len(_rows(samples_driver, settings.database, "strongest_cooccurrences", limit="3")) == 3
    older = _rows(samples_driver, settings.database, "new_in_latest_issue", issue="000_37a592d5b46665a4.txt")
    assert ("Person", "高鹰忠") in _pick(older, "label", "entity")


@pytest.mark.neo4j
def test_a_name_shared_by_two_labels_is_a_suspicious_duplicate(samples_driver, settings):
    samples_driver.execute_query(
        "CREATE (:Region:Entity {key: 'Region:浙江省科技厅', name: '浙江省科技厅', aliases: []})",
        database_=settings.database,
    )
    try:
        rows = _rows(samples_driver, settings.database, "duplicate_names")
    finally:
        samples_driver.execute_query(
            "MATCH (r:Region {key: 'Region:浙江省科技厅'}) DELETE r", database_=settings.database
        )
    assert {(r["first"], r["second"]) for r in rows} in (
        {("Organization:浙江省科技厅", "Region:浙江省科技厅")},
        {("Region:浙江省科技厅", "Organization:浙江省科技厅")},
    )
    assert rows[0]["problem"] == "same name"


@pytest.mark.neo4j
def test_kg_query_prints_json_with_a_param_override(samples_driver):
    result = runner.invoke(
        app,
        ["query", "people_positions", "--param", "org=北京大学计算机学院", "--format", "json"],
        env=neo4j_test_environment(),
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sorted((r["person"], r["title"]) for r in rows) == [("刘譞哲", "教授"), ("胡振江", "院长")]


@pytest.mark.neo4j
def test_kg_query_prints_csv_and_a_table(samples_driver):
    env = neo4j_test_environment()
    result = runner.invoke(app, ["query", "people_positions", "--format", "csv"], env=env)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["person", "title", "organization", "evidence"]
    assert rows[1][:3] == ["高鹰忠", "厅长", "浙江省科技厅"]
    table = runner.invoke(app, ["query", "people_positions"], env=env)
    assert table.exit_code == 0 and "高鹰忠" in table.stdout and "厅长" in table.stdout


@pytest.mark.neo4j
def test_kg_query_runs_an_ad_hoc_statement_with_parameters(samples_driver):
    result = runner.invoke(
        app,
        [
            "query",
            "--cypher",
            "MATCH (o:Organization {name: $org})-[:RUNS]->(p) RETURN p.name AS program, $n + 1 AS n",
            "-p",
            "org=浙江省科技厅",
            "-p",
            "n=1",
            "--format",
            "json",
        ],
        env=neo4j_test_environment(),
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"program": "浙江省科创母基金", "n": 2}]


@pytest.mark.neo4j
def test_a_bad_statement_is_one_clear_error(samples_driver):
    result = runner.invoke(app, ["query", "--cypher", "MATCH (n RETURN n"], env=neo4j_test_environment())
    assert result.exit_code == 1
    assert "rejected the query" in result.output and "Traceback" not in result.output


@pytest.mark.neo4j
def test_an_unreachable_server_is_exit_code_2(neo4j_server):
    env = {**neo4j_test_environment(), "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "whatever"}
    result = runner.invoke(app, ["query", "people_positions"], env=env)
    assert result.exit_code == 2
    assert "no Neo4j answers at bolt://127.0.0.1:1" in result.output and "Traceback" not in result.output


# --- queries never change or leak data by accident -----------------------------------------------------------------


def _count(driver: Driver, database: str) -> tuple[int, int]:
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database).records[0]["n"]
    relationships = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n", database_=database).records[0]["n"]
    return nodes, relationships


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "statement",
    [
        "MATCH (n) DETACH DELETE n",
        "CREATE (:Organization {name: '江屿科技有限公司'})",
        "MERGE (o:Organization {name: '江屿科技有限公司'}) RETURN o",
        "MATCH (o:Organization) SET o.name = '临澄市'",
        "CREATE INDEX kg_probe IF NOT EXISTS FOR (n:Organization) ON (n.probe)",
    ],
)
def test_a_write_without_write_is_refused_naming_write_and_changes_nothing(samples_driver, settings, statement):
    before = _count(samples_driver, settings.database)
    result = runner.invoke(app, ["query", "--cypher", statement], env=neo4j_test_environment())
    assert result.exit_code == 1, result.output
    assert "kg query only reads: give --write" in result.output and "Traceback" not in result.output
    assert _count(samples_driver, settings.database) == before
    names = samples_driver.execute_query(
        "SHOW INDEXES YIELD name RETURN collect(name) AS names", database_=settings.database
    ).records[0]["names"]
    assert "kg_probe" not in names


@pytest.mark.neo4j
def test_a_query_file_that_writes_is_refused_too(samples_driver, settings, tmp_path):
    path = tmp_path / "sneaky.cypher"
    path.write_text(
        "// question: 看似只读 / Looks like a read\nMATCH (o:Organization) DETACH DELETE o RETURN 1 AS done\n",
        encoding="utf-8",
    )
    before = _count(samples_driver, settings.database)
    result = runner.invoke(app, ["query", str(path)], env=neo4j_test_environment())
    assert result.exit_code == 1 and "--write" in result.output, result.output
    assert _count(samples_driver, settings.database) == before
    with pytest.raises(WriteRefused, match="nothing was changed"):
        run_query(samples_driver, settings.database, path.read_text(encoding="utf-8"), {})


@pytest.mark.neo4j
def test_write_lets_a_statement_change_the_graph_and_says_what_changed(samples_driver, settings):
    env = neo4j_test_environment()
    before = _count(samples_driver, settings.database)
    created = runner.invoke(
        app,
        [
            "query",
            "--write",
            "--cypher",
            "CREATE (n:KgProbe {name: $name}) RETURN n.name AS name",
            "-p",
            "name=江屿科技有限公司",
        ],
        env=env,
    )
    assert created.exit_code == 0, created.output
    assert "江屿科技有限公司" in created.stdout and "nodes created 1" in created.stderr
    assert _count(samples_driver, settings.database) == (before[0] + 1, before[1])
    # A batched delete needs an auto-commit transaction: --write runs one.
    deleted = runner.invoke(
        app, ["query", "--write", "--cypher", "MATCH (n:KgProbe) CALL (n) { DETACH DELETE n } IN TRANSACTIONS"], env=env
    )
    assert deleted.exit_code == 0, deleted.output
    assert "nodes deleted 1" in deleted.stderr and _count(samples_driver, settings.database) == before


@pytest.fixture
def load_csv_home(neo4j_server) -> Iterator:
    """The test server's import directory holding a small CSV, removed afterwards."""
    path = neo4j_server.home.import_dir / "kg-probe.csv"
    path.write_text("name,city\n江屿科技有限公司,临澄市\n", encoding="utf-8")
    yield neo4j_server.home
    path.unlink()


@pytest.mark.neo4j
def test_load_csv_reads_only_the_import_directory(samples_driver, settings, load_csv_home):
    inside = run_query(
        samples_driver,
        settings.database,
        "LOAD CSV WITH HEADERS FROM 'file:///kg-probe.csv' AS row RETURN row.name AS name, row.city AS city",
        {},
    )
    assert inside.records() == [{"name": "江屿科技有限公司", "city": "临澄市"}]
    secret = load_csv_home.password_file.read_text(encoding="utf-8").strip()
    escapes = [
        "file:///etc/passwd",
        "file:///../password",
        "file:///../../test/password",
        f"file://{load_csv_home.password_file}",
        f"file:///{'../' * 12}etc/passwd",
    ]
    for url in escapes:
        for write in (False, True):  # the server's confinement, not the read transaction
            with pytest.raises(ClientError, match="Cannot load from URL"):
                run_query(
                    samples_driver, settings.database, f"LOAD CSV FROM '{url}' AS row RETURN row", {}, write=write
                )
    result = runner.invoke(
        app, ["query", "--cypher", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"], env=neo4j_test_environment()
    )
    assert result.exit_code == 1 and "root:" not in result.output and secret not in result.output
    assert f"read only files in {load_csv_home.import_dir}" in result.output and "Traceback" not in result.output


@pytest.mark.neo4j
def test_load_csv_fetches_nothing_over_http(samples_driver, settings):
    requests = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write("name\n江屿科技有限公司\n".encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        for url in (f"http://127.0.0.1:{port}/leak.csv", f"http://localhost:{port}/leak.csv"):
            result = runner.invoke(
                app,
                ["query", "--write", "--cypher", f"LOAD CSV FROM '{url}' AS row RETURN row"],
                env=neo4j_test_environment(),
            )
            assert result.exit_code == 1 and "fetch no URL" in result.output, result.output
            assert "江屿科技有限公司" not in result.output
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []


@pytest.mark.neo4j
def test_a_path_in_json_carries_its_nodes_and_relationships(samples_driver):
    statement = (
        "MATCH chain = (p:Person {name: '高鹰忠'})-[:HOLDS_POSITION]->(o:Organization {name: '浙江省科技厅'})"
        "-[:PARTNERS_WITH]-(:Organization {name: '浙江省金融控股有限公司'}) "
        "MATCH backward = (o)<-[:HOLDS_POSITION]-(p) RETURN chain, backward LIMIT 1"
    )
    result = runner.invoke(app, ["query", "--cypher", statement, "--format", "json"], env=neo4j_test_environment())
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    nodes, relationships = row["chain"]["nodes"], row["chain"]["relationships"]
    assert [(n["labels"], n["properties"]["name"]) for n in nodes] == [
        (["Entity", "Person"], "高鹰忠"),
        (["Entity", "Organization"], "浙江省科技厅"),
        (["Entity", "Organization"], "浙江省金融控股有限公司"),
    ]
    assert [r["type"] for r in relationships] == ["HOLDS_POSITION", "PARTNERS_WITH"]
    assert relationships[0]["properties"]["title"] == "厅长"
    assert {"evidence", "article", "start", "end", "basis"} <= set(relationships[1]["properties"])
    ids = [n["element_id"] for n in nodes]
    assert (relationships[0]["start_node"], relationships[0]["end_node"]) == (ids[0], ids[1])
    # Walked against its direction, a relationship still points from the person to the organization.
    back_nodes, [back] = row["backward"]["nodes"], row["backward"]["relationships"]
    assert [n["properties"]["name"] for n in back_nodes] == ["浙江省科技厅", "高鹰忠"]
    assert (back["type"], back["start_node"], back["end_node"]) == ("HOLDS_POSITION", ids[0], ids[1])


@pytest.mark.neo4j
def test_excel_csv_is_utf8_with_a_byte_order_mark_and_crlf(samples_driver):
    result = runner.invoke(app, ["query", "people_positions", "--excel"], env=neo4j_test_environment())
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["person", "title", "organization", "evidence"]
    assert rows[1][:3] == ["高鹰忠", "厅长", "浙江省科技厅"]
    plain = runner.invoke(app, ["query", "people_positions", "--format", "csv"], env=neo4j_test_environment())
    assert not plain.stdout_bytes.startswith(b"\xef\xbb\xbf")


@pytest.mark.neo4j
def test_people_of_an_organization_include_those_of_its_sub_units(samples_driver, settings):
    rows = _rows(samples_driver, settings.database, "people_positions", org="北京大学")
    assert _pick(rows, "person", "title", "organization") == [
        ("刘譞哲", "教授", "北京大学计算机学院"),
        ("胡振江", "院长", "北京大学计算机学院"),
        ("郑如青", "副部长", "北京大学科技开发部"),
    ]


@pytest.mark.neo4j
def test_the_partnership_network_of_an_organization_includes_its_sub_units(samples_driver, settings):
    samples_driver.execute_query(
        "MATCH (unit:Organization {name: '北京大学计算机学院'}) "
        "CREATE (unit)-[:PARTNERS_WITH {evidence: '北京大学计算机学院与江屿科技有限公司签约。'}]->"
        "(:Organization:Entity {key: 'Organization:江屿科技有限公司', name: '江屿科技有限公司', aliases: []})",
        database_=settings.database,
    )
    try:
        rows = _rows(samples_driver, settings.database, "partnership_network", org="北京大学")
    finally:
        samples_driver.execute_query(
            "MATCH (o:Organization {key: 'Organization:江屿科技有限公司'}) DETACH DELETE o", database_=settings.database
        )
    assert _pick(rows, "partner", "steps", "via") == [
        ("字节跳动", 1, ["北京大学", "字节跳动"]),
        ("江屿科技有限公司", 1, ["北京大学计算机学院", "江屿科技有限公司"]),
    ]
