"""Programs, events and documents: 《titles》, quoted names and head-word grammars.

A head word alone (计划, 大会, 基金) names nothing in particular; a name is
only taken when something makes it specific: a place, 国家/中央/全国, a year
or edition, a quoted part, a number, or an organization inside it.  That keeps
政府引导基金 and 科技计划体系 out and 浙江省科创母基金 in.
"""

from __future__ import annotations

import re

from kg.config import load_data_yaml
from kg.nlp.candidates import Candidate, TokenView
from kg.nlp.gazetteers import Gazetteers, derived, word_tag
from kg.nlp.grammar import is_generic, is_name_char, name_start

__all__ = [
    "find_documents",
    "find_quoted_programs",
    "find_quoted_events",
    "find_headed_names",
    "find_national_programs",
    "find_designations",
]

_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_QUOTED = re.compile(r"[“‘「]([^“”‘’「」\n]{1,24})[”’」]")
_QUOTED_WITH_DASH = re.compile(r"“([^“”\n]{4,40})”")
_SPAN_OF_YEARS = re.compile("[一二两三四五六七八九十]+年(?:行动|计划|规划)")
_YEARS_ALONE = re.compile("(?:\\d+|[一二两三四五六七八九十]+)年")


@derived
def _specific_starts(gaz: Gazetteers) -> tuple[str, ...]:
    """Openings that single a name out (国家, 省, 国际 …)."""
    return tuple(gaz.names["program"]["specific_starts"])


def find_documents(view: TokenView) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "Document", m.group(), "title_marks") for m in _TITLE.finditer(view.text)]


