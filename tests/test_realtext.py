"""Scores on real news articles (`../shared/realtext`), pinned where the corpus is at hand.

The texts belong to their publishers and are never copied here; the test
reads them in place (or from `KG_REALTEXT`) and is skipped on a machine
that does not have them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.eval.scores import Report
from kg.eval.scoring import score_articles
from kg.pipeline import extract_records, read_corpus

REALTEXT = Path(os.environ.get("KG_REALTEXT", Path(__file__).resolve().parents[2] / "shared" / "realtext"))
PINS = {"entities": 0.915, "relations": 0.80, "industries": 0.93}

pytestmark = pytest.mark.skipif(not (REALTEXT / "gold").is_dir(), reason=f"no real-text corpus at {REALTEXT}")


@pytest.fixture(scope="module")
def report() -> Report:
    total = Report()
    for gold_path in sorted((REALTEXT / "gold").glob("*.json")):
        issues = read_corpus([REALTEXT / "issues" / f"{gold_path.stem}.txt"]).issues
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
        score_articles(gold, list(extract_records(issues)), total)
    return total


def test_every_article_is_found_and_no_other(report):
    assert (report.articles.fn, report.articles.fp) == (0, 0)


def test_scores_are_pinned(report):
    assert report.entities.f1 >= PINS["entities"]
    assert report.relations.f1 >= PINS["relations"]
    assert report.industries.recall >= PINS["industries"]
