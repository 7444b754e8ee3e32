"""Organizations: [region] + core + organizational suffix, departments, national bodies."""

from __future__ import annotations

import re

from kg.nlp.candidates import Candidate, TokenView
from kg.nlp.companies import find_short_named_companies
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.nlp.grammar import is_generic, name_start, only_everyday_words, title_words
from kg.text import is_han

__all__ = ["find_organizations"]

# Tags of a word that swallows a suffix character without being a name
# (布局 ends in 局, 中心城区 starts with 中心).
_YEAR_WORD = re.compile(r"年度|年|")
_BODY_WORD_TAGS = frozenset({"n", "nt", "l"})
_NAME_TAGS = frozenset({"n", "nt", "ns", "nz", "nr", "nrt", "j", "l"})
# Tags of an everyday word after a title: the title opens a longer name (院士|活动基地), no person follows.
_EVERYDAY_AFTER_TITLE = frozenset({"n", "vn"})


@derived
def _suffix_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    words = set(gaz.org_suffixes) | set(gaz.departments) | set(gaz.sub_unit_suffixes)
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


@derived
def _openings(gaz: Gazetteers) -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    """Level characters, national openings, classifiers and numerals (`data/patterns/names.yaml`)."""
    org = gaz.names["organization"]
    return (
        frozenset(org["level_openings"]),
        tuple(org["national_openings"]),
        frozenset(org["classifiers"]),
        frozenset(org["numerals"]),
    )


def _counted(text: str, start: int, gaz: Gazetteers) -> bool:
    """125家中心, 1个文旅数据资源中心: a numeral and a classifier before the name."""
    _, _, classifiers, numerals = _openings(gaz)
    return text[start] in classifiers and (text[start - 1].isdigit() or text[start - 1] in numerals)


@derived
def _generic_openings(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["organization"]["generic_openings"])


@derived
def _branch_suffixes(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["organization"]["branch_suffixes"])


@derived
def _party_committees(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["organization"]["party_committees"])


@derived
def _not_before(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["organization"]["not_before"])


def _suffix_fits(view: TokenView, start: int, end: int, gaz: Gazetteers) -> bool:
    """A word the suffix shares must be a name word (科技厅), not 布局 or 展厅.

    One-character suffixes (厅, 局) must also end their word.
    """
    i = view.token_at(start)
    word = view.text[view.starts[i] : view.ends[i]]
    if end - start == 1:
        if view.starts[i] == start and word[1:] in title_words(gaz):
            return True  # 系主任, cut 机械电子工程|系主任: the suffix opens its head's title
        return view.is_start(end) and (
            word == view.text[start:end]
            or word in gaz.departments
            or word_tag(word) in (None, "nt")
            or (len(word) >= 3 and word_tag(word) in _BODY_WORD_TAGS)  # 旅游局; not 开好局 or 格局
        )
    last = view.token_at(end - 1)
    rest = view.text[end : view.ends[last]]
    if (
        not view.is_start(end)
        and view.starts[last] > start
        and rest not in title_words(gaz)
        and rest not in gaz.stop_words
        and not view.text.startswith(gaz.titles, end)
    ):
        return False  # 中国科大学子, 细分行业: the suffix's last character opens another word (局局长, 局将 and
        # 区委副书记, cut 区委副|书记, are fine)
    if view.starts[i] < start:
        return word_tag(word) in _NAME_TAGS or word_tag(word) is None
    return True


