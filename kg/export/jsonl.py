"""Extracted articles → the JSONL file of the extraction guide (`ArticleExtraction.to_record`, a line each).

Offsets in a record (`start`, `end`, mention and evidence offsets) index
the issue's normalised text; `text` is that text from `start` to `end`, so
`text[m["start"] - start : m["end"] - start]` is a mention's surface form.
Dates (`issue_date`, the article's `date`) are ISO strings, or null when
nothing dates the issue; fields the guide allows beside its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from kg.export.atomic import atomic_path
from kg.models import ArticleExtraction

__all__ = ["write_jsonl", "write_jsonl_file"]


def write_jsonl(articles: Iterable[ArticleExtraction], handle: IO[str]) -> int:
    """Write one compact JSON object per article; returns the number written."""
    count = 0
    for article in articles:
        handle.write(json.dumps(article.to_record(), ensure_ascii=False, separators=(",", ":")))
        handle.write("\n")
        count += 1
    return count


def write_jsonl_file(articles: Iterable[ArticleExtraction], path: Path) -> int:
    """Write the articles to `path` atomically: a failure leaves no half file."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8") as handle:
        return write_jsonl(articles, handle)
