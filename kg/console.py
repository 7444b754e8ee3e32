"""Terminal output shared by the commands: consoles and a lazy progress bar."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

__all__ = ["console", "err_console", "progress_bar"]

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

# Work shorter than this shows no bar at all.
_SHOW_AFTER_SECONDS = 1.0


@contextmanager
def progress_bar(description: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """Yield `advance(n)`; the bar (on stderr) appears once work passes a second."""
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err_console, transient=True,
    )
    task = progress.add_task(description, total=total)
    started_at = time.monotonic()
    shown = False

    def advance(n: int = 1) -> None:
        nonlocal shown
        progress.advance(task, n)
        if not shown and time.monotonic() - started_at > _SHOW_AFTER_SECONDS:
            progress.start()
            shown = True

    try:
        yield advance
    finally:
        if shown:
            progress.stop()
