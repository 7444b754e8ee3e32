"""kg at scale: N distinct issues through `kg extract`, `kg build` and `kg load`, for N = 100, 1,000, 10,000.

The corpus is `scale_corpus.py`'s (the repository's and the real-text
articles recombined, names and numbers varied), written to a temporary
folder.  `kg build` runs whole up to --build-up-to issues; for every N its
second half (assembly, measures, exports from the extracted records) also
runs alone, so the 10,000 run does not extract twice.  Each command runs
as a child process; the figures are its wall
time, the peak memory of it and its workers together (the sum of their
proportional set sizes, PSS, sampled every 0.2 s: a page a forked worker
shares with its server counts once in all, not once per process), and the
size of what it wrote.
`kg load` goes into a Neo4j of the benchmark's own (its home under the
temporary folder, ports 27687/27688): --bulk for every N, and the batched
transactional load (`kg load DIR --wipe`) up to --transactional-up-to.
Targets (issue 14, 2 cores): time per article within 20% from 100 to
10,000 issues; `kg extract` peak ≤ 2 GB at 10,000; 10,000 issues
extracted in under 15 minutes with --jobs 2.

    KG_REALTEXT=../shared/realtext python benchmarks/scale.py [--sizes 100 1000 10000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from scale_corpus import source_articles, write_corpus

KG = Path(sys.executable).with_name("kg")
TARGET_EXTRACT_MB = 2048
TARGET_EXTRACT_SECONDS_10000 = 15 * 60


def tree_pss(process: psutil.Process) -> int:
    """Proportional set size of a process and all its descendants now: shared pages split among their sharers."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            total += member.memory_full_info().pss
        except psutil.Error:
            pass
    return total


