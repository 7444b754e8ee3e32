"""Name grammar: read a name leftwards from its head until something ends it.

`[region] + core + suffix` names have a clear right end (the suffix or head
word) and a fuzzy left one.  Reading jieba tokens leftwards, a name ends at
punctuation, at a stop word (的, 由, 走进, 联合 …), at a function word by
jieba's dictionary tag, or at the length limit.  Quoted parts “…” belong to
program and event names (浙江省“315”科技创新体系), and a bracketed region
to company names (高膳（河北）智能科技有限公司).
"""

from __future__ import annotations

from kg.nlp.candidates import TokenView
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.text import is_han

__all__ = ["name_start", "is_generic", "is_name_char", "title_words", "only_everyday_words"]

# jieba tags of words that never sit inside a name: prepositions,
# conjunctions, pronouns, particles, adverbs, time words.
_ORDINAL = "第"
_STOP_TAGS = frozenset({"p", "c", "r", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "t", "y", "e", "o"})
# (Not direction words: 南方科技大学, 东北大学.)
_LEADING_NON_NAME = frozenset({"v", "vn", "vd", "a", "ad", "d", "p", "c", "m", "t"})
# Tags of everyday words that end the clause before a place-named name.
_LEAD_WORD_TAGS = frozenset({"n", "v", "vn", "d", "a", "ad", "i", "l"})
# Tags jieba gives a body's short name (中电 nt, 华电 nz, 中冶 j); a word it does not know is
# more often a person (王志远陪同…).
_SHORT_NAME_TAGS = frozenset({"nt", "nz", "j"})
_QUOTES = {"”": "“", "’": "‘", "」": "「"}
_JOINERS = frozenset("·•－-—")
_SENTENCE_ENDS = "。！？"


@derived
def _publisher_heads(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["organization"]["publisher_heads"])


@derived
def _specific_openings(gaz: Gazetteers) -> tuple[str, ...]:
    """Openings that make the rest of a name specific once a lead-in before them is cut (国家, 省, 市…)."""
    org = gaz.names["organization"]
    return (*org["national_openings"], *org["level_openings"])


@derived
def title_words(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.titles)


def is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "+＋&/"  # 100MW/200MWh储能项目


def name_start(view: TokenView, gaz: Gazetteers, head_start: int, *, quotes: bool) -> int:
    """Where the name whose head begins at `head_start` starts."""
    text = view.text
    start = head_start
    limit = max(0, head_start - gaz.max_name_chars)
    after_verb: int | None = None  # where the name starts if the verb it crossed ends it
    verb_start = head_start
    while start > limit:
        ch = text[start - 1]
        if quotes and ch in _QUOTES:
            opening = text.rfind(_QUOTES[ch], limit, start - 1)
            if opening < 0 or any(mark in text[opening:start] for mark in _SENTENCE_ENDS):
                break  # “…带动就业。”某集团项目: a quotation closing before the name, not part of it
            start = opening
            continue
        if ch == "》" and not quotes and text.startswith(_publisher_heads(gaz), start):
            opening = text.rfind("《", limit, start)
            if opening >= 0:
                start = opening  # 北京《瑞丽》杂志社有限公司: a publisher is named after its title
                continue
            break
        if ch in "）)":
            opening = max(text.rfind("（", limit, start), text.rfind("(", limit, start))
            if opening >= 0 and _place_in_brackets(text, opening, start - 1, gaz):
                start = opening
                continue
            break
        if ch in _JOINERS and quotes:
            start -= 1
            continue
        if not is_name_char(ch):
            break
        token = view.token_before(start)
        if token is None:
            break
        token_start, token_end = token
        word = text[token_start:token_end]
        full_word = text[token_start : view.ends[view.token_at(token_start)]]
        if (word in gaz.stop_words or full_word in gaz.stop_words) and not _opening_abbreviation(view, token_start):
            if word in national_openings(gaz) and (token_start == 0 or not is_name_char(text[token_start - 1])):
                start = token_start  # ，全国某某联谊会: the nation's word opens a name at a clause's start
            break
        if word_tag(full_word) is None and full_word[0] in gaz.glued_stop_chars and len(full_word) > 1:
            start = token_start + 1  # 和央企: jieba glued the conjunction to a word it does not know
            break
        if not quotes and word_tag(full_word) is None and full_word[-1] in gaz.glued_stop_chars and len(full_word) > 1:
            break  # 唐印及管委会: …and to the word before it (program names hold 及: 500强及…榜单)
        if (
            word_tag(full_word) in _STOP_TAGS
            and full_word == word
            and full_word not in gaz.places
            and full_word not in _opening_time_words(gaz)
        ):
            break  # 大连 is tagged an adverb, but a place inside a name belongs to it
        if word.isdigit() and not quotes and not text.endswith(_ORDINAL, 0, token_start):
            break  # 2024年…: a year or a count opens no name, but 第716研究所 is one
        if (
            full_word in title_words(gaz)
            and not (quotes and token_end == head_start)
            and _person_may_follow(view, token_end, head_start)
        ):
            break  # …有限公司财务总监邓丽娟拿到银行: a title ends the name before it (院士大会 is a head;
            # in 修文县院士专家创新工作站 no one is named after the title)
        if word_tag(full_word) == "v" and len(full_word) > 1 and full_word not in gaz.name_verbs:
            if quotes:
                break  # a program or event name: 浙江计划动态扩大… is a clause, not a name
            if after_verb is None:
                after_verb, verb_start = start, token_start
        start = token_start
    start = _past_lead_in(view, _trim_leading_verbs(view, start, head_start, gaz), head_start, gaz)
    if (
        after_verb is not None
        and gaz.place_at(text, start) is None
        and not _opens_with_a_body(view, start, verb_start)
        and not _short_name(view, start, verb_start)
    ):
        # 难题带回实验室 ends at the verb; 许昌远航智能装备… opens with a place, 中广建新能源… and
        # 华电建新能源… with a body's short name, so 远航 and 建新 belong to the name.
        start = _trim_leading_verbs(view, after_verb, head_start, gaz)
    return (
        start if quotes else _from_repeated_place(view, gaz, _from_full_place(view, gaz, start, head_start), head_start)
    )


