"""`kg eval`'s scores as a rich table: `kg.eval` returns the `Report`, the command (and benchmarks/realtext.py) prints it."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from kg.eval.scores import Report, Score

__all__ = ["report_table"]


def _row(table: Table, name: str, score: Score) -> None:
    table.add_row(
        escape(name),
        str(score.tp),
        str(score.fp),
        str(score.fn),
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
    )


def report_table(report: Report) -> Table:
    table = Table(title="kg eval")
    for column in ("what", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "what" else "right")
    _row(table, "articles", report.articles)
    _row(table, "entities", report.entities)
    for label in sorted(report.by_label):
        _row(table, f"  {label}", report.by_label[label])
    if report.industries.tp + report.industries.fn:
        top1 = report.industries.recall
        table.add_row("industry top-1", str(report.industries.tp), "", str(report.industries.fn), "", "", f"{top1:.3f}")
    if report.relations.tp + report.relations.fp + report.relations.fn:
        _row(table, "relations", report.relations)
        for kind in sorted(report.by_type):
            _row(table, f"  {kind}", report.by_type[kind])
    return table
