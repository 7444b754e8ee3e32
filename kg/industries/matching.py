"""Find the taxonomy's keywords in a text: longest match first, and lists.

Keywords overlap (新能源, 新能源汽车, 新能源汽车零部件…): at each position the
longest keyword wins, so 新能源汽车 is not also counted as 新能源.  A mention
that sits in a list naming several industries (新材料、生物医药、智能装备…)
is marked with the list's length, so the scorer can share one mention's
worth among the items: a list of twelve industries says what a text covers,
a pair (机械装备和电子信息产业) says what it is about.  Items the taxonomy
does not know (脑机接口) still belong to the list and still lengthen it.
A keyword standing alone in quotation marks (种子是农业的“芯片”) is a figure
of speech and is marked too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.industries.taxonomy import Enumeration, Taxonomy

__all__ = ["Mention", "KeywordMatcher", "keyword_matcher", "find_mentions"]

# Characters that end a list item: punctuation, brackets, quotes, spaces.
_ITEM_END = '，。；：！？、（）()“”"‘’《》「」【】\n 　,.;:!?'
_OPEN_QUOTES = '“"‘「『'
_CLOSE_QUOTES = '”"’」』'


@dataclass(frozen=True)
class Mention:
    """One keyword found at `[start, end)`.

    `list_items` is the length of the list of several industries the
    mention sits in (0 when it is in none, or the "list" is one item such
    as 新材料新能源); `quoted` when the keyword alone
    stands in quotation marks.
    """

    keyword: str
    start: int
    end: int
    list_items: int = 0
    quoted: bool = False

    @property
    def in_list(self) -> bool:
        return self.list_items > 0


class KeywordMatcher:
    """Every keyword of a taxonomy in one regular expression.

    The leftmost, longest keyword wins.  Keywords in Latin letters (AI,
    GPU) must stand apart from other letters, so AI is not found inside MAIL.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        owners: dict[str, list[tuple[str, float]]] = {}
        for node in taxonomy:
            for keyword, weight in node.keywords.items():
                owners.setdefault(keyword, []).append((node.name, weight))
        self.owners = {keyword: tuple(pairs) for keyword, pairs in owners.items()}
        self.roots = {
            keyword: frozenset(taxonomy.root(name) for name, _ in pairs) for keyword, pairs in self.owners.items()
        }
        # Words that hold a keyword without naming its industry (标准化 in
        # 标准化工作, 国家 in 国家政策) are matched too, so the keyword inside
        # them is not, and then dropped.
        self.not_keywords = frozenset(taxonomy.not_keywords) - self.owners.keys()
        self.pattern = re.compile(_trie_pattern(self.owners.keys() | self.not_keywords))

    def find(self, text: str) -> list[Mention]:
        return [
            Mention(m.group(), m.start(), m.end())
            for m in self.pattern.finditer(text)
            if m.group() not in self.not_keywords
        ]


_END = ""


def _trie_pattern(keywords: set[str]) -> str:
    """One regular expression for all keywords, as a trie of characters.

    After the first character the engine follows one branch instead of
    trying hundreds of alternatives, and a longer keyword is tried before
    the shorter one it extends, so the longest match wins.  A look-ahead on
    the first characters lets it skip most positions at once.
    """
    trie: dict[str, dict] = {}
    for keyword in keywords:
        node = trie
        for char in keyword:
            node = node.setdefault(char, {})
        node[_END] = {}
    branches = []
    for char, child in sorted(trie.items()):
        start = r"(?<![A-Za-z])" if _latin(char) else ""
        branches.append(start + re.escape(char) + _trie_rest(child, char))
    first = "".join(re.escape(char) for char in sorted(trie))
    return f"(?=[{first}])(?:" + "|".join(branches) + ")"


def _trie_rest(node: dict[str, dict], char: str) -> str:
    """What may follow `char` in the trie; a keyword ending in a Latin
    letter must not run on into another letter (AI is not in MAIL)."""
    deeper = [re.escape(c) + _trie_rest(child, c) for c, child in sorted(node.items()) if c != _END]
    if _END in node:
        deeper.append(r"(?![A-Za-z])" if _latin(char) else "")
    if deeper == [""]:
        return ""
    return "(?:" + "|".join(deeper) + ")"


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


