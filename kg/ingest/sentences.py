"""Paragraph text → sentences, Chinese style; long texts → pieces that end where sentences do.

A sentence ends at 。！？；… (or their ASCII forms); closing quotes and
brackets right after the end mark stay with the sentence they close, so
“……我们将坚持目标引领。”何国强说。 splits after the closing quote.  A
sentence longer than `max_sentence_chars` is cut after a clause mark (，：).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from kg.ingest.layout import layout_rules
from kg.models import Sentence

__all__ = ["split_sentences", "segment_bounds"]


@cache
def _sentence_pattern() -> re.Pattern[str]:
    rules = layout_rules()
    ends = re.escape(rules.sentence_ends)
    closes = re.escape(rules.closing_marks)
    return re.compile(rf"[^{ends}]*(?:[{ends}]+[{closes}]*|$)")


@cache
def _boundary_pattern() -> re.Pattern[str]:
    """Where a sentence or a line ends: after its end marks and closing marks, or after a line break."""
    rules = layout_rules()
    return re.compile(rf"[{re.escape(rules.sentence_ends)}]+[{re.escape(rules.closing_marks)}]*|\n")


@cache
def _clause_pattern() -> re.Pattern[str]:
    """Where a clause ends: after its clause marks and closing marks."""
    rules = layout_rules()
    return re.compile(rf"[{re.escape(rules.clause_marks)}]+[{re.escape(rules.closing_marks)}]*")


def split_sentences(text: str, offset: int = 0) -> tuple[Sentence, ...]:
    """Split one paragraph; `offset` is where the paragraph starts in the issue.

    >>> [s.text for s in split_sentences("他说：“好。”我们走吧！")]
    ['他说：“好。”', '我们走吧！']
    """
    limit = layout_rules().max_sentence_chars
    sentences = []
    for match in _sentence_pattern().finditer(text):
        piece = match.group()
        if not piece.strip():
            continue
        if len(piece) > limit:
            cuts = (clause.end() for clause in _clause_pattern().finditer(piece))
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
    return _bounds(len(text), (match.end() for match in _boundary_pattern().finditer(text)), limit)


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