def find_organizations(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    text = view.text
    found: list[Candidate] = []
    for match in _suffix_pattern(gaz).finditer(text):
        suffix_start, end = match.span()
        suffix = match.group()
        if not _suffix_fits(view, suffix_start, end, gaz) or text.startswith(_not_before(gaz), end):
            continue
        start = min(name_start(view, gaz, suffix_start, quotes=False), _place_sharing_level(view, suffix_start, gaz))
        start = _across_conjunction(view, gaz, start, suffix)
        start = _after_a_whole_body(text, start, suffix_start, suffix, gaz)
        if start > 0 and text[start - 1].isdigit():
            start += len(_YEAR_WORD.match(text, start).group())  # 2024年度… is not part of a name
        if start > 0 and _counted(text, start, gaz):
            start += 1  # 125家中心, 1个文旅数据资源中心: a count, then the name
        name = text[start:end]
        if suffix in gaz.departments and start == suffix_start:
            continue  # a bare 科技厅: only an alias, resolved in its article
        if suffix_start - start == 1 and text.endswith(tuple(title_words(gaz)), 0, start):
            continue  # 副会长武中学: one character after a title is a person's surname
        if (
            is_generic(name, suffix, gaz)
            or _descriptive(view, start, suffix_start, suffix, gaz)
            or name.startswith(_generic_openings(gaz))
            or _committee_of_nobody(name, suffix, gaz)
        ):
            continue
        if suffix in gaz.sub_unit_suffixes and not _has_parent(name[: -len(suffix)], gaz):
            continue  # 公司总部: a sub-unit of nobody named
        if _name_goes_on(view, end, gaz):
            continue  # 江屿中国工程院|院士活动基地: the title and what follows it belong to a longer name
        if (body := _body_of_committee(name, gaz)) is not None:
            name, end = body, start + len(body)  # 某大学党委书记: the body holds the title 党委书记
        found.append(Candidate(start, end, "Organization", name, "org_grammar"))
        found.extend(_parents_inside(start, name, gaz))
    found.extend(_national_bodies(view, gaz))
    found.extend(_place_utilities(view, gaz))
    found.extend(_dash_partners(text, found, gaz))
    found.extend(find_short_named_companies(view, gaz))
    found.extend(_dateline_outlets(view, gaz))
    return found


@derived
def _dateline_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    suffixes = "|".join(map(re.escape, gaz.names["organization"]["outlet_suffixes"]))
    name = rf"[\u4e00-\u9fff]{{1,8}}?(?:{suffixes})"
    return re.compile(rf"(?m)^【?({name})(?:讯|[\u4e00-\u9fff]{{0,6}}\d{{1,2}}月\d{{1,2}}日[电讯])")


def _dateline_outlets(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """【香港商报网讯】, 中新网北京2月3日电: the outlet a report opens with is an organization."""
    found = []
    for match in _dateline_pattern(gaz).finditer(view.text):
        name = match.group(1)
        if not is_generic(name, name[-1], gaz) and name not in gaz.places and len(name) >= 3:
            found.append(Candidate(match.start(1), match.end(1), "Organization", name, "dateline_outlet"))
    return found


@derived
def _description_grammar(gaz: Gazetteers) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    names = gaz.names
    org = names["organization"]
    return frozenset(org["descriptive_suffixes"]), tuple(org["not_names"]), tuple(names["program"]["rank_openings"])


def _descriptive(view: TokenView, start: int, suffix_start: int, suffix: str, gaz: Gazetteers) -> bool:
    """市级创新中心, 产业技术研究院, 数字文旅发展新格局: everyday words before a kind of body
    describe one in passing; a place, a name word or a word jieba does not know names one."""
    suffixes, not_names, ranks = _description_grammar(gaz)
    text = view.text
    if text.endswith(not_names, start, suffix_start + len(suffix)):
        return True
    if suffix not in suffixes or suffix_start == start:
        return False
    if text.startswith(ranks, start):
        return True  # 省级海洋产业技术创新中心: a rank and a kind, a category of bodies
    if gaz.place_at(text, start) is not None or any(ch.isascii() for ch in text[start:suffix_start]):
        return False
    if text[start] in _openings(gaz)[0] and text[start + 1] != "级":
        return False  # 市委办公室: the article's own city names it (市级 is only a rank)
    if text.startswith(_openings(gaz)[1], start):
        return False  # 国家纺织产品开发中心
    if _long_titles(gaz).match(text, suffix_start + len(suffix)):
        return False  # 棉花研究所所长李付广: a body whose head is named is a body
    return only_everyday_words(view, start, suffix_start, gaz)


@derived
def _partner_grammar(gaz: Gazetteers) -> tuple[tuple[str, ...], re.Pattern[str], int]:
    org = gaz.names["organization"]
    ends = re.compile("|".join(map(re.escape, org["partner_ends"])))
    return tuple(org["partner_dashes"]), ends, org["partner_max"]


def _dash_partners(text: str, organizations: list[Candidate], gaz: Gazetteers) -> list[Candidate]:
    """北京大学—字节跳动“…联合实验室”: the name after the dash is a partner organization."""
    dashes, ends, longest = _partner_grammar(gaz)
    found = []
    for org in organizations:
        if org.nested or not text.startswith(dashes, org.end):
            continue
        start = org.end + 1
        stop = ends.search(text, start, start + longest + 1)
        if stop is None:
            continue
        name = text[start : stop.start()]
        if (
            2 <= len(name) <= longest
            and all(is_han(ch) for ch in name)
            and name not in gaz.places
            and not is_generic(name, name[-1], gaz)
            and name not in gaz.stop_words
        ):
            found.append(Candidate(start, stop.start(), "Organization", name, "dash_partner"))
    return found


def _across_conjunction(view: TokenView, gaz: Gazetteers, start: int, suffix: str) -> int:
    """A name with 与/和/及 inside it: the conjunction joins two halves of one name, not two names.

    - a sub-unit after its parent: 华南理工大学材料科学与工程学院;
    - a specific left half that names nothing alone: 中国高端医疗装备创新与高质量发展交流中心;
    - a known body across the conjunction: …文化和旅游部重点实验室;
    - a school of two disciplines: 化学与材料工程学院.
    The left half must end in no suffix and hold no title (…联合会会长孙瑞哲和吴江区委 is two names).
    """
    text = view.text
    if start < 2:
        return start
    if text[start - 1] not in "与和及":
        verb = view.token_at(start - 1)
        verb_start = view.starts[verb]
        if text[verb_start:start] not in gaz.name_verbs or verb_start < 2 or text[verb_start - 1] not in "与和及":
            return start
        joined = _across_conjunction(view, gaz, verb_start, suffix)  # 国家创新与发展战略研究会
        return joined if joined < verb_start else start
    body = next(
        (
            m
            for m in _national_pattern(gaz).finditer(text, max(0, start - 12), start + 12)
            if m.start() < start - 1 and m.end() > start
        ),
        None,
    )
    if body is not None:
        return _across_conjunction(view, gaz, name_start(view, gaz, body.start(), quotes=False), suffix)
    left = name_start(view, gaz, start - 1, quotes=False)
    part = text[left : start - 1]
    if not part or any(part.endswith(s) for s in gaz.org_suffixes) or _holds_title(part, gaz):
        return start
    if _has_parent(part, gaz) and gaz.place_at(text, start) is None:
        return left  # (国务院和浙江省委: a body named after a place opens a second name)
    right = text[start : text.find(suffix, start)]
    if (
        suffix in _discipline_suffixes(gaz)
        and 2 <= len(part) <= 4
        and text[start - 1] == "与"
        and gaz.place_at(text, left) is None
        and gaz.place_at(text, start) is None
        and not right.startswith(("中国", "国家"))
        and not _has_parent(right + suffix[:1], gaz)
    ):
        return left  # 化学与材料工程学院: a school of two disciplines
    specific = (
        gaz.place_at(text, left) is not None
        or part.startswith(("中国", "国家", "全国"))
        or (suffix in _description_grammar(gaz)[0] and only_everyday_words(view, start, text.find(suffix, start), gaz))
    )
    # …基础技术与场景应用创新联合体: a kind of body whose right half names nothing alone
    right_named = gaz.place_at(text, start) is not None or part in gaz.places
    return _across_conjunction(view, gaz, left, suffix) if specific and not right_named and len(part) >= 4 else start


@derived
def _longer_name_heads(gaz: Gazetteers) -> tuple[str, ...]:
    """What a longer name a body and a title open may end in: suffixes, program and event heads, 基地."""
    return (*gaz.org_suffixes, *gaz.program_heads, *gaz.event_heads, *gaz.names["organization"]["longer_name_heads"])


def _name_goes_on(view: TokenView, end: int, gaz: Gazetteers) -> bool:
    """A title right after the name, then an everyday noun and a head (院士活动基地, not 院士王明 or
    党委书记出席): the name is part of a longer one."""
    title = _long_titles(gaz).match(view.text, end)
    if title is None or title.end() >= len(view.text) or not view.is_start(title.end()):
        return False
    index = view.token_at(title.end())
    word = view.text[view.starts[index] : view.ends[index]]
    if len(word) < 2 or word_tag(word) not in _EVERYDAY_AFTER_TITLE:
        return False
    heads = _longer_name_heads(gaz)
    return word.endswith(heads) or view.text.startswith(heads, view.ends[index])


@derived
def _discipline_suffixes(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["organization"]["discipline_suffixes"])


def _holds_title(part: str, gaz: Gazetteers) -> bool:
    """会长孙瑞哲 holds a title; 中国科学院长春… does not: its 院长 runs into the place 长春."""
    for at in range(len(part) - 1):
        title = _long_titles(gaz).match(part, at)
        if title is not None and all(gaz.place_at(part, inside) is None for inside in range(at + 1, title.end())):
            return True
    return False


@derived
def _long_titles(gaz: Gazetteers) -> re.Pattern[str]:
    """Titles of two characters or more, longest first."""
    return re.compile("|".join(map(re.escape, (t for t in gaz.titles if len(t) >= 2))))


def _after_a_whole_body(text: str, start: int, suffix_start: int, suffix: str, gaz: Gazetteers) -> int:
    """江苏省科学技术厅上海市科学技术委员会 (a signature block): a body, then a place written in full
    with its level, opens a second name.  A short place stays inside (中国科学院长春…研究所)."""
    if suffix in _branch_suffixes(gaz):
        return start  # 中国人民银行四川省分行: a branch is named after its place
    for at in range(suffix_start - 1, start + 2, -1):
        hit = gaz.place_at(text, at)
        if (
            hit is not None
            and hit[0] == hit[1].name
            and hit[0][-1] in "省市区县"
            and any(text.endswith(s, start, at) for s in gaz.org_suffixes)
        ):
            return at
    return start


def _place_sharing_level(view: TokenView, suffix_start: int, gaz: Gazetteers) -> int:
    """新都区委: a district's full name ends in the level its organ opens with (区委), where jieba
    may have cut the name apart (新|都|区委); the name starts at the place. `suffix_start` if none."""
    text = view.text
    if text[suffix_start : suffix_start + 1] not in _openings(gaz)[0]:
        return suffix_start
    for start in range(max(0, suffix_start - 6), suffix_start - 1):
        hit = gaz.place_at(text, start)
        if hit is not None and start + len(hit[0]) == suffix_start + 1 and view.is_start(start):
            return start
    return suffix_start


def _committee_of_nobody(name: str, suffix: str, gaz: Gazetteers) -> bool:
    """公司党委, 集团党组: the party committee of a generic head."""
    return suffix in _party_committees(gaz) and name[: -len(suffix)] in gaz.generic_names


def _body_of_committee(name: str, gaz: Gazetteers) -> str | None:
    """某能源公司 of 某能源公司党委, 东方某某 of 东方某某党委: the body a party committee belongs to,
    unless that is a place (某镇党委 is the town's own body) or a generic word (公司党委)."""
    organ = next((o for o in _party_committees(gaz) if name.endswith(o)), None)
    if organ is None:
        return None
    body = name[: -len(organ)]
    if (
        len(body) < 2
        or body in gaz.generic_names
        or body.endswith(_place_endings(gaz))
        or any(body[i:] in gaz.places for i in range(len(body) - 1))
    ):
        return None
    return body


@derived
def _place_endings(gaz: Gazetteers) -> tuple[str, ...]:
    """What a place's name ends in: its level (某市, 某县) or a town's or village's word (某镇, 某街道)."""
    names = gaz.names
    return (*names["organization"]["level_openings"], *names["region"]["town_suffixes"])


def _has_parent(core: str, gaz: Gazetteers) -> bool:
    """An organization opens `core`: a suffix of two characters or more, or a national body (…部)."""
    if core in gaz.generic_names:
        return False
    return (
        any(core.endswith(s) or s in core[:-1] for s in gaz.org_suffixes if len(s) >= 2)
        or _national_pattern(gaz).search(core) is not None
    )


def _parents_inside(start: int, name: str, gaz: Gazetteers) -> list[Candidate]:
    """北京大学 inside 北京大学计算机学院, 农业农村部 inside 农业农村部党组: the parent is named too, and kept."""
    parents = []
    for match in _suffix_pattern(gaz).finditer(name):
        cut = match.end()
        if cut >= len(name) or match.group() in gaz.sub_unit_suffixes:
            continue
        parent = name[:cut]
        if not is_generic(parent, match.group(), gaz) and len(parent) > len(match.group()) + 1:
            parents.append(Candidate(start, start + cut, "Organization", parent, "org_parent", nested=True))
    if not parents and (body := _body_of_committee(name, gaz)):
        parents.append(Candidate(start, start + len(body), "Organization", body, "org_parent", nested=True))
    body = _national_pattern(gaz).match(name) or _enterprise_of_unit(name, gaz)
    if body is not None and body.end() < len(name) and all(p.end != start + body.end() for p in parents):
        parents.append(Candidate(start, start + body.end(), "Organization", body.group(), "org_parent", nested=True))
    return parents


def _enterprise_of_unit(name: str, gaz: Gazetteers) -> re.Match[str] | None:
    """国家电投 in 国家电投集团江西电力有限公司: a central enterprise opens the name of one of its
    companies (中国石油大学 is not one, 中海油公司 is the enterprise itself, 中海油大批量采购某公司 a
    clause)."""
    ending = next((e for e in gaz.enterprise_unit_endings if name.endswith(e)), None)
    body = _enterprise_pattern(gaz).match(name)
    if ending is None or body is None:
        return None
    word = name[body.end() : len(name) - len(ending)]
    word = word[len(next((e for e in gaz.enterprise_own_endings if word.startswith(e)), "")) :]
    shortest, longest = gaz.enterprise_unit_word_chars
    return body if shortest <= len(word) and (len(word) <= longest or gaz.place_at(word, 0)) else None


@derived
def _national_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(gaz.national_bodies, key=len, reverse=True))))


