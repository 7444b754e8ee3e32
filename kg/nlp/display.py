"""Render an article's entities as displaCy HTML; the colours are also the terminal's (`kg show`, in kg/cli/)."""

from __future__ import annotations

from spacy import displacy
from spacy.tokens import Doc

__all__ = ["LABEL_COLOURS", "render_html"]

LABEL_COLOURS = {
    "Organization": "#7aecec",
    "Region": "#feca74",
    "Person": "#aa9cfc",
    "Program": "#bfe1d9",
    "Document": "#e4e7d2",
    "Event": "#ff9561",
    "Industry": "#c887fb",
}


def render_html(doc: Doc, title: str) -> str:
    """A standalone displaCy page (no scripts, no network) for one article."""
    doc.user_data["title"] = title
    return displacy.render(doc, style="ent", page=True, options={"colors": LABEL_COLOURS})
