"""The progress bar stays hidden on quick work and shows on slow work."""

from __future__ import annotations

import io

from rich.console import Console

import kg.cli.console


def _run(monkeypatch, show_after: float) -> str:
    sink = io.StringIO()
    monkeypatch.setattr(kg.cli.console, "err_console", Console(file=sink, force_terminal=True, width=80))
    monkeypatch.setattr(kg.cli.console, "_SHOW_AFTER_SECONDS", show_after)
    with kg.cli.console.progress_bar("Reading newsletters", total=3) as advance:
        for _ in range(3):
            advance(1)
    return sink.getvalue()


def test_quick_work_shows_no_bar(monkeypatch):
    assert _run(monkeypatch, show_after=60.0) == ""


def test_slow_work_shows_the_bar(monkeypatch):
    assert "Reading newsletters" in _run(monkeypatch, show_after=-1.0)