@derived
def _utility_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    words = gaz.names["organization"]["place_utilities"]
    return re.compile("|".join(map(re.escape, words)))


def _place_utilities(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """某省电网, 某市电信: a place written just before a utility's word, the word ending there."""
    text = view.text
    found = []
    for match in _utility_pattern(gaz).finditer(text):
        if not view.is_start(match.end()):
            continue  # 电网建设者: the word opens a longer one
        for start in range(max(0, match.start() - 4), match.start() - 1):
            hit = gaz.place_at(text, start)
            if hit is not None and start + len(hit[0]) == match.start() and view.is_start(start):
                found.append(Candidate(start, match.end(), "Organization", text[start : match.end()], "utility"))
                break
    return found


@derived
def _enterprise_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(gaz.enterprises, key=len, reverse=True))))


def _national_bodies(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """工信部, 中国能建: national bodies and central enterprises by the names the gazetteers know."""
    return [
        Candidate(m.start(), m.end(), "Organization", m.group(), source)
        for pattern, source in ((_national_pattern(gaz), "national"), (_enterprise_pattern(gaz), "enterprise"))
        for m in pattern.finditer(view.text)
        if view.is_start(m.start())
        and not view.one_word_beyond(m.start(), m.end())
        and not _name_goes_on(view, m.end(), gaz)
    ]
