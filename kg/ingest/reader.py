"""Newsletter files → `Issue`s: decode, normalise (Traditional → Simplified), split."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from kg.ingest.dates import date_issue
from kg.ingest.decoding import DecodeError, decode_newsletter
from kg.ingest.ids import issue_id
from kg.ingest.manifest import ManifestError
from kg.ingest.normalize import normalize_text
from kg.ingest.remote import is_url, read_url_issue
from kg.ingest.splitting import split_issue
from kg.models import Issue, ReadError

__all__ = ["read_issue", "read_issues", "parse_issue", "issue_from_bytes"]


def parse_issue(
    source: str, path: Path, encoding: str = "utf-8", warnings: tuple[str, ...] = (), *, date: dt.date | None = None
) -> Issue:
    """Split already-decoded text into a dated `Issue` (`date`: the user's, for an issue whose masthead has none)."""
    normalized = normalize_text(source)
    ident = issue_id(normalized.text)
    result = split_issue(normalized, ident)
    issue = Issue(
        ident,
        path,
        encoding,
        normalized.text,
        result.sections,
        result.articles,
        result.front_matter,
        normalized.script,
        normalized.written,
        warnings=warnings,
    )
    return date_issue(issue, date)


def read_issue(path: Path, *, date: dt.date | None = None) -> Issue:
    """Read one file; raises `DecodeError`, `ManifestError` (or `OSError`) with the reason.

    A file with no article in it (section headings alone) is no newsletter to read.
    """
    return issue_from_bytes(path.read_bytes(), path, date=date)


def issue_from_bytes(data: bytes, path: Path, *, date: dt.date | None = None) -> Issue:
    """A file's bytes, read from wherever (`path` names it); raises `DecodeError` or `ManifestError`."""
    decoded = decode_newsletter(data)
    issue = parse_issue(decoded.text, path, decoded.encoding, decoded.warnings, date=date)
    if not issue.articles:
        named = [section for section in issue.sections if section]
        headings = ", ".join(named[:3]) + ("…" if len(named) > 3 else "")
        raise DecodeError("has no articles: only section headings" + (f" ({headings})" if headings else ""))
    return issue


def read_issues(paths: list[Path | str], *, date: dt.date | None = None) -> Iterator[Issue | ReadError]:
    """Read each file (a path, or an fsspec URL), yielding an `Issue` or the `ReadError` that stopped it."""
    for path in paths:
        if isinstance(path, str) and is_url(path):
            yield read_url_issue(path, date=date)
            continue
        path = Path(path)
        try:
            yield read_issue(path, date=date)
        except (DecodeError, ManifestError) as error:
            yield ReadError(path, str(error))
        except OSError as error:
            yield ReadError(path, f"cannot be read ({error.strerror or error})")
