"""Peak memory of `kg extract` on one large newsletter file.

Writes an issue of ordinary articles (`generated_issues.py`, the repository's
own articles repeated) of `--megabytes` of UTF-8, runs the installed `kg
extract FILE -o OUT` as a child process, and prints the child's peak
resident memory (`ru_maxrss`, that child's own, from `os.wait4`) with the
wall time.  With `--baseline` it first runs `kg extract` on the sample
issues: the memory any run takes (the spaCy pipeline, jieba's dictionary,
the statistical model).  Target (issue 11): ≤ 1 GB for a 50 MB file.

    python benchmarks/large_file_memory.py [--megabytes 50] [--baseline]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generated_issues import ordinary_issue

from kg.config import SAMPLES_DIR

TARGET_MB = 1024
BYTES_PER_CHAR = 3  # UTF-8 Chinese


def peak_of_extract(source: Path, folder: Path) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one `kg extract` child, from its own resource usage."""
    kg = Path(sys.executable).with_name("kg")
    started = time.perf_counter()
    child = subprocess.Popen(
        [str(kg), "extract", str(source), "-o", str(folder / "out.jsonl")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"kg extract {source} failed with exit code {child.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - started  # ru_maxrss is in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=50.0, help="size of the generated file")
    parser.add_argument("--baseline", action="store_true", help="also measure kg extract on the samples")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.baseline:
            baseline, seconds = peak_of_extract(SAMPLES_DIR, folder)
            print(f"samples:        peak {baseline:,.0f} MB  ({seconds:.1f} s)")
        source = folder / "large.txt"
        source.write_text(ordinary_issue(int(args.megabytes * 1_000_000 / BYTES_PER_CHAR)), encoding="utf-8")
        size = source.stat().st_size / 1_000_000
        peak, seconds = peak_of_extract(source, folder)
    verdict = "met" if peak <= TARGET_MB else "missed"
    print(f"{size:,.1f} MB file: peak {peak:,.0f} MB  ({seconds:.0f} s; target ≤ {TARGET_MB:,} MB: {verdict})")


if __name__ == "__main__":
    main()
