"""The spaCy pipeline: Chinese with jieba, then kg's components.

`build_pipeline(data_dir)` makes one for any data directory; `get_nlp()` is
the process-wide pipeline of kg's own data, loaded once (from the user cache,
`kg.nlp.pipeline_cache`, when a sound one is there).
"""

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
import kg.relations.component  # noqa: F401  (registers kg_relations)
from kg.config import user_cache_dir

__all__ = ["PIPELINE", "ARTICLE_COMPONENTS", "build_pipeline", "build_nlp", "get_nlp"]

# The statistical recogniser comes after the rules: it keeps only names no rule's candidate overlaps.
PIPELINE = (
    "kg_regions",
    "kg_organizations",
    "kg_people",
    "kg_titled_names",
    "kg_statistical_people",
    "kg_entity_resolver",
    "kg_aliases",
    "kg_relations",
)
# Components that read a whole article: run once its pieces are joined (`kg.nlp.extract`).
ARTICLE_COMPONENTS = ("kg_aliases", "kg_relations")


def build_pipeline(data_dir: str | Path | None = None, components: tuple[str, ...] = PIPELINE) -> Language:
    """A blank Chinese pipeline segmented by jieba, with kg's components reading `data_dir` (default kg's `data/`).

    >>> nlp = build_pipeline()
    >>> [(e.text, e.label_) for e in nlp("科技部部长王志刚表示。").ents]
    [('科技部', 'Organization'), ('王志刚', 'Person')]
    """
    prepare_jieba()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in components:
        nlp.add_pipe(name, config={"data_dir": str(data_dir) if data_dir else None})
    return nlp


def build_nlp(components: tuple[str, ...] = PIPELINE) -> Language:
    """kg's own pipeline with the components chosen."""
    return build_pipeline(None, components)


def prepare_jieba() -> None:
    """Quiet jieba and keep its dictionary cache private, before a pipeline segmented by it is made or loaded."""
    jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not the user's business
    _keep_jieba_cache_private()


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
    """The process-wide pipeline of kg's own data, loaded once (from the user cache when it is there)."""
    from kg.nlp.pipeline_cache import load_pipeline  # it builds pipelines with this module

    return load_pipeline()
