"""Paragraph text → sentences, Chinese style; long texts → pieces that end where sentences do.

A sentence ends at 。！？；… (or their ASCII forms); closing quotes and
brackets right after the end mark stay with the sentence they close, so
“……我们将坚持目标引领。”何国强说。 splits after the closing quote.  A
sentence longer than `max_sentence_chars` is cut after a clause mark (，：).
The marks and the limit are data: `data/document_layout.yaml`, read by
`sentence_rules`; the reader's layout rules take them from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.config import load_data_yaml
from kg.models import Sentence

__all__ = ["SentenceRules", "sentence_rules", "split_sentences", "segment_bounds", "LAYOUT_FILE"]

# The data file holding the marks (beside the rest of a newsletter's layout).
LAYOUT_FILE = "document_layout.yaml"


@dataclass(frozen=True)
class SentenceRules:
    """What ends a sentence and a clause, and how long a sentence may be, with the patterns compiled from them."""

    sentence_ends: str
    closing_marks: str
    clause_marks: str
    max_sentence_chars: int
    sentence: re.Pattern[str]  # a sentence: up to its end marks and the closing marks after them
    boundary: re.Pattern[str]  # where a sentence or a line ends
    clause: re.Pattern[str]  # where a clause ends: after its clause marks and closing marks


@cache
def sentence_rules(data_dir: Path | None = None) -> SentenceRules:
    """The sentence rules of `data_dir`'s (default: kg's) document_layout.yaml, compiled once per directory."""
    raw = load_data_yaml(LAYOUT_FILE, data_dir)
    ends, closes, clauses = raw["sentence_ends"], raw["closing_marks"], raw["clause_marks"]
    return SentenceRules(
        sentence_ends=ends,
        closing_marks=closes,
        clause_marks=clauses,
        max_sentence_chars=int(raw["max_sentence_chars"]),
        sentence=re.compile(rf"[^{re.escape(ends)}]*(?:[{re.escape(ends)}]+[{re.escape(closes)}]*|$)"),
        boundary=re.compile(rf"[{re.escape(ends)}]+[{re.escape(closes)}]*|\n"),
        clause=re.compile(rf"[{re.escape(clauses)}]+[{re.escape(closes)}]*"),
    )


def split_sentences(text: str, offset: int = 0) -> tuple[Sentence, ...]:
    """Split one paragraph; `offset` is where the paragraph starts in the issue.

    >>> [s.text for s in split_sentences("他说：“好。”我们走吧！")]
    ['他说：“好。”', '我们走吧！']
    """
    rules = sentence_rules()
    limit = rules.max_sentence_chars
    sentences = []
    for match in rules.sentence.finditer(text):
        piece = match.group()
        if not piece.strip():
            continue
        if len(piece) > limit:
            cuts = (clause.end() for clause in rules.clause.finditer(piece))
            sentences += [
                Sentence(offset + match.start() + a, offset + match.start() + b, piece[a:b])
                for a, b in _bounds(len(piece), cuts, limit)
                if piece[a:b].strip()
            ]
        else:
            sentences.append(Sentence(offset + match.start(), offset + match.end(), piece))
    return tuple(sentences)


def segment_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut `text` into consecutive `(start, end)` pieces of at most `limit` characters.

    Each piece ends where a sentence or a line ends, so a name or a word is
    never cut in two; only a single sentence longer than `limit` is cut
    where the limit falls.  The pieces cover the text exactly (one empty
    piece for an empty text), so an offset in a piece plus its start is an
    offset in the text.

    >>> segment_bounds("一二。三四。五六七八九", 4)
    [(0, 3), (3, 6), (6, 10), (10, 11)]
    """
    return _bounds(len(text), (match.end() for match in sentence_rules().boundary.finditer(text)), limit)


def _bounds(length: int, cuts: Iterable[int], limit: int) -> list[tuple[int, int]]:
    """Pieces of `[0, length)` of at most `limit` each, ending at the last of `cuts` (ascending)
    that keeps a piece within the limit, or at the limit where no cut does."""
    pieces: list[tuple[int, int]] = []
    start = previous = 0
    for cut in [*cuts, length]:
        while cut - start > limit:
            end = previous if previous > start else start + limit
            pieces.append((start, end))
            start = end
        previous = cut
    if start < length or not pieces:
        pieces.append((start, length))
    return pieces
