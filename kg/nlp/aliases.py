"""One entity per real thing within an article: aliases and canonical names.

- Declared short forms: `A（以下简称“B”）` makes every later B (《B》, “B”) a
  mention of A.
- Contextual abbreviations: 省科技厅 in an article about 浙江 is 浙江省科技厅,
  市委 in one about 深圳 is 深圳市委, 区工信局 in one about 龙岗 is 龙岗区工信局;
  the province, city or district is the one the article names most.
- Brand short forms: 芯途微电子 after 无锡芯途微电子有限公司 (the name without
  its place and legal ending, or its first four characters or more).
- Tails: 科创母基金 after 浙江省科创母基金, 审批局 after …行政审批局 — a later
  tail of exactly one fuller name of the article is that name.
- Department short forms: 安徽省科技厅 in an article that also writes
  安徽省科学技术厅 is that body; so is an abbreviation of a name the article
  writes in full (中国农科院 of 中国农业科学院).
- The canonical name is the fullest form seen; all forms are kept as aliases.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import ahocorasick
from spacy.tokens import Doc

from kg.nlp.candidates import TokenView, occurrences_of_each, token_view
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.text import is_han

__all__ = ["Mention", "ArticleEntity", "article_entities"]

_QUOTE_PAIRS = ("“”", "‘’", "「」")
# A program's name without its opening places must keep this many characters to be named again (昆山…项目).
_MIN_PROGRAM_REST = 6
# jieba tags of a company's short name (天翼: unknown; 华为 nz; 中冶 j).
_SHORT_BRAND_TAGS = frozenset({None, "nz", "nt", "j"})
# Level prefixes that also end ordinary words (园区, 郊县): abbreviations only at a word start.
_WORD_TAIL_PREFIXES = frozenset({"区", "县", "镇", "乡"})
# A town the article names (陆家镇) is what its 镇党委 abbreviates.
_TOWN_ENDINGS = ("镇", "乡")


@dataclass(frozen=True)
class Mention:
    start: int  # in the article's text
    end: int
    text: str
    label: str


@dataclass
class ArticleEntity:
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    declared: list[str] = field(default_factory=list)  # short forms declared with 以下简称


@derived
def _level_prefixes(gaz: Gazetteers) -> dict[str, str]:
    """What 省, 市, 区 … before an organ abbreviate: the level of the article's place it stands for."""
    return dict(gaz.names["region"]["level_prefixes"])


@derived
def _abbreviable_heads(gaz: Gazetteers) -> re.Pattern[str]:
    """省/市/区/县 + a department or organ: 省科技厅, 市委, 区工信局, 省金融控股有限公司."""
    organs = "|".join(map(re.escape, _government_organs(gaz)))
    return re.compile("(" + "|".join(_level_prefixes(gaz)) + ")(" + organs + ")")


def _unquoted(text: str) -> str:
    for pair in _QUOTE_PAIRS:
        if len(text) > 2 and text[0] == pair[0] and text[-1] == pair[1] and pair[0] not in text[1:-1]:
            return text[1:-1]
    return text


def _dominant_places(mentions: list[Mention], gaz: Gazetteers) -> dict[str, str]:
    """The province, city, district or county, and town the article names most, among those a region
    mention or a government body's name names (a place seen only inside a company's or a
    university's name, 武汉纺织大学, is no article's own).  The city is the county-level city (滕州市) when the article names it more than its
    prefecture."""
    counts: dict[str, Counter[str]] = {
        "province": Counter(),
        "prefecture": Counter(),
        "county": Counter(),
        "town": Counter(),
    }
    named: Counter[str] = Counter()  # places named themselves, not through a place inside them
    standing: set[str] = set()  # places, and their parents, that a region mention names on its own
    for mention in mentions:
        if (
            mention.label == "Region"
            and mention.text.endswith(_TOWN_ENDINGS)
            and len(mention.text) >= 3
            and mention.text not in gaz.places
        ):
            counts["town"][mention.text] += 2
            standing.add(mention.text)
        hit = gaz.place_at(mention.text, 0)
        place = hit[1] if hit is not None else None
        if place is not None:
            named[place.name] += 1
        # A region, or a government body named after its place (广东省工信厅), says where the article
        # is; a company or institute named after a place (岳麓山种业创新中心, 武汉纺织大学) does not.
        says_where = mention.label == "Region" or _government_body(mention.text, gaz)
        weight = 2 if mention.label == "Region" else 1
        while place is not None:
            if place.kind in counts:
                counts[place.kind][place.name] += weight
                if says_where:
                    standing.add(place.name)
            place = gaz.places.get(place.parent) if place.parent else None
    dominant = {
        kind: max(c, key=lambda name: (c[name], name))
        for kind, c in ((kind, Counter({n: k for n, k in c.items() if n in standing})) for kind, c in counts.items())
        if c
    }
    county, city = dominant.get("county", ""), dominant.get("prefecture", "")
    if county.endswith("市") and named[county] > named[city]:
        dominant["prefecture"] = county  # 滕州市: in an article about a county-level city, 市委 is its own
    return dominant


