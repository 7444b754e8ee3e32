"""The records passed between kg's stages.

Offsets (`start`, `end`) always index the issue's normalised text
(`Issue.text`), so every stage can cite the exact characters it used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Span", "Sentence", "Paragraph", "Article", "Issue", "ReadWarning", "ReadError"]


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
