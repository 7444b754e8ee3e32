"""How long `kg --help`, `kg --version` and `import kg` take, start-up included (issue 14's target: < 0.3 s).

Runs the installed `kg` command (and the interpreter for `import kg`) as a
user would, several times each, and prints every wall time, the median and
the best.  The commands import spaCy, networkx and the Neo4j driver only
inside the commands that need them (tests/test_layering.py checks that the
help loads none of them); this script measures what that buys.

    python benchmarks/startup_cli.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 0.3


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    kg = str(Path(sys.executable).with_name("kg"))
    commands = {
        "kg --help": [kg, "--help"],
        "kg --version": [kg, "--version"],
        "kg neo4j --help": [kg, "neo4j", "--help"],
        "python -c 'import kg'": [sys.executable, "-c", "import kg"],
        "python -c 'pass' (the interpreter alone)": [sys.executable, "-c", "pass"],
    }
    for name, command in commands.items():
        _timed(command)  # a first run warms the file cache, as a user's second command finds it
        times = [_timed(command) for _ in range(args.repeat)]
        print(
            f"{name:<42} median {statistics.median(times):.3f} s · best {min(times):.3f} s · "
            + " ".join(f"{t:.3f}" for t in times)
        )
    print(f"target: under {TARGET_SECONDS} s for kg --help and kg --version")


if __name__ == "__main__":
    main()
