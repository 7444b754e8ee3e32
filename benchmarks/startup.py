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
marks = [time.perf_counter()]
import spacy
marks.append(time.perf_counter())
import jieba.posseg
marks.append(time.perf_counter())
from kg.nlp.pipeline_cache import load_pipeline
marks.append(time.perf_counter())
nlp = load_pipeline()
marks.append(time.perf_counter())
nlp(sys.argv[1])
marks.append(time.perf_counter())
print(" ".join(f"{b - a:.2f}" for a, b in zip(marks, marks[1:])))
"""
_PHASE_NAMES = (
    "import spacy",
    "import jieba.posseg (its word-tag table)",
    "kg's modules, onnxruntime",
    "jieba's dictionary and the saved pipeline",
    "the first article",
)
# What any program that segments Chinese with spaCy and jieba pays before its first word: the floor
# under kg's start-up.  `spacy.blank("zh")` with jieba loads jieba's dictionary (from its cache, kept where
# kg keeps it); kg also reads jieba's part-of-speech tags of words, which `import jieba.posseg` loads.
_BLANK = 'import spacy; spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})'
FLOORS = {
    "python -c pass": "pass",
    "import spacy": "import spacy",
    'spacy.blank("zh") with jieba': _BLANK,
    "and import jieba.posseg": _BLANK + "; import jieba.posseg",
}
_JIEBA_CACHE = "import os, jieba; jieba.dt.tmp_dir = os.environ['XDG_CACHE_HOME']; "


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(kg: Path, line_file: Path, cache: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system: what a busy machine distorts least) of one run."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    started, cpu = time.perf_counter(), _cpu()
    subprocess.run([str(kg), "extract", str(line_file)], check=True, capture_output=True, env=env)
    return time.perf_counter() - started, _cpu() - cpu


def _floor(code: str, cache: Path, repeat: int) -> float:
    """Median CPU seconds of `python -c code` (jieba's dictionary cache kept in `cache`, as kg keeps it)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    setup = _JIEBA_CACHE if "jieba" in code else ""
    runs = []
    for _ in range(repeat):
        cpu = _cpu()
        subprocess.run([sys.executable, "-c", setup + code], check=True, capture_output=True, env=env)
        runs.append(_cpu() - cpu)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    kg = Path(sys.executable).with_name("kg")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
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
        floors = {name: _floor(code, cache / "kg", args.repeat) for name, code in FLOORS.items()}
    for name, runs in (("cold", cold), ("warm", warm)):
        print(f"{name} runs, wall (CPU) s:", ", ".join(f"{wall:.2f} ({cpu:.2f})" for wall, cpu in runs))
    median = statistics.median(wall for wall, _ in warm)
    warm_cpu = statistics.median(cpu for _, cpu in warm)
    print(
        f"median wall: cold {statistics.median(wall for wall, _ in cold):.2f} s, warm {median:.2f} s"
        f"  (target < {TARGET_SECONDS:.0f} s warm: {'met' if median < TARGET_SECONDS else 'missed'});"
        f" median CPU: cold {statistics.median(cpu for _, cpu in cold):.2f} s, warm {warm_cpu:.2f} s"
    )
    print("one warm process, wall s: " + ", ".join(f"{name} {took}" for name, took in zip(_PHASE_NAMES, phases)))
    print("the floor, median CPU s: " + ", ".join(f"{name} {cpu:.2f}" for name, cpu in floors.items()))
    floor = floors["and import jieba.posseg"]
    print(
        f"spaCy with jieba and jieba's word tags cost {floor:.2f} s of CPU before kg does anything: a warm kg "
        f"extract ({warm_cpu:.2f} s) is {warm_cpu - floor:.2f} s above that floor; under {TARGET_SECONDS:.0f} s "
        f"{'is' if floor < TARGET_SECONDS else 'is not'} reachable in one process that loads them"
    )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