@derived
def _government_organs(gaz: Gazetteers) -> tuple[str, ...]:
    """A department or organ of government: what 省/市/区/县 abbreviate and what a government body ends in."""
    return tuple(
        sorted(set(gaz.departments) | set(gaz.names["organization"]["government_organs"]), key=len, reverse=True)
    )


def _government_body(name: str, gaz: Gazetteers) -> bool:
    return name.endswith(_government_organs(gaz))


def _expand(text: str, dominant: dict[str, str], gaz: Gazetteers) -> str:
    """省科技厅 → 浙江省科技厅, using the article's own province or city."""
    for prefix, level in _level_prefixes(gaz).items():
        if text.startswith(prefix) and level in dominant and not text.startswith("级", len(prefix)):
            if level == "town" and text[len(prefix) :] not in _government_organs(gaz):
                continue  # 镇党委 is the town's; 乡镇党委 is every town's
            return dominant[level] + text[len(prefix) :]
    return text


def article_entities(doc: Doc, gaz: Gazetteers) -> list[ArticleEntity]:
    """Group a processed article's entity mentions into canonical entities."""
    text = token_view(doc).text  # the resolver's view: no second walk over the tokens
    spans = [*doc.ents, *doc.spans["kg_nested"]]
    mentions = [Mention(s.start_char, s.end_char, text[s.start_char : s.end_char], s.label_) for s in spans]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    dominant = _dominant_places(mentions, gaz)
    canonical: dict[Mention, str] = {}

    for match in _abbreviable_heads(gaz).finditer(text):
        if match.start() in covered or _ends_a_place(text, match.start() + len(match.group(1)), gaz):
            continue
        if text[max(0, match.start() - 1) : match.start()] in _level_prefixes(gaz):
            continue  # 省市委: the bodies of two levels at once, no one body
        if match.group(1) in _WORD_TAIL_PREFIXES and match.start() > 0 and is_han(text[match.start() - 1]):
            continue  # 园区管委会: this 区 ends a word, it is no abbreviation
        mention = Mention(match.start(), match.end(), match.group(), "Organization")
        mentions.append(mention)
        covered.update(range(mention.start, mention.end))

    for mention in mentions:
        if mention.label in ("Organization", "Program"):  # 省储能示范项目 is the article's province's
            canonical[mention] = _expand(mention.text, dominant, gaz)
        elif mention.label == "Person" and not mention.text.isalnum():
            canonical[mention] = "".join(mention.text.split())  # 黄  鹏 of a roster is 黄鹏
    _join_national_forms(mentions, canonical, gaz)
    _prefer_full_department_names(canonical, gaz)
    _join_abbreviations(canonical, gaz)
    _join_program_heads(mentions, canonical, gaz)
    _join_program_places(mentions, canonical, gaz)
    _join_year_forms(mentions, canonical)
    _join_event_tails(mentions, canonical)

    declared = _declared_aliases(text, mentions, gaz)
    zone_shorts: dict[str, str] = {}
    index = _MentionIndex(mentions)
    spots = occurrences_of_each(text, declared)
    for short, target in declared.items():
        for span in spots[short]:
            start, end = span
            if start > 0 and text[start - 1] in "《“" and text[end : end + 1] in "》”":
                start, end = start - 1, end + 1
            mention = Mention(start, end, text[start:end], target.label)
            # “唐山高新区” and the bare 唐山高新区 inside its quotes are one mention.
            same = index.bounded_by(start, end) + (index.bounded_by(*span) if span != (start, end) else [])
            if not same and index.holds(start, end):
                continue
            if not same:
                mentions.append(mention)
                index.add(mention)
            for m in same or [mention]:
                canonical[m] = canonical.get(target, target.text)
            covered.update(range(start, end))
        if target.label == "Region":
            zone_shorts[short] = canonical.get(target, target.text)

    _expand_zone_organs(mentions, canonical, zone_shorts, gaz)
    mentions.extend(_abbreviations_before_titles(token_view(doc), covered, canonical, gaz))
    mentions.extend(_brand_mentions(token_view(doc), mentions, covered, canonical, gaz))
    mentions.extend(_tail_mentions(token_view(doc), mentions, covered, canonical, gaz))
    entities = _group(mentions, canonical, gaz)
    for entity in entities:
        entity.declared = [short for short in declared if short in entity.aliases]
    return entities


