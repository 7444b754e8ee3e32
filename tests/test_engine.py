"""Where extraction runs does not change what it makes: --jobs 1 and 2, and a Dask cluster, give the same bytes."""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import dask
import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from kg.analytics.measures import annotate_measures
from kg.cli import app
from kg.config import SAMPLES_DIR
from kg.engine.ordered import chunk_size, chunked, in_order
from kg.export.jsonl import read_jsonl
from kg.graph.knowledge import KnowledgeGraph
from kg.ingest.sources import expand_sources
from kg.pipeline import assemble_file

runner = CliRunner()
UNSEEN_DIR = Path(__file__).parent / "unseen"
CORPUS = [str(SAMPLES_DIR), str(UNSEEN_DIR)]


def _files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def _build(arguments: list[str], out: Path) -> dict[str, bytes]:
    result = runner.invoke(app, ["build", *arguments, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return _files(out)


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> dict[str, bytes]:
    """The build of the samples and the unseen issues in this one process."""
    return _build([*CORPUS, "--jobs", "1"], tmp_path_factory.mktemp("jobs1"))


def test_extract_with_two_jobs_writes_the_bytes_one_job_writes(tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"jobs{jobs}.jsonl"
        result = runner.invoke(app, ["extract", *CORPUS, "--jobs", jobs, "-o", str(target)])
        assert result.exit_code == 0, result.output
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    records = list(read_jsonl(tmp_path / "jobs2.jsonl"))
    assert len(records) == 55
    order = [(r["source"], r["position"]) for r in records]  # document order: file by file, article by article
    assert order == sorted(order) and order[0] == ("000_37a592d5b46665a4.txt", 0)
    assert len({source for source, _ in order}) == 8


def test_build_with_two_jobs_writes_the_bytes_one_job_writes(local_build, tmp_path):
    assert _build([*CORPUS, "--jobs", "2"], tmp_path / "jobs2") == local_build
    assert sorted(local_build)[:3] == ["articles.jsonl", "cytoscape.json", "graph.gexf"]


def test_build_on_a_dask_cluster_writes_the_bytes_of_a_local_build(local_build, tmp_path):
    """Two worker processes of a LocalCluster, one input given as a file:// URL the workers read through fsspec."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        built = _build([SAMPLES_DIR.as_uri(), str(UNSEEN_DIR), "--dask", cluster.scheduler_address], tmp_path / "dask")
    assert built == local_build


def test_a_dask_scheduler_that_does_not_answer_is_one_line_and_exit_2(tmp_path):
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = runner.invoke(
            app, ["extract", str(SAMPLES_DIR), "--dask", "tcp://127.0.0.1:9", "-o", str(tmp_path / "out.jsonl")]
        )
    assert result.exit_code == 2
    assert result.output.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in result.output and not (tmp_path / "out.jsonl").exists()


def test_a_url_lists_the_newsletters_under_it_and_names_what_it_lacks(tmp_path):
    sources = expand_sources([SAMPLES_DIR.as_uri(), (tmp_path / "none").as_uri()])
    assert [s.rsplit("/", 1)[1] for s in sources.files] == ["000_37a592d5b46665a4.txt", "004_d800323ad11d4dac.txt"]
    [error] = sources.errors
    assert str(error).endswith("names no newsletter file (no such file, or no .txt under it)")


def test_the_graph_assembled_from_the_records_file_is_the_graph_of_the_records(local_build, tmp_path):
    records = tmp_path / "articles.jsonl"
    lines = local_build["articles.jsonl"].decode("utf-8").splitlines(keepends=True)
    records.write_text(
        "".join(line for line in lines if '"source":"issue_f.txt"' in line or '"source":"000_' in line),
        encoding="utf-8",
    )  # two issues: quick, and short forms declared
    streamed = assemble_file(records)
    whole = annotate_measures(KnowledgeGraph.from_records(list(read_jsonl(records))))
    assert streamed.violations == []
    assert streamed.graph.to_node_link() == whole.to_node_link()
    assert streamed.graph.node("Organization:贵州大学")["label"] == "Organization"
    assert "Organization:省大数据局" not in streamed.graph  # a declared short form merged into its full name


def test_formats_and_no_html_choose_what_a_build_writes(tmp_path):
    result = runner.invoke(
        app, ["build", str(SAMPLES_DIR), "--formats", "graphml,html,json", "--no-html", "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["articles.jsonl", "graph.graphml", "graph.json"]


def test_an_unknown_format_is_named_before_any_work(tmp_path):
    result = runner.invoke(app, ["build", str(SAMPLES_DIR), "--formats", "gexf,pdf", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.output == (
        "error: unknown format 'pdf' in --formats; choose among graphml, gexf, json, cytoscape, "
        "html, neo4j (comma-separated)\n"
    )
    assert not (tmp_path / "out").exists()


def test_results_come_back_in_submission_order_with_a_bounded_window():
    in_flight, most = 0, 0

    def work(chunk: list[int]) -> list[int]:
        time.sleep(0.02 * (5 - chunk[0] % 5))  # later chunks finish first
        return [n * 10 for n in chunk]

    with ThreadPoolExecutor(max_workers=4) as pool:

        def submit(chunk: list[int]) -> Future:
            nonlocal in_flight, most
            in_flight += 1
            most = max(most, in_flight)
            future = pool.submit(work, chunk)
            future.add_done_callback(lambda _: None)
            return future

        results = []
        for result in in_order(submit, chunked(list(range(20)), 3), window=3):
            in_flight -= 1
            results += result
    assert results == [n * 10 for n in range(20)]
    assert most == 3


def test_chunks_give_each_worker_several_tasks_and_stay_small():
    assert chunk_size(4, 2) == 1
    assert chunk_size(100, 2) == 8
    assert chunk_size(40, 2) == 5
    assert list(chunked([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]
