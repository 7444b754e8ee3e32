"""Settle conflicts between candidates: the longest name wins.

Winners become `doc.ents` (tokens are split where a name ends inside a jieba
word); names kept inside a winner (北京大学 in 北京大学计算机学院) go to
`doc.spans["kg_nested"]`.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from kg.nlp.candidates import Candidate, TokenView

__all__ = ["choose_entities", "apply_entities"]

# Labels whose names may contain other named things worth keeping.
_CONTAINERS = frozenset({"Event", "Program"})


def choose_entities(
    candidates: list[Candidate], label_order: dict[str, int]
) -> tuple[list[Candidate], list[Candidate]]:
    """Return (winners, nested): non-overlapping longest names, and kept inner names.

    On equal length, the label first in `label_order` (the more specific reading) wins.
    """
    ranked = sorted(
        (c for c in candidates if not c.nested),
        key=lambda c: (-len(c), label_order[c.label], c.start),
    )
    taken: list[Candidate] = []
    used: set[int] = set()
    for candidate in ranked:
        if used.isdisjoint(range(candidate.start, candidate.end)):
            taken.append(candidate)
            used.update(range(candidate.start, candidate.end))
    winners = sorted(taken, key=lambda c: c.start)
    holders = [w for w in winners if len(w)]  # an empty name holds nothing, nor stands in the way
    starts = [w.start for w in holders]
    nested = sorted(
        {c for c in candidates if _kept_inside(c, _winner_around(c, holders, starts))}, key=lambda c: (c.start, c.end)
    )
    return winners, nested


def _winner_around(candidate: Candidate, winners: list[Candidate], starts: list[int]) -> Candidate | None:
    """The one winner that can hold the candidate: winners never overlap, so only the last
    one starting at or before it."""
    index = bisect_right(starts, candidate.start) - 1
    return winners[index] if index >= 0 else None


def _kept_inside(candidate: Candidate, w: Candidate | None) -> bool:
    """A parent organization inside its sub-unit's name, or a name inside an event or program's."""
    if w is not None and w.start <= candidate.start and candidate.end <= w.end and len(candidate) < len(w):
        if candidate.nested and w.label == candidate.label:
            return True
        if (
            w.label in _CONTAINERS
            and candidate.label not in ("Region", w.label)
            and candidate.source != "quoted_program"
        ):
            return True
    return False


def apply_entities(doc: Doc, view: TokenView, winners: list[Candidate], nested: list[Candidate]) -> Doc:
    """Split tokens at name boundaries, then set `doc.ents` and nested spans.

    The doc's token view is replaced by one with the same cuts.
    """
    edges = {c.start for c in winners + nested} | {c.end for c in winners + nested}
    cuts = [cut for cut in edges if not view.is_start(cut)]
    cuts_in: dict[int, list[int]] = {}
    for cut in cuts:
        index = view.token_at(cut)
        cuts_in.setdefault(index, []).append(cut - view.starts[index])
    made: list[int] = []
    with doc.retokenize() as retokenizer:
        for index, inner in cuts_in.items():
            token = doc[index]
            # A name ending where the token's trailing space begins needs no cut; one would leave an empty token.
            inside = sorted(cut for cut in inner if cut < len(token.text))
            if not inside:
                continue
            made += [view.starts[index] + cut for cut in inside]
            bounds = [0, *inside, len(token.text)]
            pieces = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))
    doc._.kg_token_view = view.with_cuts(made)
    doc.ents = [doc.char_span(c.start, c.end, label=c.label) for c in winners]
    doc.spans["kg_nested"] = [doc.char_span(c.start, c.end, label=c.label) for c in nested]
    return doc
