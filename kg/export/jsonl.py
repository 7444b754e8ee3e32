"""Articles → the JSONL records of the extraction guide.

Offsets in a record (`start`, `end`, mention and evidence offsets) index
the issue's normalised text; `text` is that text from `start` to `end`, so
`text[m["start"] - start : m["end"] - start]` is a mention's surface form.
Dates (`issue_date`, the article's `date`) are ISO strings, or null when
nothing dates the issue; fields the guide allows beside its own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from kg.export.atomic import atomic_path
from kg.models import Article, Issue

__all__ = ["article_record", "write_jsonl", "write_jsonl_file", "read_jsonl"]


def article_record(issue: Issue, article: Article) -> dict[str, Any]:
    """The guide's fields for one article; extraction stages fill the lists."""
    return {
        "issue": issue.id,
        "article": article.id,
        "source": issue.path.name,
        "issue_date": _iso(issue.date),
        "issue_number": issue.number,
        "issue_total_number": issue.total_number,
        "issue_dated_by": issue.dated_by,
        "position": article.position,
        "date": _iso(article.date),
        "dated_by": article.dated_by,
        "title": _written_title(issue, article),
        "section": article.section,
        "untitled": article.untitled,
        "subheadings": [s.text for s in article.subheadings],
        "start": article.start,
        "end": article.end,
        "text": issue.text[article.start:article.end],
        "sentences": [[s.start, s.end] for s in article.sentences],
        "industries": [],
        "entities": [],
        "relations": [],
    }


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _written_title(issue: Issue, article: Article) -> str:
    """A headline as the file wrote it: users and their gold know an article by that title."""
    headline = article.headline
    if headline is not None and issue.text[headline.start:headline.end] == article.title:
        return issue.as_written(headline.start, headline.end)
    return article.title


def write_jsonl(records: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    """Write one compact JSON object per line; returns the number written."""
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        handle.write("\n")
        count += 1
    return count


def write_jsonl_file(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write records to `path` atomically: a failure leaves no half file."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8") as handle:
        return write_jsonl(records, handle)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, one at a time: a corpus's extraction is read back without being held."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
