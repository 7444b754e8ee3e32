"""Newsletters at fsspec URLs (`s3://bucket/issues/`, `hdfs://…`, `file:///…`): listed and read.

A Dask cluster's workers rarely share the client's disk, so `kg extract
--dask` also takes URLs that every worker can read.  fsspec comes with
`kg[dask]`; each protocol needs its own package (`s3fs` for s3://).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kg.ingest.decoding import DecodeError
from kg.ingest.manifest import ManifestError
from kg.models import Issue, ReadError

__all__ = ["is_url", "expand_url", "read_url_issue"]

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_SUFFIXES = (".txt", ".text")


def is_url(argument: str | Path) -> bool:
    """Whether a command-line argument is a URL (`s3://…`) rather than a local path."""
    return isinstance(argument, str) and bool(_URL.match(argument))


def _filesystem(url: str):  # -> (fsspec.AbstractFileSystem, path)
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise OSError(f"reading {url} needs fsspec: pip install 'kg[dask]'") from None
    return url_to_fs(url)


def expand_url(url: str) -> list[str] | ReadError:
    """The newsletter files a URL names: itself, the `.txt` files under it, or a glob's matches; sorted."""
    try:
        fs, path = _filesystem(url)
        if fs.isdir(path):
            found = [p for p in fs.find(path) if p.lower().endswith(_SUFFIXES)]
        elif fs.isfile(path):
            found = [path]
        else:
            found = [p for p in fs.glob(path) if fs.isfile(p)]
    except (OSError, ValueError) as error:
        return ReadError(Path(url), f"cannot be listed ({error})")
    if not found:
        return ReadError(Path(url), "names no newsletter file (no such file, or no .txt under it)")
    return [fs.unstrip_protocol(p) for p in sorted(found)]


def read_url_issue(url: str, *, date: dt.date | None = None) -> Issue | ReadError:
    """Read one newsletter from a URL, as `read_issue` reads a local file."""
    from kg.ingest.reader import issue_from_bytes

    try:
        fs, path = _filesystem(url)
        data = fs.cat_file(path)
    except OSError as error:
        return ReadError(Path(url), f"cannot be read ({error})")
    try:  # named by its path on the filesystem: the file name is the record's `source`, as for a local file
        return issue_from_bytes(data, Path(path), date=date)
    except (DecodeError, ManifestError) as error:
        return ReadError(Path(url), str(error))