_LONGEST_ABBREVIATION = 6  # characters of an abbreviation written before a title (中国农科院)


def _join_program_heads(mentions: list[Mention], canonical: dict[Mention, str], gaz: Gazetteers) -> None:
    """东数西算 and “东数西算” are the 东数西算工程 the article also names: the name with its head."""
    programs = {m.text for m in mentions if m.label == "Program"}
    for mention in mentions:
        if mention.label != "Program":
            continue
        core = _unquoted(mention.text)
        fuller = sorted({core + head for head in gaz.national_program_heads if core + head in programs})
        if fuller:
            canonical[mention] = fuller[0]


def _join_program_places(mentions: list[Mention], canonical: dict[Mention, str], gaz: Gazetteers) -> None:
    """昆山…储能项目 after 江苏昆山…储能项目: a program named again without the places that open it is
    the fuller one."""
    fuller: dict[str, str] = {}
    for name in sorted({m.text for m in mentions if m.label == "Program"}, key=len):
        rest, hit = name, gaz.place_at(name, 0)
        while hit is not None and len(rest) - len(hit[0]) >= _MIN_PROGRAM_REST:
            rest = rest[len(hit[0]) :]
            fuller[rest] = name
            hit = gaz.place_at(rest, 0)
    for mention in mentions:
        if (
            mention.label == "Program"
            and canonical.get(mention, mention.text) == mention.text
            and mention.text in fuller
        ):
            canonical[mention] = fuller[mention.text]


def _join_national_forms(mentions: list[Mention], canonical: dict[Mention, str], gaz: Gazetteers) -> None:
    """工信部 and 工业和信息化部, 中海油 and 中海油公司 in one article are one body, named by the
    fuller form the article writes."""
    written: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.label == "Organization" and (body := _known_body(mention.text, gaz)):
            written[body].add(mention.text)
    for mention in mentions:
        forms = written.get(_known_body(mention.text, gaz), set())
        if mention.label == "Organization" and len(forms) > 1:
            canonical[mention] = max(sorted(forms), key=len)


def _known_body(name: str, gaz: Gazetteers) -> str:
    """The national body or central enterprise `name` is (中海油公司 is 中海油), or ''."""
    if name in gaz.national_bodies:
        return gaz.national_bodies[name]
    ending = next((e for e in gaz.enterprise_own_endings if name.endswith(e)), "")
    return gaz.enterprises.get(name, gaz.enterprises.get(name[: len(name) - len(ending)], ""))


def _join_year_forms(mentions: list[Mention], canonical: dict[Mention, str]) -> None:
    """2021国家智能制造发展论坛 and 2021年国家智能制造发展论坛 are one: the name with 年 is the fuller."""
    names = {m.text for m in mentions if m.label in ("Event", "Program")}
    for mention in mentions:
        if mention.label in ("Event", "Program") and mention.text[:4].isdigit() and not mention.text[4:5] == "年":
            fuller = mention.text[:4] + "年" + mention.text[4:]
            if fuller in names:
                canonical[mention] = fuller


def _join_event_tails(mentions: list[Mention], canonical: dict[Mention, str]) -> None:
    """数字文旅工作推进会 after 福建省数字文旅工作推进会: an event named again without its opening
    is the one fuller event of the article that ends so."""
    ending: dict[str, list[str]] = defaultdict(list)  # the events each tail of five characters or more ends
    for event in {m.text for m in mentions if m.label == "Event"}:
        for cut in range(1, len(event) - 4):
            ending[event[cut:]].append(event)
    for mention in mentions:
        if mention.label != "Event" or mention in canonical:
            continue
        fuller = ending.get(mention.text, [])
        if len(fuller) == 1:
            canonical[mention] = fuller[0]


