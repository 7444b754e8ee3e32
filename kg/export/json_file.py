"""JSON files kg writes: UTF-8 text as it reads (no \\u escapes), one space of indent, whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.export.atomic import atomic_path

__all__ = ["write_json"]


def write_json(data: Any, path: Path) -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
