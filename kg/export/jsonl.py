"""Extracted articles → the JSONL file of the extraction guide (`ArticleExtraction.to_record`, a line each).

Offsets in a record (`start`, `end`, mention and evidence offsets) index
the issue's normalised text; `text` is that text from `start` to `end`, so
`text[m["start"] - start : m["end"] - start]` is a mention's surface form.
Dates (`issue_date`, the article's `date`) are ISO strings, or null when
nothing dates the issue; fields the guide allows beside its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from kg.export.atomic import atomic_path

__all__ = ["write_jsonl", "write_jsonl_file", "read_jsonl"]


def write_jsonl(records: Iterable[Mapping[str, Any]], handle: IO[str]) -> int:
    """Write one compact JSON object per record (`ArticleExtraction.to_record()`); returns the number written."""
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        handle.write("\n")
        count += 1
    return count


def write_jsonl_file(records: Iterable[Mapping[str, Any]], path: Path) -> int:
    """Write records to `path` atomically: a failure leaves no half file."""
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8") as handle:
        return write_jsonl(records, handle)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSONL file, one at a time: a corpus's extraction is read back without being held."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
