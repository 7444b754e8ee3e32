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


@cache
def load_data_yaml(relative: str) -> Any:
    """Parse a YAML file under `data/` once per process."""
    with open(DATA_DIR / relative, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def user_cache_dir() -> Path:
    """kg's cache directory for this user (~/.cache/kg, or $XDG_CACHE_HOME/kg): no other user writes there."""
    return platformdirs.user_cache_path("kg")
