"""Where extraction runs: this process, a pool of processes on every core, or a Dask cluster.

Extraction is a map over newsletter files (`work.extract_file`): a file's
records depend on that file alone, so every engine yields the same records
in the same order, and what is made from them is byte for byte the same.
Assembly — the reduce that merges records by node key into one graph — runs
where `kg` runs, reading the records back from the JSONL they were written to.

Example:
    for extraction in Engine(jobs=4).extractions(files):
        ...
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from kg.engine.cluster import EngineError, cluster_extractions
from kg.engine.local import pool_extractions
from kg.engine.work import FileExtraction, Source, extract_file

__all__ = ["Engine", "EngineError", "FileExtraction", "Source", "default_jobs"]


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity, which a container or `taskset` may narrow)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Engine:
    """How to run extraction: `jobs` local processes, or the Dask cluster at `scheduler` (tcp://HOST:8786)."""

    jobs: int = 1
    scheduler: str | None = None

    def extractions(self, sources: Sequence[Source], date: dt.date | None = None) -> Iterator[FileExtraction]:
        """Each file's records (or read error), in the order of `sources`."""
        if self.scheduler:
            return cluster_extractions(sources, date, self.scheduler)
        jobs = min(self.jobs, len(sources))
        if jobs <= 1:  # no pool for one file or one job: this process, with no start-up to pay
            return (extract_file(source, date) for source in sources)
        return pool_extractions(sources, date, jobs)
