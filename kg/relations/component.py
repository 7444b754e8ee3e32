"""`kg_relations`: the article's relations on its Doc, `doc._.kg_relations`.

It reads the entities `kg_aliases` put on the Doc and the article's layout
(headline, subheadings, paragraphs and sentences) that `kg.nlp.extract` puts
in `doc.user_data[ARTICLE]`; a Doc made from plain text (`nlp("…")`) is read
as one article whose lines are paragraphs, cut into sentences as kg's reader
cuts them.  Offsets of the relations' sentences index the Doc's text.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.models import Article, Paragraph
from kg.nlp.candidates import token_view
from kg.nlp.data_component import DataComponent
from kg.relations.extract import article_relations
from kg.relations.rules import load_relation_rules
from kg.text.sentences import split_sentences

__all__ = ["RelationComponent", "ARTICLE"]

# `doc.user_data` key of the `Article` a Doc was made from.
ARTICLE = "kg_article"

if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=None)


class RelationComponent(DataComponent):
    """Finds the relations between the Doc's entities (`kg.relations.extract`): `doc._.kg_relations`."""

    def __call__(self, doc: Doc) -> Doc:
        text = token_view(doc).text
        article = doc.user_data.get(ARTICLE) or plain_article(text)
        doc._.kg_relations = article_relations(article, text, doc._.kg_entities, load_relation_rules(self.gaz))
        return doc


def plain_article(text: str) -> Article:
    """A text read as one untitled article: each non-blank line a paragraph."""
    paragraphs, start = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            paragraphs.append(Paragraph(start, start + len(body), body, split_sentences(body, start)))
        start += len(line)
    return Article("", "", 0, "", None, True, 0, len(text), None, paragraphs)


@Language.factory(
    "kg_relations", assigns=["doc._.kg_relations"], requires=["doc._.kg_entities"], default_config={"data_dir": None}
)
def make_relations(nlp: Language, name: str, data_dir: str | None) -> RelationComponent:
    return RelationComponent(data_dir)
