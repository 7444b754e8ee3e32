"""Extraction on every core: the speed-up of `--jobs 2` over one process, and where the CPU time goes.

Extracts the same corpus (`scale_corpus.py`'s issues, `--issues` of them,
or the `.txt` files of `--corpus`) through `kg.engine.Engine` with one job,
then with two, and prints each wall time, articles per second and the
speed-up.  Start-up is left out of both, as it is paid once per command
whatever the corpus: the one-job run goes after the pipeline is loaded in
this process, the two-job run after a first pool has started the fork
server that loads it (a second pool forks its workers from there).

The machine is shared, so wall times alone say little: beside them it
prints the CPU seconds of each process (this one, which hands out files and
receives records, and each worker) and the serial fraction, the share of
the work no second core can take.  With `--cold` it also times the whole
`kg extract --jobs N` command, start-up included, with the CPU of kg's
process, of the fork server (which loads the pipeline before any worker
can start: serial) and of the workers.  Target (issue 14): ≥ 1.8× on 2
cores.

    python benchmarks/parallel.py [--issues 200 | --corpus DIR] [--cold]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil
from scale_corpus import source_articles, write_corpus

from kg.engine import Engine
from kg.engine.work import load_pipeline

TARGET = 1.8


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _descendants_cpu(process: psutil.Process) -> dict[int, float]:
    """CPU seconds of each living descendant, by pid."""
    found = {}
    for child in process.children(recursive=True):
        try:
            found[child.pid] = _cpu(child)
        except psutil.Error:
            continue
    return found


def timed_extraction(engine: Engine, files: list[Path]) -> tuple[float, float, dict[int, float], int]:
    """Wall time, this process's CPU, the CPU each worker spent, and the articles extracted."""
    me = psutil.Process()
    before, seen = _descendants_cpu(me), {}
    started, cpu = time.perf_counter(), _cpu(me)
    articles = 0
    for extraction in engine.extractions(files):
        articles += len(extraction.records)
        seen.update(_descendants_cpu(me))  # workers exit with the pool: read them while they live
    wall, cpu = time.perf_counter() - started, _cpu(me) - cpu
    workers = {pid: total - before.get(pid, 0.0) for pid, total in seen.items() if total - before.get(pid, 0.0) > 0.05}
    return wall, cpu, workers, articles


def _role(process: psutil.Process, root: int) -> str:
    """What a descendant of kg's process is: the fork server (which loads the pipeline), a worker, or other."""
    command = " ".join(process.cmdline())
    if "forkserver" in command and process.ppid() == root:
        return "fork server"
    return "worker" if process.ppid() != root else "other"


def command_cpu(arguments: list[str]) -> tuple[float, float, dict[str, list[float]]]:
    """Run a command; its wall time, its own CPU, and the CPU of its descendants by role (polled until it exits)."""
    started = time.perf_counter()
    child = subprocess.Popen(arguments, stderr=subprocess.DEVNULL)
    watched, own, seen = psutil.Process(child.pid), 0.0, {}
    while child.poll() is None:
        try:
            own = _cpu(watched)
            for process in watched.children(recursive=True):
                seen[process.pid] = (_role(process, child.pid), _cpu(process))
        except psutil.Error:
            pass
        time.sleep(0.05)
    roles: dict[str, list[float]] = {}
    for role, cpu in seen.values():
        roles.setdefault(role, []).append(cpu)
    return time.perf_counter() - started, own, roles


def _report(name: str, wall: float, count: int, parent: float, workers: dict[int, float]) -> None:
    split = " + ".join(f"{cpu:.1f}" for cpu in workers.values()) or "none"
    print(
        f"{name}: {wall:6.1f} s, {count / wall:6.1f} articles/s; CPU s: this process {parent:.1f}, workers {split}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=200)
    parser.add_argument("--corpus", type=Path, help="extract the .txt files of this folder instead")
    parser.add_argument("--cold", action="store_true", help="also time the kg extract command, start-up included")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-parallel-") as name:
        if args.corpus:
            files = sorted(args.corpus.glob("*.txt"))
        else:
            files = write_corpus(Path(name) / "corpus", args.issues, source_articles())
        load_pipeline()
        list(Engine(2).extractions(files[:2]))  # starts the fork server, which loads the pipeline once
        print(f"{len(files)} files; load average before: {os.getloadavg()[0]:.1f}", flush=True)
        one, one_cpu, _, count = timed_extraction(Engine(1), files)
        _report("--jobs 1", one, count, one_cpu, {})
        two, parent, workers, _ = timed_extraction(Engine(2), files)
        _report("--jobs 2", two, count, parent, workers)
        work = sum(workers.values())
        serial = parent / (parent + work)  # this process's share: reading none, receiving and ordering the records
        print(
            f"speed-up {one / two:.2f}× (target ≥ {TARGET}×); load average after: {os.getloadavg()[0]:.1f}\n"
            f"CPU: one job {one_cpu:.1f} s; two jobs {parent + work:.1f} s, of which this process "
            f"{parent:.1f} s (serial fraction {serial:.3f}); on two free cores the CPU split gives "
            f"{one_cpu / max(max(workers.values(), default=0.0), parent):.2f}×"
        )
        if args.cold:
            _cold(files, Path(sys.executable).with_name("kg"), lambda: os.getloadavg()[0])


def _cold(files: list[Path], kg: Path, load: Callable[[], float]) -> None:
    """The whole command, start-up included: kg's own process, the fork server's pipeline load, the workers."""
    folder = files[0].parent
    for jobs in (1, 2):
        before = load()
        wall, own, roles = command_cpu([str(kg), "extract", str(folder), "-o", os.devnull, "--jobs", str(jobs)])
        split = "; ".join(f"{role} {' + '.join(f'{cpu:.1f}' for cpu in cpus)}" for role, cpus in sorted(roles.items()))
        print(
            f"kg extract --jobs {jobs} (start-up included): {wall:.1f} s wall; CPU s: kg {own:.1f}"
            f"{'; ' + split if split else ''}; load average {before:.1f}"
        )


if __name__ == "__main__":
    main()
