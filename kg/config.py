"""Where kg finds its data files and settings.

In a source checkout the top-level `data/`, `schemas/` and `queries/` are
used; an installed wheel carries copies under `kg/_data`, `kg/_schemas` and
`kg/_queries`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import platformdirs
import yaml

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


DATA_DIR = _first_existing(_PACKAGE / "_data", _PACKAGE.parent / "data")
SCHEMAS_DIR = _first_existing(_PACKAGE / "_schemas", _PACKAGE.parent / "schemas")
SAMPLES_DIR = DATA_DIR / "samples"
QUERIES_DIR = _first_existing(_PACKAGE / "_queries", _PACKAGE.parent / "queries")


class DataFileError(LookupError):
    """A data file lacks a key kg reads; the message names the file and the key.

    Not a `KeyError`: spaCy reads a `KeyError` from a component as one never initialised.
    """


class DataMapping(dict[str, Any]):
    """A mapping read from a data file: a missing key names the file and the key, not a bare `KeyError`.

    >>> DataMapping({"region": {"zone_suffixes": []}}, "names.yaml")["region"]["zone_sufixes"]
    Traceback (most recent call last):
    ...
    kg.config.DataFileError: names.yaml: no key `region.zone_sufixes`; check its spelling in the file
    """

    def __init__(self, raw: dict[Any, Any], file: str, where: str = "") -> None:
        super().__init__({key: _checked(value, file, f"{where}{key}.") for key, value in raw.items()})
        self.file, self.where = file, where

    def __missing__(self, key: str) -> Any:
        raise DataFileError(f"{self.file}: no key `{self.where}{key}`; check its spelling in the file")


def _checked(value: Any, file: str, where: str) -> Any:
    if isinstance(value, dict):
        return DataMapping(value, file, where)
    if isinstance(value, list):
        return [_checked(item, file, where) for item in value]
    return value


def load_data_yaml(relative: str, data_dir: Path | None = None) -> Any:
    """Parse a YAML file under `data/` (or `data_dir`) once per process, its mappings checked (`DataMapping`)."""
    return _parsed(data_dir or DATA_DIR, relative)


# libyaml's parser when PyYAML was built with it: the same documents, read ten times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _parsed(data_dir: Path, relative: str) -> Any:
    path = data_dir / relative
    with open(path, encoding="utf-8") as handle:
        return _checked(yaml.load(handle, Loader=YAML_LOADER), str(path), "")  # noqa: S506 (a safe loader)


def user_cache_dir() -> Path:
    """kg's cache directory for this user (~/.cache/kg, or $XDG_CACHE_HOME/kg): no other user writes there."""
    return platformdirs.user_cache_path("kg")
