"""The command line: output, exit codes, help with examples."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

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
    assert [r["article"] for r in records[:3]] == [
        "4da0b16879e72d23-000",
        "4da0b16879e72d23-001",
        "4da0b16879e72d23-002",
    ]
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


def test_kg_load_help_lists_its_exit_codes():
    result = runner.invoke(app, ["load", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for code in (
        "Exit codes: 0 loaded; 1 a newsletter could not be read",
        "; 2 no Neo4j answers",
        "; 130 interrupted (Ctrl-C).",
    ):
        assert code in text


@pytest.mark.parametrize("verbose", [False, True], ids=["quiet", "verbose"])
def test_the_neo4j_drivers_own_log_reaches_stderr_only_with_verbose(verbose, capsys):
    from kg.cli.errors import show_driver_log

    show_driver_log(verbose)
    logging.getLogger("neo4j.pool").warning("Transaction failed and will be retried in 1.0s")
    show_driver_log(False)
    assert ("neo4j: Transaction failed and will be retried" in capsys.readouterr().err) is verbose


def test_show_writes_a_displacy_page_with_the_articles_entities(tmp_path):
    page = tmp_path / "article.html"
    result = runner.invoke(app, ["show", "4da0b16879e72d23-003", "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "北京大学计算机学院" in html and "Organization" in html and "刘譞哲" in html


def test_show_prints_the_article_with_each_entity_tagged_by_its_label():
    result = runner.invoke(app, ["show", "4da0b16879e72d23-3", "-i", str(SAMPLE_000)], env={"COLUMNS": "5000"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "校企合作解决大模型发展中的“真问题”"
    assert lines[1] == (
        "12月12日，北京大学—字节跳动“豆包大模型系统软件联合实验室”签约仪式暨“面向大模型的智能化软件技术与生态”"
        "学术研讨会[Event]在北京大学[Organization]举行。北京大学计算机学院[Organization]院长胡振江[Person]表示，"
        "联合实验室的建立，标志着双方合作走入更深、更精、更密切的新阶段。未来，联合实验室将深入推进大模型系统软件研究，"
        "打造人工智能时代坚实可靠的系统软件基础设施。"
    )
    assert lines[3].startswith("胡振江[Person]")


def test_show_names_an_unknown_article():
    result = runner.invoke(app, ["show", "0000000000000000-999"])
    assert result.exit_code == 1
    assert "no article '0000000000000000-999'" in result.stderr


def test_eval_prints_scores_misses_and_false_hits(tmp_path):
    system = tmp_path / "system.jsonl"
    assert runner.invoke(app, ["extract", str(SAMPLE_000), "-o", str(system)]).exit_code == 0
    result = runner.invoke(
        app, ["eval", "tests/gold/000_37a592d5b46665a4.json", "--system", str(system)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "Organization" in result.output
    assert "miss      Organization 百川机器人" in result.output
    assert "relations" in result.output and "industry top-1" in result.output


def test_build_writes_every_format_and_summarizes(tmp_path):
    result = runner.invoke(app, ["build", str(SAMPLE_000), "-o", str(tmp_path / "out")], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {
        "graph.graphml",
        "graph.gexf",
        "graph.json",
        "cytoscape.json",
        "articles.jsonl",
        "neo4j-import",
        "index.html",
    } <= names
    assert "HOLDS_POSITION" in result.stdout and "│ Region       │ 浙江省" in result.stdout


def _an_old_build(directory):
    """An output directory as a previous build and its user left it."""
    (directory / "neo4j-import").mkdir(parents=True)
    (directory / "graph.json").write_text("the previous build", encoding="utf-8")
    (directory / "neo4j-import" / "nodes_Industry.csv").write_text("the previous build", encoding="utf-8")
    (directory / "neo4j-import" / "mine.csv").write_text("the user's own", encoding="utf-8")
    return {p.relative_to(directory): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


def _files(directory):
    return {p.relative_to(directory): p.read_bytes() for p in directory.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "inputs",
    [
        lambda tmp: [str(tmp / "nonexistent.txt")],
        lambda tmp: [str((tmp / "empty").mkdir() or tmp / "empty")],
        lambda tmp: [str(tmp / "nothing*.txt")],
        lambda tmp: [str((tmp / "bad.txt").write_bytes(b"") or tmp / "bad.txt"), str(tmp / "missing.txt")],
    ],
    ids=["nonexistent file", "empty directory", "glob matching nothing", "every input failing"],
)
def test_a_build_that_reads_no_issue_writes_nothing_and_keeps_the_output(tmp_path, inputs):
    out = tmp_path / "out"
    before = _an_old_build(out)
    result = runner.invoke(app, ["build", *inputs(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "no issue was read; nothing was written" in result.stderr
    assert _files(out) == before and sorted(p.name for p in out.iterdir()) == ["graph.json", "neo4j-import"]


def test_a_build_replaces_kgs_files_and_keeps_the_users(tmp_path):
    out = tmp_path / "out"
    _an_old_build(out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "neo4j-import" / "relationships_RUNS.csv").write_text(
        "stale: written by kg for an older graph", encoding="utf-8"
    )
    result = runner.invoke(app, ["build", str(SAMPLE_004), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "neo4j-import" / "mine.csv").read_text(encoding="utf-8") == "the user's own"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]
    assert (out / "neo4j-import" / "nodes_Industry.csv").read_text(encoding="utf-8").startswith("key:ID")
    assert not (out / "neo4j-import" / "relationships_RUNS.csv").exists()  # SAMPLE_004 has no RUNS
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize(
    "failure", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["disk full", "ctrl-c"]
)
def test_a_build_that_fails_while_writing_leaves_the_previous_output_whole(tmp_path, monkeypatch, failure):
    import kg.export.bundle

    def half_written(graph, path):
        path.write_text("half a page", encoding="utf-8")
        raise failure

    monkeypatch.setattr(kg.export.bundle, "write_html", half_written)
    out = tmp_path / "out"
    before = _an_old_build(out)
    result = runner.invoke(app, ["build", str(SAMPLE_004), "-o", str(out)])
    assert result.exit_code == (1 if isinstance(failure, OSError) else 130)  # 130: interrupted, as shells report
    if isinstance(failure, OSError):
        assert f"cannot write to {out} (No space left on device)" in result.stderr
        assert "Traceback" not in result.output
    assert _files(out) == before and not [p for p in out.iterdir() if p.name.startswith(".")]


def _reachable_by_others(path: Path) -> bool:
    """Whether a user with no rights of its own can read `path` (every directory above it searchable)."""
    return all(p.stat().st_mode & stat.S_IXOTH for p in path.parents) and bool(path.stat().st_mode & stat.S_IROTH)


def _as_nobody(arguments: list[str]) -> subprocess.CompletedProcess:
    """Run kg as an unprivileged user (root writes through read-only permissions)."""
    command = [str(Path(sys.executable).parent / "kg"), *arguments]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "HOME": "/nonexistent", "COLUMNS": "300"},
    )


def test_a_read_only_output_directory_is_one_line_and_exit_1(monkeypatch):
    parent = Path(tempfile.mkdtemp())
    try:
        parent.chmod(0o755)
        read_only = parent / "read-only"
        read_only.mkdir(mode=0o555)
        read_only.chmod(0o555)
        expected = f"error: cannot write to {read_only} (Permission denied); give -o a directory you can write to"
        kg = Path(sys.executable).parent / "kg"
        if os.geteuid() != 0 or _reachable_by_others(kg):
            result = _as_nobody(["build", str(SAMPLE_004), "-o", str(read_only)])
            assert result.returncode == 1, result.stderr
            # the last line: onnxruntime may warn first that nobody's HOME cannot keep its telemetry id
            assert result.stderr.strip().splitlines()[-1] == expected
            assert "Traceback" not in result.stderr
        else:  # root, in a checkout no other user may read: the kernel's refusal, as root never meets it
            real = tempfile.mkdtemp

            def refused(*args, **kwargs):
                if Path(kwargs.get("dir", "")) == read_only:
                    raise PermissionError(13, "Permission denied")
                return real(*args, **kwargs)

            monkeypatch.setattr(tempfile, "mkdtemp", refused)
            result = runner.invoke(app, ["build", str(SAMPLE_004), "-o", str(read_only)])
            assert result.exit_code == 1
            assert result.stderr.strip().splitlines()[-1] == expected
    finally:
        shutil.rmtree(parent)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("file", "{target} is a file, not a directory; give -o a directory you can write to"),
        ("/proc", "cannot write to /proc ("),
        ("/proc/kg-out", "cannot write to /proc/kg-out ("),
        ("/sys", "cannot write to /sys ("),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_naming_it_and_exit_1(tmp_path, target, expected):
    if target == "file":
        target = str(tmp_path / "graph.json")
        Path(target).write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["build", str(SAMPLE_004), "-o", target])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: " + expected.format(target=target))
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert "give -o a directory you can write to" in result.stderr


def test_extract_to_a_directory_is_one_line_and_exit_1(tmp_path):
    result = runner.invoke(app, ["extract", str(SAMPLE_004), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path} is a directory; give -o a file path you can write to"


def test_split_prints_a_headline_with_rich_markup_as_written(tmp_path):
    path = tmp_path / "markup.txt"
    text = SAMPLE_000.read_text(encoding="utf-8").replace("锻造新质生产力发展主力军", "锻造[/]新质[bold]生产力")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["split", str(path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "锻造[/]新质[bold]生产力" in result.stdout


def test_split_prints_article_ids_and_show_accepts_an_unpadded_position(tmp_path):
    result = runner.invoke(app, ["split", str(SAMPLE_000)], env={"COLUMNS": "200"})
    assert "4da0b16879e72d23-003" in result.stdout
    page = tmp_path / "article.html"
    result = runner.invoke(app, ["show", "4da0b16879e72d23-3", "-i", str(SAMPLE_000), "--html", str(page)])
    assert result.exit_code == 0, result.output
    padded = tmp_path / "padded.html"
    assert (
        runner.invoke(app, ["show", "4da0b16879e72d23-003", "-i", str(SAMPLE_000), "--html", str(padded)]).exit_code
        == 0
    )
    assert page.read_bytes() == padded.read_bytes()


def test_version_prints_the_installed_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kg {version('kg')}"


def _help_pages(command, path=()):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _help_pages(sub, (*path, name))


@pytest.mark.parametrize("path", [path for path, _ in _help_pages(get_command(app))], ids=" ".join)
def test_help_shows_readable_metavars_not_python_types(path):
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert not re.search(r"<(list\[|\w+ range|str>|int>|path>|Path>)", result.stdout), result.stdout


def test_load_with_no_issue_read_loads_nothing_and_never_connects(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    result = runner.invoke(app, ["load", str(tmp_path)], env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 1
    assert "bad.txt: the file is empty" in result.stderr
    assert "no issue was read; nothing was loaded" in result.stderr and "127.0.0.1:1" not in result.output


def test_neo4j_status_prints_a_home_with_rich_markup_as_written(tmp_path):
    home = tmp_path / "we[/]ird [bold]"
    result = runner.invoke(app, ["neo4j", "status"], env={"KG_NEO4J_HOME": str(home), "COLUMNS": "300"})
    assert result.exit_code == 3, result.output
    assert f"home {home}" in result.stdout


def test_eval_prints_names_and_titles_with_rich_markup_as_written(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(
        json.dumps(
            {
                "source": "x.txt",
                "articles": [
                    {
                        "title": "标题[/]",
                        "section": None,
                        "subheadings": [],
                        "industries": [],
                        "relations": [],
                        "entities": [
                            {
                                "name": "江屿[bold]科技",
                                "label": "Organization[/]",
                                "alt_labels": [],
                                "aliases": ["江屿[bold]科技"],
                                "required": True,
                            }
                        ],
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    system = tmp_path / "system.jsonl"
    system.write_text(
        json.dumps({"title": "标题[/]", "entities": [], "relations": []}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["eval", str(gold), "--system", str(system)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "江屿[bold]科技   (标题[/])" in result.stdout and "Organization[/]" in result.stdout
