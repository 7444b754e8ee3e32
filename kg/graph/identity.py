"""One node per real thing across articles and issues.

Two mentions are one entity when their label and canonical name are equal,
or when one's name is a short form another article declared for the other
(`A（以下简称“B”）`).  A short form declared for two different names is
ambiguous and merges nothing.  Sub-units keep their own names, so
北京大学计算机学院 never merges with 北京大学.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.models import ArticleExtraction

__all__ = ["node_key", "EntityIdentity"]


def node_key(label: str, name: str) -> str:
    """The stable key of a node: `Organization:浙江省科技厅`, `Article:<id>`."""
    return f"{label}:{name}"


class EntityIdentity:
    """Canonical names across the corpus, learned from declared short forms."""

    def __init__(self) -> None:
        self._declared: dict[tuple[str, str], str] = {}
        self._ambiguous: set[tuple[str, str]] = set()

    def learn(self, articles: Iterable[ArticleExtraction]) -> None:
        """Remember every short form the articles declare for a name."""
        for article in articles:
            for entity in article.entities:
                for short in entity.declared_aliases:
                    alias = (entity.label, short.strip("《》“”"))
                    if alias[1] == entity.name or alias in self._ambiguous:
                        continue
                    if self._declared.setdefault(alias, entity.name) != entity.name:
                        self._ambiguous.add(alias)
                        del self._declared[alias]

    def canonical(self, label: str, name: str) -> str:
        """The name the corpus knows this entity by."""
        return self._declared.get((label, name.strip("《》“”")), name)
