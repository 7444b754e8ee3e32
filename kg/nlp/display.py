"""Render an article's entities: displaCy HTML, or colours in the terminal."""

from __future__ import annotations

from rich.text import Text
from spacy import displacy
from spacy.tokens import Doc

__all__ = ["LABEL_COLOURS", "render_html", "render_terminal"]

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


def render_terminal(doc: Doc) -> Text:
    text = Text()
    cursor = 0
    for ent in doc.ents:
        text.append(doc.text[cursor : ent.start_char])
        text.append(ent.text, style=f"bold black on {LABEL_COLOURS[ent.label_]}")
        text.append(f"[{ent.label_}]", style="dim")
        cursor = ent.end_char
    text.append(doc.text[cursor:])
    return text
