"""`kg build data/samples` wall time, start-up included (issue 4's target: under 10 s).

Runs the installed `kg` command as a user would, several times, and prints
each wall time and the median.

    python benchmarks/build_time.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    kg = Path(sys.executable).with_name("kg")
    times = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as out:
            started = time.perf_counter()
            subprocess.run([str(kg), "build", "data/samples", "-o", out], check=True, capture_output=True)
            times.append(time.perf_counter() - started)
    print("runs (s):", ", ".join(f"{t:.2f}" for t in times))
    median = statistics.median(times)
    print(
        f"median: {median:.2f} s  (target < {TARGET_SECONDS:.0f} s: {'met' if median < TARGET_SECONDS else 'missed'})"
    )


if __name__ == "__main__":
    main()
