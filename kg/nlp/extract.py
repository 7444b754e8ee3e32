"""Articles → entity records: the spaCy pipeline run in batches, then aliases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.models import Article, Issue
from kg.nlp.aliases import ArticleEntity
from kg.nlp.candidates import SOURCE_TEXT
from kg.nlp.language import get_nlp

__all__ = ["process_articles", "entity_records"]


def process_articles(issue: Issue, articles: Iterable[Article] | None = None) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles with `nlp.pipe`, yielding each with its Doc."""
    chosen = list(issue.articles if articles is None else articles)
    nlp = get_nlp()
    yield from zip(chosen, nlp.pipe((_made_doc(nlp, issue.text[a.start:a.end]) for a in chosen), batch_size=16))


def _made_doc(nlp: Language, text: str) -> Doc:
    """The tokenised doc, remembering its text so no component rebuilds it from the tokens."""
    doc = nlp.make_doc(text)
    doc.user_data[SOURCE_TEXT] = text
    return doc


def entity_records(article: Article, entities: list[ArticleEntity]) -> list[dict[str, Any]]:
    """The guide's `entities` list; mention offsets index the issue's text."""
    return [
        {
            "name": entity.name,
            "label": entity.label,
            "aliases": entity.aliases,
            "declared_aliases": entity.declared,
            "mentions": [{"start": article.start + s, "end": article.start + e} for s, e in entity.mentions],
        }
        for entity in entities
    ]
