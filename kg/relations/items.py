"""The records relation finders read and write.

Offsets here are relative to the article's text (the spaCy Doc's text);
`kg.relations.extract` turns them into issue offsets for the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["EntityMention", "SentenceView", "Relation"]


@dataclass(frozen=True)
class EntityMention:
    """One surface occurrence of a canonical entity of the article."""

    name: str  # the entity's canonical name
    label: str
    start: int
    end: int
    nested: bool  # inside a longer mention (北京大学 in 北京大学计算机学院)

    @property
    def key(self) -> tuple[str, str]:
        return (self.label, self.name)


@dataclass(frozen=True)
class SentenceView:
    """A sentence with the entity mentions inside it, in text order."""

    start: int
    end: int
    text: str
    mentions: tuple[EntityMention, ...]

    def between(self, left: EntityMention, right: EntityMention) -> str:
        """The words between two mentions (empty when they touch or overlap)."""
        return self.text[left.end - self.start : right.start - self.start] if left.end <= right.start else ""

    def before(self, mention: EntityMention) -> str:
        return self.text[: mention.start - self.start]

    def after(self, mention: EntityMention) -> str:
        return self.text[mention.end - self.start :]

    @property
    def top_level(self) -> tuple[EntityMention, ...]:
        return tuple(m for m in self.mentions if not m.nested)


@dataclass(frozen=True)
class Relation:
    """A typed edge between two canonical entities, with the sentence that shows it."""

    source: tuple[str, str]  # (label, canonical name)
    type: str
    target: tuple[str, str]
    sentence: SentenceView
    basis: str  # what made it: a pattern name, "name", "gazetteer"
    properties: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def identity(self) -> tuple:
        """Two findings of one relation in one article are one relation."""
        return (self.source, self.type, self.target, tuple(sorted(self.properties.items())))
