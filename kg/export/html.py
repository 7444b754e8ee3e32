"""Graph → index.html: one file that explores the graph offline in a browser.

The page draws with vis-network, whose standalone build ships inside the
pyvis package: it is read from the installed package and inlined with kg's
own template and the graph's data (`kg.export.html_view`), so the file
opens from disk with no network and the repository carries no third-party
code.  Colours, which labels start visible and the explorer's sizes are
data: `data/display.yaml`.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from kg.export.atomic import atomic_path
from kg.export.html_view import ExplorerSettings, view_data
from kg.graph.knowledge import KnowledgeGraph

__all__ = ["render_html", "view_data", "write_html"]

_TEMPLATES = files("kg.export") / "templates"
_SLOT = re.compile(r"\{\{kg:([\w.-]+)\}\}")
# Escapes that keep JSON inert inside <script>: no `</script>` or `<!--` can form.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def render_html(graph: KnowledgeGraph, settings: ExplorerSettings | None = None) -> str:
    """The whole page as text: kg's template with vis-network and the data inlined (`settings`: the
    explorer's, data/display.yaml's unless given)."""
    script, style = _vis_network()
    slots = {
        "data": json.dumps(view_data(graph, settings), ensure_ascii=False, separators=(",", ":")).translate(
            _SCRIPT_SAFE
        ),
        "view.js": _raw_text("view.js", (_TEMPLATES / "view.js").read_text(encoding="utf-8"), "script"),
        "vis-network.js": _raw_text("vis-network.min.js", script, "script"),
        "vis-network.css": _raw_text("vis-network.css", style, "style"),
    }
    template = (_TEMPLATES / "index.html").read_text(encoding="utf-8")
    # One pass: text put into a slot is never searched for further slots.
    return _SLOT.sub(lambda match: slots[match.group(1)], template)


def write_html(graph: KnowledgeGraph, path: Path, settings: ExplorerSettings | None = None) -> None:
    """Write the page to `path` atomically: a failure leaves no half file.

    Example: ``write_html(graph, Path("out/index.html"))``, then open
    out/index.html in any browser, offline.
    """
    text = render_html(graph, settings)
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8")


def _raw_text(name: str, text: str, element: str) -> str:
    """Text inlined into <script>/<style> as is: it must not close its element early."""
    if f"</{element}" in text.lower():
        raise ValueError(f"{name} contains '</{element}' and cannot be inlined into index.html")
    return text


@cache
def _vis_network() -> tuple[str, str]:
    """vis-network's standalone JS and CSS from pyvis, the newest version it ships."""
    versions = [entry for entry in (files("pyvis") / "lib").iterdir() if entry.name.startswith("vis-")]
    if not versions:
        raise FileNotFoundError("pyvis ships no lib/vis-*/ folder; reinstall kg's dependencies (pip install -e .)")
    newest = max(versions, key=lambda entry: tuple(int(part) for part in entry.name[4:].split(".")))
    return (
        (newest / "vis-network.min.js").read_text(encoding="utf-8"),
        (newest / "vis-network.css").read_text(encoding="utf-8"),
    )
