"""`kg show` in the terminal: an article's text with each entity coloured and tagged with its label."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from kg.nlp.display import LABEL_COLOURS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["render_terminal"]


def render_terminal(doc: Doc) -> Text:
    """The Doc's text, each entity in its label's colour (as in displaCy's page) followed by `[Label]`."""
    text = Text()
    cursor = 0
    for ent in doc.ents:
        text.append(doc.text[cursor : ent.start_char])
        text.append(ent.text, style=f"bold black on {LABEL_COLOURS[ent.label_]}")
        text.append(f"[{ent.label_}]", style="dim")
        cursor = ent.end_char
    text.append(doc.text[cursor:])
    return text