def _standard_form(name: str, gaz: Gazetteers) -> str:
    """安徽省科技厅 → 安徽省科学技术厅: the department's short form spelled out."""
    for cut in range(max(0, len(name) - 12), len(name) - 1):
        full = gaz.departments.get(name[cut:])
        if full is not None:
            return name[:cut] + full
    return name


def _prefer_full_department_names(canonical: dict[Mention, str], gaz: Gazetteers) -> None:
    """安徽省科技厅 and 安徽省科学技术厅 in one article are one body, named in full."""
    fullest: dict[str, str] = {}
    for name in canonical.values():
        standard = _standard_form(name, gaz)
        if len(name) > len(fullest.get(standard, "")):
            fullest[standard] = name
    for mention, name in canonical.items():
        canonical[mention] = fullest[_standard_form(name, gaz)]


def is_abbreviation(short: str, full: str) -> bool:
    """中国农科院 of 中国农业科学院, 江苏省社科院 of 江苏省社会科学院: the same first and last
    character, the rest a subsequence that drops single characters only (each word keeps its first).
    Dropping a whole word makes another name: 北京大学 is no abbreviation of 北京理工大学.

    A university is written with 大 for 大学: 贵师大 of 贵州师范大学.

    >>> is_abbreviation("中国农科院", "中国农业科学院"), is_abbreviation("北京大学", "北京理工大学")
    (True, False)
    >>> is_abbreviation("贵师大", "贵州师范大学")
    True
    """
    if short.endswith("大") and full.endswith("大学"):
        short += "学"
    if not 3 <= len(short) < len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    position = 0
    for ch in short:
        found = full.find(ch, position)
        if found < 0 or found - position > 1:
            return False
        position = found + 1
    return position == len(full)


def _join_abbreviations(canonical: dict[Mention, str], gaz: Gazetteers) -> None:
    """An organization's abbreviation in the article that names it in full is that organization:
    中国农科院 of 中国农业科学院, 国家知识产权局 of 中国国家知识产权局, 中国电信 of 中国电信集团."""
    names = set(canonical.values())
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)  # an abbreviation keeps both ends
    for full in names:
        by_ends[full[:1], full[-1:]].append(full)
    fuller_names: dict[str, set[str]] = {}
    for mention, name in canonical.items():
        if name not in fuller_names:
            fuller_names[name] = _fuller_names(name, names, by_ends, gaz)
        fuller = fuller_names[name]
        if len(fuller) == 1:
            canonical[mention] = next(iter(fuller))


def _fuller_names(name: str, names: set[str], by_ends: dict[tuple[str, str], list[str]], gaz: Gazetteers) -> set[str]:
    """The names of `names` that `name` abbreviates or writes short (中国 or a legal ending left off)."""
    ends = [(name[:1], name[-1:])] + ([(name[:1], "学")] if name.endswith("大") else [])  # 贵师大 of …大学
    fuller = {full for key in ends for full in by_ends.get(key, ()) if is_abbreviation(name, full)}
    fuller.update(full for full in ("中国" + name, *(name + suffix for suffix in gaz.legal_suffixes)) if full in names)
    return fuller


def _declared_aliases(text: str, mentions: list[Mention], gaz: Gazetteers) -> dict[str, Mention]:
    declared: dict[str, Mention] = {}
    ending_at: dict[int, Mention] = {}  # the first mention ending at each offset
    for mention in mentions:
        ending_at.setdefault(mention.end, mention)
    for match in gaz.declared_short_form.finditer(text):
        target = ending_at.get(match.start())
        if target is not None:
            declared[match.group(1).strip("《》“”")] = target
    return declared


class _MentionIndex:
    """The article's mentions by their bounds, and whether one of them holds a span,
    without walking every mention for each occurrence of a declared short form."""

    def __init__(self, mentions: list[Mention]) -> None:
        self._at: dict[tuple[int, int], list[Mention]] = defaultdict(list)
        self._furthest: dict[int, int] = {}  # the furthest end of the mentions starting at each offset
        self._longest = 0
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        self._at[mention.start, mention.end].append(mention)
        self._furthest[mention.start] = max(self._furthest.get(mention.start, mention.end), mention.end)
        self._longest = max(self._longest, mention.end - mention.start)

    def bounded_by(self, start: int, end: int) -> list[Mention]:
        return list(self._at.get((start, end), ()))

    def holds(self, start: int, end: int) -> bool:
        """Some mention runs from `start` or before to `end` or after: only one starting
        no further back than the longest mention can."""
        return any(self._furthest.get(at, -1) >= end for at in range(max(0, end - self._longest), start + 1))


