"""Companies named by short names: in lists before 等…企业, and before words only companies take.

A company's full name carries a legal ending (有限公司); news often drops it and
writes the short name (星途航天, 宁德时代).  Two contexts say a short name is a
company: a list closed by 等 and a word for companies, and a word such as
董事长, 旗下 or 发布公告 right after it.
"""

from __future__ import annotations

import re

from kg.nlp.candidates import Candidate, TokenView
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.nlp.grammar import is_generic, name_start, only_everyday_words
from kg.text import is_han

__all__ = ["find_short_named_companies"]


def find_short_named_companies(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    return _listed_companies(view, gaz) + _companies_in_context(view, gaz)


@derived
def _listed_grammar(gaz: Gazetteers) -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str]]:
    org = gaz.names["organization"]
    shortest, longest = org["listed_company_item_chars"]
    item = f"[^、，。；：:！？“”‘’《》（）()\\s]{{{shortest},{longest}}}"
    kinds = "|".join(map(re.escape, sorted(org["listed_company_kinds"], key=len, reverse=True)))
    pattern = re.compile(
        f"((?:{item}、)+{item})等([^，。；、]{{0,{int(org['listed_company_gap'])}}}?)(?:{kinds})(?!家)"
    )
    return pattern, tuple(org["listed_field_words"]), frozenset(org["listed_word_tags"])


def _listed_companies(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """华晟、远帆、星途等一批独角兽企业: every item of a list of companies is a company.

    The first item may carry the verb that opens the list (拥有华晟): it is read leftwards like
    any name.  A list holding a place or a generic word, half of it everyday words, or qualified as fields
    (等上下游企业) is no list of companies.
    """
    pattern, field_words, word_tags = _listed_grammar(gaz)
    found = []
    for match in pattern.finditer(view.text):
        items = match.group(1).split("、")
        first_end = match.start(1) + len(items[0])
        offset = name_start(view, gaz, first_end, quotes=False)
        items[0] = view.text[offset:first_end]
        everyday = sum(word_tag(item) in word_tags for item in items)
        if any(word in match.group(2) for word in field_words) or 2 * everyday >= len(items):
            continue
        candidates = []
        for item in items:
            if (
                len(item) < 2
                or item in gaz.places
                or is_generic(item, item[-1], gaz)
                or not view.is_start(offset)
                or not all(is_han(ch) or ch.isalnum() for ch in item)
            ):
                candidates = []
                break
            candidates.append(Candidate(offset, offset + len(item), "Organization", item, "listed_company"))
            offset += len(item) + 1
        found.extend(candidates)
    return found


@derived
def _company_context(gaz: Gazetteers) -> tuple[re.Pattern[str], int, int]:
    org = gaz.names["organization"]
    shortest, longest = org["company_context_chars"]
    contexts = "|".join(map(re.escape, sorted(org["company_contexts"], key=len, reverse=True)))
    return re.compile(f"(?={contexts})"), shortest, longest


def _companies_in_context(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """宁德时代董事长, 据华晟科技公告: a short company name before a word only companies take."""
    pattern, shortest, longest = _company_context(gaz)
    text = view.text
    found = []
    for match in pattern.finditer(text):
        end = match.start()
        start = name_start(view, gaz, end, quotes=False)
        name = text[start:end]
        if not shortest <= len(name) <= longest or not view.is_start(start) or not view.is_start(end):
            continue
        if name in gaz.places or is_generic(name, name[-1], gaz) or any(not (is_han(c) or c.isalnum()) for c in name):
            continue
        if only_everyday_words(view, start, end, gaz) or (len(name) <= 3 and name[:1] in gaz.surnames):
            continue  # 会上董事长, 公司总经理; 张三董事长 is a person's
        found.append(Candidate(start, end, "Organization", name, "company_context"))
    return found
