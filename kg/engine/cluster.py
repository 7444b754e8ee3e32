"""Extraction on a Dask distributed cluster: the same map over files, run by the cluster's workers.

The client (the `kg` command) lists the files, sends them to the scheduler
in chunks and takes the records back in file order, so everything after
extraction — the JSONL, the graph, the exports — is made where `kg` runs,
exactly as in a local run.  Each worker process loads the pipeline once
(the first task it runs), and keeps it for the tasks that follow.  Workers
need kg installed and the files readable: a shared disk at the same path,
or URLs (`s3://…`) they can open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from kg.engine.ordered import chunk_size, chunked, in_order
from kg.engine.work import FileExtraction, Source, extract_chunk

__all__ = ["EngineError", "cluster_extractions"]

_CHUNKS_IN_FLIGHT_PER_THREAD = 2


class EngineError(Exception):
    """The engine cannot run: Dask missing, or its scheduler out of reach; the message says what to do."""


def _client(scheduler: str):  # -> distributed.Client
    try:
        from distributed import Client
    except ImportError:
        raise EngineError("--dask needs Dask distributed: pip install 'kg[dask]'") from None
    try:
        return Client(scheduler, set_as_default=False)  # waits Dask's distributed.comm.timeouts.connect (30 s)
    except (OSError, TimeoutError, ValueError) as error:
        raise EngineError(
            f"cannot reach the Dask scheduler at {scheduler} ({error}); start one "
            "(`dask scheduler`) or give its address as tcp://HOST:8786"
        ) from None


def cluster_extractions(sources: Sequence[Source], date: dt.date | None, scheduler: str) -> Iterator[FileExtraction]:
    """Each file's extraction, in the order of `sources`, made by the workers of the cluster at `scheduler`."""
    with _client(scheduler) as client:
        threads = max(1, sum(client.nthreads().values()))
        size = chunk_size(len(sources), threads)

        def submit(chunk: list[Source]):
            return client.submit(extract_chunk, chunk, date, pure=False)

        for extractions in in_order(submit, chunked(sources, size), _CHUNKS_IN_FLIGHT_PER_THREAD * threads):
            yield from extractions
