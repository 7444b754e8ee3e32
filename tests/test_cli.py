"""The command line: output, exit codes, help with examples."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from kg.cli import app
from kg.config import SCHEMAS_DIR
from tests.conftest import SAMPLE_000, SAMPLE_004

runner = CliRunner()


def test_split_defaults_to_the_samples_and_lists_titles():
    result = runner.invoke(app, ["split"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for title in ["锻造新质生产力发展主力军", "机器人领航，打造“五大产业集群”", "四大新功能让生成式AI“如虎添翼”"]:
        assert title in result.output
    assert "· 支持企业“出题”“答题”“阅卷”" in result.output
    assert "issue 4da0b16879e72d23 · utf-8 · 3 sections · 5 articles" in result.output


def test_split_marks_an_issue_written_in_traditional_characters(tmp_path):
    import opencc

    path = tmp_path / "traditional.txt"
    path.write_bytes(opencc.OpenCC("s2tw").convert(SAMPLE_000.read_text(encoding="utf-8")).encode("big5hkscs"))
    result = runner.invoke(app, ["split", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "issue 4da0b16879e72d23 · big5hkscs · traditional · 3 sections · 5 articles" in result.output
    assert "锻造新质生产力发展主力军" in result.output


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_writes_one_valid_record_per_article_in_document_order():
    result = runner.invoke(app, ["extract", str(SAMPLE_000), str(SAMPLE_004), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    schema = json.loads((SCHEMAS_DIR / "article.schema.json").read_text(encoding="utf-8"))
    for record in records:
        jsonschema.validate(record, schema)
    assert [r["article"] for r in records[:3]] == ["4da0b16879e72d23-000", "4da0b16879e72d23-001", "4da0b16879e72d23-002"]
    assert records[1]["title"] == "锻造新质生产力发展主力军"
    assert records[1]["text"].startswith("锻造新质生产力发展主力军\n2024年1月至10月")
    assert len(records) == 10


def test_extract_to_file_is_stable_across_runs(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for target in (first, second):
        result = runner.invoke(app, ["extract", "data/samples", "-o", str(target)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert len(_records(first.read_text(encoding="utf-8"))) == 10


def test_a_bad_file_is_named_exit_code_is_1_and_good_files_are_still_written(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_bytes(SAMPLE_004.read_bytes())
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "empty.txt: the file is empty" in result.stderr
    assert {r["source"] for r in _records(result.stdout)} == {"good.txt"}


@pytest.mark.parametrize("name", sorted(get_command(app).commands))
def test_every_command_has_help_with_an_example(name):
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " + name in result.output


def test_show_writes_a_displacy_page_with_the_articles_entities(tmp_path):
    page = tmp_path / "article.html"
    result = runner.invoke(app, ["show", "4da0b16879e72d23-003", "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "北京大学计算机学院" in html and "Organization" in html and "刘譞哲" in html


def test_show_names_an_unknown_article():
    result = runner.invoke(app, ["show", "0000000000000000-999"])
    assert result.exit_code == 1
    assert "no article '0000000000000000-999'" in result.stderr


def test_eval_prints_scores_misses_and_false_hits(tmp_path):
    system = tmp_path / "system.jsonl"
    assert runner.invoke(app, ["extract", str(SAMPLE_000), "-o", str(system)]).exit_code == 0
    result = runner.invoke(app, ["eval", "tests/gold/000_37a592d5b46665a4.json", "--system", str(system)],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Organization" in result.output
    assert "miss      Organization 百川机器人" in result.output
    assert "relations" in result.output and "industry top-1" in result.output


def test_build_writes_every_format_and_summarizes(tmp_path):
    result = runner.invoke(app, ["build", str(SAMPLE_000), "-o", str(tmp_path / "out")], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"graph.graphml", "graph.gexf", "graph.json", "cytoscape.json", "articles.jsonl", "neo4j-import",
            "index.html"} <= names
    assert "HOLDS_POSITION" in result.stdout and "│ Region       │ 浙江省" in result.stdout