def _expand_zone_organs(
    mentions: list[Mention], canonical: dict[Mention, str], zone_shorts: dict[str, str], gaz: Gazetteers
) -> None:
    """高新区管委会 after 唐山高新区 was declared: the organ of that zone."""
    for short in zone_shorts:
        cut = next((k for k in range(len(short) - 1, 1, -1) if short[:k] in gaz.places), 0)
        bare = short[cut:]
        if not cut or len(bare) < 2:
            continue
        for mention in mentions:
            if mention.label == "Organization" and mention.text.startswith(bare) and len(mention.text) > len(bare):
                canonical[mention] = short + mention.text[len(bare) :]


def _ends_a_place(text: str, end: int, gaz: Gazetteers) -> bool:
    """The 市 of 深圳市委 closes a place name: that 市委 is no abbreviation."""
    return any(text[k:end] in gaz.places for k in range(max(0, end - 6), end - 1))


def _brand_core(name: str, gaz: Gazetteers) -> str | None:
    """无锡芯途微电子有限公司 → 芯途微电子: a company's name without its place and legal ending."""
    legal = next((ending for ending in gaz.legal_suffixes if name.endswith(ending)), None)
    found = gaz.place_at(name, 0)
    if legal is None or found is None:
        return None
    return name[len(found[0]) : -len(legal)]


def _opening_words(view: TokenView, start: int, end: int, gaz: Gazetteers) -> list[str]:
    """天翼, 天翼控股 of 天翼控股集团: the name's first word, of two or three characters that jieba does
    not know as an everyday word (its tag is none, or a name's), alone or with the words after it
    up to the legal ending."""
    first = view.token_at(start)
    word = view.text[view.starts[first] : view.ends[first]]
    if view.starts[first] != start or not 2 <= len(word) <= 3 or word_tag(word) not in _SHORT_BRAND_TAGS:
        return []
    legal = next(ending for ending in gaz.legal_suffixes if view.text.endswith(ending, start, end))
    body_end = end - len(legal)
    return [
        view.text[start : view.ends[index]]
        for index in range(first, view.token_at(end - 1) + 1)
        if view.ends[index] <= body_end
    ]


def _one_company(names: set[str]) -> str | None:
    """The one company a short name can mean: 安徽江岳汽车集团 inside 安徽江岳汽车集团股份有限公司 is the same."""
    fullest = [n for n in names if not any(other != n and other.startswith(n) for other in names)]
    return fullest[0] if len(fullest) == 1 else None


@derived
def _title_automaton(gaz: Gazetteers) -> ahocorasick.Automaton:
    """Every title, found in one pass over a text, overlapping ones too: built once per configuration, not
    once per article (a lookahead alternation of the titles tries each at every character)."""
    automaton = ahocorasick.Automaton()
    for title in gaz.titles:
        automaton.add_word(title, len(title))
    automaton.make_automaton()
    return automaton


def _title_starts(text: str, gaz: Gazetteers) -> list[int]:
    """Where any title starts in `text`, in order."""
    if not gaz.titles:
        return []
    return sorted({last + 1 - length for last, length in _title_automaton(gaz).iter(text)})


def _abbreviations_before_titles(
    view: TokenView, covered: set[int], canonical: dict[Mention, str], gaz: Gazetteers
) -> list[Mention]:
    """贵师大校长: a word before a title that abbreviates exactly one organization the article names
    in full is that organization (no recogniser knows 贵师大 on its own)."""
    text = view.text
    names = {name for mention, name in canonical.items() if mention.label == "Organization"}
    by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
    for full in names:
        by_ends[full[:1], full[-1:]].append(full)
    found = []
    for title_start in _title_starts(text, gaz):
        for start in range(max(0, title_start - _LONGEST_ABBREVIATION), title_start - 2):
            short = text[start:title_start]
            if (
                not view.is_start(start)
                or not covered.isdisjoint(range(start, title_start))
                or not all(is_han(ch) for ch in short)
            ):
                continue
            fuller = _fuller_names(short, names, by_ends, gaz)
            if len(fuller) == 1:
                mention = Mention(start, title_start, short, "Organization")
                canonical[mention] = next(iter(fuller))
                found.append(mention)
                covered.update(range(start, title_start))
                break
    return found


