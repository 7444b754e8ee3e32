"""Articles → Docs: the spaCy pipeline run in batches, then the components that read a whole article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from kg.models import Article, Entity, Issue, Mention
from kg.nlp.aliases import ArticleEntity
from kg.nlp.candidates import SOURCE_TEXT
from kg.nlp.language import ARTICLE_COMPONENTS, get_nlp
from kg.relations.component import ARTICLE
from kg.text.sentences import segment_bounds

__all__ = ["SEGMENT_CHARS", "process_articles", "entity_records"]

# The longest text the recognisers see at once.  Ten times the longest article of the test and
# real-text corpora, so those are one piece each; a longer article (a report pasted whole) is run
# in pieces cut where sentences end, which keeps the recognisers' work per character bounded and
# the text under spaCy's `nlp.max_length`.
SEGMENT_CHARS = 20_000


def process_articles(
    issue: Issue,
    articles: Iterable[Article] | None = None,
    *,
    segment_chars: int = SEGMENT_CHARS,
    nlp: Language | None = None,
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles with `nlp.pipe`, yielding each with its Doc.

    An article longer than `segment_chars` (or `nlp.max_length`) is run in
    pieces ending at sentence ends, joined back into one Doc of the whole
    article: its offsets index the article's text as for any other.  The
    components that read a whole article (`kg_aliases`, `kg_relations`) then
    run on it, so `doc._.kg_entities` and `doc._.kg_relations` hold the
    article's entities and relations.
    """
    chosen = list(issue.articles if articles is None else articles)
    nlp = nlp or get_nlp()
    limit = min(segment_chars, nlp.max_length)
    pieces = (
        (_made_doc(nlp, text[start:end]), index)
        for index, text in enumerate(issue.text[a.start : a.end] for a in chosen)
        for start, end in segment_bounds(text, limit)
    )
    whole = [(name, component) for name, component in nlp.pipeline if name in ARTICLE_COMPONENTS]
    docs = nlp.pipe(pieces, batch_size=16, as_tuples=True, disable=[name for name, _ in whole])
    for index, group in groupby(docs, key=itemgetter(1)):
        doc = _joined([doc for doc, _ in group])
        doc.user_data[ARTICLE] = chosen[index]
        for _, component in whole:
            doc = component(doc)
        yield chosen[index], doc


def _made_doc(nlp: Language, text: str) -> Doc:
    """The tokenised doc, remembering its text so no component rebuilds it from the tokens."""
    doc = nlp.make_doc(text)
    doc.user_data[SOURCE_TEXT] = text
    return doc


def _joined(docs: list[Doc]) -> Doc:
    """One Doc of an article run in pieces: tokens, entities and nested names at the article's offsets.

    Built from the pieces' offset arrays: `Doc.from_docs` walks every token as a Python
    object, which costs more than the recognisers on an article of a million characters.
    """
    if len(docs) == 1:
        return docs[0]
    words: list[str] = []
    spaces: list[bool] = []
    ents: list[tuple[int, int, str]] = []
    nested: list[tuple[int, int, str]] = []
    offset = 0
    for piece in docs:
        text = piece.user_data[SOURCE_TEXT]
        for start, length, space in piece.to_array([IDX, LENGTH, SPACY]).tolist():
            words.append(text[start : start + length])
            spaces.append(bool(space))
        ents += [(e.start_char + offset, e.end_char + offset, e.label_) for e in piece.ents]
        nested += [(e.start_char + offset, e.end_char + offset, e.label_) for e in piece.spans["kg_nested"]]
        offset += len(text)
    doc = Doc(docs[0].vocab, words=words, spaces=spaces)
    doc.user_data[SOURCE_TEXT] = "".join(piece.user_data[SOURCE_TEXT] for piece in docs)
    doc.ents = [doc.char_span(start, end, label=label) for start, end, label in ents]
    doc.spans["kg_nested"] = [doc.char_span(start, end, label=label) for start, end, label in nested]
    return doc


def entity_records(article: Article, entities: list[ArticleEntity]) -> tuple[Entity, ...]:
    """The article's entities as typed records; mention offsets index the issue's text."""
    return tuple(
        Entity(
            entity.name,
            entity.label,
            tuple(entity.aliases),
            tuple(entity.declared),
            tuple(Mention(article.start + s, article.start + e) for s, e in entity.mentions),
        )
        for entity in entities
    )
