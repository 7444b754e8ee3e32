"""Tasks in chunks, results in order, a bounded number in flight.

Shared by the local process pool and Dask: both hand back futures with a
`result()`.  Only `window` chunks are submitted ahead of the one being
consumed, so the results waiting in memory stay bounded however many files
there are, and a slow writer holds the workers back rather than filling memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

__all__ = ["chunked", "chunk_size", "in_order"]

T = TypeVar("T")

# Files per task: large enough to amortise a round trip, small enough to balance the workers.
MAX_CHUNK_FILES = 8
CHUNKS_PER_WORKER = 4


class _Future(Protocol):
    def result(self) -> Any: ...


def chunk_size(files: int, workers: int) -> int:
    """Files per task: about CHUNKS_PER_WORKER tasks per worker, at most MAX_CHUNK_FILES files each."""
    return max(1, min(MAX_CHUNK_FILES, files // (workers * CHUNKS_PER_WORKER)))


def chunked(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of `size` items; the last may be shorter."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def in_order(submit: Callable[[list[T]], _Future], chunks: Iterable[list[T]], window: int) -> Iterator[Any]:
    """Submit each chunk, keeping at most `window` in flight; yield their results in submission order."""
    pending: deque[_Future] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
