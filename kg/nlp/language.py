"""The spaCy pipeline: Chinese with jieba, then kg's components, built once."""

from __future__ import annotations

import logging
from functools import cache

import jieba
import spacy
from spacy.language import Language

import kg.nlp.components  # noqa: F401  (registers the kg_* factories)

__all__ = ["PIPELINE", "build_nlp", "get_nlp"]

# The statistical recogniser comes after the rules: it keeps only names no rule's candidate overlaps.
PIPELINE = ("kg_regions", "kg_organizations", "kg_people", "kg_titled_names", "kg_statistical_people",
            "kg_entity_resolver")


def build_nlp(components: tuple[str, ...] = PIPELINE) -> Language:
    """A blank Chinese pipeline segmented by jieba, with kg's components."""
    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not the user's business
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in components:
        nlp.add_pipe(name)
    return nlp


@cache
def get_nlp() -> Language:
    """The process-wide pipeline: jieba's dictionary is loaded once."""
    return build_nlp()