@lru_cache(maxsize=16)
def keyword_matcher(taxonomy: Taxonomy) -> KeywordMatcher:
    """The matcher of a taxonomy, built once (taxonomies hash by identity)."""
    return KeywordMatcher(taxonomy)


@dataclass(frozen=True)
class _ListGrammar:
    """The regular expressions that read a list from the data's settings."""

    gap: re.Pattern[str]
    separator: re.Pattern[str]
    item_after: re.Pattern[str]
    item_before: re.Pattern[str]
    item_before_reach: int  # how far back from the list an item before it can start


@lru_cache(maxsize=16)
def _list_grammar(rules: Enumeration) -> _ListGrammar:
    separators = "|".join(re.escape(s) for s in sorted(rules.separators, key=len, reverse=True))
    end = re.escape(_ITEM_END)
    item = f"[^{end}]{{1,{rules.max_item_chars}}}"
    affix = f"[^{end}]{{0,{rules.max_affix_chars}}}"
    return _ListGrammar(
        # Between two keywords of one list: nothing (新材料新能源 is one item),
        # or a separator, perhaps with items the taxonomy does not know
        # after it, and short words around the keywords (生态环境保护、精密机械制造).
        gap=re.compile(f"(?:{affix}(?:{separators})(?:{item}、)*{affix})?"),
        separator=re.compile(separators),
        # A last or first item the taxonomy does not know (…、先进制造”).
        item_after=re.compile(f"、{item}(?=[{end}])"),
        item_before=re.compile(f"(?<=[{end}]){item}、$"),
        item_before_reach=rules.max_item_chars + 1,
    )


def find_mentions(text: str, taxonomy: Taxonomy) -> list[Mention]:
    """The keywords in `text`, in order, with list membership marked.

    A list is a run of mentions joined only by the taxonomy's separators
    (、 和 与 …), perhaps with unknown items between them, whose keywords
    reach at least `min_industries` different top-level industries.

    >>> from kg.industries.taxonomy import load_taxonomy
    >>> [(m.keyword, m.list_items) for m in find_mentions("聚焦新材料、脑机接口、生物医药等产业", load_taxonomy())]
    [('新材料', 3), ('生物医药', 3)]
    """
    matcher = keyword_matcher(taxonomy)
    mentions = matcher.find(text)
    rules = taxonomy.settings.enumeration
    grammar = _list_grammar(rules)
    marked: list[Mention] = []
    run: list[Mention] = []

    def close_run() -> None:
        roots = set().union(*(matcher.roots[m.keyword] for m in run)) if run else set()
        items = _items(text, run, grammar) if len(run) > 1 and len(roots) >= rules.min_industries else 0
        items = items if items > 1 else 0
        marked.extend(Mention(m.keyword, m.start, m.end, items, _quoted(text, m)) for m in run)
        run.clear()

    for mention in mentions:
        if run and not grammar.gap.fullmatch(text, run[-1].end, mention.start):
            close_run()
        run.append(mention)
    close_run()
    return marked


def _items(text: str, run: list[Mention], grammar: _ListGrammar) -> int:
    """How many items the list of `run` has, unknown ones included."""
    count = 1
    for before, after in zip(run, run[1:]):
        gap = text[before.end : after.start]
        count += len(grammar.separator.findall(gap))
    position = run[-1].end
    while (item := grammar.item_after.match(text, position)) is not None:
        count += 1
        position = item.end()
    # Only the characters an item can span are searched (the look-behind still sees the one before).
    if grammar.item_before.search(text, max(0, run[0].start - grammar.item_before_reach), run[0].start) is not None:
        count += 1
    return count


def _quoted(text: str, mention: Mention) -> bool:
    return (
        mention.start > 0
        and text[mention.start - 1] in _OPEN_QUOTES
        and text[mention.end : mention.end + 1] in tuple(_CLOSE_QUOTES)
    )