@derived
def _opening_time_words(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["organization"]["opening_time_words"])


@derived
def national_openings(gaz: Gazetteers) -> tuple[str, ...]:
    """What names a national body or scope opens with (国家, 中国, 全国…)."""
    return tuple(gaz.names["organization"]["national_openings"])


def _place_in_brackets(text: str, opening: int, closing: int, gaz: Gazetteers) -> bool:
    """中国（河南）, 江苏（盛泽）: a place in brackets, or a town's short name after a province's."""
    inner = text[opening + 1 : closing]
    after_place = any(text[max(0, opening - n) : opening] in gaz.places for n in (2, 3))
    return inner in gaz.places or (after_place and 2 <= len(inner) <= 3 and all(is_han(ch) for ch in inner))


def _from_full_place(view: TokenView, gaz: Gazetteers, start: int, head_start: int) -> int:
    """情况重演|广州市政府: everyday words before a place written in full, with its level, are no
    part of the name the place opens."""
    for index in range(view.token_at(start) + 1, view.token_at(max(start, head_start - 1)) + 1):
        at = view.starts[index]
        hit = gaz.place_at(view.text, at)
        if hit is not None and hit[0] == hit[1].name and only_everyday_words(view, start, at, gaz):
            return at
    return start


def _from_repeated_place(view: TokenView, gaz: Gazetteers, start: int, head_start: int) -> int:
    """海南商业发射场|海南商业发射公司: the place opening a name, written again before its head with
    no organization between, opens the name there."""
    text = view.text
    hit = gaz.place_at(text, start)
    if hit is None:
        return start
    again = text.find(hit[0], start + len(hit[0]), head_start)
    if again < 0 or not view.is_start(again) or any(s in text[start:again] for s in gaz.org_suffixes if len(s) > 1):
        return start
    return again


def _person_may_follow(view: TokenView, title_end: int, head_start: int) -> bool:
    """A word after a title that may be a person's name: one jieba tags a name, does not know, or
    split into characters; not a dictionary word such as 专家."""
    if title_end >= head_start:
        return True
    index = view.token_at(title_end)
    word = view.text[view.starts[index] : view.ends[index]]
    tag = word_tag(word)
    return len(word) == 1 or tag is None or tag.startswith("nr")


def _opening_abbreviation(view: TokenView, start: int) -> bool:
    """，中广建新能源…: at the start of a clause, characters jieba could not join into words are a
    short name it does not know, even where one of them (电, 中) elsewhere ends a name."""
    text = view.text

    def single(i: int) -> bool:
        return (
            view.ends[i] - view.starts[i] == 1
            and is_name_char(text[view.starts[i]])
            and word_tag(text[view.starts[i]]) not in _STOP_TAGS
        )

    index = view.token_at(start)
    first = last = index
    while first > 0 and single(first - 1):
        first -= 1
    while last + 1 < len(view.starts) and single(last + 1):
        last += 1
    clause_start = view.starts[first] == 0 or not is_name_char(text[view.starts[first] - 1])
    return single(index) and last > first and clause_start


