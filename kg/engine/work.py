"""The unit of work every engine runs: one newsletter file → its records.

Reading and extracting one file needs nothing from any other file, so a
file's records are the same whichever process or machine makes them; this is
what lets `--jobs` and `--dask` give output identical to a run in one process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.ingest.reader import read_issues
from kg.models import ReadError, ReadWarning

__all__ = ["FileExtraction", "extract_file", "extract_chunk", "load_pipeline", "Source"]

Source = Path | str  # a local path, or an fsspec URL (`s3://bucket/issue.txt`) the workers can read


@dataclass
class FileExtraction:
    """What one file gave: its records in document order, or the error that stopped it; its warnings either way."""

    source: Source
    records: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    error: ReadError | None = None


# A one-article issue of our own: extracting it loads what the stages load on first use
# (gazetteers, automata, the statistical model), so no worker pays for it on its first file.
_WARM_UP = "●动态\n\n会议召开\n浙江省科技厅与杭州市人民政府签署合作协议。\n"


def load_pipeline() -> None:
    """Load the pipeline and all the stages need: a worker's initializer, so each loads it once, before any file."""
    from kg.ingest.reader import parse_issue
    from kg.nlp.statistical import lac_tagger
    from kg.pipeline import extract_records

    list(extract_records([parse_issue(_WARM_UP, Path("warm-up.txt"))]))
    # The statistical model reads only what no rule found, which in the warm-up is nothing: loaded here,
    # in the fork server, rather than by every worker on its first file.
    lac_tagger()


def extract_file(source: Source, date: dt.date | None = None) -> FileExtraction:
    """Read and extract one newsletter file (`date`: the user's `--date`)."""
    from kg.pipeline import extract_records, issue_warnings  # the pipeline orders the stages; this only runs them

    [result] = read_issues([source], date=date)
    if isinstance(result, ReadError):
        return FileExtraction(source, error=result)
    return FileExtraction(source, list(extract_records([result])), issue_warnings(result))


def extract_chunk(sources: list[Source], date: dt.date | None = None) -> list[FileExtraction]:
    """Several files in one task: fewer round trips to the workers than one task per file."""
    return [extract_file(source, date) for source in sources]
