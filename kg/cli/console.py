"""Terminal output shared by the commands: consoles, a lazy progress bar, readable help."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text
from typer.core import TyperArgument, TyperCommand

__all__ = ["console", "err_console", "progress_bar", "ReadableCommand"]

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


class ReadableCommand(TyperCommand):
    """A command whose help shows each argument by its metavar alone.

    Typer appends the Python type to arguments (`PATH... <list[str]>`); the
    metavar already says what to give.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument) and param.metavar is not None:
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
