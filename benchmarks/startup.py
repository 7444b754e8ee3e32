"""Start-up of `kg extract` on a one-line file, cold and warm (issue 14's target: under 1 s warm).

Cold: an empty user cache, so the pipeline is built from the data files (and
saved).  Warm: the pipeline saved by an earlier run is loaded from the user
cache.  Each run is the installed `kg` command as a user runs it, with its
own `XDG_CACHE_HOME`; the script prints every wall time and the medians, then
where a warm run's time goes (imports, loading the pipeline, the first
article) measured in one process.

    python benchmarks/startup.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 1.0
LINE = "浙江省科技厅厅长高鹰忠表示，将支持北京大学与某某科技有限公司开展合作。\n"
_PHASES = """
import time, sys
started = time.perf_counter()
from kg.nlp.pipeline_cache import load_pipeline
imported = time.perf_counter()
nlp = load_pipeline()
loaded = time.perf_counter()
nlp(sys.argv[1])
done = time.perf_counter()
print(f"{imported - started:.2f} {loaded - imported:.2f} {done - loaded:.2f}")
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(kg: Path, line_file: Path, cache: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system: what a busy machine distorts least) of one run."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run([str(kg), "extract", str(line_file)], check=True, capture_output=True, env=env)
    return time.perf_counter() - started, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    kg = Path(sys.executable).with_name("kg")
    with tempfile.TemporaryDirectory() as scratch:
        line_file, cache = Path(scratch) / "one.txt", Path(scratch) / "cache"
        line_file.write_text(LINE, encoding="utf-8")
        cold, warm = [], []
        for _ in range(args.repeat):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(_run(kg, line_file, cache))
            warm.append(_run(kg, line_file, cache))
        env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        phases = subprocess.run(
            [sys.executable, "-c", _PHASES, LINE], check=True, capture_output=True, text=True, env=env
        ).stdout.split()
    for name, runs in (("cold", cold), ("warm", warm)):
        print(f"{name} runs, wall (CPU) s:", ", ".join(f"{wall:.2f} ({cpu:.2f})" for wall, cpu in runs))
    median = statistics.median(wall for wall, _ in warm)
    print(
        f"median wall: cold {statistics.median(wall for wall, _ in cold):.2f} s, warm {median:.2f} s"
        f"  (target < {TARGET_SECONDS:.0f} s warm: {'met' if median < TARGET_SECONDS else 'missed'});"
        f" median CPU: cold {statistics.median(cpu for _, cpu in cold):.2f} s,"
        f" warm {statistics.median(cpu for _, cpu in warm):.2f} s"
    )
    print(
        f"one warm process: imports {phases[0]} s, loading the saved pipeline {phases[1]} s,"
        f" the first article {phases[2]} s"
    )


if __name__ == "__main__":
    main()
