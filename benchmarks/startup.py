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


def _run(kg: Path, line_file: Path, cache: Path) -> float:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started = time.perf_counter()
    subprocess.run([str(kg), "extract", str(line_file)], check=True, capture_output=True, env=env)
    return time.perf_counter() - started


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
        phases = subprocess.run([sys.executable, "-c", _PHASES, LINE], check=True, capture_output=True, text=True,
                                env=env).stdout.split()
    print("cold runs (s):", ", ".join(f"{t:.2f}" for t in cold))
    print("warm runs (s):", ", ".join(f"{t:.2f}" for t in warm))
    median = statistics.median(warm)
    print(f"median: cold {statistics.median(cold):.2f} s, warm {median:.2f} s"
          f"  (target < {TARGET_SECONDS:.0f} s warm: {'met' if median < TARGET_SECONDS else 'missed'})")
    print(f"one warm process: imports {phases[0]} s, loading the saved pipeline {phases[1]} s,"
          f" the first article {phases[2]} s")


if __name__ == "__main__":
    main()