def _brand_mentions(
    view: TokenView, mentions: list[Mention], covered: set[int], canonical: dict[Mention, str], gaz: Gazetteers
) -> list[Mention]:
    """芯途微电子, 蔚蓝动力: a company's core (or its first characters) used alone is the company;
    so are the words opening a company's name with no place (天翼, 天翼控股 of 天翼控股集团) where
    jieba reads them as words of their own."""
    text = view.text
    brands: dict[str, set[str]] = defaultdict(set)
    short: set[str] = set()
    for mention in mentions:
        if mention.label != "Organization":
            continue
        name = canonical.get(mention, mention.text)
        core = _brand_core(name, gaz)
        if core:
            for length in range(gaz.brand_min_chars, len(core) + 1):
                brands[core[:length]].add(name)
        elif name == mention.text and name.endswith(gaz.legal_suffixes) and gaz.place_at(name, 0) is None:
            for prefix in _opening_words(view, mention.start, mention.end, gaz):
                brands[prefix].add(name)
                short.add(prefix)
    owner = {brand: _one_company(names) for brand, names in brands.items()}
    for mention in mentions:  # a short name a recogniser found itself (江岳汽车董事长)
        name = owner.get(mention.text)
        if mention.label == "Organization" and name and name != mention.text:
            canonical[mention] = name
    found = []
    searched = [
        brand
        for brand in sorted(brands, key=len, reverse=True)
        if owner[brand] is not None and brand not in gaz.places and brand not in gaz.generic_names
    ]
    spots = occurrences_of_each(text, searched)
    for brand in searched:
        name = owner[brand]
        for start, end in spots[brand]:
            if brand in short and not (view.is_start(start) and view.is_start(end)):
                continue  # 天翼 inside 天翼城 is no name
            if covered.isdisjoint(range(start, end)):
                mention = Mention(start, end, brand, "Organization")
                canonical[mention] = name
                found.append(mention)
                covered.update(range(start, end))
    return found


def _tail_mentions(
    view: TokenView, mentions: list[Mention], covered: set[int], canonical: dict[Mention, str], gaz: Gazetteers
) -> list[Mention]:
    """Bare tails (科创母基金, 管委会) of exactly one fuller name in the article, each where a word
    starts (not 年行动计划 of 3年行动计划)."""
    text = view.text
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for mention in mentions:
        if mention.label not in ("Organization", "Program"):
            continue
        name = canonical.get(mention, mention.text)
        for cut in range(1, len(name) - 2):
            tail = name[cut:]
            if not any(ch in tail for ch in "“”‘’《》"):
                owners[tail].add((name, mention.label))
    found = []
    searched = [
        tail
        for tail, names in owners.items()
        if len(names) == 1 and tail not in gaz.places and tail not in gaz.program_heads
    ]  # 行动计划 alone is any plan
    spots = occurrences_of_each(text, searched)
    for tail in searched:
        ((name, label),) = owners[tail]
        for start, end in spots[tail]:
            if covered.isdisjoint(range(start, end)) and view.is_start(start) and not text[start - 1 : start].isdigit():
                mention = Mention(start, end, tail, label)
                canonical[mention] = name
                found.append(mention)
                covered.update(range(start, end))
    return found


def _group(mentions: list[Mention], canonical: dict[Mention, str], gaz: Gazetteers) -> list[ArticleEntity]:
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
        if mention in canonical:
            key = _unquoted(canonical[mention])
        elif mention.label == "Region":
            place = gaz.places.get(mention.text)
            key = place.name if place is not None else mention.text
        else:
            key = _unquoted(canonical.get(mention, mention.text))
        groups[(mention.label, key)].append(mention)
    entities = []
    for (label, key), members in groups.items():
        forms = list(dict.fromkeys(m.text for m in members))
        # A known region is named as the gazetteer names it (杭州 → 杭州市, 我国 → 中国).
        # A person is named by the key: 黄鹏, not the roster's padded 黄  鹏.
        if label == "Person" or (label == "Region" and key in gaz.places):
            name = key
        else:
            name = max(forms if label == "Region" else [key, *forms], key=len)
        name = _unquoted(name)
        aliases = list(dict.fromkeys([name, *forms, *(_unquoted(f) for f in forms)]))
        spans = sorted({(m.start, m.end) for m in members})
        entities.append(ArticleEntity(name, label, aliases, spans))
    return sorted(entities, key=lambda e: e.mentions[0])
