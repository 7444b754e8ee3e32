"""Typed attribute columns for the XML formats (GEXF, GraphML), which declare each attribute once.

Both formats hold no lists, so lists (aliases, article ids) are written as
JSON text; both name their types alike (`string`, `long`, `double`, `boolean`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from kg.export.atomic import atomic_path

__all__ = ["column_types", "xml_text", "write_xml"]


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def column_types(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Attribute name → XML type, in order of first appearance; whole and decimal numbers together are `double`."""
    seen: dict[str, set[str]] = {}
    for row in rows:
        for name, value in row.items():
            seen.setdefault(name, set()).add(_type(value))
    return {
        name: types.pop() if len(types) == 1 else "double" if types == {"long", "double"} else "string"
        for name, types in seen.items()
    }


def xml_text(value: Any) -> str:
    """A value as its attribute text: `true`/`false`, numbers as Python writes them, lists as JSON."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_xml(root: ElementTree.Element, path: Path) -> None:
    """Indented UTF-8 with its declaration, written whole or not at all."""
    ElementTree.indent(root)
    with atomic_path(path) as temporary:
        ElementTree.ElementTree(root).write(temporary, encoding="utf-8", xml_declaration=True)