def _short_name(view: TokenView, start: int, end: int) -> bool:
    """，华电 or ，中电 before 建新能源…: at a clause's start, a short name of two or three
    characters, by jieba's tag or as characters it could not join into words, opens the name;
    words of a clause (难题带回, 从研发投入) and people (王志远陪同) do not."""
    clause_start = start == 0 or not is_name_char(view.text[start - 1])
    if not (clause_start and 2 <= end - start <= 3):
        return False
    tokens = [view.text[view.starts[i] : view.ends[i]] for i in range(view.token_at(start), view.token_at(end))]
    return all(len(token) == 1 for token in tokens) or (len(tokens) == 1 and word_tag(tokens[0]) in _SHORT_NAME_TAGS)


def _opens_with_a_body(view: TokenView, start: int, verb_start: int) -> bool:
    """A body's name, then nouns and a verb (国家科技部火炬产业开发中心): a sub-unit's name; an
    adverb or a quantity before the verb (中海油大批量采购某公司) makes it a clause."""
    index = view.token_at(start)
    if view.starts[index] != start or word_tag(view.text[start : view.ends[index]]) != "nt":
        return False
    between = range(index + 1, view.token_at(verb_start))
    return all((word_tag(view.text[view.starts[i] : view.ends[i]]) or "n").startswith("n") for i in between)


def _past_lead_in(view: TokenView, start: int, head_start: int, gaz: Gazetteers) -> int:
    """企业许昌德润食品有限公司 → 许昌德润…, 这是国家发改委 → 国家发改委, 从市重点…办公室 → 市重点…:
    a lead-in, a generic word or a preposition before a name is no part of it, when what follows
    still names something (a place, 国家/市/省…, or two characters before the head)."""
    text = view.text
    if gaz.place_at(text, start) is not None:
        return start
    clause_start = start == 0 or not is_name_char(text[start - 1])
    for cut in range(start + 1, min(start + 4, head_start)):
        lead = text[start:cut]
        if clause_start and lead in national_openings(gaz) and view.is_start(cut):
            return start  # ，全国台湾同胞…联谊会: the nation's word opens the name
        if word_tag(lead) in _LEAD_WORD_TAGS and gaz.place_at(text, cut) is not None and view.is_start(cut):
            return cut  # 该制度广州市党委, 情况重演广州市政府: a word of the clause, then a place-named name
        if lead in gaz.generic_names or lead in gaz.lead_ins or lead in gaz.stop_words:
            rest_named = gaz.place_at(text, cut) is not None or text.startswith(_specific_openings(gaz), cut)
            if rest_named or (lead not in gaz.stop_words and head_start - cut >= 2):
                return cut
    return start


def _trim_leading_verbs(view: TokenView, start: int, head_start: int, gaz: Gazetteers) -> int:
    """促进北京大学 → 北京大学: a name does not open with a verb or adverb."""
    while start < head_start:
        i = view.token_at(start)
        end = min(view.ends[i], head_start)
        word = view.text[start : view.ends[i]]
        if (
            word_tag(word) not in _LEADING_NON_NAME
            or gaz.place_at(view.text, start) is not None
            or word in _opening_time_words(gaz)
        ):
            break  # 大连 is tagged an adverb, but it opens 大连工业大学; 新 opens 新吴区委; 新一代 a name
        start = end
    return start


@derived
def _everyday_tags(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["organization"]["everyday_tags"])


def only_everyday_words(view: TokenView, start: int, end: int, gaz: Gazetteers) -> bool:
    """Only everyday words (by jieba's tag) stand between `start` and `end`: they name nothing alone
    (市级创新, 场景应用创新); a place, a brand or a word jieba does not know would."""
    position = start
    while position < end:
        index = view.token_at(position)
        word = view.text[view.starts[index] : min(view.ends[index], end)]
        if word_tag(word) not in _everyday_tags(gaz):
            return False
        position = view.starts[index] + len(word)
    return end > start


def is_generic(name: str, head: str, gaz: Gazetteers) -> bool:
    """该公司, 联合实验室 alone, 两家企业: heads with nothing that names them."""
    if name in gaz.generic_names or len(name) <= len(head):
        return True
    for prefix in gaz.generic_prefixes:
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return rest in gaz.generic_names or len(rest) <= len(head) + 1
    return False
