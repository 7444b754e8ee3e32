"""Find the taxonomy's keywords in a text: longest match first, and lists.

Keywords overlap (新能源, 新能源汽车, 新能源汽车零部件…): at each position the
longest keyword wins, so 新能源汽车 is not also counted as 新能源.  A mention
that sits in a list naming several industries (新材料、生物医药、智能装备…)
is marked, so the scorer can count it for less: listing industries says
what a text covers, not what it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.industries.taxonomy import Taxonomy

__all__ = ["Mention", "KeywordMatcher", "keyword_matcher", "find_mentions"]


@dataclass(frozen=True)
class Mention:
    """One keyword found at `[start, end)`; `in_list` when it is part of a
    list that names several industries."""

    keyword: str
    start: int
    end: int
    in_list: bool = False


class KeywordMatcher:
    """Every keyword of a taxonomy in one regular expression.

    Alternatives are tried longest first, so the leftmost, longest keyword
    wins.  Keywords in Latin letters (AI, GPU) must stand apart from other
    letters, so AI is not found inside MAIL.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        owners: dict[str, list[tuple[str, float]]] = {}
        for node in taxonomy:
            for keyword, weight in node.keywords.items():
                owners.setdefault(keyword, []).append((node.name, weight))
        self.owners = {keyword: tuple(pairs) for keyword, pairs in owners.items()}
        self.roots = {keyword: frozenset(taxonomy.root(name) for name, _ in pairs)
                      for keyword, pairs in self.owners.items()}
        alternatives = sorted(self.owners, key=lambda k: (-len(k), k))
        # A look-ahead on the first characters lets the engine skip most positions
        # without trying hundreds of alternatives at each.
        first = "".join(sorted({re.escape(k[0]) for k in alternatives}))
        self.pattern = re.compile(f"(?=[{first}])(?:" + "|".join(_alternative(k) for k in alternatives) + ")")

    def find(self, text: str) -> list[Mention]:
        return [Mention(m.group(), m.start(), m.end()) for m in self.pattern.finditer(text)]


def _alternative(keyword: str) -> str:
    escaped = re.escape(keyword)
    if keyword[0].isascii() and keyword[0].isalpha():
        escaped = r"(?<![A-Za-z])" + escaped
    if keyword[-1].isascii() and keyword[-1].isalpha():
        escaped += r"(?![A-Za-z])"
    return escaped


@lru_cache(maxsize=16)
def keyword_matcher(taxonomy: Taxonomy) -> KeywordMatcher:
    """The matcher of a taxonomy, built once (taxonomies hash by identity)."""
    return KeywordMatcher(taxonomy)


def find_mentions(text: str, taxonomy: Taxonomy) -> list[Mention]:
    """The keywords in `text`, in order, with list membership marked.

    A list is a run of mentions joined only by the taxonomy's separators
    (、 和 与 …) whose keywords reach at least `min_industries` different
    top-level industries.

    >>> from kg.industries.taxonomy import load_taxonomy
    >>> [(m.keyword, m.in_list) for m in find_mentions("聚焦新材料、生物医药等产业", load_taxonomy())]
    [('新材料', True), ('生物医药', True)]
    """
    matcher = keyword_matcher(taxonomy)
    mentions = matcher.find(text)
    rules = taxonomy.settings.enumeration
    separators = set(rules.separators)
    marked: list[Mention] = []
    run: list[Mention] = []

    def close_run() -> None:
        roots = set().union(*(matcher.roots[m.keyword] for m in run)) if run else set()
        in_list = len(run) > 1 and len(roots) >= rules.min_industries
        marked.extend(Mention(m.keyword, m.start, m.end, in_list) for m in run)
        run.clear()

    for mention in mentions:
        if run and text[run[-1].end:mention.start] not in separators:
            close_run()
        run.append(mention)
    close_run()
    return marked
