"""Dates: an issue's from its masthead, --date, a manifest or its file name; an article's from its dateline;
a relation's from its article.  Texts are short newsletters written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.graph.knowledge import KnowledgeGraph
from kg.ingest.dates import IssueDating, article_dating, file_name_dating, issue_dating, masthead_dating
from kg.ingest.reader import parse_issue, read_issue
from kg.pipeline import extract_records, read_corpus
from tests.conftest import SAMPLE_000

DATED_DIR = Path(__file__).parent / "dated"
runner = CliRunner()

MASTHEAD_ISSUE = (
    "临澄科技情报\n2025年第4期（总第40期）\n临澄市科学技术信息研究中心编印　　2025年4月18日\n"
    " ●行业动态\n\n江屿科技与临澄大学签署合作协议\n"
    "3月28日，江屿科技有限公司与临澄大学签署合作协议。双方将共建联合实验室。\n\n"
    "临澄市发布机器人产业规划\n近日，临澄市发布机器人产业规划。规划提出建设三个产业园。\n\n"
    "北岚市机器人企业营收增长两成\n本报讯 北岚精工有限公司等二十家机器人企业营业收入同比增长两成。\n"
)
UNDATED_ISSUE = " ●行业动态\n\n江屿科技与临澄大学签署合作协议\n3月28日，江屿科技有限公司与临澄大学签署合作协议。\n"
D = dt.date


def test_a_masthead_gives_the_issue_its_date_and_numbers():
    issue = parse_issue(MASTHEAD_ISSUE, Path("临澄科技情报.txt"))
    assert (issue.date, issue.number, issue.total_number, issue.dated_by) == (D(2025, 4, 18), 4, 40, "masthead")
    assert [a.title for a in issue.articles][0] == "江屿科技与临澄大学签署合作协议"  # the masthead is no article


def test_a_masthead_number_in_chinese_numerals_is_read():
    assert masthead_dating("临澄科技情报\n2025年第十二期（总第四十八期）") == IssueDating(None, 12, 48, 2025, None)


def test_datelines_take_the_issue_year_and_recent_words_the_issue_date():
    issue = parse_issue(MASTHEAD_ISSUE, Path("临澄科技情报.txt"))
    assert [(a.date, a.dated_by) for a in issue.articles] == [
        (D(2025, 3, 28), "dateline"),
        (D(2025, 4, 18), "recent"),
        (D(2025, 4, 18), "issue"),
    ]


def test_a_dateline_of_december_in_an_issue_of_january_is_last_year():
    dating = IssueDating(D(2025, 1, 6), year=2025)
    assert article_dating(["12月30日，江屿科技有限公司与临澄大学签署合作协议。"], dating) == (
        D(2024, 12, 30),
        "dateline",
    )
    assert article_dating(["1月9日，双方续签协议。"], dating) == (D(2025, 1, 9), "dateline")
    assert article_dating(["2023年12月30日，双方首次签约。"], dating) == (D(2023, 12, 30), "dateline")


def test_a_month_alone_is_a_period_and_a_date_beyond_the_lead_is_no_dateline():
    dating = IssueDating(D(2025, 4, 18), year=2025)
    lead = [
        "2024年1月至10月，临澄市产值增长5%。",
        "这组数据来自报告。",
        "报告由临澄大学编制。",
        "报告共五章。",
        "3月2日，报告在临澄市发布。",
    ]
    assert article_dating(lead, dating) == (D(2025, 4, 18), "issue")
    assert article_dating(lead[:1] + lead[4:], dating) == (D(2025, 3, 2), "dateline")


def test_the_date_the_user_gives_dates_an_issue_without_a_masthead_but_never_overrides_one():
    undated = parse_issue(UNDATED_ISSUE, Path("x.txt"), date=D(2025, 4, 2))
    assert (undated.date, undated.dated_by) == (D(2025, 4, 2), "--date")
    assert undated.articles[0].date == D(2025, 3, 28)
    printed = parse_issue(MASTHEAD_ISSUE, Path("x.txt"), date=D(2025, 4, 2))
    assert (printed.date, printed.dated_by) == (D(2025, 4, 18), "masthead")


def test_a_masthead_without_a_day_keeps_its_number_and_takes_the_date_from_the_user():
    dating = issue_dating("临澄科技情报\n2025年第4期", Path("x.txt"), D(2025, 4, 20))
    assert (dating.date, dating.number, dating.dated_by) == (D(2025, 4, 20), 4, "--date")


@pytest.mark.parametrize(
    ("name", "date", "number"),
    [
        ("xcqb-2025-04-18.txt", D(2025, 4, 18), None),
        ("20250418.txt", D(2025, 4, 18), None),
        ("快递2025年4月18日.txt", D(2025, 4, 18), None),
        ("许昌竞争情报快递2025年第4期.txt", None, 4),
        ("000_37a592d5b46665a4.txt", None, None),
        ("20251341.txt", None, None),
    ],
)
def test_a_file_name_may_carry_the_date_or_number(name, date, number):
    dating = file_name_dating(name)
    assert (dating.date, dating.number) == (date, number)


def test_the_samples_are_dated_by_their_manifest_and_their_articles_by_datelines(issue_000, issue_004):
    assert (issue_000.date, issue_000.dated_by, issue_000.number) == (D(2024, 12, 16), "manifest", None)
    assert (issue_004.date, issue_004.dated_by) == (D(2024, 12, 23), "manifest")
    assert [(a.date, a.dated_by) for a in issue_000.articles] == [
        (D(2024, 12, 16), "issue"),
        (D(2024, 12, 12), "dateline"),
        (D(2024, 12, 16), "issue"),
        (D(2024, 12, 12), "dateline"),
        (D(2024, 12, 14), "dateline"),
    ]
    assert [(a.date, a.dated_by) for a in issue_004.articles] == [
        (D(2024, 12, 23), "issue"),
        (D(2024, 12, 23), "recent"),
        (D(2024, 12, 13), "dateline"),
        (D(2024, 12, 23), "issue"),
        (D(2024, 12, 23), "issue"),
    ]


def test_a_manifest_dates_the_files_it_names_in_its_folder(tmp_path):
    (tmp_path / "a.txt").write_text(UNDATED_ISSUE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(UNDATED_ISSUE.replace("3月28日", "3月29日"), encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(
        "issues:\n  a.txt: {date: 2025-04-02, number: 3, total_number: 39}\n", encoding="utf-8"
    )
    a, b = read_issue(tmp_path / "a.txt"), read_issue(tmp_path / "b.txt")
    assert (a.date, a.number, a.total_number, a.dated_by) == (D(2025, 4, 2), 3, 39, "manifest")
    assert (b.date, b.dated_by) == (None, None)
    assert [(x.date, x.dated_by) for x in b.articles] == [(None, None)]  # no year to put 3月29日 in


def test_a_bad_manifest_is_named_with_the_issue_and_the_key(tmp_path):
    (tmp_path / "a.txt").write_text(UNDATED_ISSUE, encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text("issues:\n  a.txt: {date: 2025-04-02, numbr: 3}\n", encoding="utf-8")
    corpus = read_corpus([tmp_path])
    assert corpus.issues == []
    assert [str(e) for e in corpus.errors] == [
        f"{tmp_path / 'a.txt'}: {tmp_path / 'manifest.yaml'}: issue a.txt: unknown key 'numbr'; "
        "the keys are date, note, number, total_number"
    ]
    (tmp_path / "manifest.yaml").write_text("issues:\n  a.txt: {date: 2025-02-30}\n", encoding="utf-8")
    result = runner.invoke(app, ["split", str(tmp_path)])
    assert result.exit_code == 1
    assert "issue a.txt: date '2025-02-30' is not a date written YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


def test_kg_split_prints_the_issue_date_and_where_it_came_from():
    result = runner.invoke(app, ["split", str(DATED_DIR)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "articles · 2025-01-06 (masthead) · 第1期 · 总第37期" in flat
    assert "articles · 2025-01-13 (file name)" in flat
    given = runner.invoke(app, ["split", str(SAMPLE_000), "--date", "2024-12-20"])
    assert "articles · 2024-12-20 (--date)" in " ".join(given.output.split())  # the user's word before the manifest's
    assert "articles · undated" in " ".join(runner.invoke(app, ["split", "tests/unseen/issue_a.txt"]).output.split())


@pytest.fixture(scope="module")
def dated_records() -> list[dict]:
    return list(extract_records(read_corpus([DATED_DIR]).issues))


def test_records_carry_the_dates_of_issue_and_article(dated_records):
    first = next(r for r in dated_records if r["source"] == "linchen_2025_01.txt")
    assert {
        k: first[k] for k in ("issue_date", "issue_number", "issue_total_number", "issue_dated_by", "date", "dated_by")
    } == {
        "issue_date": "2025-01-06",
        "issue_number": 1,
        "issue_total_number": 37,
        "issue_dated_by": "masthead",
        "date": "2024-12-30",
        "dated_by": "dateline",
    }
    later = next(r for r in dated_records if r["source"] == "2025-01-13_linchen.txt")
    assert (later["issue_date"], later["issue_number"], later["issue_dated_by"]) == ("2025-01-13", None, "file name")


def test_issue_and_article_nodes_and_relations_keep_their_dates(dated_records):
    graph = KnowledgeGraph.from_records(dated_records).to_networkx()
    issues = {
        d["name"]: (d.get("date"), d.get("number"), d.get("total_number"), d.get("dated_by"))
        for _, d in graph.nodes(data=True)
        if d["label"] == "Issue"
    }
    assert issues == {
        "linchen_2025_01.txt": ("2025-01-06", 1, 37, "masthead"),
        "2025-01-13_linchen.txt": ("2025-01-13", None, None, "file name"),
    }
    partnered = sorted(
        d["date"]
        for s, t, d in graph.edges(data=True)
        if d["type"] == "PARTNERS_WITH" and (s, t) == ("Organization:江屿科技有限公司", "Organization:临澄大学")
    )
    assert partnered == ["2024-12-30", "2025-01-09"]
    assert {d["title"]: d["date"] for _, d in graph.nodes(data=True) if d["label"] == "Article"} == {
        "江屿科技与临澄大学携手攻关高性能纤维": "2024-12-30",
        "临澄市出台低空经济发展行动方案": "2025-01-06",
        "江屿科技与临澄大学续签合作协议": "2025-01-09",
        "云岫机器人与临澄大学签约共建智能装备研究院": "2025-01-10",
        "北岚市机器人产业规模持续扩大": "2025-01-13",
    }


def test_the_mastheads_of_the_issues_written_blind_date_them():
    """tests/unseen/issue_c … issue_f were written by others, mastheads included (indented, on separate lines)."""
    issues = read_corpus([Path(__file__).parent / "unseen"]).issues
    assert {i.path.name: (i.date, i.number, i.total_number, i.dated_by) for i in issues} == {
        "issue_a.txt": (None, None, None, None),
        "issue_b.txt": (None, None, None, None),
        "issue_c.txt": (D(2025, 3, 10), 3, 58, "masthead"),
        "issue_d.txt": (D(2025, 4, 15), 4, 59, "masthead"),
        "issue_e.txt": (D(2025, 4, 18), 4, 40, "masthead"),
        "issue_f.txt": (D(2025, 5, 16), 5, 41, "masthead"),
    }