def find_quoted_programs(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """“助企行”: a quoted name that something is done with (开展, 获评, …工作), that a kind of
    program just before it names (平台“星岳云”), or that a list of programs holds."""
    text = view.text
    found = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        if any(ch in inner for ch in "，。！？；、") or len(inner) < 2 or inner.endswith(gaz.event_heads):
            continue  # (举办)“某某发展趋势论坛”: an event, found at its head
        before = text[max(0, match.start() - gaz.program_trigger_window) : match.start()]
        after = text[match.end() : match.end() + 3]
        named_by_kind = text.endswith(gaz.program_heads, 0, match.start())  # 工业互联网平台“星岳云”
        if (
            any(v in before for v in gaz.program_verbs_before)
            or after.startswith(gaz.program_words_after)
            or named_by_kind
            or _listed_as_programs(text, match.end(), gaz)
        ):
            found.append(Candidate(match.start(), match.end(), "Program", match.group(), "quoted_program"))
    return found


_LIST_TAIL = re.compile(r"(?:、(?:[“‘][^“”‘’\n]{1,24}[”’]|[^、，。；“”‘’\n]{1,30}))*等")


def _listed_as_programs(text: str, end: int, gaz: Gazetteers) -> bool:
    """“甲”、“乙”等项目, ‘甲’、乙体验项目等入选…: a quoted item of a list that ends in 等 and a
    kind of program or a verb programs take."""
    tail = _LIST_TAIL.match(text, end)
    if tail is None:
        return False
    after = text[tail.end() : tail.end() + 6]
    return after.startswith(gaz.program_heads) or any(after.startswith(v) for v in gaz.program_verbs_before)


def find_quoted_events(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """“…投资推介会——…储能产业专场”: an event named with a subtitle, quotes and all."""
    dashes = _subtitle_dashes(gaz)
    found = []
    for match in _QUOTED_WITH_DASH.finditer(view.text):
        inner = match.group(1)
        title = next((inner[: inner.index(d)] for d in dashes if d in inner), "")
        if title.endswith(gaz.event_heads) and len(title) > 4:
            found.append(Candidate(match.start(), match.end(), "Event", match.group(), "quoted_event"))
    return found


@derived
def _subtitle_dashes(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["event"]["subtitle_dashes"])


@derived
def _national_pattern(gaz: Gazetteers) -> re.Pattern[str]:
    names = "|".join(map(re.escape, gaz.national_programs))
    heads = "|".join(map(re.escape, gaz.national_program_heads))
    return re.compile(f"“(?:{names})”|(?:{names})(?:{heads})?")


def find_national_programs(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """链长制, “揭榜挂帅”, 东数西算工程: programs the gazetteer knows, at word boundaries."""
    found = []
    for match in _national_pattern(gaz).finditer(view.text):
        quoted = match.group().startswith("“")
        if quoted or (view.is_start(match.start()) and view.is_start(match.end())):
            found.append(Candidate(match.start(), match.end(), "Program", match.group(), "national_program"))
    return found


@derived
def _head_pattern(gaz: Gazetteers) -> tuple[re.Pattern[str], dict[str, str]]:
    labels = {head: "Program" for head in gaz.program_heads}
    labels.update({head: "Event" for head in gaz.event_heads})
    pattern = re.compile("|".join(map(re.escape, sorted(labels, key=len, reverse=True))))
    return pattern, labels


@derived
def _event_grammar(gaz: Gazetteers) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    raw = gaz.names["event"]
    return tuple(raw["named_by_host"]), tuple(raw["scope_openings"]), raw["joiner"]


@derived
def _activity_words(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["event"]["activity_words"])


def _only_activity_words(body: str, gaz: Gazetteers) -> bool:
    """`body` is written in activity words alone (战略合作签约 = 战略合作 + 签约), or is empty."""
    words = _activity_words(gaz)
    covered = [True] + [False] * len(body)
    for end in range(1, len(body) + 1):
        covered[end] = any(covered[start] and body[start:end] in words for start in range(max(0, end - 4), end))
    return covered[-1]


@derived
def _ceremony_heads(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["event"]["ceremony_heads"])


@derived
def _holding_verbs(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["event"]["named_by_verb"])


@derived
def _held(gaz: Gazetteers) -> re.Pattern[str]:
    event = gaz.names["event"]
    verbs = "|".join(map(re.escape, event["held_verbs"]))
    when = "|".join(map(re.escape, event["held_when"]))
    return re.compile(f"(?:\\d{{1,2}}月(?:\\d{{1,2}}日)?|{when})*(?:在[^，。；、“”]{{1,10}}?)?(?:{verbs})")


def _joined_event(text: str, start: int, events: dict[int, int], gaz: Gazetteers) -> int:
    """…签约仪式暨…现场会: an event right before the joiner opens the joined one."""
    _, _, joiner = _event_grammar(gaz)
    if text.endswith(joiner, 0, start) and start - len(joiner) in events:
        return events[start - len(joiner)]
    return start


@derived
def _description_ends(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["program"]["description_ends"])


@derived
def _kind_words(gaz: Gazetteers) -> frozenset[str]:
    return frozenset(gaz.names["program"]["kind_words_after_quotes"])


def _after_host(text: str, head_start: int, hosts: tuple[str, ...], gaz: Gazetteers) -> int:
    """Where the name of a hosted event starts: right after …主办的 with no break before its head; -1."""
    window = text[max(0, head_start - gaz.max_name_chars) : head_start]
    best = max((window.rfind(host) + len(host) for host in hosts if host in window), default=-1)
    if best < 0 or any(not is_name_char(ch) and ch not in "“”‘’（）" for ch in window[best:]):
        return -1
    return head_start - len(window) + best


def _opens_clause(view: TokenView, start: int, gaz: Gazetteers) -> bool:
    """The name starts its clause (after punctuation or a stop word), so nothing of it was cut."""
    before = view.token_before(start)
    if before is None or not view.text[start - 1].isalnum():
        return True
    return view.text[before[0] : before[1]] in gaz.stop_words


def _scope_before(text: str, start: int, scopes: tuple[str, ...]) -> int:
    """Where a scope word (全市) opens the name, allowing one adjective it kept out (全市新材料…); -1 if none."""
    for gap in (0, 1):
        for scope in scopes:
            if text.endswith(scope, 0, start - gap) and (gap == 0 or text[start - 1].isalpha()):
                return start - gap - len(scope)
    return -1


def find_headed_names(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """…计划, …大会, …母基金: read leftwards from the head word.

    An event is named, though nothing in it is specific, when its host is said just before it
    (由…主办的学术研讨会), its scope opens it (全市…推进会议) or it is said to be held
    (…座谈会在永清召开, 举办…成果报告会); two events joined by 暨 are one.
    """
    text = view.text
    pattern, labels = _head_pattern(gaz)
    hosts, scopes, _ = _event_grammar(gaz)
    found = []
    event_starts: dict[int, int] = {}  # end of an event → its start, for 暨
    for match in pattern.finditer(text):
        head = match.group()
        if not view.is_start(match.end()):
            continue
        if head in _ceremony_heads(gaz) and text.endswith(gaz.event_heads, 0, match.start()):
            continue  # …发展大会开幕式: the event is …发展大会, found at its own head
        start = name_start(view, gaz, match.start(), quotes=True)
        if start > 0 and _EDITION.match(text, start - 1):
            start -= 1  # 暨第九届…: jieba glued 第 to the word before it
        known = next(
            (m for m in _national_pattern(gaz).finditer(text, start, match.end()) if m.end() == match.end()), None
        )
        if known is not None:
            start = known.start()  # 贵州建设东数西算工程: a known program with its head is the whole name
        if labels[head] == "Event":
            start = _widened_event_start(view, gaz, start, match.start())
        start = _past_holding_verb(text, start, match.start(), gaz)
        start = _from_edition(text, start, match.start(), gaz)
        edition = _edition_before(text, start, gaz)
        start -= len(edition)
        named = False
        if labels[head] == "Event":
            hosted = _after_host(text, match.start(), hosts, gaz)
            if hosted >= 0 and hosted < start:
                # …承办的中国预制菜产业科技创新大会: the host clause bounds the name, verbs and all,
                # but for a verb of holding (…主办的某工作站在某地举行开站仪式)
                start = _past_holding_verb(text, hosted, match.start(), gaz)
            joined = _joined_event(text, start, event_starts, gaz)
            scope = _scope_before(text, start, scopes)
            held = (
                match.start() - start >= 4
                and _held(gaz).match(text, match.end()) is not None
                and _opens_clause(view, start, gaz)
            )
            held = held or (match.start() - start >= 4 and text.endswith(_holding_verbs(gaz), 0, start))
            named = joined != start or scope >= 0 or text.endswith(hosts, 0, start) or held
            start = joined if joined != start else (scope if scope >= 0 else start)
        name = text[start : match.end()]
        if is_generic(name, head, gaz) or _bare_place(name, head, gaz) or name.endswith(_description_ends(gaz)):
            continue
        if not (named or _is_specific(view, start, match.end(), head, edition, gaz)):
            continue
        if labels[head] == "Event" and name.startswith(_several_levels(gaz)):
            continue  # 省市委人才工作会议: the meetings of two levels, no one event
        if labels[head] == "Event" and not edition and _only_activity_words(name[: -len(head)], gaz):
            continue  # 战略合作签约仪式 held somewhere: what kind of meeting, not which
        if gaz.counted.search(name):
            continue  # 20个重点项目: a count of things, not a name
        if _QUOTED.fullmatch(name[: -len(head)]) and head in _kind_words(gaz):
            continue  # “揭榜挂帅”项目 is the program “揭榜挂帅”: 项目 only says what kind of thing it is
        end = match.end()
        if name.count("“") > name.count("”") and text.startswith("”", end):
            end += 1  # 首届“泉州人才节”: the name's own quotes close after its head
        found.append(Candidate(start, end, labels[head], text[start:end], "head_grammar"))
        if labels[head] == "Event":
            event_starts[end] = start
    return found


def _widened_event_start(view: TokenView, gaz: Gazetteers, start: int, head_start: int) -> int:
    """2024中国（河南）预制食品产业发展大会: a verb (预制) inside an event named after its place or the
    nation, or named by a verb of holding, is part of the name, though it ends a program's."""
    wide = name_start(view, gaz, head_start, quotes=False)
    if wide < start and (
        gaz.place_at(view.text, wide) is not None or view.text.startswith(_specific_starts(gaz), wide)
    ):
        return wide
    return min(start, _after_holding_verb(view.text, start, head_start, gaz))


def _after_holding_verb(text: str, start: int, head_start: int, gaz: Gazetteers) -> int:
    """共同举办科技成果转化对接推进会: what a verb of holding names, up to the head, verbs and all
    (the clause's last such verb, with only name characters after it)."""
    opening = head_start
    while opening > max(0, head_start - gaz.max_name_chars) and is_name_char(text[opening - 1]):
        opening -= 1
    verb_ends = [
        at + len(verb)
        for verb in _holding_verbs(gaz)
        if (at := text.rfind(verb, opening, head_start)) >= 0
        and at + len(verb) < head_start
        and not text.startswith(_OF, at + len(verb))
    ]  # 举办的: a host clause, found at its host
    if not verb_ends:
        return start
    opening = max(verb_ends)
    opening += next((len(d) for d in _named_determiners(gaz) if text.startswith(d, opening)), 0)  # 举办这次…
    return opening if head_start - opening >= 4 else start


@derived
def _several_levels(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["event"]["several_levels"])


@derived
def _named_determiners(gaz: Gazetteers) -> tuple[str, ...]:
    """本次, 这次: they point back to an event named before, and are no part of its name."""
    raw = load_data_yaml("patterns/relations.yaml", gaz.data_dir)
    return tuple(sorted(raw["anaphora"]["named_determiners"], key=len, reverse=True))


def _past_holding_verb(text: str, start: int, head_start: int, gaz: Gazetteers) -> int:
    """隆重举行江屿…开工仪式: a verb of holding inside the name (jieba took 隆重举行 for a name)
    ends what precedes the event."""
    for verb in _holding_verbs(gaz):
        at = text.rfind(verb, start, head_start)
        if at >= 0:
            start = max(start, at + len(verb))
    return start


_OF = "的"
_EDITION = re.compile(r"首届|第[一二三四五六七八九十百\d]+届")
_YEAR = re.compile(r"\d{4}年?度?")


def _from_edition(text: str, start: int, head_start: int, gaz: Gazetteers) -> int:
    """按下首届…服装周: an edition opens the event's name unless a year, a place, a scope or a body
    comes before it (2020首届…, 中国首届…, 浙江大学第三届…)."""
    edition = _EDITION.search(text, start, head_start)
    if edition is None or edition.start() == start:
        return start
    lead = text[start : edition.start()]
    _, scopes, _ = _event_grammar(gaz)
    if (
        _YEAR.fullmatch(lead)
        or lead.startswith(_specific_starts(gaz))
        or lead in scopes
        or _bare_place(lead + "届", "届", gaz)
        or lead.endswith(gaz.org_suffixes)
    ):
        return start
    return edition.end()  # the edition itself is taken with the name below


def _edition_before(text: str, start: int, gaz: Gazetteers) -> str:
    window = text[max(0, start - 8) : start]
    for cut in range(len(window)):
        if gaz.edition_prefix.match(window[cut:]):
            return window[cut:]
    return ""


def _has_name_word(view: TokenView, start: int, end: int, name_tags: frozenset[str]) -> bool:
    position = start
    while position < end:
        index = view.token_at(position)
        word_end = min(view.ends[index], end)
        word = view.text[view.starts[index] : word_end]
        if len(word) >= 2 and view.starts[index] >= start and word_tag(word) in name_tags:
            return True
        position = word_end
    return False


@derived
def _town_suffixes(gaz: Gazetteers) -> tuple[str, ...]:
    return tuple(gaz.names["region"]["town_suffixes"])


def _bare_place(name: str, head: str, gaz: Gazetteers) -> bool:
    """浙江计划, 滕州市滨湖镇项目: places (a town too) and a head word with nothing between name nothing."""
    rest = name[: -len(head)]
    while rest:
        hit = gaz.place_at(rest, 0)
        if hit is not None:
            rest = rest[len(hit[0]) :]
        elif 2 <= len(rest) <= 5 and rest.endswith(_town_suffixes(gaz)):
            rest = ""
        else:
            return False
    return True


@derived
def _specificity(gaz: Gazetteers) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    raw = gaz.names["program"]
    return tuple(raw["rank_openings"]), tuple(raw["own_places"]), frozenset(raw["name_word_tags"])


def _is_specific(view: TokenView, start: int, end: int, head: str, edition: str, gaz: Gazetteers) -> bool:
    """Something in the name singles one thing out: an edition, quotes, a number, a place, 国家/中国…,
    an organization, or a word jieba tags as a name.
    A rank (省级科研平台) or "our" place (我国标识解析体系) alone does not."""
    name = view.text[start:end]
    ranks, own_places, name_tags = _specificity(gaz)
    if _YEARS_ALONE.fullmatch(name[: -len(head)]):
        return False  # 3年行动计划 with nothing before it: whose plan is not said
    if edition or "“" in name or "‘" in name or any(ch.isdigit() for ch in name) or _SPAN_OF_YEARS.search(name):
        return True  # …三年行动计划: a plan of so many years is that plan
    if view.text[start - 1 : start] in "“‘" and view.text[end : end + 1] in "”’":
        return True  # “十四五新型共享储能项目”: the quotes name it
    if name.startswith(ranks) or name.startswith(own_places):
        return False
    if name.startswith(_specific_starts(gaz)):
        return True
    if _has_name_word(view, start, end - len(head), name_tags):
        return True
    if any(name[:k] in gaz.places and view.is_start(start + k) for k in range(2, min(len(name), 8))):
        return True  # a place opening the name, ending on a word boundary (新平 is no place in 新平台)
    return any(name.find(s, 2, len(name) - 2) > 0 for s in gaz.org_suffixes if len(s) >= 2)


@derived
def _designation_grammar(
    gaz: Gazetteers,
) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...], tuple[str, ...], int, int]:
    raw = gaz.names["program"]
    verbs = "|".join(map(re.escape, sorted(raw["designation_verbs"], key=len, reverse=True)))
    shortest, longest = raw["designation_chars"]
    return (
        re.compile(f"(?:{verbs})了?"),
        re.compile(raw["designation_count"]),
        tuple(raw["designation_openings"]),
        tuple(raw["designation_ends"]),
        int(shortest),
        int(longest),
    )


_DESIGNATION_ITEM = re.compile(r"[^，。；、：！？“”《》（）\n]+")


def find_designations(view: TokenView, gaz: Gazetteers) -> list[Candidate]:
    """跻身全国科技创新百强县20强, 获评山东省创业型城市, 荣获省储能示范项目、省双招双引重点签约项目:
    the honours a verb of winning lists, each opened by a place, the nation or a level and ending
    in a word for an honour."""
    verbs, count, openings, ends, shortest, longest = _designation_grammar(gaz)
    text = view.text
    found = []
    for verb in verbs.finditer(text):
        at = verb.end()
        while True:
            at = count.match(text, at).end()
            item = _DESIGNATION_ITEM.match(text, at)
            if item is None:
                break
            name = item.group()
            opened = name.startswith(openings) or gaz.place_at(name, 0) is not None
            if shortest <= len(name) <= longest and opened and name.endswith(ends):
                found.append(Candidate(item.start(), item.end(), "Program", name, "designation"))
            if not text.startswith("、", item.end()):
                break
            at = item.end() + 1
    return found
