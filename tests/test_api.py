"""kg as a library: the docstring examples of `kg.api` and `KnowledgeGraph` run as written, the README's
Python API examples run, the notebook in examples/ runs, and the API builds exactly what `kg build` writes.

Examples name `data/samples` and write into `out/`, as a user at the repository's root would; they run
in a temporary directory holding `data/samples` (a link to the samples), against the test Neo4j.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
import kg.api
import kg.graph.knowledge
from kg.cli import app
from kg.config import SAMPLES_DIR

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "samples_network.ipynb"


@pytest.fixture
def at_a_user_checkout(tmp_path, monkeypatch) -> Path:
    """A working directory with data/samples in it, as at the repository's root."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "samples").symlink_to(SAMPLES_DIR, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def test_neo4j(settings, monkeypatch) -> None:
    """NEO4J_URI and friends pointing at the test server, as a user with their own Neo4j sets them."""
    monkeypatch.setenv("NEO4J_URI", settings.uri)
    monkeypatch.setenv("NEO4J_USER", settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", settings.database)


def _run_doctests(module) -> doctest.TestResults:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(module, globs={"kg": kg}):  # sorted by name: build before load before query
        runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.neo4j
def test_the_api_docstring_examples_run_as_written(at_a_user_checkout, test_neo4j):
    for module in (kg.api, kg.graph.knowledge):
        results = _run_doctests(module)
        assert results.failed == 0 and results.attempted > 0, module.__name__
    assert (at_a_user_checkout / "out" / "graph.gexf").is_file()


def test_every_public_function_has_an_example():
    for name in ("read", "parse", "extract", "build", "read_graph", "load", "query", "nlp"):
        assert ">>> " in (getattr(kg.api, name).__doc__ or ""), name
    assert set(kg.__all__) >= {
        "read",
        "parse",
        "extract",
        "build",
        "load",
        "query",
        "nlp",
        "KnowledgeGraph",
        "ArticleExtraction",
        "Corpus",
        "LoadStats",
    }
    assert all(getattr(kg, name) is not None for name in kg.__all__)


def test_building_the_samples_through_the_api_writes_exactly_what_kg_build_writes(tmp_path):
    result = CliRunner().invoke(app, ["build", str(SAMPLES_DIR), "-o", str(tmp_path / "cli")])
    assert result.exit_code == 0, result.output
    written = kg.build(SAMPLES_DIR).write(tmp_path / "api")
    assert [path.name for path in written] == [
        "graph.graphml",
        "graph.gexf",
        "graph.json",
        "cytoscape.json",
        "index.html",
        "articles.jsonl",
        "neo4j-import",
    ]
    files = sorted(path.relative_to(tmp_path / "cli") for path in (tmp_path / "cli").rglob("*") if path.is_file())
    assert files == sorted(
        path.relative_to(tmp_path / "api") for path in (tmp_path / "api").rglob("*") if path.is_file()
    )
    for name in files:
        assert (tmp_path / "api" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name


def test_a_typed_extraction_round_trips_through_its_jsonl_record():
    [article] = kg.extract("之江实验室成立新材料中心\n\n之江实验室今天宣布成立新材料创新中心。")
    assert kg.ArticleExtraction.from_record(article.to_record()) == article


def test_a_path_that_cannot_be_read_is_an_input_error_naming_it(tmp_path):
    with pytest.raises(kg.InputError, match="nowhere.txt") as raised:
        kg.build([SAMPLES_DIR, tmp_path / "nowhere.txt"])
    assert [error.path.name for error in raised.value.errors] == ["nowhere.txt"]


def _readme_python_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.DOTALL)


@pytest.mark.neo4j
def test_the_readme_python_api_examples_run(at_a_user_checkout, test_neo4j):
    blocks = _readme_python_blocks()
    assert len(blocks) >= 3
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - the README's own examples
    assert (at_a_user_checkout / "out" / "graph.json").is_file()


@pytest.mark.neo4j
def test_the_example_notebook_runs_and_queries_neo4j(at_a_user_checkout, test_neo4j):
    import nbclient
    import nbformat

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(at_a_user_checkout)}}
    ).execute()
    outputs = "".join(
        output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )
    assert "Organization:浙江省科技厅" in outputs  # among the most central organizations
    assert any(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )  # the partnership network, drawn
    assert "rows from Neo4j" in outputs