def run(
    arguments: list[str], env: dict[str, str] | None = None, command: list[str] | None = None
) -> tuple[float, float, str]:
    """(seconds, peak MB of the process tree, stderr) of one kg command; exits when it fails."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [*(command or [str(KG)]), *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    peak = 0
    watched = psutil.Process(child.pid)
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.append(child.stderr.read()), daemon=True)
    reader.start()
    while child.poll() is None:
        try:
            peak = max(peak, tree_pss(watched))
        except psutil.Error:
            pass
        time.sleep(0.2)
    reader.join()
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        sys.exit(f"kg {' '.join(arguments)} failed ({child.returncode}): {''.join(errors)[-2000:]}")
    return seconds, peak / 2**20, "".join(errors)


def size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


def neo4j_env(folder: Path) -> dict[str, str]:
    environ = {key: value for key, value in os.environ.items() if not key.startswith("NEO4J_")}
    return {
        **environ,
        "KG_NEO4J_HOME": str(folder / "neo4j"),
        "KG_NEO4J_BOLT_PORT": "27687",
        "KG_NEO4J_HTTP_PORT": "27688",
    }


def assemble(records: Path, out: Path) -> None:
    """`kg build`'s second half, from `kg extract`'s records: assemble, measure, validate, write (no index.html)."""
    import shutil

    from kg.export.bundle import GRAPH_FORMATS, write_bundle
    from kg.pipeline import assemble_file

    assembly = assemble_file(records)
    write_bundle(assembly.graph, out, [name for name in GRAPH_FORMATS if name != "html"])
    shutil.copyfile(records, out / "articles.jsonl")


def start_up_seconds(articles: list, folder: Path, jobs: int) -> float:
    """The wall time of `kg extract` on one issue: start-up, paid once per command whatever the corpus."""
    corpus = folder / "corpus-1"
    write_corpus(corpus, 1, articles)
    seconds, _, _ = run(["extract", str(corpus), "-o", os.devnull, "--jobs", str(jobs)])
    return seconds


def measure(
    count: int,
    articles: list,
    folder: Path,
    jobs: int,
    transactional_up_to: int,
    build_up_to: int,
    env: dict,
    start_up: float,
) -> dict:
    corpus = folder / f"corpus-{count}"
    write_corpus(corpus, count, articles)
    row: dict = {"issues": count, "jobs": jobs, "corpus_mb": round(size_mb(corpus), 1)}
    extracted = folder / f"articles-{count}.jsonl"
    seconds, peak, _ = run(["extract", str(corpus), "-o", str(extracted), "--jobs", str(jobs)])
    with extracted.open(encoding="utf-8") as handle:
        row["articles"] = sum(1 for _ in handle)
    row.update(
        extract_s=round(seconds, 1),
        articles_per_s=round(row["articles"] / seconds, 1),
        ms_per_article=round(1000 * seconds / row["articles"], 1),
        ms_per_article_after_start_up=round(1000 * (seconds - start_up) / row["articles"], 1),
        extract_peak_mb=round(peak),
        extract_out_mb=round(size_mb(extracted), 1),
    )
    print(json.dumps(row, ensure_ascii=False), flush=True)
    out = folder / f"build-{count}"
    if count <= build_up_to:
        seconds, peak, _ = run(["build", str(corpus), "-o", str(out), "--no-html", "--jobs", str(jobs)])
        row.update(build_s=round(seconds, 1), build_peak_mb=round(peak))
    seconds, peak, _ = run([str(extracted), str(out)], command=[sys.executable, __file__, "--assemble"])
    row.update(assemble_s=round(seconds, 1), assemble_peak_mb=round(peak), build_out_mb=round(size_mb(out), 1))
    extracted.unlink()
    print(json.dumps(row, ensure_ascii=False), flush=True)
    seconds, _, said = run(["load", str(out), "--bulk", "--yes"], env)
    imported = re.search(r"Imported (\d+) nodes and (\d+) relationships", said)
    rows = int(imported.group(1)) + int(imported.group(2))
    row.update(rows=rows, bulk_load_s=round(seconds, 1), bulk_rows_per_s=round(rows / seconds))
    if count <= transactional_up_to:
        seconds, _, said = run(["load", str(out), "--wipe", "--yes"], env)
        row.update(load_s=round(seconds, 1), load_rows_per_s=round(rows / seconds))
    print(json.dumps(row, ensure_ascii=False), flush=True)
    subprocess.run(["rm", "-rf", str(corpus), str(out)], check=True)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--transactional-up-to",
        type=int,
        default=1000,
        metavar="N",
        help="also time the transactional kg load up to this many issues",
    )
    parser.add_argument(
        "--build-up-to",
        type=int,
        default=1000,
        metavar="N",
        help="also run the whole kg build up to this many issues (above, its second half alone)",
    )
    parser.add_argument("--assemble", nargs=2, type=Path, metavar=("RECORDS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.assemble:
        assemble(*args.assemble)
        return
    articles = source_articles()
    print(f"{len(articles)} source articles; load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as name:
        folder = Path(name)
        env = neo4j_env(folder)
        start_up = start_up_seconds(articles, folder, args.jobs)
        print(f"kg extract start-up (one issue, --jobs {args.jobs}): {start_up:.1f} s", flush=True)
        subprocess.run([str(KG), "neo4j", "start"], env=env, check=True, stdout=subprocess.DEVNULL)
        try:
            rows = [
                measure(count, articles, folder, args.jobs, args.transactional_up_to, args.build_up_to, env, start_up)
                for count in args.sizes
            ]
        finally:
            subprocess.run([str(KG), "neo4j", "stop"], env=env, stdout=subprocess.DEVNULL)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    first, last = rows[0], rows[-1]
    for field in ("ms_per_article", "ms_per_article_after_start_up"):
        drift = last[field] / first[field] - 1
        print(
            f"{field}: {first[field]} at {first['issues']} issues, {last[field]} at {last['issues']} "
            f"({drift:+.0%}; target within ±20%)"
        )
    print(
        f"kg extract peak {last['extract_peak_mb']} MB at {last['issues']} issues (target ≤ {TARGET_EXTRACT_MB} MB); "
        f"assembly peak {last['assemble_peak_mb']} MB"
    )
    if last["issues"] >= 10000:
        print(
            f"{last['issues']} issues extracted in {last['extract_s'] / 60:.1f} min with --jobs {args.jobs} "
            f"(target < {TARGET_EXTRACT_SECONDS_10000 / 60:.0f} min)"
        )


if __name__ == "__main__":
    main()
