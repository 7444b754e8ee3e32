"""The records passed between kg's stages.

Offsets (`start`, `end`) always index the issue's normalised text
(`Issue.text`), so every stage can cite the exact characters it used.
What extraction finds in an article is an `ArticleExtraction` of
`Entity`, `Relation` and `IndustryScore` records; `to_record` and
`from_record` turn it into the JSONL object of the extraction guide and
back, at the edges (files, graph assembly), so the stages pass types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Span",
    "Sentence",
    "Paragraph",
    "Article",
    "Issue",
    "ReadWarning",
    "ReadError",
    "Mention",
    "Entity",
    "Relation",
    "IndustryScore",
    "ArticleExtraction",
]


@dataclass(frozen=True)
class Span:
    """A half-open character range `[start, end)` of an issue's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Sentence(Span):
    text: str


@dataclass(frozen=True)
class Paragraph(Span):
    text: str
    sentences: tuple[Sentence, ...]


@dataclass
class Article:
    """A headline and its body: the unit entities and relations are found in."""

    id: str
    issue_id: str
    position: int
    title: str
    section: str | None
    untitled: bool
    start: int
    end: int
    headline: Span | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    subheadings: list[Paragraph] = field(default_factory=list)
    date: dt.date | None = None  # when the story happened: its dateline, else its issue's date
    dated_by: str | None = None  # "dateline", "recent" (日前, 近日) or "issue"

    @property
    def body_chars(self) -> int:
        """Characters of body text, headline and subheadings excluded."""
        return sum(len(p) for p in self.paragraphs)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Issue:
    """One newsletter file, decoded and normalised.

    `text` is always in Simplified characters; `script` says whether the file
    was written in them or converted from Traditional ones, and `written` keeps
    the converted characters as written, for titles users look up.
    """

    id: str
    path: Path
    encoding: str
    text: str
    sections: list[str]
    articles: list[Article]
    front_matter: list[Span] = field(default_factory=list)
    script: str = "simplified"
    written: str = ""  # `text` as written, before conversion to Simplified ("" when none was made)
    date: dt.date | None = None  # when the issue appeared (see kg/ingest/dates.py for where from)
    number: int | None = None  # its number within the year (2025年第4期 → 4)
    total_number: int | None = None  # its running number (总第40期 → 40)
    dated_by: str | None = None  # "masthead", "--date", "manifest" or "file name"
    warnings: tuple[str, ...] = ()  # what reading had to repair (damaged bytes, mixed encodings), a line each

    def as_written(self, start: int, end: int) -> str:
        """The characters of `text[start:end]` as the file wrote them (Traditional ones kept)."""
        return (self.written or self.text)[start:end]


@dataclass(frozen=True)
class ReadWarning:
    """A file read with a repair, or passed over, with what happened."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class ReadError:
    """A file that could not be read, with what the user can do about it."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Mention:
    """Where an entity is named: `[start, end)` of the issue's text."""

    start: int
    end: int

    def to_record(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Mention:
        return cls(int(record["start"]), int(record["end"]))


@dataclass(frozen=True)
class Entity:
    """One entity of an article under its canonical name, with every name and place it goes by there."""

    name: str
    label: str
    aliases: tuple[str, ...]
    declared_aliases: tuple[
        str, ...
    ]  # short forms the article declares (`（以下简称“B”）`): they merge across articles
    mentions: tuple[Mention, ...]

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "aliases": list(self.aliases),
            "declared_aliases": list(self.declared_aliases),
            "mentions": [m.to_record() for m in self.mentions],
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Entity:
        return cls(
            record["name"],
            record["label"],
            tuple(record["aliases"]),
            tuple(record.get("declared_aliases", ())),
            tuple(Mention.from_record(m) for m in record["mentions"]),
        )


@dataclass(frozen=True)
class Relation:
    """A typed relation between two entities of an article, with the sentence that states it."""

    source: str
    source_label: str
    type: str
    target: str
    target_label: str
    properties: Mapping[str, str] = field(hash=False)  # e.g. a position's `title`
    evidence: str  # the sentence
    start: int  # the sentence's offsets
    end: int
    basis: str  # what found it: a pattern's name, "name", "gazetteer"

    def to_record(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_label": self.source_label,
            "type": self.type,
            "target": self.target,
            "target_label": self.target_label,
            "properties": dict(self.properties),
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "basis": self.basis,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Relation:
        return cls(
            record["source"],
            record["source_label"],
            record["type"],
            record["target"],
            record["target_label"],
            dict(record.get("properties", {})),
            record["evidence"],
            int(record["start"]),
            int(record["end"]),
            record["basis"],
        )


@dataclass(frozen=True)
class IndustryScore:
    """An article's score for one taxonomy node, in 0..1."""

    name: str
    score: float

    def to_record(self) -> dict[str, Any]:
        """The `industries` item of the JSONL output."""
        return {"name": self.name, "score": self.score}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> IndustryScore:
        return cls(record["name"], float(record["score"]))


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything extraction finds in one article, with the article's place and dates.

    `title` is the headline as the file wrote it (Traditional characters
    kept); `text` is the issue's text from `start` to `end`.
    """

    issue: str
    article: str
    source: str  # the issue's file name
    issue_date: dt.date | None
    issue_number: int | None
    issue_total_number: int | None
    issue_dated_by: str | None
    position: int
    date: dt.date | None
    dated_by: str | None
    title: str
    section: str | None
    untitled: bool
    subheadings: tuple[str, ...]
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...]
    industries: tuple[IndustryScore, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The JSONL object of the extraction guide (dates as ISO strings or null)."""
        return {
            "issue": self.issue,
            "article": self.article,
            "source": self.source,
            "issue_date": _iso(self.issue_date),
            "issue_number": self.issue_number,
            "issue_total_number": self.issue_total_number,
            "issue_dated_by": self.issue_dated_by,
            "position": self.position,
            "date": _iso(self.date),
            "dated_by": self.dated_by,
            "title": self.title,
            "section": self.section,
            "untitled": self.untitled,
            "subheadings": list(self.subheadings),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentences": [[start, end] for start, end in self.sentences],
            "industries": [i.to_record() for i in self.industries],
            "entities": [e.to_record() for e in self.entities],
            "relations": [r.to_record() for r in self.relations],
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> ArticleExtraction:
        """An article read back from its JSONL object (a `kg extract` line)."""
        return cls(
            issue=record["issue"],
            article=record["article"],
            source=record.get("source", record["issue"]),
            issue_date=_date(record.get("issue_date")),
            issue_number=record.get("issue_number"),
            issue_total_number=record.get("issue_total_number"),
            issue_dated_by=record.get("issue_dated_by"),
            position=int(record["position"]),
            date=_date(record.get("date")),
            dated_by=record.get("dated_by"),
            title=record["title"],
            section=record.get("section"),
            untitled=bool(record["untitled"]),
            subheadings=tuple(record.get("subheadings", ())),
            start=int(record.get("start", 0)),
            end=int(record.get("end", 0)),
            text=record.get("text", ""),
            sentences=tuple((int(s), int(e)) for s, e in record["sentences"]),
            industries=tuple(IndustryScore.from_record(i) for i in record["industries"]),
            entities=tuple(Entity.from_record(e) for e in record["entities"]),
            relations=tuple(Relation.from_record(r) for r in record["relations"]),
        )


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
