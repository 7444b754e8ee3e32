"""Score extraction against hand-annotated gold (the format of `tests/gold/`).

Articles pair by title.  A system entity matches a gold entity when the
labels agree (or the system label is one of the gold `alt_labels`) and a
surface form is shared (name or alias, with or without quotes).  Gold items
marked `required: false` count neither way: matching them is no false hit,
missing them no miss.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.eval.industries import industry_top1
from kg.eval.relations import score_relations
from kg.eval.scores import Report, Score, match_items, surface_forms

__all__ = ["Score", "Report", "score_files", "score_articles"]


def _matches(system: dict[str, Any], gold: dict[str, Any]) -> bool:
    labels = {gold["label"], *gold.get("alt_labels", [])}
    return system["label"] in labels and bool(surface_forms(system) & surface_forms(gold))


def score_articles(gold_articles: list[dict], system_articles: list[dict], report: Report) -> None:
    """Add one issue's counts to `report`."""
    system_by_title = {a["title"]: a for a in system_articles}
    gold_titles = {a["title"] for a in gold_articles}
    report.articles.tp += len(gold_titles & system_by_title.keys())
    report.articles.fn += len(gold_titles - system_by_title.keys())
    report.articles.fp += len(system_by_title.keys() - gold_titles)
    for gold in gold_articles:
        system = system_by_title.get(gold["title"], {"entities": [], "relations": []})
        _score_entities(gold["title"], gold["entities"], system["entities"], report)
        score_relations(gold, system, report)
    top1 = industry_top1(gold_articles, system_articles)
    report.industries.tp += top1.correct
    report.industries.fn += top1.total - top1.correct
    report.industry_misses += top1.misses


def _score_entities(title: str, gold: list[dict], system: list[dict], report: Report) -> None:
    match_items(gold, system, _matches).tally(
        report.entities,
        report.label,
        lambda e: e["label"],
        lambda e: e["name"],
        title,
        report.misses,
        report.false_hits,
    )


def score_files(gold_paths: list[Path], system_path: Path) -> Report:
    """Score every gold file against the system JSONL (paired by `source`, then title)."""
    records = [json.loads(line) for line in system_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_source: dict[str, list[dict]] = {}
    for record in records:
        by_source.setdefault(record.get("source", ""), []).append(record)
    report = Report()
    for path in gold_paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        system = by_source.get(gold.get("source", ""), records)
        score_articles(gold["articles"], system, report)
    return report
