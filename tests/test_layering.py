"""Which package may import what: the import graph of kg/ as the README's "Layers" section states it.

Only kg/graph/ holds the graph in networkx (kg/analytics/, which runs networkx's algorithms by design,
takes `KnowledgeGraph.to_networkx()`), so another graph store would change kg/graph/ alone.  kg/nlp/ and
kg/relations/ read text facts from kg/text/, never from kg/ingest/.  Commands (typer) and the terminal (rich)
live in kg/cli/ alone.  `import kg` and `kg --help` load none of the heavy libraries.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"
HEAVY = ("spacy", "networkx", "neo4j", "jieba", "scipy")


def _imports(path: Path) -> set[str]:
    """The top-level names of every module the file imports, wherever in the file (function-local too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _imported_modules(path: Path) -> set[str]:
    """The full dotted name of every module the file imports (`from kg import ingest` counts as kg.ingest)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def _importers(library: str) -> set[str]:
    return {str(path.relative_to(KG.parent)) for path in sorted(KG.rglob("*.py")) if library in _imports(path)}


# kg/analytics/ runs networkx's algorithms (PageRank, betweenness, communities, trends, the explorer's and the
# brief's layouts) on `KnowledgeGraph.to_networkx()`, a read-only view: it reads networkx's form of the graph but
# never builds or changes it, so the graph's store can change inside kg/graph/ while `to_networkx()` still gives
# analytics that form.  Everything else (the explorer's page data, the brief, the exports, the loader) reads the
# graph through `KnowledgeGraph` and asks kg/analytics/ for measures, neighbourhoods and positions.
NETWORKX_ALGORITHMS = ("kg/analytics/",)


def test_only_the_graph_package_holds_the_graph_in_networkx():
    outside = {path for path in _importers("networkx") if not path.startswith(("kg/graph/", *NETWORKX_ALGORITHMS))}
    assert outside == set()
    assert "kg/graph/knowledge.py" in _importers("networkx")  # the check looks where networkx is


def test_the_recognisers_and_relations_never_reach_into_the_reader():
    """kg/nlp/ and kg/relations/ read text facts (characters, sentences) from kg/text/, never from kg/ingest/."""
    reaching = {
        str(path.relative_to(KG.parent))
        for package in ("nlp", "relations")
        for path in sorted((KG / package).rglob("*.py"))
        if any(name == "kg.ingest" or name.startswith("kg.ingest.") for name in _imported_modules(path))
    }
    assert reaching == set()
    assert "kg.text.sentences" in _imported_modules(KG / "relations" / "component.py")  # the check reads names


def test_commands_and_the_terminal_live_in_the_cli_package():
    """typer (the commands) and rich (tables, coloured text, progress bars) are imported under kg/cli/ alone,
    with no exception: the library's modules return data (an `Analysis`, a `Report`, a Doc) and the commands
    render it, so a notebook or another program gets the same data without a terminal."""
    for library in ("typer", "rich"):
        assert {path for path in _importers(library) if not path.startswith("kg/cli/")} == set(), library
    assert "kg/cli/main.py" in _importers("typer")
    assert "kg/cli/analysis_tables.py" in _importers("rich")  # the check looks where rich is


@pytest.mark.parametrize(
    "code",
    [
        "import kg; kg.__version__; kg.__all__",
        "from kg.cli import app; app(['--help'])",
        "from kg.cli import app; app(['--version'])",
        "from kg.cli import app; app(['neo4j', '--help'])",
    ],
)
def test_import_kg_and_the_help_load_no_heavy_library(code):
    probe = (
        f"import sys, json\ntry:\n    {code}\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []


_LOADED_AFTER = (
    "import json, sys\n"
    "from kg.cli import app\n"
    "if __name__ == '__main__':\n"
    "    try:\n"
    "        app(sys.argv[1:])\n"
    "    except SystemExit:\n"
    "        pass\n"
    "    print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)\n"
)


def _heavy_loaded_by(tmp_path: Path, *arguments: str) -> list[str]:
    """The heavy libraries kg's own process has loaded after the command (a script, so a pool can start)."""
    script = tmp_path / "probe.py"
    script.write_text(_LOADED_AFTER.format(heavy=HEAVY), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), *arguments], capture_output=True, text=True, check=True)
    return json.loads(result.stderr.strip().splitlines()[-1])


def test_extraction_loads_no_graph_library(tmp_path):
    (tmp_path / "one.txt").write_text("浙江省科技厅与杭州市人民政府签署合作协议。\n", encoding="utf-8")
    loaded = _heavy_loaded_by(tmp_path, "extract", str(tmp_path / "one.txt"), "-o", str(tmp_path / "out.jsonl"))
    assert loaded == ["jieba", "spacy"]


def test_the_process_handing_files_to_workers_loads_no_nlp_library(tmp_path):
    from kg.config import SAMPLES_DIR

    loaded = _heavy_loaded_by(tmp_path, "extract", str(SAMPLES_DIR), "-o", str(tmp_path / "out.jsonl"), "--jobs", "2")
    assert loaded == []
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 10
