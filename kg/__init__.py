"""kg: Chinese industry-intelligence newsletters into a knowledge graph.

Example: ``kg.build("data/samples").write("out")`` writes what `kg build -o out` does; the README's
"Python API" section and each function's docstring show the rest.  The functions are `kg.api`'s;
they and the record types load on first use (PEP 562), so `import kg` and `kg --help` stay quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names below load, for type checkers (`x as x`: re-exported)
    from kg.api import (
        InputError as InputError,
    )
    from kg.api import (
        SchemaError as SchemaError,
    )
    from kg.api import (
        UnknownArticle as UnknownArticle,
    )
    from kg.api import (
        analyze as analyze,
    )
    from kg.api import (
        article_doc as article_doc,
    )
    from kg.api import (
        brief as brief,
    )
    from kg.api import (
        build as build,
    )
    from kg.api import (
        extract as extract,
    )
    from kg.api import (
        graph_of as graph_of,
    )
    from kg.api import (
        load as load,
    )
    from kg.api import (
        nlp as nlp,
    )
    from kg.api import (
        parse as parse,
    )
    from kg.api import (
        query as query,
    )
    from kg.api import (
        read as read,
    )
    from kg.api import (
        read_graph as read_graph,
    )
    from kg.api import (
        run_query as run_query,
    )
    from kg.api import (
        write_extraction as write_extraction,
    )
    from kg.graph.knowledge import (
        KnowledgeGraph as KnowledgeGraph,
    )
    from kg.models import (
        Article as Article,
    )
    from kg.models import (
        ArticleExtraction as ArticleExtraction,
    )
    from kg.models import (
        Entity as Entity,
    )
    from kg.models import (
        IndustryScore as IndustryScore,
    )
    from kg.models import (
        Issue as Issue,
    )
    from kg.models import (
        Mention as Mention,
    )
    from kg.models import (
        Relation as Relation,
    )
    from kg.pipeline import (
        Corpus as Corpus,
    )
    from kg.store.writer import (
        LoadStats as LoadStats,
    )

__version__ = "0.1.0"

# Public name → the module that defines it.
_HOMES = {
    **dict.fromkeys(
        (
            "read",
            "parse",
            "extract",
            "build",
            "read_graph",
            "graph_of",
            "analyze",
            "brief",
            "article_doc",
            "write_extraction",
            "load",
            "bulk_load",
            "query",
            "run_query",
            "InputError",
            "SchemaError",
            "UnknownArticle",
        ),
        "kg.api",
    ),
    "KnowledgeGraph": "kg.graph.knowledge",
    **dict.fromkeys(
        ("Article", "ArticleExtraction", "Entity", "IndustryScore", "Issue", "Mention", "Relation"), "kg.models"
    ),
    "Corpus": "kg.pipeline",
    "LoadStats": "kg.store.writer",
}

__all__ = ["__version__", "nlp", *_HOMES]


def __getattr__(name: str) -> Any:
    if name == "nlp":  # the package kg.nlp, callable as `kg.nlp()`: importing its modules binds the name to it anyway
        return import_module("kg.nlp")
    if name not in _HOMES:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
