"""Score the article → industry classification against gold.

Gold articles (the `articles` of a `tests/gold/` file) carry `industries`,
the list of taxonomy nodes the article is about, in no particular order.
System records are the JSONL records of `kg extract` with their
`industries` filled (`[{"name": …, "score": …}]`, best first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["IndustryTop1", "industry_top1"]


@dataclass
class IndustryTop1:
    """Top-1 accuracy, with the articles that missed as
    (title, gold industries, system's first industry or None)."""

    correct: int = 0
    total: int = 0
    misses: list[tuple[str, list[str], str | None]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def industry_top1(gold_articles: list[dict[str, Any]], system_records: list[dict[str, Any]]) -> IndustryTop1:
    """Top-1 industry accuracy over the gold articles, paired by title.

    An article is correct when the system's first industry is one of the
    gold article's `industries`.  An article whose gold list is empty (an
    editor's note, a speech about innovation in general) is correct only
    when the system gives it no industry at all (`[]`); any industry is a
    miss.  A gold article with no system record of the same title counts
    as a miss (the system said nothing), unless its gold list is empty.

    >>> gold = [{"title": "甲", "industries": ["新材料"]}, {"title": "编者的话", "industries": []}]
    >>> system = [{"title": "甲", "industries": [{"name": "新材料", "score": 0.8}]},
    ...           {"title": "编者的话", "industries": []}]
    >>> industry_top1(gold, system).accuracy
    1.0
    """
    by_title = {record["title"]: record for record in system_records}
    result = IndustryTop1()
    for gold in gold_articles:
        expected = list(gold.get("industries", []))
        found = by_title.get(gold["title"], {}).get("industries", [])
        first = found[0]["name"] if found else None
        result.total += 1
        if (first in expected) if expected else first is None:
            result.correct += 1
        else:
            result.misses.append((gold["title"], expected, first))
    return result
