"""The spaCy pipeline: Chinese with jieba, then kg's components, built once."""

from __future__ import annotations

import atexit
import logging
import shutil
import tempfile
from functools import cache
from pathlib import Path

import jieba
import spacy
from spacy.language import Language

import kg.nlp.components  # noqa: F401  (registers the kg_* factories)
from kg.config import user_cache_dir

__all__ = ["PIPELINE", "build_nlp", "get_nlp"]

# The statistical recogniser comes after the rules: it keeps only names no rule's candidate overlaps.
PIPELINE = (
    "kg_regions",
    "kg_organizations",
    "kg_people",
    "kg_titled_names",
    "kg_statistical_people",
    "kg_entity_resolver",
)


def build_nlp(components: tuple[str, ...] = PIPELINE) -> Language:
    """A blank Chinese pipeline segmented by jieba, with kg's components."""
    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not the user's business
    _keep_jieba_cache_private()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in components:
        nlp.add_pipe(name)
    return nlp


def _keep_jieba_cache_private() -> None:
    """jieba caches its dictionary at /tmp/jieba.cache, one path for every user of the machine:
    another user's file there fails the run with a traceback, and anyone could plant one.  The
    cache goes to kg's user cache directory; with none to be had (no writable home), to a
    directory of this run's own, removed at exit."""
    directory = user_cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        directory = Path(tempfile.mkdtemp(prefix="kg-jieba-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
    jieba.dt.tmp_dir = str(directory)


@cache
def get_nlp() -> Language:
    """The process-wide pipeline: jieba's dictionary is loaded once."""
    return build_nlp()
