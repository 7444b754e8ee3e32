"""`manifest.yaml`: the dates and numbers a person gives for issues that print none.

A manifest sits in the folder of the newsletters it describes and maps each
file name to what is known of that issue::

    issues:
      000_37a592d5b46665a4.txt: {date: 2024-12-16}
      xcqb-40.txt: {date: 2025-04-18, number: 4, total_number: 40}

It is checked when read: an unknown key or a date that is no date is an error
naming the manifest and the issue.  `data/samples/manifest.yaml` is the
example kg ships.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["ManifestEntry", "ManifestError", "read_manifest"]

_KEYS = frozenset({"date", "number", "total_number", "note"})


class _DatesAsWritten(yaml.SafeLoader):
    """YAML without its own dates, so a date that is no day (2025-02-30) is reported with its issue."""


_DatesAsWritten.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file and the issue."""


@dataclass(frozen=True)
class ManifestEntry:
    date: dt.date | None = None
    number: int | None = None
    total_number: int | None = None


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """The entries of the manifest at `path` by file name; none when there is no such file."""
    if not path.is_file():
        return {}
    return _read(path.resolve(), path.stat().st_mtime_ns)


@cache
def _read(path: Path, _modified: int) -> dict[str, ManifestEntry]:
    """Read once per version of the file (every issue of a folder asks for it)."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_DatesAsWritten)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ManifestError(f"{path}: cannot be read as YAML ({error})") from None
    issues = raw.get("issues") if isinstance(raw, dict) else None
    if not isinstance(issues, dict):
        raise ManifestError(f"{path}: needs a mapping `issues:` from file names to their date and number")
    return {str(name): _entry(spec, f"{path}: issue {name}") for name, spec in issues.items()}


def _entry(spec: Any, where: str) -> ManifestEntry:
    if not isinstance(spec, dict):
        raise ManifestError(f"{where}: give a mapping such as {{date: 2025-04-18, number: 4}}")
    unknown = sorted(set(map(str, spec)) - _KEYS)
    if unknown:
        raise ManifestError(f"{where}: unknown key {unknown[0]!r}; the keys are {', '.join(sorted(_KEYS))}")
    return ManifestEntry(
        _date(spec.get("date"), where),
        _count(spec.get("number"), "number", where),
        _count(spec.get("total_number"), "total_number", where),
    )


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ManifestError(f"{where}: date {value!r} is not a date written YYYY-MM-DD") from None


def _count(value: Any, key: str, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ManifestError(f"{where}: {key} {value!r} is not a positive whole number")
    return value
