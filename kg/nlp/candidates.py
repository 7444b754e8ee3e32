"""Entity candidates: what each recogniser proposes before conflicts are settled.

Recognisers work on characters (Chinese names do not respect jieba's word
boundaries), so a candidate is a character range; only the resolver turns the
winners into token-aligned `doc.ents`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick
from spacy.attrs import IDX
from spacy.tokens import Doc

__all__ = ["Candidate", "candidates_of", "TokenView", "token_view", "occurrences", "occurrences_of_each", "SOURCE_TEXT"]


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    text: str
    source: str  # which recogniser proposed it
    kind: str = ""  # finer kind: zone, province, nested …
    nested: bool = False  # lies inside a longer name and is kept beside it

    def __len__(self) -> int:
        return self.end - self.start


# `doc.user_data` key of the text a doc was made from (`kg.nlp.extract` sets it).
SOURCE_TEXT = "kg_source_text"

if not Doc.has_extension("kg_candidates"):
    Doc.set_extension("kg_candidates", default=None)
if not Doc.has_extension("kg_token_view"):
    Doc.set_extension("kg_token_view", default=None)


def occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Every (start, end) of `word` in `text`, left to right, not overlapping.

    A plain search: a regular expression per name would compile hundreds of
    patterns per article and thrash `re`'s cache.
    """
    if not word:
        return
    at = text.find(word)
    while at >= 0:
        yield at, at + len(word)
        at = text.find(word, at + len(word))


def occurrences_of_each(text: str, words: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """`occurrences(text, word)` of every word, found in one pass over the text.

    An article may have thousands of names to look for; searching the text
    once per name makes a long article cost the square of its length.  An
    Aho–Corasick automaton finds them all at once.

    >>> occurrences_of_each("科创母基金和母基金", ["母基金", "基金", "资金"])
    {'母基金': [(2, 5), (6, 9)], '基金': [(3, 5), (7, 9)], '资金': []}
    """
    found: dict[str, list[tuple[int, int]]] = {word: [] for word in words}
    automaton = ahocorasick.Automaton()
    for word in found:
        if word:
            automaton.add_word(word, word)
    if not len(automaton):
        return found
    automaton.make_automaton()
    for last, word in automaton.iter(text):
        start = last + 1 - len(word)
        spots = found[word]
        if not spots or spots[-1][1] <= start:  # not overlapping the word's previous occurrence
            spots.append((start, last + 1))
    return found


def candidates_of(doc: Doc) -> list[Candidate]:
    """The doc's candidate list, created on first use."""
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    return doc._.kg_candidates


def token_view(doc: Doc) -> TokenView:
    """The doc's token view, built once and shared by every recogniser."""
    if doc._.kg_token_view is None:
        # `doc.text` builds a Python object per token: the text the doc was
        # made from is used when the caller kept it, and the offsets come as one array.
        starts = doc.to_array(IDX).tolist() if len(doc) else []
        doc._.kg_token_view = TokenView(doc.user_data.get(SOURCE_TEXT) or doc.text, starts)
    return doc._.kg_token_view


class TokenView:
    """jieba's token boundaries over a doc's text, looked up by character.

    Lookups bisect the token starts: recognisers ask about a few hundred
    offsets per article, fewer than the characters a per-character index
    would have to fill.
    """

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = [*starts[1:], len(text)]

    def token_at(self, offset: int) -> int:
        """The index of the token holding the character at `offset` (< len(text))."""
        return bisect_right(self.starts, offset) - 1

    def is_start(self, offset: int) -> bool:
        """A word starts here; spaCy keeps a space as the previous token's trailing whitespace, so a
        space and the character after it start words too."""
        return (
            offset == 0
            or offset >= len(self.text)
            or self.starts[self.token_at(offset)] == offset
            or self.text[offset].isspace()
            or self.text[offset - 1].isspace()
        )

    def one_word_beyond(self, start: int, end: int) -> bool:
        """One token holds all of `[start, end)` and goes on past it: the span is the opening of a longer
        word (财政部 of 财政部门), not a name of its own."""
        i = self.token_at(start)
        return self.starts[i] <= start and self.ends[i] > end and end < len(self.text)

    def token_before(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the token holding the character before `offset`."""
        if offset <= 0:
            return None
        i = self.token_at(offset - 1)
        return self.starts[i], min(self.ends[i], offset)

    def with_cuts(self, cuts: Iterable[int]) -> TokenView:
        """The view after the doc's tokens are split at `cuts`; the text is unchanged."""
        return TokenView(self.text, sorted({*self.starts, *cuts}))
