"""Extraction on every core: the speed-up of `--jobs 2` over one process.

Extracts the same corpus (`scale_corpus.py`'s issues, `--issues` of them)
through `kg.engine.Engine` with one job, then with two, and prints each
wall time, articles per second and the speed-up.  Start-up is left out of
both, as it is paid once per command whatever the corpus: the one-job run
goes after the pipeline is loaded in this process, the two-job run after a
first pool has started the fork server that loads it (a second pool forks
its workers from there).  With `--cold` it also times the whole `kg
extract --jobs N` command, start-up included.  Target (issue 14): ≥ 1.8× on
2 cores.  The machine is shared: the load average is printed with the figures.

    python benchmarks/parallel.py [--issues 200] [--cold]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_corpus import source_articles, write_corpus

from kg.engine import Engine
from kg.engine.work import load_pipeline

TARGET = 1.8


def timed_extraction(engine: Engine, files: list[Path]) -> tuple[float, int]:
    started = time.perf_counter()
    articles = sum(len(extraction.records) for extraction in engine.extractions(files))
    return time.perf_counter() - started, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=200)
    parser.add_argument("--cold", action="store_true", help="also time the kg extract command, start-up included")
    args = parser.parse_args()
    articles = source_articles()  # loads the pipeline in this process, too
    with tempfile.TemporaryDirectory(prefix="kg-parallel-") as name:
        files = write_corpus(Path(name) / "corpus", args.issues, articles)
        load_pipeline()
        list(Engine(2).extractions(files[:2]))  # starts the fork server, which loads the pipeline once
        print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
        one, count = timed_extraction(Engine(1), files)
        print(f"--jobs 1: {one:6.1f} s, {count / one:6.1f} articles/s ({count} articles)", flush=True)
        two, _ = timed_extraction(Engine(2), files)
        print(f"--jobs 2: {two:6.1f} s, {count / two:6.1f} articles/s", flush=True)
        print(f"speed-up {one / two:.2f}× (target ≥ {TARGET}×); load average after: {os.getloadavg()[0]:.1f}")
        if args.cold:
            kg = Path(sys.executable).with_name("kg")
            for jobs in (1, 2):
                started = time.perf_counter()
                subprocess.run(
                    [str(kg), "extract", str(Path(name) / "corpus"), "-o", os.devnull, "--jobs", str(jobs)],
                    check=True,
                    stderr=subprocess.DEVNULL,
                )
                print(f"kg extract --jobs {jobs} (start-up included): {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
