"""Terminal output shared by the commands: consoles and a lazy progress bar."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

__all__ = ["console", "err_console", "progress_bar"]

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

# Work shorter than this shows no bar at all.
_SHOW_AFTER_SECONDS = 1.0


class _RateColumn(ProgressColumn):
    """Items per second: `12,345 rows/s`."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} {self.unit}/s")


@contextmanager
def progress_bar(description: str, total: int | None, unit: str | None = None) -> Iterator[Callable[[int], None]]:
    """Yield `advance(n)`; the bar (on stderr) appears once work passes a second.

    With `unit` ("rows") the bar also shows the rate.
    """
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    if unit is not None:
        columns.append(_RateColumn(unit))
    progress = Progress(*columns, console=err_console, transient=True)
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
