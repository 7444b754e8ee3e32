"""Extraction on every core of this machine: a pool of worker processes, each with its own pipeline."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from kg.engine.ordered import chunk_size, chunked, in_order
from kg.engine.work import FileExtraction, Source, extract_chunk, load_pipeline

__all__ = ["pool_extractions"]

# Workers forked from a server process that runs no threads (`fork` from kg itself could copy a lock
# held by the progress bar's thread) and that has loaded the pipeline once (`kg.engine.preload`).
_START_METHOD = "forkserver"
_PRELOAD = ["kg.engine.preload"]


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context(_START_METHOD)
    context.set_forkserver_preload(_PRELOAD)
    return context


def _start_worker() -> None:
    """Leave Ctrl-C to kg's own process, which stops the pool; then load the pipeline (done already when forked)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline()


def pool_extractions(sources: Sequence[Source], date: dt.date | None, jobs: int) -> Iterator[FileExtraction]:
    """Each file's extraction, in the order of `sources`, made by `jobs` worker processes.

    Each worker has the pipeline loaded once (forked with it, or by its
    initializer) and then takes chunks of files; at most two chunks per
    worker wait, done or not.
    """
    size = chunk_size(len(sources), jobs)
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_start_worker)
    try:
        task = partial(extract_chunk, date=date)
        for extractions in in_order(lambda chunk: executor.submit(task, chunk), chunked(sources, size), 2 * jobs):
            yield from extractions
    finally:  # also on an error or Ctrl-C in the consumer: drop what has not started
        executor.shutdown(wait=True, cancel_futures=True)
